package dev.b24tasks.tasks;

import dev.b24tasks.directory.Group;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Wire;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The task as REST 3.0 shows it ({@code TaskDto}, doc page {@code rest-v3/fields.md}): typed values (ints, JSON
 * booleans, string enums, ISO dates in the viewer's zone), the default key set and order of the
 * {@code tasks.task.get} / {@code add} examples, and the related objects a dotted {@code select} asks for
 * ({@code responsible.name}). One table describes every field for the views, {@code tasks.task.field.list}, the
 * select rules, the sortable columns and the OpenAPI schema.
 */
final class TaskV3Dto {
  /** What a value is computed from: the task and what the answer gathered for it. */
  record Source(Task task, long viewer, ZoneId zone, Map<TaskAction, Boolean> access, List<Long> checklist,
      boolean hasSubtasks, Long chatId) {}

  /** A field of TaskDto: its name, field.list type, the value, and what list methods may do with it. */
  record Field(String name, String type, boolean multiple, boolean editable, String sortSql, boolean sortNullable,
      boolean filterable, Function<Source, Object> value) {
    boolean sortable() {
      return sortSql != null;
    }

    /** The same field, writable through tasks.task.add / update. */
    Field writable() {
      return new Field(name, type, multiple, true, sortSql, sortNullable, filterable, value);
    }
  }

  /** A related object: its DTO name and fields, keyed by the field that holds it. */
  record Relation(String name, String entity, boolean multiple) {}

  static final String ENTITY = "TaskDto";
  static final List<String> USER_FIELDS = List.of("id", "name", "role", "image", "gender", "email", "externalAuthId",
      "rights");
  static final List<String> GROUP_FIELDS = List.of("id", "name", "image", "type", "isVisible");

  /** Relations with their DTOs (those this server has no data for answer null). */
  static final Map<String, Relation> RELATIONS = relations();

  private static Map<String, Relation> relations() {
    Map<String, Relation> m = new LinkedHashMap<>();
    for (String u : List.of("creator", "responsible", "changedBy", "statusChangedBy", "closedBy")) {
      m.put(u, new Relation(u, "UserDto", false));
    }
    m.put("accomplices", new Relation("accomplices", "UserDto", true));
    m.put("auditors", new Relation("auditors", "UserDto", true));
    m.put("group", new Relation("group", "GroupDto", false));
    m.put("parent", new Relation("parent", ENTITY, false));
    m.put("stage", new Relation("stage", "StageDto", false));
    m.put("flow", new Relation("flow", "FlowDto", false));
    m.put("chat", new Relation("chat", "ChatDto", false));
    m.put("forkedByTemplate", new Relation("forkedByTemplate", "TemplateDto", false));
    m.put("email", new Relation("email", "EmailDto", false));
    m.put("elapsedTime", new Relation("elapsedTime", "ElapsedTimeDto", false));
    m.put("source", new Relation("source", "SourceDto", false));
    return m;
  }

  /** The fields of the related DTOs, for select checks ("Unknown field `x` for entity `UserDto`"). */
  static final Map<String, List<String>> ENTITY_FIELDS = Map.of(
      "UserDto", USER_FIELDS, "GroupDto", GROUP_FIELDS, "StageDto", List.of("id", "title", "color"),
      "FlowDto", List.of("id", "name"), "ChatDto", List.of("id", "entityId", "entityType"),
      "TemplateDto", List.of("id", "title"), "EmailDto", List.of("id", "subject"),
      "ElapsedTimeDto", List.of("id", "seconds"), "SourceDto", List.of("type", "data"));

  /** Every field in the order of the docs' get example (the default set), then those outside it. */
  static final List<Field> FIELDS = fields();

  /** The default select of tasks.task.get: the base set of the examples, no related objects. */
  static final List<String> DEFAULT = List.of("id", "title", "description", "deadline", "needsControl", "startPlan",
      "endPlan", "fileIds", "checklist", "epicId", "storyPoints", "priority", "status", "statusChanged", "parentId",
      "containsChecklist", "containsSubTasks", "containsRelatedTasks", "containsGanttLinks", "containsPlacements",
      "containsResults", "numberOfReminders", "chatId", "plannedDuration", "actualDuration", "durationType",
      "started", "estimatedTime", "replicate", "changed", "closed", "activity", "guid", "xmlId", "exchangeId",
      "exchangeModified", "outlookVersion", "mark", "allowsChangeDeadline", "allowsTimeTracking", "matchesWorkTime",
      "addInReport", "isMultitask", "siteId", "deadlineCount", "declineReason", "forumTopicId", "link", "rights",
      "archiveLink", "crmItemIds", "requireResult", "matchesSubTasksTime", "autocompleteSubTasks",
      "allowsChangeDatePlan", "maxDeadlineChangeDate", "maxDeadlineChanges", "requireDeadlineChangeReason",
      "inFavorite", "inPin", "inGroupPin", "inMute", "dependsOn", "scenarios");

  private TaskV3Dto() {}

  private static List<Field> fields() {
    List<Field> f = new ArrayList<>();
    f.add(new Field("id", "int", false, false, "t.id", false, true, s -> s.task().id()));
    f.add(sortable("title", "string", "t.title", false, s -> s.task().title()).writable());
    f.add(plain("description", "string", s -> s.task().description()).writable());
    f.add(sortable("creatorId", "int", "t.created_by", false, s -> s.task().createdBy()).writable());
    f.add(relation("creator"));
    f.add(sortable("created", "object", "t.created_date", false, s -> date(s, s.task().createdDate())));
    f.add(sortable("responsibleId", "int", "t.responsible_id", false, s -> s.task().responsibleId()).writable());
    f.add(relation("responsible"));
    f.add(sortable("deadline", "object", "t.deadline", true, s -> date(s, s.task().deadline())).writable());
    f.add(plain("needsControl", "bool", s -> s.task().taskControl()).writable());
    f.add(sortable("startPlan", "object", "t.start_date_plan", true, s -> date(s, s.task().startDatePlan())).writable());
    f.add(sortable("endPlan", "object", "t.end_date_plan", true, s -> date(s, s.task().endDatePlan())).writable());
    f.add(plain("fileIds", "array", s -> null));
    f.add(plain("checklist", "array", s -> s.checklist()));
    f.add(sortable("groupId", "int", "t.group_id", false, s -> s.task().groupId() > 0 ? s.task().groupId() : null)
        .writable());
    f.add(relation("group"));
    f.add(plain("stageId", "int", s -> s.task().stageId() > 0 ? s.task().stageId() : null));
    f.add(relation("stage"));
    f.add(plain("epicId", "int", s -> null));
    f.add(plain("storyPoints", "int", s -> null));
    f.add(plain("flowId", "int", s -> null));
    f.add(relation("flow"));
    f.add(sortable("priority", "string", "t.priority", false, s -> priority(s.task().priority())).writable());
    f.add(sortable("status", "string", "t.status", false, s -> status(s.task().status())));
    f.add(plain("statusChanged", "object", s -> date(s, s.task().statusChangedDate())));
    f.add(new Field("accomplices", "array", true, true, null, false, false, s -> List.copyOf(s.task().accomplices())));
    f.add(new Field("auditors", "array", true, true, null, false, false, s -> List.copyOf(s.task().auditors())));
    f.add(plain("parentId", "int", s -> s.task().parentId()).writable());
    f.add(relation("parent"));
    f.add(plain("containsChecklist", "bool", s -> !s.checklist().isEmpty()));
    f.add(plain("containsSubTasks", "bool", Source::hasSubtasks));
    f.add(plain("containsRelatedTasks", "bool", s -> false));
    f.add(plain("containsGanttLinks", "bool", s -> false));
    f.add(plain("containsPlacements", "bool", s -> false));
    f.add(plain("containsResults", "bool", s -> false));
    f.add(plain("numberOfReminders", "int", s -> 0));
    f.add(plain("chatId", "int", Source::chatId));
    f.add(relation("chat"));
    f.add(plain("plannedDuration", "int", s -> s.task().durationPlan() == null ? 0 : s.task().durationPlan())
        .writable());
    f.add(plain("actualDuration", "int", s -> s.task().durationFact() == null ? 0 : s.task().durationFact()));
    f.add(plain("durationType", "string", s -> s.task().durationType() == null ? "days" : s.task().durationType())
        .writable());
    f.add(sortable("started", "object", "t.date_start", true, s -> date(s, s.task().dateStart())));
    f.add(sortable("estimatedTime", "int", "t.time_estimate", false, s -> s.task().timeEstimate()).writable());
    f.add(plain("replicate", "bool", s -> s.task().replicate()));
    f.add(sortable("changed", "object", "t.changed_date", false, s -> date(s, s.task().changedDate())));
    f.add(plain("changedById", "int", s -> s.task().changedBy()));
    f.add(relation("changedBy"));
    f.add(plain("statusChangedById", "int", s -> s.task().statusChangedBy()));
    f.add(relation("statusChangedBy"));
    f.add(plain("closedById", "int", s -> s.task().closedBy()));
    f.add(relation("closedBy"));
    f.add(sortable("closed", "object", "t.closed_date", true, s -> date(s, s.task().closedDate())));
    f.add(sortable("activity", "object", "t.activity_date", false, s -> date(s, s.task().activityDate())));
    f.add(plain("guid", "string", s -> s.task().guid()));
    f.add(plain("xmlId", "string", s -> s.task().xmlId()).writable());
    f.add(plain("exchangeId", "string", s -> null));
    f.add(plain("exchangeModified", "string", s -> null));
    f.add(plain("outlookVersion", "int", s -> s.task().outlookVersion()));
    f.add(sortable("mark", "string", "t.mark", true, s -> mark(s.task().mark())).writable());
    f.add(sortable("allowsChangeDeadline", "bool", "t.allow_change_deadline", false,
        s -> s.task().allowChangeDeadline()).writable());
    f.add(sortable("allowsTimeTracking", "bool", "t.allow_time_tracking", false, s -> s.task().allowTimeTracking())
        .writable());
    f.add(plain("matchesWorkTime", "bool", s -> s.task().matchWorkTime()).writable());
    f.add(plain("addInReport", "bool", s -> s.task().addInReport()).writable());
    f.add(plain("isMultitask", "bool", s -> s.task().multitask()));
    f.add(plain("siteId", "string", s -> s.task().siteId()));
    f.add(plain("forkedByTemplateId", "int", s -> null));
    f.add(relation("forkedByTemplate"));
    f.add(plain("deadlineCount", "int", s -> null));
    f.add(plain("declineReason", "string", s -> null));
    f.add(plain("forumTopicId", "int", s -> null));
    f.add(plain("maxDeadlineChangeDate", "object", s -> null));
    f.add(plain("maxDeadlineChanges", "int", s -> null));
    f.add(plain("requireDeadlineChangeReason", "bool", s -> false));
    f.add(plain("link", "string",
        s -> "/company/personal/user/" + s.viewer() + "/tasks/task/view/" + s.task().id() + "/"));
    f.add(plain("rights", "array", s -> rights(s.access())));
    f.add(plain("archiveLink", "string", s -> null));
    f.add(plain("crmItemIds", "array", s -> List.of()));
    f.add(plain("emailId", "int", s -> null));
    f.add(relation("email"));
    f.add(relation("elapsedTime"));
    f.add(plain("requireResult", "bool", s -> false));
    f.add(plain("matchesSubTasksTime", "bool", s -> false));
    f.add(plain("autocompleteSubTasks", "bool", s -> false));
    f.add(plain("allowsChangeDatePlan", "bool", s -> false));
    f.add(plain("inFavorite", "array", s -> s.task().viewer().favorite() ? List.of(s.viewer()) : List.of()));
    f.add(plain("inPin", "array", s -> s.task().viewer().pinned() ? List.of(s.viewer()) : List.of()));
    f.add(plain("inGroupPin", "array", s -> List.of()));
    f.add(plain("inMute", "array", s -> s.task().viewer().muted() ? List.of(s.viewer()) : List.of()));
    f.add(relation("source"));
    f.add(plain("dependsOn", "array", s -> List.of()));
    f.add(plain("scenarios", "array", s -> List.of("default")));
    return List.copyOf(f);
  }

  private static Field plain(String name, String type, Function<Source, Object> value) {
    return new Field(name, type, false, false, null, false, false, value);
  }

  private static Field sortable(String name, String type, String sql, boolean nullable, Function<Source, Object> value) {
    return new Field(name, type, false, false, sql, nullable, false, value);
  }

  private static Field relation(String name) {
    return new Field(name, "object", RELATIONS.get(name).multiple(), false, null, false, false, s -> null);
  }

  static Field field(String name) {
    for (Field f : FIELDS) if (f.name().equals(name)) return f;
    return null;
  }

  /** {@code rights}: what the viewer may do, under the names of the docs' example. */
  static Map<String, Object> rights(Map<TaskAction, Boolean> a) {
    Map<String, Object> r = new LinkedHashMap<>();
    boolean edit = a.getOrDefault(TaskAction.EDIT, false);
    boolean deadline = a.getOrDefault(TaskAction.CHANGE_DEADLINE, false);
    boolean checklist = a.getOrDefault(TaskAction.CHECKLIST_ADD_ITEMS, false);
    r.put("read", a.getOrDefault(TaskAction.READ, true));
    r.put("watch", true);
    r.put("mute", true);
    r.put("createResult", false);
    r.put("edit", edit);
    r.put("remove", a.getOrDefault(TaskAction.REMOVE, false));
    r.put("complete", a.getOrDefault(TaskAction.COMPLETE, false));
    r.put("approve", a.getOrDefault(TaskAction.APPROVE, false));
    r.put("disapprove", a.getOrDefault(TaskAction.DISAPPROVE, false));
    r.put("start", a.getOrDefault(TaskAction.START, false));
    r.put("take", a.getOrDefault(TaskAction.TAKE, false));
    r.put("delegate", a.getOrDefault(TaskAction.DELEGATE, false));
    r.put("defer", a.getOrDefault(TaskAction.DEFER, false));
    r.put("renew", a.getOrDefault(TaskAction.RENEW, false));
    r.put("deadline", deadline);
    r.put("datePlan", a.getOrDefault(TaskAction.EDIT_PLAN, deadline));
    r.put("changeDirector", a.getOrDefault(TaskAction.EDIT_ORIGINATOR, false));
    r.put("changeResponsible", edit);
    r.put("changeAccomplices", edit);
    r.put("pause", a.getOrDefault(TaskAction.PAUSE, false));
    r.put("timeTracking", a.getOrDefault(TaskAction.DAYPLAN_TIMER_TOGGLE, false));
    r.put("mark", a.getOrDefault(TaskAction.RATE, false));
    r.put("changeStatus", edit);
    r.put("reminder", true);
    r.put("addAuditors", true);
    r.put("elapsedTime", a.getOrDefault(TaskAction.ELAPSEDTIME_ADD, false));
    r.put("favorite", a.getOrDefault(TaskAction.ADD_FAVORITE, false) || a.getOrDefault(TaskAction.DELETE_FAVORITE, false));
    r.put("checklistAdd", checklist);
    r.put("checklistEdit", checklist);
    r.put("checklistSave", checklist);
    r.put("checklistToggle", checklist);
    r.put("automate", false);
    r.put("resultEdit", false);
    r.put("completeResult", false);
    r.put("removeResult", false);
    r.put("resultRead", false);
    r.put("admin", false);
    r.put("createSubtask", a.getOrDefault(TaskAction.READ, true));
    r.put("copy", a.getOrDefault(TaskAction.READ, true));
    r.put("saveAsTemplate", a.getOrDefault(TaskAction.READ, true));
    r.put("attachFile", edit);
    r.put("detachFile", edit);
    r.put("detachParent", edit);
    r.put("createGanttDependence", false);
    r.put("sort", false);
    return r;
  }

  static String status(Status s) {
    return switch (s) {
      case NEW, PENDING -> "pending";
      case IN_PROGRESS -> "in_progress";
      case SUPPOSEDLY_COMPLETED -> "supposedly_completed";
      case COMPLETED -> "completed";
      case DEFERRED -> "deferred";
      case DECLINED -> "declined";
    };
  }

  static String priority(int p) {
    return p >= 2 ? "high" : p <= 0 ? "low" : "average";
  }

  /** {@code high | average | low} -> 2, 1, 0; null when it is none of them. */
  static Integer priorityCode(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "high" -> 2;
      case "average" -> 1;
      case "low" -> 0;
      default -> null;
    };
  }

  /** The stored mark (P, N or none) as the examples write it. */
  static String mark(String m) {
    if ("P".equals(m)) return "positive";
    if ("N".equals(m)) return "negative";
    return "none";
  }

  private static String date(Source s, Instant at) {
    return Wire.date(at, s.zone());
  }

  /** A user as a related object, with the fields asked for (all of UserDto when none are named). */
  static Map<String, Object> user(User u, long id, List<String> fields, Task t) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields.isEmpty() ? USER_FIELDS : fields) {
      switch (f) {
        case "id" -> out.put("id", id);
        case "name" -> out.put("name", u == null ? null : u.fullName());
        case "role" -> out.put("role", role(id, t));
        case "image" -> out.put("image", null);
        case "gender" -> out.put("gender", u == null || u.personalGender() == null || u.personalGender().isEmpty() ? null : u.personalGender());
        case "email" -> out.put("email", u == null ? null : u.email());
        case "externalAuthId" -> out.put("externalAuthId", null);
        case "rights" -> out.put("rights", List.of());
        default -> { }
      }
    }
    return out;
  }

  private static String role(long id, Task t) {
    if (t.responsibleId() == id) return "responsible";
    if (t.createdBy() == id) return "creator";
    if (t.accomplices().contains(id)) return "accomplice";
    if (t.auditors().contains(id)) return "auditor";
    return null;
  }

  static Map<String, Object> group(Group g, List<String> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields.isEmpty() ? GROUP_FIELDS : fields) {
      switch (f) {
        case "id" -> out.put("id", g.id());
        case "name" -> out.put("name", g.name());
        case "image" -> out.put("image", null);
        case "type" -> out.put("type", "group");
        case "isVisible" -> out.put("isVisible", g.opened());
        default -> { }
      }
    }
    return out;
  }

  /** The people a set of tasks names, for the related user objects of a page. */
  static Set<Long> people(Task t) {
    Set<Long> ids = new java.util.LinkedHashSet<>();
    ids.add(t.createdBy());
    ids.add(t.responsibleId());
    ids.add(t.changedBy());
    if (t.statusChangedBy() != null) ids.add(t.statusChangedBy());
    if (t.closedBy() != null) ids.add(t.closedBy());
    ids.addAll(t.accomplices());
    ids.addAll(t.auditors());
    return ids;
  }
}
