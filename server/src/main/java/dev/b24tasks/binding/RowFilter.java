package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.FilterKey;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A legacy FILTER ({@code {">=POST_DATE":"2024-02-16","!AUTHOR_ID":3}}) over small per-task row sets: keys are a
 * filterable field with an optional prefix ({@code ! <= < >= >}); a list value means "one of". Unknown keys are
 * refused with the manifest's "must not contain key" text.
 */
public final class RowFilter {
  /** The operators a legacy FILTER takes; any other prefix makes the key unknown. */
  private static final Set<String> OPERATORS = Set.of("<=", ">=", "!", "<", ">", "");

  private record Condition(String field, String op, List<JsonNode> values) {}

  private final List<Condition> conditions;
  private final ZoneId zone;

  private RowFilter(List<Condition> conditions, ZoneId zone) {
    this.conditions = conditions;
    this.zone = zone;
  }

  public static RowFilter parse(Manifest m, int index, ObjectNode filter, List<String> fields, ZoneId zone) {
    List<Condition> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      String key = e.getKey();
      FilterKey parsed = FilterKey.parse(key);
      if (!OPERATORS.contains(parsed.prefix()) || !fields.contains(parsed.field())) {
        throw PositionalBinder.forbiddenKey(m, index, key);
      }
      out.add(new Condition(parsed.field(), parsed.prefix(), Params.values(e.getValue())));
    }
    return new RowFilter(out, zone);
  }

  /** Whether a row passes; {@code valueOf} gives a field's value as a Long, Instant or String. */
  public boolean matches(Function<String, Object> valueOf) {
    for (Condition c : conditions) {
      Object actual = valueOf.apply(c.field());
      boolean any = false;
      for (JsonNode v : c.values()) {
        Integer cmp = compare(actual, v);
        boolean ok = switch (c.op()) {
          case "" -> cmp != null && cmp == 0;
          case "!" -> cmp == null || cmp != 0;
          case "<" -> cmp != null && cmp < 0;
          case "<=" -> cmp != null && cmp <= 0;
          case ">" -> cmp != null && cmp > 0;
          default -> cmp != null && cmp >= 0;
        };
        if (c.op().equals("!") ? !ok : ok) {
          any = true;
          break;
        }
      }
      boolean pass = c.op().equals("!") ? !any : any;
      if (!pass) return false;
    }
    return true;
  }

  /** Compares a row value with a filter value; null when they cannot be compared (no match). */
  private Integer compare(Object actual, JsonNode wanted) {
    if (actual == null) return null;
    if (actual instanceof Long l) {
      var w = Params.asLong(wanted);
      return w.isPresent() ? Long.compare(l, w.getAsLong()) : null;
    }
    if (actual instanceof Instant t) {
      Optional<Instant> w = Wire.parseDate(wanted.asText(), zone);
      return w.map(t::compareTo).orElse(null);
    }
    return actual.toString().compareTo(wanted.asText());
  }
}
