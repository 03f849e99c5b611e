package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.tasks.TaskRules.Transition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The writable fields of tasks.task.add / update, read through an allow-list (anything else is ignored, as
 * Bitrix ignores unknown keys), converted to domain values, then validated against the current task: the texts
 * of CTasks::CheckFields.
 */
public final class TaskInput {
  /** The user fields every portal has, which the tasks feature serves itself (or ignores: CRM, mail). */
  static final Set<String> BUILT_IN_FIELDS = Set.of("UF_TASK_WEBDAV_FILES", "UF_CRM_TASK", "UF_MAIL_MESSAGE");
  private static final Set<String> DURATION_TYPES = Set.of("secs", "mins", "hours", "days", "weeks", "months", "years");

  private final Map<TaskField, Object> values = new EnumMap<>(TaskField.class);
  private final Set<TaskField> given = new LinkedHashSet<>();
  private List<String> tags; // null: TAGS not given
  private List<String> files; // null: UF_TASK_WEBDAV_FILES not given
  /** The custom fields' values given ({@code UF_…} keys but the built-in ones), by FIELD_NAME, as sent. */
  private final Map<String, JsonNode> userFields = new java.util.LinkedHashMap<>();

  /**
   * Reads {@code fields}; dates without an offset are in {@code zone}. Keys are the UPPER_SNAKE field names exactly,
   * as the portal takes them (Base::filterFields): only a leading {@code ~} is stripped, and a camelCase or
   * lower-case key ({@code title}, {@code responsibleId}) names no field, so it is ignored without an error.
   */
  public static TaskInput read(JsonNode fields, ZoneId zone) {
    TaskInput in = new TaskInput();
    if (fields == null || !fields.isObject()) return in;
    for (Map.Entry<String, JsonNode> e : fields.properties()) {
      String key = e.getKey().startsWith("~") ? e.getKey().substring(1) : e.getKey();
      JsonNode v = e.getValue();
      switch (key) {
        case "TITLE" -> in.put(TaskField.TITLE, text(v).trim());
        case "DESCRIPTION" -> in.put(TaskField.DESCRIPTION, text(v));
        case "MARK" -> {
          String m = text(v).toUpperCase(Locale.ROOT);
          in.put(TaskField.MARK, m.equals("P") || m.equals("N") ? m : null); // PrepareMark drops the rest
        }
        case "PRIORITY" -> {
          long p = Params.phpInt(v);
          in.put(TaskField.PRIORITY, p >= 0 && p <= 2 ? (int) p : 1);
        }
        case "STATUS" -> in.put(TaskField.STATUS, (int) Math.max(-1, Math.min(99, Params.phpInt(v)))); // no wrap
        case "PARENT_ID" -> in.put(TaskField.PARENT_ID, positiveOrNull(v));
        case "GROUP_ID" -> in.put(TaskField.GROUP_ID, Math.max(0, Params.phpInt(v)));
        case "STAGE_ID" -> in.put(TaskField.STAGE_ID, Math.max(0, Params.phpInt(v)));
        case "CREATED_BY" -> in.put(TaskField.CREATED_BY, Params.phpInt(v));
        case "RESPONSIBLE_ID" -> in.put(TaskField.RESPONSIBLE_ID, Params.phpInt(v));
        case "ACCOMPLICES" -> in.put(TaskField.ACCOMPLICES, ids(v));
        case "AUDITORS" -> in.put(TaskField.AUDITORS, ids(v));
        case "DEADLINE" -> in.put(TaskField.DEADLINE, Wire.parseDate(text(v), zone).orElse(null));
        case "START_DATE_PLAN" -> in.put(TaskField.START_DATE_PLAN, Wire.parseDate(text(v), zone).orElse(null));
        case "END_DATE_PLAN" -> in.put(TaskField.END_DATE_PLAN, Wire.parseDate(text(v), zone).orElse(null));
        case "TAGS" -> in.tags = TaskTags.names(v);
        case "UF_TASK_WEBDAV_FILES" -> in.files = fileValues(v);
        case "XML_ID" -> in.put(TaskField.XML_ID, v.isNull() ? null : text(v));
        case "ALLOW_CHANGE_DEADLINE" -> in.put(TaskField.ALLOW_CHANGE_DEADLINE, Params.truthy(v));
        case "ALLOW_TIME_TRACKING" -> in.put(TaskField.ALLOW_TIME_TRACKING, Params.truthy(v));
        case "TASK_CONTROL" -> in.put(TaskField.TASK_CONTROL, Params.truthy(v));
        case "ADD_IN_REPORT" -> in.put(TaskField.ADD_IN_REPORT, Params.truthy(v));
        case "MATCH_WORK_TIME" -> in.put(TaskField.MATCH_WORK_TIME, Params.truthy(v));
        case "TIME_ESTIMATE" -> in.put(TaskField.TIME_ESTIMATE, Math.max(0, Params.phpInt(v)));
        case "DURATION_PLAN" -> in.put(TaskField.DURATION_PLAN, Math.max(0, Params.phpInt(v)));
        case "DURATION_TYPE" -> {
          String d = text(v).toLowerCase(Locale.ROOT);
          in.put(TaskField.DURATION_TYPE, DURATION_TYPES.contains(d) ? d : "days");
        }
        case "SITE_ID" -> in.put(TaskField.SITE_ID, text(v));
        default -> {
          // a custom field's value (the userfields feature knows which names are fields); else read-only or unknown
          if (key.startsWith("UF_") && !BUILT_IN_FIELDS.contains(key)) in.userFields.put(key, v);
        }
      }
    }
    return in;
  }

  private void put(TaskField f, Object v) {
    values.put(f, v);
    given.add(f);
  }

  public boolean isEmpty() {
    return given.isEmpty();
  }

  public Set<TaskField> given() {
    return given;
  }

  // ---- add ---------------------------------------------------------------------------------------------

  TaskStore.NewTask toNewTask(long actor, Instant now, Directory dir, TaskService svc) {
    String title = (String) values.get(TaskField.TITLE);
    if (title == null || title.isEmpty()) throw TaskException.invalid("TITLE_MISSING");
    Long responsible = (Long) values.get(TaskField.RESPONSIBLE_ID);
    if (responsible == null || responsible <= 0) throw TaskException.invalid("RESPONSIBLE_MISSING");
    if (!dir.exists(responsible)) throw TaskException.invalid("RESPONSIBLE_NOT_FOUND");
    long creator = values.containsKey(TaskField.CREATED_BY) ? (Long) values.get(TaskField.CREATED_BY) : actor;
    if (creator <= 0 || !dir.exists(creator)) throw TaskException.invalid("CREATOR_NOT_FOUND");
    Status status = status(values.getOrDefault(TaskField.STATUS, 2));
    Long parent = (Long) values.get(TaskField.PARENT_ID);
    // a parent the actor cannot read is "not found", exactly as a missing one: no existence oracle, no attaching
    // subtasks under other people's tasks
    if (parent != null && !svc.readableBy(actor, parent)) throw TaskException.invalid("PARENT_NOT_FOUND");
    Instant start = (Instant) values.get(TaskField.START_DATE_PLAN);
    Instant end = (Instant) values.get(TaskField.END_DATE_PLAN);
    checkPlan(start, end);
    List<Long> acc = existing(dir, values.get(TaskField.ACCOMPLICES));
    List<Long> aud = existing(dir, values.get(TaskField.AUDITORS));
    return new TaskStore.NewTask(actor, now, parent, title, (String) values.getOrDefault(TaskField.DESCRIPTION, ""),
        (String) values.get(TaskField.MARK), (Integer) values.getOrDefault(TaskField.PRIORITY, 1), status,
        (Long) values.getOrDefault(TaskField.GROUP_ID, 0L), (Long) values.getOrDefault(TaskField.STAGE_ID, 0L),
        creator, responsible, acc, aud, (Instant) values.get(TaskField.DEADLINE), start, end,
        TaskService.newGuid(), (String) values.get(TaskField.XML_ID), flag(TaskField.ALLOW_CHANGE_DEADLINE),
        flag(TaskField.ALLOW_TIME_TRACKING), flag(TaskField.TASK_CONTROL), flag(TaskField.ADD_IN_REPORT),
        (Long) values.getOrDefault(TaskField.TIME_ESTIMATE, 0L), flag(TaskField.MATCH_WORK_TIME),
        (String) values.getOrDefault(TaskField.SITE_ID, "s1"), (Long) values.get(TaskField.DURATION_PLAN),
        (String) values.getOrDefault(TaskField.DURATION_TYPE, "days"));
  }

  // ---- update ------------------------------------------------------------------------------------------

  /** The change an update makes, with the bookkeeping of a status or responsible change. */
  TaskChange toChange(Task t, Actor a, Instant now, Directory dir, TaskService svc) {
    if (given.contains(TaskField.TITLE) && ((String) values.get(TaskField.TITLE)).isEmpty()) {
      throw TaskException.invalid("TITLE_MISSING");
    }
    Status status = given.contains(TaskField.STATUS) ? status(values.get(TaskField.STATUS)) : null;
    Long responsible = (Long) values.get(TaskField.RESPONSIBLE_ID);
    if (responsible != null && (responsible <= 0 || !dir.exists(responsible))) {
      throw TaskException.invalid("RESPONSIBLE_NOT_FOUND");
    }
    Long parent = (Long) values.get(TaskField.PARENT_ID);
    if (parent != null && parent == t.id()) throw TaskException.invalid("PARENT_SELF");
    if (parent != null && !svc.readableBy(a.userId(), parent)) throw TaskException.invalid("PARENT_NOT_FOUND");
    if (parent != null && svc.descendsFrom(parent, t.id())) throw TaskException.invalid("PARENT_CYCLE");
    Instant start = (Instant) values.getOrDefault(TaskField.START_DATE_PLAN, t.startDatePlan());
    Instant end = (Instant) values.getOrDefault(TaskField.END_DATE_PLAN, t.endDatePlan());
    checkPlan(start, end);

    boolean newResponsible = responsible != null && responsible != t.responsibleId();
    // the creator whose departments PrepareMembers looks at: a new one given in the same update, else the task's
    long creator = (Long) values.getOrDefault(TaskField.CREATED_BY, t.createdBy());
    boolean inReport = newResponsible && svc.inCreatorsDepartments(creator, responsible);
    TaskChange c;
    if (newResponsible && given.equals(Set.of(TaskField.RESPONSIBLE_ID))) {
      // task_change_responsible: the delegate path
      c = Transition.delegate(t, a.userId(), responsible, inReport, now);
    } else if (newResponsible) {
      // PrepareMembers: STATUS 2 unless one is given, no auditor appended
      c = Transition.reassign(t, a.userId(), responsible, status, inReport, now);
    } else if (status != null) {
      c = Transition.status(t, status, a.userId(), now);
    } else {
      c = Transition.stamp(new TaskChange(), a.userId(), now);
    }
    for (TaskField f : given) {
      Object v = values.get(f);
      switch (f) {
        case STATUS -> { } // already in c
        case ADD_IN_REPORT -> {
          if (!c.has(f)) c.set(f, v); // PrepareMembers' ADD_IN_REPORT N wins over the one given
        }
        case ACCOMPLICES, AUDITORS -> c.set(f, new LinkedHashSet<>(existing(dir, v)));
        case CREATED_BY -> {
          if ((Long) v <= 0 || !dir.exists((Long) v)) throw TaskException.invalid("CREATOR_NOT_FOUND");
          c.set(f, v);
        }
        default -> c.set(f, v);
      }
    }
    return c;
  }

  /**
   * UF_TASK_WEBDAV_FILES as given: {@code ["n12", "1065"]} (an array or one value); {@code false}, {@code ""} and
   * an empty array clear the field.
   */
  static List<String> fileValues(JsonNode v) {
    List<String> out = new java.util.ArrayList<>();
    if (v == null || v.isNull() || v.isBoolean()) return out;
    for (JsonNode one : Params.values(v)) {
      if (one.isContainerNode()) continue;
      String s = one.asText().trim();
      if (!s.isEmpty() && !out.contains(s)) out.add(s);
    }
    return out;
  }

  /** The UF_TASK_WEBDAV_FILES given, or null when the key was absent. */
  List<String> files() {
    return files;
  }

  /** The custom fields' values given, by FIELD_NAME (empty: none). */
  Map<String, JsonNode> userFields() {
    return userFields;
  }

  /** The TAGS given (names), or null when the key was absent. */
  List<String> tags() {
    return tags;
  }

  /** The rule the classic update path picks: by the fields given (CTaskItem::proceedAction special cases). */
  boolean allowedFor(Actor a, Task t) {
    Set<TaskField> f = given;
    Long creator = (Long) values.get(TaskField.CREATED_BY);
    if (creator != null && creator != t.createdBy()) {
      // a new creator also needs TaskChangeDirectorRule, checked on the task as the update leaves it
      long responsible = (Long) values.getOrDefault(TaskField.RESPONSIBLE_ID, t.responsibleId());
      if (!TaskRules.changeDirector(a, t, responsible)) return false;
    }
    if (f.equals(Set.of(TaskField.RESPONSIBLE_ID))) return TaskRules.allows(TaskAction.DELEGATE, a, t);
    if (f.equals(Set.of(TaskField.STATUS))) return TaskRules.changeStatus(a, t);
    if (f.equals(Set.of(TaskField.MARK))) return TaskRules.allows(TaskAction.RATE, a, t);
    if (Set.of(TaskField.DEADLINE, TaskField.START_DATE_PLAN, TaskField.END_DATE_PLAN).containsAll(f)) {
      return TaskRules.allows(TaskAction.CHANGE_DEADLINE, a, t);
    }
    return TaskRules.allows(TaskAction.EDIT, a, t);
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  /** PrepareStatus: 1 is mapped to 2; only 2..6 are accepted. */
  private static Status status(Object code) {
    int c = ((Number) code).intValue();
    if (c == 1) c = 2;
    if (c < 2 || c > 6) throw TaskException.invalid("INCORRECT_STATUS");
    return Status.ofCode(c);
  }

  private static void checkPlan(Instant start, Instant end) {
    if (start != null && end != null && end.isBefore(start)) throw TaskException.invalid("PLAN_END_BEFORE_START");
  }

  private boolean flag(TaskField f) {
    return Boolean.TRUE.equals(values.get(f));
  }

  @SuppressWarnings("unchecked")
  private static List<Long> existing(Directory dir, Object ids) {
    if (ids == null) return List.of();
    List<Long> list = (List<Long>) ids;
    return new ArrayList<>(dir.users(list).keySet());
  }

  private static List<Long> ids(JsonNode v) {
    List<Long> out = new ArrayList<>();
    for (JsonNode e : Params.values(v)) {
      long id = Params.phpInt(e);
      if (id > 0 && !out.contains(id)) out.add(id);
    }
    return out;
  }

  private static Long positiveOrNull(JsonNode v) {
    long id = Params.phpInt(v);
    return id > 0 ? id : null;
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

}
