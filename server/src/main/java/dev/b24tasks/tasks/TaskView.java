package dev.b24tasks.tasks;

import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.DirectoryViews;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Wire;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * one call and one viewer; it fetches the people and groups of all its tasks once.
 */
public final class TaskView {

  private final TaskService service;
  private final Directory directory;
  private final TaskViewAddons addons;
  private final TaskService.UserFacts viewer;
  private final ZoneId zone;
  private Map<Long, User> users = Map.of();
  private final Map<Long, Object> groups = new java.util.HashMap<>();

  public TaskView(TaskService service, Directory directory, TaskViewAddons addons, long viewerId) {
    this.service = service;
    this.directory = directory;
    this.addons = addons;
    this.viewer = service.facts(viewerId);
    this.zone = directory.zoneOf(viewerId);
  }

  /** The full object of tasks.task.get and of every status method's answer. */
  public Map<String, Object> full(Task t) {
    prefetch(List.of(t));
    return object(t, false);
  }

  /** List rows: the full objects of the tasks, each with {@code subStatus} after {@code status}. */
  public List<Map<String, Object>> rows(List<Task> tasks, Map<Long, Integer> subStatus) {
    prefetch(tasks);
    List<Map<String, Object>> out = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      Map<String, Object> m = object(t, true);
      if (subStatus != null) insertAfter(m, "status", "subStatus", str(subStatus.getOrDefault(t.id(), t.status().code)));
      out.add(m);
    }
    return out;
  }

  private void prefetch(List<Task> tasks) {
    Set<Long> ids = new LinkedHashSet<>();
    for (Task t : tasks) ids.addAll(t.allMembers());
    users = directory.users(ids);
  }

  private Map<String, Object> object(Task t, boolean inList) {
    Map<String, Object> m = new LinkedHashMap<>();
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
    m.put("isPinned", "N");
    m.put("isPinnedInGroup", "N");
    m.put("flowId", null);
    m.put("descriptionInBbcode", "Y");
    m.put("status", str(t.status().code));
    m.put("statusChangedDate", date(t.statusChangedDate()));
    m.put("durationPlan", str(t.durationPlan()));
    m.put("durationType", t.durationType());
    m.put("favorite", Wire.yn(t.viewer().favorite()));
    m.put("groupId", str(t.groupId()));
    m.put("auditors", strings(t.auditors()));
    m.put("accomplices", strings(t.accomplices()));
    m.put("checklist", addons.checklist(t.id(), viewer.userId()));
    m.put("group", group(t.groupId()));
    m.put("creator", userBrief(t.createdBy()));
    m.put("responsible", userBrief(t.responsibleId()));
    m.put("accomplicesData", briefs(t.accomplices()));
    m.put("auditorsData", briefs(t.auditors()));
    m.put("newCommentsCount", addons.newCommentsCount(t.id(), viewer.userId()));
    Map<TaskAction, Boolean> access = service.access(viewer, t);
    Map<String, Object> action = new LinkedHashMap<>();
    access.forEach((a, allowed) -> action.put(a.viewKey, allowed));
    m.put("action", action);
    m.put("checkListTree", checkListTree(t));
    m.put("checkListCanAdd", access.get(TaskAction.CHECKLIST_ADD_ITEMS));
    return m;
  }

  private boolean subordinate(Task t) {
    if (t.isMember(viewer.userId())) return true;
    for (long m : t.allMembers()) if (viewer.subordinates().contains(m)) return true;
    return false;
  }

  private Map<String, Object> checkListTree(Task t) {
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
    root.put("descendants", addons.checklistTree(t.id(), viewer.userId()));
    return root;
  }

  /** {@code {"id","name","opened","membersCount","image","additionalData"}}, or {@code []} without a group. */
  private Object group(long groupId) {
    if (groupId <= 0) return Map.of();
    return groups.computeIfAbsent(groupId, this::groupBrief);
  }

  private Object groupBrief(long groupId) {
    return service.group(groupId).<Object>map(DirectoryViews::groupBrief).orElse(Map.of());
  }

  /** {@code {"id","name","link","icon","workPosition"}}; a user who is gone keeps her id and an empty name. */
  private Map<String, Object> userBrief(long id) {
    User u = users.get(id);
    if (u != null) return DirectoryViews.userBrief(u);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", str(id));
    m.put("name", "");
    m.put("link", "/company/personal/user/" + id + "/");
    m.put("icon", DirectoryViews.DEFAULT_AVATAR);
    m.put("workPosition", "");
    return m;
  }

  private Map<String, Object> briefs(Collection<Long> ids) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Long id : ids) m.put(str(id), userBrief(id));
    return m;
  }

  // ---- wire values ---------------------------------------------------------------------------------------

  String date(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, zone).format(Wire.DATE);
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

  private static void insertAfter(Map<String, Object> m, String after, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(m);
    m.clear();
    copy.forEach((k, v) -> {
      m.put(k, v);
      if (k.equals(after)) m.put(key, value);
    });
  }
}
