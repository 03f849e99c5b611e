package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Group;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.rest.v3.V3Call;
import dev.b24tasks.rest.v3.V3Error;
import dev.b24tasks.rest.v3.V3Exception;
import dev.b24tasks.rest.v3.V3Fields;
import dev.b24tasks.rest.v3.V3Filter;
import dev.b24tasks.rest.v3.V3Method;
import dev.b24tasks.rest.v3.V3Method.Param;
import dev.b24tasks.rest.v3.V3Query;
import dev.b24tasks.rest.v3.V3Registry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tasks.task.*} of REST 3.0 (reference/bitrix-events-and-v3.md §B.1, doc pages {@code rest-v3/}): the same
 * {@link TaskService}, rules, history and listeners as the classic methods, with REST 3.0's typed DTO, its select,
 * filter, order and pagination, and its errors. A task the caller may not see is {@code ENTITYNOTFOUNDEXCEPTION},
 * exactly as a missing one.
 */
public final class TaskV3Methods {
  /** tasks.task.list honours a limit up to 50 (the JS SDK's changelog: larger limits are capped). */
  static final int LIST_LIMIT = 50;
  static final String SCOPE = "task";

  private final TaskService service;
  private final Directory directory;

  public TaskV3Methods(TaskService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  public void register(V3Registry r) {
    Param id = new Param("id", "integer", true, "Task identifier");
    Param select = new Param("select", "array", false, "Fields to return; dotted paths for related objects");
    r.add(new V3Method("tasks.task.add", SCOPE, true,
        List.of(new Param("fields", TaskV3Dto.ENTITY, true, "Task fields: title, creatorId, responsibleId required")),
        "item", TaskV3Dto.ENTITY, "Adds a task", this::add));
    r.add(new V3Method("tasks.task.get", SCOPE, false, List.of(id, select), "item", TaskV3Dto.ENTITY,
        "Returns a task by its identifier", this::get));
    r.add(new V3Method("tasks.task.list", SCOPE, false, List.of(select,
        new Param("filter", "array", false, "Conditions [field, operator, value]; only id is filterable"),
        new Param("order", "object", false, "{\"field\": \"ASC|DESC\"}"),
        new Param("pagination", "object", false, "{page, limit, offset}"),
        new Param("cursor", "object", false, "{field, value, order, limit}")),
        "items", TaskV3Dto.ENTITY, "Returns the tasks the caller may see", this::list));
    r.add(new V3Method("tasks.task.update", SCOPE, true,
        List.of(id, new Param("fields", TaskV3Dto.ENTITY, true, "Fields to change")), "result", null,
        "Changes a task", this::update));
    r.add(new V3Method("tasks.task.delete", SCOPE, true, List.of(id), "result", null, "Deletes a task", this::delete));
    r.add(new V3Method("tasks.task.file.attach", SCOPE, true,
        List.of(new Param("taskId", "integer", true, "Task identifier"),
            new Param("fileIds", "array", true, "Drive file identifiers (disk.file.get ID)")),
        "result", null, "Attaches Drive files to a task", this::attachFiles));
    r.add(new V3Method("tasks.task.access.get", SCOPE, false, List.of(id), "result", "TaskAccessDto",
        "What the caller may do with a task", this::access));
    Param fieldSelect = new Param("select", "array", false, "Descriptor keys to return");
    Param name = new Param("name", "string", true, "Field name");
    r.add(new V3Method("tasks.task.field.list", SCOPE, false, List.of(fieldSelect), "items", "DtoFieldDto",
        "Describes the fields of a task", c -> V3Fields.list(c, descriptors())));
    r.add(new V3Method("tasks.task.field.get", SCOPE, false, List.of(name, fieldSelect), "item", "DtoFieldDto",
        "Describes one field of a task", c -> V3Fields.get(c, descriptors())));
    r.add(new V3Method("tasks.task.access.field.list", SCOPE, false, List.of(fieldSelect), "items", "DtoFieldDto",
        "Describes the rights of tasks.task.access.get", c -> V3Fields.list(c, accessDescriptors())));
    r.add(new V3Method("tasks.task.access.field.get", SCOPE, false, List.of(name, fieldSelect), "item", "DtoFieldDto",
        "Describes one right of tasks.task.access.get", c -> V3Fields.get(c, accessDescriptors())));
  }

  /** The OpenAPI schema of TaskDto and TaskAccessDto, from the same table the views use. */
  public static Map<String, Object> schemas() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> props = new LinkedHashMap<>();
    for (TaskV3Dto.Field f : TaskV3Dto.FIELDS) props.put(f.name(), openApiType(f));
    out.put(TaskV3Dto.ENTITY, Map.of("type", "object", "properties", props));
    Map<String, Object> rights = new LinkedHashMap<>();
    for (String k : TaskV3Dto.rights(Map.of()).keySet()) rights.put(k, Map.of("type", "boolean"));
    out.put("TaskAccessDto", Map.of("type", "object", "properties", rights));
    out.put("DtoFieldDto", Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"),
        "type", Map.of("type", "string"), "title", Map.of("type", "string"), "filterable", Map.of("type", "boolean"),
        "sortable", Map.of("type", "boolean"), "editable", Map.of("type", "boolean"),
        "multiple", Map.of("type", "boolean"))));
    return out;
  }

  private static Map<String, Object> openApiType(TaskV3Dto.Field f) {
    TaskV3Dto.Relation rel = TaskV3Dto.RELATIONS.get(f.name());
    if (rel != null) {
      Map<String, Object> obj = Map.of("type", "object", "nullable", true);
      return rel.multiple() ? Map.of("type", "array", "items", obj) : obj;
    }
    return switch (f.type()) {
      case "int" -> Map.of("type", "integer", "nullable", true);
      case "bool" -> Map.of("type", "boolean");
      case "array" -> Map.of("type", "array", "items", Map.of());
      case "object" -> Map.of("type", "string", "format", "date-time", "nullable", true);
      default -> Map.of("type", "string", "nullable", true);
    };
  }

  // ---- reading ----

  Object get(V3Call call) {
    long id = call.requiredInt("id");
    Selection sel = Selection.of(call.strings("select"), TaskV3Dto.DEFAULT);
    Task t = service.open(call.userId(), id).orElseThrow(() -> notFound(id));
    return Map.of("item", items(call.userId(), List.of(t), sel).get(0));
  }

  Object list(V3Call call) {
    V3Query q = V3Query.of(call, LIST_LIMIT);
    Selection sel = Selection.of(q.select(), List.of("id"));
    List<String> named = new ArrayList<>();
    collectFields(q.filter(), named);
    for (String f : named) checkFilterable(f);
    List<Object> args = new ArrayList<>();
    String where = sql(q.filter(), args);
    List<Task> rows = service.list(call.userId(), query -> {
      if (!where.equals("true")) query.where(where, args);
      if (q.cursor() != null) {
        TaskV3Dto.Field f = sortable(q.cursor().field());
        if (!f.type().equals("int") || !q.cursor().value().canConvertToLong()) {
          throw V3Exception.message(V3Error.INVALID_PAGINATION, "CURSOR_BAD", q.cursor().field());
        }
        query.where(f.sortSql() + (q.cursor().ascending() ? " > ?" : " < ?"), List.of(q.cursor().value().asLong()));
        query.orderBy(f.sortSql(), q.cursor().ascending(), f.sortNullable());
        if (!f.name().equals("id")) query.orderById(true);
        return;
      }
      boolean byId = false;
      for (Map.Entry<String, Boolean> e : q.order().entrySet()) {
        TaskV3Dto.Field f = sortable(e.getKey());
        query.orderBy(f.sortSql(), e.getValue(), f.sortNullable());
        byId |= f.name().equals("id");
      }
      if (!byId) query.orderById(true);
    }, q.offset(), q.limit());
    return Map.of("items", items(call.userId(), rows, sel));
  }

  Object access(V3Call call) {
    long id = call.requiredInt("id");
    Task t = service.get(call.userId(), id).orElseThrow(() -> notFound(id));
    return Map.of("result", TaskV3Dto.rights(service.access(service.facts(call.userId()), t)));
  }

  // ---- writing ----

  Object add(V3Call call) {
    ObjectNode fields = call.requiredObject("fields");
    for (String required : List.of("title", "creatorId", "responsibleId")) {
      if (!fields.hasNonNull(required)) throw V3Call.missing(required);
    }
    ZoneId zone = directory.zoneOf(call.userId());
    try {
      Task t = service.add(call.userId(), TaskInput.read(classic(fields), zone));
      return Map.of("item", items(call.userId(), List.of(t), Selection.of(null, TaskV3Dto.DEFAULT)).get(0));
    } catch (TaskException e) {
      throw refusal(e);
    }
  }

  Object update(V3Call call) {
    long id = call.requiredInt("id");
    ObjectNode fields = call.requiredObject("fields");
    if (service.get(call.userId(), id).isEmpty()) throw notFound(id);
    try {
      service.update(call.userId(), id, TaskInput.read(classic(fields), directory.zoneOf(call.userId())));
    } catch (TaskException e) {
      throw refusal(e);
    }
    return Map.of("result", true);
  }

  /**
   * {@code {"result": true}} once every file of {@code fileIds} is on the task (all or none: one transaction). A
   * missing or hidden task is not found; one the caller may not edit is ACCESS_DENIED; a file she may not read,
   * missing or hidden alike, a request validation error on {@code fileIds}.
   */
  Object attachFiles(V3Call call) {
    long taskId = call.requiredInt("taskId");
    com.fasterxml.jackson.databind.JsonNode ids = call.params().get("fileIds");
    if (ids == null || ids.isNull()) throw V3Call.missing("fileIds");
    if (!ids.isArray() || ids.isEmpty()) throw V3Call.wrongType("fileIds", "array");
    List<Long> files = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode f : ids) {
      if (!f.canConvertToExactIntegral() || f.asLong() <= 0) throw V3Call.wrongType("fileIds", "array");
      files.add(f.asLong());
    }
    if (service.get(call.userId(), taskId).isEmpty()) throw notFound(taskId);
    for (long file : files) {
      try {
        service.attachFile(call.userId(), taskId, file);
      } catch (TaskException e) {
        throw refusal(e);
      } catch (TaskFiles.FileRefused e) {
        throw V3Exception.invalid(V3Error.REQUEST_VALIDATION, List.of(new V3Exception.Validation("fileIds",
            "LITERAL", "File " + file + " not found")));
      }
    }
    return Map.of("result", true);
  }

  Object delete(V3Call call) {
    long id = call.requiredInt("id");
    if (service.get(call.userId(), id).isEmpty()) throw notFound(id);
    try {
      service.delete(call.userId(), id);
    } catch (TaskException e) {
      throw refusal(e);
    }
    return Map.of("result", true);
  }

  /**
   * REST 3.0 fields, typed as the DTO says, into the classic UPPER_SNAKE fields TaskInput reads (so both dialects
   * share one allow-list and one set of checks). A value of the wrong type is a request validation error naming
   * the field; read-only and unknown fields are ignored, as the classic methods ignore them.
   */
  static ObjectNode classic(ObjectNode fields) {
    ObjectNode out = Json.object();
    for (Map.Entry<String, JsonNode> e : fields.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "title" -> out.put("TITLE", string(k, v));
        case "description" -> out.put("DESCRIPTION", string(k, v));
        case "creatorId" -> out.put("CREATED_BY", integer(k, v));
        case "responsibleId" -> out.put("RESPONSIBLE_ID", integer(k, v));
        case "groupId" -> out.put("GROUP_ID", v.isNull() ? 0 : integer(k, v));
        case "parentId" -> out.put("PARENT_ID", v.isNull() ? 0 : integer(k, v));
        case "estimatedTime" -> out.put("TIME_ESTIMATE", integer(k, v));
        case "plannedDuration" -> out.put("DURATION_PLAN", integer(k, v));
        case "durationType" -> out.put("DURATION_TYPE", string(k, v));
        case "xmlId" -> {
          if (v.isNull()) out.putNull("XML_ID");
          else out.put("XML_ID", string(k, v));
        }
        case "deadline" -> out.put("DEADLINE", date(k, v));
        case "startPlan" -> out.put("START_DATE_PLAN", date(k, v));
        case "endPlan" -> out.put("END_DATE_PLAN", date(k, v));
        case "needsControl" -> out.put("TASK_CONTROL", flag(k, v));
        case "allowsChangeDeadline" -> out.put("ALLOW_CHANGE_DEADLINE", flag(k, v));
        case "allowsTimeTracking" -> out.put("ALLOW_TIME_TRACKING", flag(k, v));
        case "matchesWorkTime" -> out.put("MATCH_WORK_TIME", flag(k, v));
        case "addInReport" -> out.put("ADD_IN_REPORT", flag(k, v));
        case "accomplices" -> out.set("ACCOMPLICES", ids(k, v));
        case "auditors" -> out.set("AUDITORS", ids(k, v));
        case "priority" -> {
          Integer p = v.isTextual() ? TaskV3Dto.priorityCode(v.asText()) : null;
          if (p == null) throw V3Call.wrongType(k, "high|average|low");
          out.put("PRIORITY", p);
        }
        case "mark" -> {
          String m = v.isNull() ? "" : string(k, v);
          out.put("MARK", switch (m) {
            case "P", "positive" -> "P";
            case "N", "negative" -> "N";
            default -> "";
          });
        }
        default -> { } // read-only (id, created, status, …) or unknown: ignored
      }
    }
    return out;
  }

  private static String string(String k, JsonNode v) {
    if (!v.isTextual()) throw V3Call.wrongType(k, "string");
    return v.asText();
  }

  private static long integer(String k, JsonNode v) {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) throw V3Call.wrongType(k, "int");
    return v.asLong();
  }

  private static String date(String k, JsonNode v) {
    if (v.isNull()) return "";
    if (!v.isTextual() || Wire.parseDate(v.asText(), ZoneId.of("UTC")).isEmpty()) throw V3Call.wrongType(k, "DateTime");
    return v.asText();
  }

  private static String flag(String k, JsonNode v) {
    if (v.isBoolean()) return v.asBoolean() ? "Y" : "N";
    if (v.isTextual() && (v.asText().equals("Y") || v.asText().equals("N"))) return v.asText();
    throw V3Call.wrongType(k, "bool");
  }

  private static ArrayNode ids(String k, JsonNode v) {
    if (!v.isArray()) throw V3Call.wrongType(k, "array");
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (JsonNode n : v) {
      if (!n.isIntegralNumber() || !n.canConvertToLong()) throw V3Call.wrongType(k, "array<int>");
      out.add(n.asLong());
    }
    return out;
  }

  /** A task rule's refusal or a CheckFields text, as REST 3.0 reports it. */
  private static V3Exception refusal(TaskException e) {
    if (e.kind() == TaskException.Kind.DENIED) return V3Exception.of(V3Error.ACCESS_DENIED);
    V3Exception.Validation v = switch (e.key()) {
      case "TITLE_MISSING" -> new V3Exception.Validation("title", "REQUIRED_FIELD", "title");
      case "RESPONSIBLE_MISSING", "RESPONSIBLE_NOT_FOUND" ->
          new V3Exception.Validation("task.responsible.id", "RESPONSIBLE_NOT_FOUND");
      case "CREATOR_NOT_FOUND" -> new V3Exception.Validation("task.creator.id", "CREATOR_NOT_FOUND");
      case "PARENT_NOT_FOUND", "PARENT_SELF" -> new V3Exception.Validation("parentId", "PARENT_NOT_FOUND");
      default -> new V3Exception.Validation(fieldOf(e.key()), "LITERAL",
          dev.b24tasks.rest.Messages.text("tasks", e.key(), "en", e.args()).replace("<br>", ""));
    };
    return V3Exception.invalid(V3Error.REQUEST_VALIDATION, List.of(v));
  }

  private static String fieldOf(String key) {
    return key.startsWith("PLAN_") ? "endPlan" : key.startsWith("INCORRECT_STATUS") ? "status" : "fields";
  }

  private static V3Exception notFound(long id) {
    return V3Exception.of(V3Error.ENTITY_NOT_FOUND, id);
  }

  // ---- filter and order over the allow-list ----

  private static void collectFields(V3Filter f, List<String> out) {
    if (f instanceof V3Filter.Condition c) out.add(c.field());
    else if (f instanceof V3Filter.Group g) g.conditions().forEach(x -> collectFields(x, out));
  }

  private static void checkFilterable(String name) {
    TaskV3Dto.Field f = TaskV3Dto.field(name);
    if (f == null) throw V3Exception.of(V3Error.UNKNOWN_DTO_PROPERTY, name, TaskV3Dto.ENTITY);
    if (!f.filterable()) {
      throw V3Exception.invalid(V3Error.REQUEST_VALIDATION,
          List.of(new V3Exception.Validation(name, "FIELD_NOT_FILTERABLE", TaskV3Dto.ENTITY, name)));
    }
  }

  private static TaskV3Dto.Field sortable(String name) {
    TaskV3Dto.Field f = TaskV3Dto.field(name);
    if (f == null || TaskV3Dto.RELATIONS.containsKey(name)) {
      throw V3Exception.of(V3Error.UNKNOWN_DTO_PROPERTY, name, TaskV3Dto.ENTITY);
    }
    if (!f.sortable()) {
      throw V3Exception.invalid(V3Error.REQUEST_VALIDATION,
          List.of(new V3Exception.Validation(name, "FIELD_NOT_SORTABLE", TaskV3Dto.ENTITY, name)));
    }
    return f;
  }

  /** The filter as SQL over {@code t.id} (the one filterable field), every value bound. */
  private static String sql(V3Filter f, List<Object> args) {
    if (f instanceof V3Filter.Group g) {
      if (g.conditions().isEmpty()) return g.negative() ? "false" : "true";
      List<String> parts = new ArrayList<>();
      for (V3Filter c : g.conditions()) parts.add(sql(c, args));
      String joined = "(" + String.join(g.or() ? " OR " : " AND ", parts) + ")";
      return g.negative() ? "NOT " + joined : joined;
    }
    V3Filter.Condition c = (V3Filter.Condition) f;
    String col = TaskV3Dto.field(c.field()).sortSql();
    switch (c.operator()) {
      case "in" -> {
        List<Long> ids = new ArrayList<>();
        for (JsonNode v : c.value()) ids.add(id(c.field(), v));
        args.add(ids);
        return col + " = ANY(?)";
      }
      case "between" -> {
        args.add(id(c.field(), c.value().get(0)));
        args.add(id(c.field(), c.value().get(1)));
        return col + " BETWEEN ? AND ?";
      }
      default -> {
        if (c.value().isArray()) throw V3Exception.message(V3Error.INVALID_FILTER, "FILTER_BAD_NODE", c.value().toString());
        args.add(id(c.field(), c.value()));
        return col + " " + (c.operator().equals("!=") ? "<>" : c.operator()) + " ?";
      }
    }
  }

  private static long id(String field, JsonNode v) {
    if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
    if (v.isTextual() && v.asText().matches("-?\\d{1,18}")) return Long.parseLong(v.asText());
    throw V3Call.wrongType(field, "int");
  }

  // ---- the items ----

  /** What a select asks for: own fields (in the table's order) and related objects with their fields. */
  record Selection(Set<String> own, Map<String, List<String>> related) {
    static Selection of(List<String> select, List<String> defaults) {
      Set<String> own = new LinkedHashSet<>();
      Map<String, List<String>> related = new LinkedHashMap<>();
      if (select != null) {
        for (String s : select) {
          int dot = s.indexOf('.');
          String root = dot < 0 ? s : s.substring(0, dot);
          TaskV3Dto.Relation rel = TaskV3Dto.RELATIONS.get(root);
          if (dot < 0) {
            if (rel != null) related.computeIfAbsent(root, k -> new ArrayList<>());
            else if (TaskV3Dto.field(s) != null) own.add(s);
            // an unknown own field is silently left out, as the portal does
            continue;
          }
          if (rel == null) throw V3Exception.of(V3Error.UNKNOWN_DTO_PROPERTY, root, TaskV3Dto.ENTITY);
          String sub = s.substring(dot + 1);
          List<String> known = rel.entity().equals(TaskV3Dto.ENTITY)
              ? TaskV3Dto.FIELDS.stream().map(TaskV3Dto.Field::name).toList()
              : TaskV3Dto.ENTITY_FIELDS.get(rel.entity());
          if (!known.contains(sub)) throw V3Exception.of(V3Error.UNKNOWN_DTO_PROPERTY, sub, rel.entity());
          related.computeIfAbsent(root, k -> new ArrayList<>()).add(sub);
        }
      }
      // no own field asked for (none, or only related objects): the default set, as the docs' examples show
      if (own.isEmpty()) own.addAll(defaults);
      return new Selection(own, related);
    }
  }

  /** The items of a page: members, people, groups, checklists and rights gathered for the whole set. */
  private List<Map<String, Object>> items(long viewer, List<Task> tasks, Selection sel) {
    if (tasks.isEmpty()) return List.of();
    ZoneId zone = service.zoneOf(viewer);
    TaskService.UserFacts facts = sel.own().contains("rights") ? service.facts(viewer) : null;
    Set<Long> people = new LinkedHashSet<>();
    boolean wantsPeople = sel.related().keySet().stream().anyMatch(k -> TaskV3Dto.RELATIONS.get(k).entity().equals("UserDto"));
    if (wantsPeople) tasks.forEach(t -> people.addAll(TaskV3Dto.people(t)));
    Map<Long, User> users = people.isEmpty() ? Map.of() : directory.users(people);
    boolean wantsChecklist = sel.own().contains("checklist") || sel.own().contains("containsChecklist");
    TaskView checklists = null;
    if (wantsChecklist) {
      checklists = service.view(viewer);
      checklists.prepare(tasks); // the page's checklists in one set
    }
    Set<Long> withSubtasks = sel.own().contains("containsSubTasks")
        ? service.withSubtasks(tasks.stream().map(Task::id).toList()) : Set.of();
    Map<Long, Long> chats = sel.own().contains("chatId") || sel.related().containsKey("chat")
        ? service.chatIds(tasks.stream().map(Task::id).toList()) : Map.of();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Task t : tasks) {
      Map<TaskAction, Boolean> access = facts == null ? Map.of() : service.access(facts, t);
      List<Long> checklist = checklists != null ? checklistIds(checklists, t.id()) : List.of();
      TaskV3Dto.Source src = new TaskV3Dto.Source(t, viewer, zone, access, checklist, withSubtasks.contains(t.id()),
          chats.get(t.id()));
      Map<String, Object> item = new LinkedHashMap<>();
      for (TaskV3Dto.Field f : TaskV3Dto.FIELDS) {
        if (sel.related().containsKey(f.name())) {
          item.put(f.name(), f.name().equals("chat") ? chat(chats.get(t.id()), t.id(), sel.related().get("chat"))
              : related(f.name(), sel.related().get(f.name()), t, users, viewer));
        } else if (sel.own().contains(f.name()) && !TaskV3Dto.RELATIONS.containsKey(f.name())) {
          item.put(f.name(), f.value().apply(src));
        }
      }
      out.add(item);
    }
    return out;
  }

  private static List<Long> checklistIds(TaskView view, long taskId) {
    List<Long> ids = new ArrayList<>();
    for (String k : view.checklistOf(taskId).keySet()) {
      if (k.matches("\\d+")) ids.add(Long.parseLong(k));
    }
    return ids;
  }

  private Object related(String name, List<String> fields, Task t, Map<Long, User> users, long viewer) {
    return switch (name) {
      case "creator" -> user(t.createdBy(), fields, t, users);
      case "responsible" -> user(t.responsibleId(), fields, t, users);
      case "changedBy" -> user(t.changedBy(), fields, t, users);
      case "statusChangedBy" -> t.statusChangedBy() == null ? null : user(t.statusChangedBy(), fields, t, users);
      case "closedBy" -> t.closedBy() == null ? null : user(t.closedBy(), fields, t, users);
      case "accomplices" -> people(t.accomplices(), fields, t, users);
      case "auditors" -> people(t.auditors(), fields, t, users);
      case "group" -> {
        Optional<Group> g = service.group(service.facts(viewer), t.groupId());
        yield g.map(x -> TaskV3Dto.group(x, fields)).orElse(null);
      }
      case "parent" -> {
        if (t.parentId() == null) yield null;
        Optional<Task> p = service.get(viewer, t.parentId());
        if (p.isEmpty()) yield null;
        Selection sub = Selection.of(fields.isEmpty() ? null : fields, List.of("id", "title"));
        yield items(viewer, List.of(p.get()), new Selection(sub.own(), Map.of())).get(0);
      }
      default -> null; // stage, flow, template, e-mail, elapsed time, source: not kept by this server
    };
  }

  /** ChatDto: {@code {"id","entityId","entityType":"TASKS_TASK"}} (tasks-new.md), narrowed by the dotted select. */
  private static Map<String, Object> chat(Long chatId, long taskId, List<String> fields) {
    if (chatId == null) return null;
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("id", chatId);
    all.put("entityId", taskId);
    all.put("entityType", "TASKS_TASK");
    if (fields == null || fields.isEmpty()) return all;
    Map<String, Object> out = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (fields.contains(k)) out.put(k, v);
    });
    return out;
  }

  private static Map<String, Object> user(long id, List<String> fields, Task t, Map<Long, User> users) {
    return TaskV3Dto.user(users.get(id), id, fields, t);
  }

  private static List<Object> people(Collection<Long> ids, List<String> fields, Task t, Map<Long, User> users) {
    List<Object> out = new ArrayList<>();
    for (long id : ids) out.add(TaskV3Dto.user(users.get(id), id, fields, t));
    return out;
  }

  // ---- field descriptors ----

  private static List<Map<String, Object>> descriptors() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TaskV3Dto.Field f : TaskV3Dto.FIELDS) {
      TaskV3Dto.Relation rel = TaskV3Dto.RELATIONS.get(f.name());
      boolean required = List.of("title", "creatorId", "responsibleId").contains(f.name());
      out.add(V3Fields.descriptor(f.name(), f.type(), f.filterable(), f.sortable(), f.editable(), f.multiple(),
          rel == null ? null : rel.entity(), required));
    }
    return out;
  }

  private static List<Map<String, Object>> accessDescriptors() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String k : TaskV3Dto.rights(Map.of()).keySet()) {
      out.add(V3Fields.descriptor(k, "bool", false, false, false, false, null, false));
    }
    return out;
  }
}
