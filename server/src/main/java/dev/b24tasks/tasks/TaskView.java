package dev.b24tasks.tasks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.DirectoryViews;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.Wire;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Domain -> the Bitrix24 task object: camelCase keys in the order of the documentation's examples, ids and
 * numbers as strings, Y/N flags, dates in the viewer's offset, PHP's {@code []} for empty maps. One view serves
 * one call and one viewer, inside the call's transaction: it loads what its tasks need as sets, in a fixed number of
 * queries whatever their number (the people of all tasks, their workgroups, each feature's parts), and the
 * viewer's facts are those the call's rules already used.
 */
public final class TaskView {

  private final TaskService service;
  private final Directory directory;
  private final List<TaskViewAddons> addons;
  private final TaskService.UserFacts viewer;
  private final ZoneId zone;
  /** What one {@link #load} brought: the people and the features' parts of one set of tasks. */
  record Loaded(Map<Long, User> users, List<TaskViewAddons.Parts> parts) {}

  /** Where the entries of a task object go, in order: a map, or the answer's JSON generator ({@link TaskObject}). */
  @FunctionalInterface
  interface Out {
    void put(String key, Object value) throws IOException;
  }

  private Loaded loaded = new Loaded(Map.of(), List.of());

  public TaskView(TaskService service, Directory directory, List<TaskViewAddons> addons, long viewerId) {
    this.service = service;
    this.directory = directory;
    this.addons = List.copyOf(addons);
    this.viewer = service.facts(viewerId);
    this.zone = viewer.zone();
  }

  /** The full object of tasks.task.get and of every status method's answer, as a map. */
  public Map<String, Object> full(Task t) {
    load(List.of(t));
    return object(t, null);
  }

  /**
   * The full object of tasks.task.get and of every status method's answer, written straight to the answer's JSON
   * (what it needs from the store is read now, inside the call's transaction).
   */
  TaskObject stream(Task t) {
    load(List.of(t));
    return streamed(t, null);
  }

  /** List rows, written straight to the answer's JSON: the full objects, each with {@code subStatus} after {@code status}. */
  List<TaskObject> rows(List<Task> tasks, Map<Long, Integer> subStatus) {
    load(tasks);
    List<TaskObject> out = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      out.add(streamed(t, subStatus == null ? null : str(subStatus.getOrDefault(t.id(), t.status().code))));
    }
    return out;
  }

  private TaskObject streamed(Task t, String subStatus) {
    return new TaskObject(this, t, subStatus, loaded, service.access(viewer, t), group(t.groupId()));
  }

  /** The full objects of a set of tasks, everything they need loaded once for the whole set. */
  public List<Map<String, Object>> objects(List<Task> tasks) {
    load(tasks);
    List<Map<String, Object>> out = new ArrayList<>(tasks.size());
    for (Task t : tasks) out.add(object(t, null));
    return out;
  }

  /** Loads what the objects of {@code tasks} need (people, workgroups, features' parts) as one set, for a caller
   * that reads single parts of it ({@link #checklistOf}) rather than whole objects. */
  void prepare(List<Task> tasks) {
    load(tasks);
  }

  /** The {@code checklist} of a task of the prepared set. */
  Map<String, Object> checklistOf(long taskId) {
    return checklist(taskId);
  }

  /** A member of one of the tasks this view has shown (creator, responsible, …), or null when she is gone. */
  User member(long userId) {
    return loaded.users().get(userId);
  }

  /**
   * Everything the objects of {@code tasks} need beyond the rows: the people of all of them (one query), their
   * workgroups with the viewer's permissions in each (one), and each feature's parts (one per kind of data).
   */
  private void load(List<Task> tasks) {
    Set<Long> people = new LinkedHashSet<>();
    Set<Long> groups = new LinkedHashSet<>();
    for (Task t : tasks) {
      people.addAll(t.allMembers());
      if (t.groupId() > 0) groups.add(t.groupId());
    }
    Map<Long, User> users = directory.users(people);
    service.knowGroups(viewer, groups);
    Map<Long, TaskFacts> readable = new LinkedHashMap<>();
    for (Task t : tasks) {
      TaskFacts f = service.taskFacts(viewer, t);
      if (f.allows(TaskAction.READ)) readable.put(t.id(), f);
    }
    TaskViewAddons.TaskSet set = new TaskViewAddons.TaskSet(viewer.userId(), zone, readable);
    List<TaskViewAddons.Parts> loaded = new ArrayList<>(addons.size());
    if (!readable.isEmpty()) for (TaskViewAddons a : addons) loaded.add(a.load(set));
    this.loaded = new Loaded(users, loaded);
  }

  private Map<String, Object> checklist(long taskId) {
    return checklist(loaded, taskId);
  }

  private static Map<String, Object> checklist(Loaded l, long taskId) {
    if (l.parts().size() == 1) return l.parts().get(0).checklist(taskId);
    Map<String, Object> out = new LinkedHashMap<>();
    for (TaskViewAddons.Parts p : l.parts()) out.putAll(p.checklist(taskId));
    return out;
  }

  private static List<Object> checklistTree(Loaded l, long taskId) {
    List<Object> out = new ArrayList<>();
    for (TaskViewAddons.Parts p : l.parts()) out.addAll(p.checklistTree(taskId));
    return out;
  }

  private static long newCommentsCount(Loaded l, long taskId) {
    long n = 0;
    for (TaskViewAddons.Parts p : l.parts()) n += p.newCommentsCount(taskId);
    return n;
  }

  /** The task object as a map; {@code subStatus} (list rows) comes right after {@code status} when given. */
  private Map<String, Object> object(Task t, String subStatus) {
    Map<String, Object> m = new LinkedHashMap<>(128);
    try {
      write(t, subStatus, loaded, service.access(viewer, t), group(t.groupId()), m::put);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a map does not fail
    }
    return m;
  }

  /**
   * The entries of the task object, in the documentation's order, to {@code m}; {@code access} and {@code group}
   * were read when the object was made, everything else is in {@code l} or the row.
   */
  void write(Task t, String subStatus, Loaded l, Map<TaskAction, Boolean> access, Object group, Out m)
      throws IOException {
    m.put("id", str(t.id()));
    m.put("parentId", str(t.parentId()));
    m.put("title", t.title());
    m.put("description", t.description());
    m.put("mark", t.mark());
    m.put("priority", str(t.priority()));
    m.put("multitask", Wire.yn(t.multitask()));
    m.put("notViewed", Wire.yn(t.viewer().viewedDate() == null && !t.isCreator(viewer.userId())));
    m.put("replicate", Wire.yn(t.replicate()));
    m.put("stageId", str(t.stageId()));
    m.put("sprintId", null);
    m.put("backlogId", null);
    m.put("createdBy", str(t.createdBy()));
    m.put("createdDate", date(t.createdDate()));
    m.put("responsibleId", str(t.responsibleId()));
    m.put("changedBy", str(t.changedBy()));
    m.put("changedDate", date(t.changedDate()));
    m.put("statusChangedBy", str(t.statusChangedBy()));
    m.put("closedBy", str(t.closedBy()));
    m.put("closedDate", date(t.closedDate()));
    m.put("activityDate", date(t.activityDate()));
    m.put("dateStart", date(t.dateStart()));
    m.put("deadline", date(t.deadline()));
    m.put("startDatePlan", date(t.startDatePlan()));
    m.put("endDatePlan", date(t.endDatePlan()));
    m.put("guid", t.guid());
    m.put("xmlId", t.xmlId());
    m.put("commentsCount", str(t.commentsCount()));
    m.put("serviceCommentsCount", str(t.serviceCommentsCount()));
    m.put("allowChangeDeadline", Wire.yn(t.allowChangeDeadline()));
    m.put("allowTimeTracking", Wire.yn(t.allowTimeTracking()));
    m.put("taskControl", Wire.yn(t.taskControl()));
    m.put("addInReport", Wire.yn(t.addInReport()));
    m.put("forkedByTemplateId", null);
    m.put("timeEstimate", str(t.timeEstimate()));
    m.put("timeSpentInLogs", str(t.timeSpentInLogs()));
    m.put("matchWorkTime", Wire.yn(t.matchWorkTime()));
    m.put("forumTopicId", null);
    m.put("forumId", null);
    m.put("siteId", t.siteId());
    m.put("subordinate", Wire.yn(subordinate(t)));
    m.put("exchangeModified", null);
    m.put("exchangeId", null);
    m.put("outlookVersion", str(t.outlookVersion()));
    m.put("viewedDate", date(t.viewer().viewedDate()));
    m.put("sorting", t.sorting() == null ? null : str(t.sorting()));
    m.put("durationFact", str(t.durationFact()));
    m.put("isMuted", Wire.yn(t.viewer().muted()));
    m.put("isPinned", Wire.yn(t.viewer().pinned()));
    m.put("isPinnedInGroup", "N");
    m.put("flowId", null);
    m.put("descriptionInBbcode", "Y");
    m.put("status", str(t.status().code));
    if (subStatus != null) m.put("subStatus", subStatus);
    m.put("statusChangedDate", date(t.statusChangedDate()));
    m.put("durationPlan", str(t.durationPlan()));
    m.put("durationType", t.durationType());
    m.put("favorite", Wire.yn(t.viewer().favorite()));
    m.put("groupId", str(t.groupId()));
    m.put("auditors", strings(t.auditors()));
    m.put("accomplices", strings(t.accomplices()));
    m.put("checklist", checklist(l, t.id()));
    m.put("group", group);
    m.put("creator", userBrief(l, t.createdBy()));
    m.put("responsible", userBrief(l, t.responsibleId()));
    m.put("accomplicesData", briefs(l, t.accomplices()));
    m.put("auditorsData", briefs(l, t.auditors()));
    m.put("newCommentsCount", newCommentsCount(l, t.id()));
    Map<String, Object> action = new LinkedHashMap<>();
    access.forEach((a, allowed) -> action.put(a.viewKey, allowed));
    m.put("action", action);
    m.put("checkListTree", checkListTree(l, t));
    m.put("checkListCanAdd", access.get(TaskAction.CHECKLIST_ADD_ITEMS));
  }

  private boolean subordinate(Task t) {
    if (t.isMember(viewer.userId())) return true;
    for (long m : t.allMembers()) if (viewer.subordinates().contains(m)) return true;
    return false;
  }

  private Map<String, Object> checkListTree(Loaded l, Task t) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", null);
    fields.put("copiedId", null);
    fields.put("entityId", null);
    fields.put("userId", viewer.userId());
    fields.put("createdBy", null);
    fields.put("parentId", null);
    fields.put("title", "");
    fields.put("sortIndex", null);
    fields.put("displaySortIndex", "");
    fields.put("isComplete", false);
    fields.put("isImportant", false);
    fields.put("completedCount", 0);
    fields.put("members", List.of());
    fields.put("attachments", List.of());
    fields.put("nodeId", null);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("nodeId", 0);
    root.put("fields", fields);
    root.put("action", List.of());
    root.put("descendants", checklistTree(l, t.id()));
    return root;
  }

  /** {@code {"id","name","opened","membersCount","image","additionalData"}}, or {@code []} without a group. */
  private Object group(long groupId) {
    return service.group(viewer, groupId).<Object>map(DirectoryViews::groupBrief).orElse(Map.of());
  }

  /** {@code {"id","name","link","icon","workPosition"}}; a user who is gone keeps her id and an empty name. */
  private static Map<String, Object> userBrief(Loaded l, long id) {
    User u = l.users().get(id);
    if (u != null) return DirectoryViews.userBrief(u);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", str(id));
    m.put("name", "");
    m.put("link", "/company/personal/user/" + id + "/");
    m.put("icon", DirectoryViews.DEFAULT_AVATAR);
    m.put("workPosition", "");
    return m;
  }

  private static Map<String, Object> briefs(Loaded l, Collection<Long> ids) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Long id : ids) m.put(str(id), userBrief(l, id));
    return m;
  }

  // ---- wire values ---------------------------------------------------------------------------------------

  String date(Instant i) {
    return Wire.date(i, zone);
  }

  public ZoneId zone() {
    return zone;
  }

  static String str(Object v) {
    if (v == null) return null;
    if (v instanceof Double d) return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    return String.valueOf(v);
  }


  private static List<String> strings(Collection<Long> ids) {
    List<String> out = new ArrayList<>(ids.size());
    for (Long id : ids) out.add(str(id));
    return out;
  }

  // ---- the answer's task object, written straight to the JSON generator --------------------------------------

  /**
   * One task object of an answer, written straight from the {@link Task} to the answer's JSON generator (no map in
   * between): the keys, their order and the values exactly as {@link TaskView} puts them, narrowed by a
   * {@code select}, with {@code tags} last when asked for. What it needs from the store (the caller's access, the
   * workgroup, the people, the features' parts) was read when it was made, inside the call's transaction.
   */
  static final class TaskObject implements JsonSerializable {
    private final TaskView view;
    private final Task task;
    private final String subStatus;
    private final TaskView.Loaded loaded;
    private final Map<TaskAction, Boolean> access;
    private final Object group;
    private TaskSelect select;
    private Object tags;
    private Object files;
    private Long chat;
    private boolean chatAsked;
    private Map<String, Object> userFields;

    TaskObject(TaskView view, Task task, String subStatus, TaskView.Loaded loaded, Map<TaskAction, Boolean> access,
        Object group) {
      this.view = view;
      this.task = task;
      this.subStatus = subStatus;
      this.loaded = loaded;
      this.access = access;
      this.group = group;
    }

    long id() {
      return task.id();
    }

    /** Only the keys {@code select} keeps (null: all). */
    TaskObject select(TaskSelect s) {
      this.select = s != null && s.all() ? null : s;
      return this;
    }

    /** {@code tags}, written last. */
    void tags(Object t) {
      this.tags = t;
    }

    /** {@code chatId} (select CHAT_ID): the task chat's id (null: none), written after {@code descriptionInBbcode}. */
    void chat(Long chatId) {
      this.chat = chatId;
      this.chatAsked = true;
    }

    /** The custom fields' values (FIELD_NAME to value), written last with camelCase keys ({@code ufTaskBudget}). */
    void userFields(Map<String, Object> values) {
      this.userFields = values;
    }

    /**
     * {@code ufTaskWebdavFiles} (attachment ids, or false), written after {@code tags} between {@code ufCrmTask}
     * and {@code ufMailMessage}, as the portal answers them together.
     */
    void files(Object f) {
      this.files = f;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
      TaskSelect s = select;
      gen.writeStartObject(this);
      view.write(task, subStatus, loaded, access, group, (key, value) -> {
        if (s == null || s.keeps(key)) {
          gen.writeFieldName(key);
          Json.writeValue(gen, provider, value);
        }
        if (chatAsked && key.equals("descriptionInBbcode")) {
          gen.writeFieldName("chatId");
          Json.writeValue(gen, provider, chat);
        }
      });
      if (tags != null && (s == null || s.keeps("tags"))) {
        gen.writeFieldName("tags");
        Json.writeValue(gen, provider, tags);
      }
      if (files != null && (s == null || s.keeps("ufTaskWebdavFiles") || s.named("UF_*"))) {
        // CRM links and mail messages are not modelled: the empty values of those user fields around the files
        gen.writeBooleanField("ufCrmTask", false);
        gen.writeFieldName("ufTaskWebdavFiles");
        Json.writeValue(gen, provider, files);
        gen.writeNullField("ufMailMessage");
      }
      if (userFields != null) {
        for (Map.Entry<String, Object> e : userFields.entrySet()) {
          gen.writeFieldName(Wire.lowerCamel(e.getKey()));
          Json.writeValue(gen, provider, e.getValue());
        }
      }
      gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(gen, provider);
    }
  }
}
