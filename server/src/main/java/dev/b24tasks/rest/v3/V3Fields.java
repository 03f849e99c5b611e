package dev.b24tasks.rest.v3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field schema methods of REST 3.0 ({@code *.field.list}, {@code *.field.get}): each field of a DTO described
 * as a {@code DtoFieldDto} ({@code name, type, title, description, validationRules, requiredGroups, filterable,
 * sortable, editable, multiple, elementType}), narrowed by {@code select}; an unknown select key is
 * {@code UNKNOWNDTOPROPERTYEXCEPTION}, an unknown name {@code FIELDNOTFOUNDEXCEPTION}.
 */
public final class V3Fields {
  public static final String ENTITY = "DtoFieldDto";
  static final List<String> KEYS = List.of("name", "type", "title", "description", "validationRules",
      "requiredGroups", "filterable", "sortable", "editable", "multiple", "elementType");

  private V3Fields() {}

  /** One field's descriptor; {@code required} puts it in the {@code add} required group. */
  public static Map<String, Object> descriptor(String name, String type, boolean filterable, boolean sortable,
      boolean editable, boolean multiple, String elementType, boolean required) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name);
    d.put("type", type);
    d.put("title", name);
    d.put("description", null);
    d.put("validationRules", List.of());
    d.put("requiredGroups", required ? List.of("add") : List.of());
    d.put("filterable", filterable);
    d.put("sortable", sortable);
    d.put("editable", editable);
    d.put("multiple", multiple);
    d.put("elementType", elementType);
    return d;
  }

  /** {@code {"items":[…]}}: every descriptor of {@code all}. */
  public static Object list(V3Call call, List<Map<String, Object>> all) {
    List<String> keys = select(call);
    return Map.of("items", all.stream().map(d -> pick(d, keys)).toList());
  }

  /** {@code {"item":{…}}}: the descriptor named by the required {@code name}. */
  public static Object get(V3Call call, List<Map<String, Object>> all) {
    String name = call.requiredString("name");
    List<String> keys = select(call);
    return Map.of("item", all.stream().filter(d -> d.get("name").equals(name)).findFirst().map(d -> pick(d, keys))
        .orElseThrow(() -> V3Exception.of(V3Error.FIELD_NOT_FOUND, name)));
  }

  private static List<String> select(V3Call call) {
    List<String> select = call.strings("select");
    if (select == null || select.isEmpty()) return KEYS;
    for (String s : select) {
      if (!KEYS.contains(s)) throw V3Exception.of(V3Error.UNKNOWN_DTO_PROPERTY, s, ENTITY);
    }
    return select;
  }

  private static Map<String, Object> pick(Map<String, Object> d, List<String> keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : KEYS) if (keys.contains(k)) out.put(k, d.get(k));
    return out;
  }
}
