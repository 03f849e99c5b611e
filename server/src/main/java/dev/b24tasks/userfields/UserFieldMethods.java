package dev.b24tasks.userfields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Messages;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code task.item.userfield.add / update / delete / get / getlist / getfields / gettypes}. Parameters are taken by
 * the documented names ({@code PARAMS}, {@code ID}, {@code DATA}, {@code ORDER}, {@code FILTER}), and, when a name
 * is absent, by position, as the tasks router hands the values over in order ({@code [77, {"XML_ID": "x"}]} works
 * too); add also takes the field's keys at the top level. The reads answer {@code "total": 0}, as the portal does.
 */
public final class UserFieldMethods {
  private final UserFieldService service;
  private final LongFunction<ZoneId> zones;

  /** {@code zones}: the zone a user's dates are read in (datetime defaults). */
  public UserFieldMethods(UserFieldService service, LongFunction<ZoneId> zones) {
    this.service = service;
    this.zones = zones;
  }

  public void register(MethodRegistry r) {
    r.named("task.item.userfield.add", "task", c -> service.add(c.userId(), params(c), zones.apply(c.userId())));
    r.named("task.item.userfield.update", "task", c -> {
      List<JsonNode> a = bound(c, "ID", "DATA");
      JsonNode id = a.get(0);
      JsonNode data = a.get(1);
      if (id == null || id.isNull() || data == null || !data.isObject()) {
        throw UserFieldErrors.invalidArguments("update");
      }
      service.update(c.userId(), Params.phpInt(id), data, zones.apply(c.userId()));
      return true;
    });
    r.named("task.item.userfield.delete", "task", c -> {
      JsonNode id = bound(c, "ID").get(0);
      if (id == null || id.isNull()) throw UserFieldErrors.invalidArguments("delete");
      service.delete(c.userId(), Params.phpInt(id));
      return true;
    });
    r.namedRead("task.item.userfield.get", "task", c -> {
      JsonNode id = bound(c, "ID").get(0);
      if (id == null || id.isNull()) throw UserFieldErrors.noParameters();
      return read(service.get(Params.phpInt(id)).wire(true));
    });
    r.namedRead("task.item.userfield.getlist", "task", c -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      List<JsonNode> a = bound(c, "ORDER", "FILTER");
      for (UserField f : service.list(a.get(0), a.get(1))) rows.add(f.wire(false));
      return read(rows);
    });
    r.namedRead("task.item.userfield.gettypes", "task", c -> {
      List<Map<String, Object>> types = new ArrayList<>();
      for (String t : UserFieldTypes.LISTED) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", t);
        m.put("title", Messages.text(UserFieldErrors.BUNDLE, "TYPE_" + t, c.language()));
        types.add(m);
      }
      return read(types);
    });
    r.namedRead("task.item.userfield.getfields", "task", c -> read(fields(c.language())));
  }

  /** A read's answer: the result with {@code "total": 0}. */
  private static Page read(Object result) {
    return new Page(result, 0, null);
  }

  /**
   * The method's arguments by their documented names when the call names any of them, else the values in the
   * order sent (null where there is none).
   */
  private static List<JsonNode> bound(Call c, String... names) {
    List<JsonNode> out = new ArrayList<>();
    boolean named = false;
    for (String n : names) named |= c.params().has(n);
    List<JsonNode> values = named ? List.of() : c.args();
    for (int i = 0; i < names.length; i++) {
      out.add(named ? c.params().get(names[i]) : i < values.size() ? values.get(i) : null);
    }
    return out;
  }

  /** add's field: PARAMS, else the one object sent, else the call's own keys (the router wraps them so). */
  private static JsonNode params(Call c) {
    JsonNode p = c.params().get("PARAMS");
    if (p != null && p.isObject()) return p;
    List<JsonNode> values = c.args();
    if (values.size() == 1 && values.get(0).isObject()) return values.get(0);
    ObjectNode flat = c.params().root().deepCopy();
    flat.remove("auth");
    return flat;
  }

  /** getfields: what describes a field, as the rest module lists it. */
  private static Map<String, Object> fields(String language) {
    Map<String, Object> out = new LinkedHashMap<>();
    String[][] rows = {{"ID", "int", "isReadOnly"}, {"ENTITY_ID", "string", "isImmutable"},
        {"FIELD_NAME", "string", "isImmutable"}, {"USER_TYPE_ID", "string", "isImmutable"}, {"XML_ID", "string"},
        {"SORT", "int"}, {"MULTIPLE", "char"}, {"MANDATORY", "char"}, {"SHOW_FILTER", "char"},
        {"SHOW_IN_LIST", "char"}, {"EDIT_IN_LIST", "char"}, {"IS_SEARCHABLE", "char"}, {"EDIT_FORM_LABEL", "string"},
        {"LIST_COLUMN_LABEL", "string"}, {"LIST_FILTER_LABEL", "string"}, {"ERROR_MESSAGE", "string"},
        {"HELP_MESSAGE", "string"}, {"LIST", "uf_enum_element", "isMultiple"}, {"SETTINGS", "object"}};
    for (String[] row : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", row[1]);
      m.put("title", Messages.text(UserFieldErrors.BUNDLE, "F_" + row[0], language));
      if (row.length > 2) m.put(row[2], true);
      out.put(row[0], m);
    }
    return out;
  }
}
