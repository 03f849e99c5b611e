package dev.b24tasks.checklist;

import static dev.b24tasks.binding.Manifest.optional;
import static dev.b24tasks.binding.Manifest.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.binding.ArgType;
import dev.b24tasks.binding.Args;
import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.ManifestDoc;
import dev.b24tasks.binding.PositionalBinder;
import dev.b24tasks.binding.PositionalFamily;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code task.checklistitem.*}: positional, scope {@code task}, errors as the legacy REST service shows them. */
public final class ChecklistMethods {
  private static final String CLS = "ctaskchecklistitem";
  static final Manifest ADD = Manifest.of(CLS, "add", required("taskId", ArgType.INTEGER),
      required("arFields", ArgType.ARRAY));
  static final Manifest UPDATE = Manifest.ofItem(CLS, "update", required("arFields", ArgType.ARRAY));
  static final Manifest DELETE = Manifest.ofItem(CLS, "delete");
  static final Manifest GET = Manifest.ofItem(CLS, "get");
  static final Manifest GETLIST = Manifest.of(CLS, "getlist", required("taskId", ArgType.INTEGER),
      optional("arOrder", ArgType.ARRAY));
  static final Manifest COMPLETE = Manifest.ofItem(CLS, "complete");
  static final Manifest RENEW = Manifest.ofItem(CLS, "renew");
  static final Manifest MOVE = Manifest.ofItem(CLS, "moveafteritem", required("afterItemId", ArgType.INTEGER));
  static final Manifest ALLOWED = Manifest.ofItem(CLS, "isactionallowed", required("actionId", ArgType.INTEGER));

  static final List<String> WRITABLE = List.of("PARENT_ID", "TITLE", "SORT_INDEX", "IS_COMPLETE", "IS_IMPORTANT",
      "MEMBERS");
  static final List<String> READABLE = List.of("ID", "TASK_ID", "PARENT_ID", "CREATED_BY", "TITLE", "SORT_INDEX",
      "IS_COMPLETE", "IS_IMPORTANT", "TOGGLED_BY", "TOGGLED_DATE", "MEMBERS", "ATTACHMENTS");
  static final List<String> SORTABLE = List.of("ID", "PARENT_ID", "CREATED_BY", "TITLE", "SORT_INDEX",
      "IS_COMPLETE", "IS_IMPORTANT", "TOGGLED_BY", "TOGGLED_DATE");

  private final ChecklistService service;
  private final Directory directory;

  public ChecklistMethods(ChecklistService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  public void register(MethodRegistry r) {
    new PositionalFamily(r, "task.checklistitem", "task")
        .write(ADD, (c, a) -> service.add(c.userId(), a.id(0), changes(ADD, 1, a.map(1))))
        .write(UPDATE, (c, a) -> {
          service.update(c.userId(), a.id(0), a.id(1), changes(UPDATE, 2, a.map(2)));
          return null;
        })
        .writeItem(DELETE, service::delete, true)
        .read(GET, this::get)
        .read(GETLIST, this::getList)
        .write(COMPLETE, (c, a) -> service.toggle(c.userId(), a.id(0), a.id(1), true))
        .write(RENEW, (c, a) -> service.toggle(c.userId(), a.id(0), a.id(1), false))
        .write(MOVE, (c, a) -> {
          service.moveAfter(c.userId(), a.id(0), a.id(1), a.id(2));
          return null;
        })
        .actionAllowed(ALLOWED, service::isAllowed)
        .manifest(ChecklistMethods::manifest);
  }

  private Object get(Call call, Args a) {
    ChecklistItem item = service.get(call.userId(), a.id(0), a.id(1));
    return ChecklistView.legacyItem(item, zone(call), directory.users(item.members().keySet()));
  }

  private Object getList(Call call, Args a) {
    String orderBy = orderBy(GETLIST, 1, a.map(1));
    List<ChecklistItem> items = service.list(call.userId(), a.id(0), orderBy);
    Set<Long> people = new HashSet<>();
    items.forEach(i -> people.addAll(i.members().keySet()));
    var users = directory.users(people);
    ZoneId zone = zone(call);
    return items.stream().map(i -> ChecklistView.legacyItem(i, zone, users)).toList();
  }

  static ManifestDoc manifest() {
    return new ManifestDoc("2.0", "checklistitem").fields("writable", WRITABLE).fields("readable", READABLE)
        .fields("sortable", SORTABLE).dateFields(List.of("TOGGLED_DATE"));
  }

  /** FIELDS of add/update: only the writable keys, each read leniently as the portal does. */
  static ChecklistService.Changes changes(Manifest m, int index, ObjectNode fields) {
    PositionalFamily.onlyKeys(m, index, fields, WRITABLE);
    JsonNode parent = fields.get("PARENT_ID");
    JsonNode title = fields.get("TITLE");
    JsonNode sort = fields.get("SORT_INDEX");
    JsonNode complete = fields.get("IS_COMPLETE");
    JsonNode important = fields.get("IS_IMPORTANT");
    JsonNode members = fields.get("MEMBERS");
    return new ChecklistService.Changes(
        parent == null ? null : Params.phpInt(parent),
        title == null || title.isNull() ? null : title.isContainerNode() ? "" : title.asText(),
        sort == null ? null : (int) Params.phpInt(sort),
        complete == null ? null : Params.truthy(complete),
        important == null ? null : Params.truthy(important),
        members == null ? null : members(members));
  }

  /** {@code {"3":{"TYPE":"A"}}} or {@code [{"ID":3,"TYPE":"U"}]}; entries without a valid id or type are skipped. */
  static Map<Long, Character> members(JsonNode v) {
    Map<Long, Character> out = new LinkedHashMap<>();
    if (!Params.isArrayLike(v)) return out;
    for (Map.Entry<String, JsonNode> e : v.isObject() ? v.properties() : indexed(v)) {
      JsonNode m = e.getValue();
      long id = m.has("ID") ? Params.phpInt(m.get("ID")) : Params.phpInt(com.fasterxml.jackson.databind.node
          .TextNode.valueOf(e.getKey()));
      String type = m.has("TYPE") ? m.get("TYPE").asText().toUpperCase(Locale.ROOT) : "";
      if (id > 0 && (type.equals("A") || type.equals("U"))) out.put(id, type.charAt(0));
    }
    return out;
  }

  private static Set<Map.Entry<String, JsonNode>> indexed(JsonNode list) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode n : list) m.put(Integer.toString(i++), n);
    return m.entrySet();
  }

  /** ORDER {field: asc|desc} to SQL over the sortable fields; other keys or directions are refused. */
  static String orderBy(Manifest m, int index, ObjectNode order) {
    StringBuilder sql = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : order.properties()) {
      String column = ChecklistStore.SORTABLE.get(e.getKey());
      if (column == null) throw PositionalBinder.forbiddenKey(m, index, e.getKey());
      String dir = e.getValue().asText().trim().toUpperCase(Locale.ROOT);
      if (!dir.equals("ASC") && !dir.equals("DESC")) throw PositionalBinder.forbiddenValue(m, index, e.getValue()
          .asText());
      if (sql.length() > 0) sql.append(", ");
      sql.append(column).append(' ').append(dir);
    }
    return sql.toString();
  }

  private ZoneId zone(Call call) {
    return directory.zoneOf(call.userId());
  }
}
