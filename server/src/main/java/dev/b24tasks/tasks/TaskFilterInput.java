package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.FilterKey;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filter} and {@code order} of tasks.task.list (and task.item.list) read into the domain's
 * {@link TaskFilter}: keys matched case-insensitively ({@code ">id"} as the JS SDK sends it is ">ID"), values
 * converted as PHP would (intval for ids, Y/true/1 for flags, dates in the viewer's zone). Operators: none or
 * {@code =}, {@code !}/{@code !=}, {@code <}, {@code >}, {@code <=}, {@code >=}, {@code %} (contains), {@code @} /
 * {@code !@} (in / not in); an array value means IN. Unknown keys are dropped, as Bitrix drops them.
 */
final class TaskFilterInput {
  /** The operations a task filter takes (each may be negated with {@code !}). */
  private static final Set<String> OPERATORS = Set.of("", "=", "<", ">", "<=", ">=", "%", "@");

  private TaskFilterInput() {}

  static TaskFilter filter(JsonNode filter, ZoneId zone) {
    if (filter == null || !filter.isObject()) return TaskFilter.NONE;
    boolean or = false;
    List<TaskFilter.Part> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      String key = e.getKey();
      if (key.equalsIgnoreCase("::LOGIC")) {
        or = "OR".equalsIgnoreCase(e.getValue().asText().trim());
        continue;
      }
      if (key.toUpperCase(Locale.ROOT).startsWith("::SUBFILTER")) {
        TaskFilter group = filter(e.getValue(), zone); // nested group; ::SUBFILTER-PARAMS carries FAVORITE
        if (!group.parts().isEmpty()) parts.add(new TaskFilter.Group(group));
        continue;
      }
      if (key.startsWith("::")) continue;
      TaskFilter.Condition c = condition(key, e.getValue(), zone);
      if (c != null) parts.add(c);
    }
    return new TaskFilter(or, parts);
  }

  private static TaskFilter.Condition condition(String rawKey, JsonNode value, ZoneId zone) {
    FilterKey key = FilterKey.parse(rawKey);
    if (!OPERATORS.contains(key.operation())) return null; // a key with an operator tasks do not take names no field
    String op = key.prefix();
    String field = Wire.upperSnake(key.field().trim()).toUpperCase(Locale.ROOT);
    boolean not = op.startsWith("!");
    return switch (field) {
      case "STATUS" -> new TaskFilter.Statuses(ids(value), not);
      case "MEMBER" -> new TaskFilter.Members(null, ids(value), not);
      case "ACCOMPLICE" -> new TaskFilter.Members("A", ids(value), not);
      case "AUDITOR" -> new TaskFilter.Members("U", ids(value), not);
      case "ROLE" -> new TaskFilter.ViewerRole(Params.display(value).trim().toUpperCase(Locale.ROOT));
      case "ONLY_ROOT_TASKS", "WO_DEADLINE", "NOT_VIEWED" -> Params.truthy(value) ? new TaskFilter.Only(field) : null;
      case "TAG" -> {
        List<String> names = new ArrayList<>();
        for (JsonNode v : Params.values(value)) if (!v.asText().isBlank()) names.add(v.asText().trim());
        yield names.isEmpty() ? null : new TaskFilter.Tags(names, not);
      }
      case "FAVORITE" -> new TaskFilter.Favorite(Params.truthy(value) != not);
      default -> {
        if (field.startsWith("UF_") && !TaskInput.BUILT_IN_FIELDS.contains(field)) {
          yield new TaskFilter.UserField(field, op, value == null ? List.of() : Params.values(value));
        }
        TaskQuery.Column c = TaskQuery.FILTERABLE.get(field);
        if (c == null) yield null;
        List<Object> values = new ArrayList<>();
        for (JsonNode v : Params.values(value)) values.add(convert(c.kind(), v, zone));
        String cmp = op.replace("!", "");
        boolean list = value != null && (value.isArray() || value.isObject()) || cmp.equals("@");
        yield new TaskFilter.Column(field, cmp, not, values, list);
      }
    };
  }

  private static List<Long> ids(JsonNode value) {
    List<Long> out = new ArrayList<>();
    for (JsonNode v : Params.values(value)) out.add(Params.phpInt(v));
    return out;
  }

  private static Object convert(TaskQuery.Kind kind, JsonNode v, ZoneId zone) {
    if (v == null || v.isNull()) return null;
    return switch (kind) {
      case NUMBER -> Params.phpInt(v);
      case TEXT -> v.asText();
      case DATE -> Wire.parseDate(v.asText(), zone).orElse(null);
      case FLAG -> Params.truthy(v);
    };
  }

  /** The order; an unknown key is refused with an IllegalArgumentException naming it ("Invalid sorting key"). */
  static List<TaskFilter.Sort> order(JsonNode order) {
    List<TaskFilter.Sort> out = new ArrayList<>();
    if (order == null || !order.isObject()) return out;
    for (Map.Entry<String, JsonNode> e : order.properties()) {
      String key = Wire.upperSnake(e.getKey().trim()).toUpperCase(Locale.ROOT);
      if (!TaskQuery.SORTABLE.containsKey(key)) throw new IllegalArgumentException(key);
      out.add(new TaskFilter.Sort(key, Params.display(e.getValue()).trim().equalsIgnoreCase("desc")));
    }
    return out;
  }
}
