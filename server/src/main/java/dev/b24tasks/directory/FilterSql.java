package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.FilterKey;
import dev.b24tasks.rest.Params;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Bitrix list filters ({@code {">=ID": 5, "%NAME": "iva", "@ID": [1, 2]}}) as a SQL condition with bound
 * arguments. The key's prefix is the operator; the rest names a column from the method's allow-list, so no text
 * from the request ever becomes SQL. Text compares case-insensitively, as on a MySQL-backed portal.
 */
final class FilterSql {
  enum Type { ID, TEXT, BOOL, DATE }

  record Column(String sql, Type type) {}

  /** The operators user and group filters support; a key with another one names no column (Bitrix ignores it). */
  private static final Set<String> OPERATORS =
      Set.of("!=%", "!%=", "!><", "><", ">=", "<=", "!@", "=%", "%=", "!%", "!=", ">", "<", "@", "%", "=", "!", "?", "");

  private final Map<String, Column> columns;
  private final ZoneId zone;
  private final StringBuilder where = new StringBuilder("true");
  private final List<Object> args = new ArrayList<>();

  FilterSql(Map<String, Column> columns, ZoneId zone) {
    this.columns = columns;
    this.zone = zone;
  }

  /** Adds one filter entry; false when its field is not filterable here (Bitrix ignores such keys). */
  boolean add(String key, JsonNode value) {
    FilterKey parsed = FilterKey.parse(key);
    String op = parsed.prefix();
    String field = parsed.field().toUpperCase(Locale.ROOT);
    if (!OPERATORS.contains(op)) return false;
    Column c = columns.get(field);
    if (c == null) return false;
    List<JsonNode> values = Params.values(value);
    if (values.isEmpty()) return true;
    switch (op) {
      case "%", "?" -> like(c, field, values, true, false);
      case "!%" -> like(c, field, values, true, true);
      case "=%", "%=" -> like(c, field, values, false, false);
      case "!=%", "!%=" -> like(c, field, values, false, true);
      case ">", ">=", "<", "<=" -> compare(c, field, op, values.get(0));
      case "><", "!><" -> {
        if (values.size() < 2) throw DirectoryErrors.argument("BAD_FILTER_VALUE", Params.display(value), key);
        where.append(op.startsWith("!") ? " AND NOT (" : " AND (").append(c.sql()).append(" BETWEEN ? AND ?)");
        args.add(typed(c, field, values.get(0)));
        args.add(typed(c, field, values.get(1)));
      }
      case "@" -> in(c, field, values, false);
      case "!@", "!", "!=" -> {
        if (op.equals("!") && c.type() == Type.TEXT && values.size() == 1 && values.get(0).asText().contains("%")) {
          like(c, field, values, false, true);
        } else {
          in(c, field, values, true);
        }
      }
      default -> {
        if (op.isEmpty() && c.type() == Type.TEXT && values.size() == 1 && values.get(0).asText().contains("%")) {
          like(c, field, values, false, false);
        } else {
          in(c, field, values, false);
        }
      }
    }
    return true;
  }

  /** A condition the caller writes itself (special keys such as UF_DEPARTMENT). */
  void raw(String condition, Object... arguments) {
    where.append(" AND (").append(condition).append(")");
    args.addAll(List.of(arguments));
  }

  String where() {
    return where.toString();
  }

  List<Object> args() {
    return args;
  }

  private void like(Column c, String field, List<JsonNode> values, boolean contains, boolean negate) {
    List<String> parts = new ArrayList<>();
    for (JsonNode v : values) {
      parts.add(text(c) + " ILIKE ?");
      String s = v.asText();
      args.add(contains ? "%" + escape(s) + "%" : s);
    }
    where.append(negate ? " AND NOT (" : " AND (").append(String.join(" OR ", parts)).append(")");
  }

  private void compare(Column c, String field, String op, JsonNode v) {
    where.append(" AND ").append(c.type() == Type.TEXT ? "lower(" + c.sql() + ")" : c.sql()).append(' ').append(op)
        .append(c.type() == Type.TEXT ? " lower(?)" : " ?");
    args.add(typed(c, field, v));
  }

  private void in(Column c, String field, List<JsonNode> values, boolean negate) {
    where.append(negate ? " AND NOT (" : " AND (");
    switch (c.type()) {
      case ID -> {
        long[] ids = new long[values.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = (Long) typed(c, field, values.get(i));
        where.append("coalesce(").append(c.sql()).append(", 0) = ANY(?)");
        args.add(ids);
      }
      case TEXT -> {
        where.append("lower(").append(c.sql()).append(") = ANY(?)");
        args.add(values.stream().map(v -> v.asText().toLowerCase(Locale.ROOT)).toArray(String[]::new));
      }
      default -> {
        List<String> parts = new ArrayList<>();
        for (JsonNode v : values) {
          parts.add(c.sql() + " = ?");
          args.add(typed(c, field, v));
        }
        where.append(String.join(" OR ", parts));
      }
    }
    where.append(")");
  }

  private Object typed(Column c, String field, JsonNode v) {
    switch (c.type()) {
      case ID -> {
        OptionalLong n = v.isContainerNode() ? OptionalLong.empty() : Params.asLong(v);
        if (n.isEmpty()) throw DirectoryErrors.argument("BAD_FILTER_VALUE", Params.display(v), field);
        return n.getAsLong();
      }
      case BOOL -> {
        var f = Input.flag(v);
        if (f == null || f.isEmpty()) throw DirectoryErrors.argument("BAD_FILTER_VALUE", Params.display(v), field);
        return f.get();
      }
      case DATE -> {
        return date(v, field);
      }
      default -> {
        return v.asText();
      }
    }
  }

  private Instant date(JsonNode v, String field) {
    String s = v.asText().trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw DirectoryErrors.argument("BAD_FILTER_VALUE", s, field);
      }
    }
  }

  private static String text(Column c) {
    return c.type() == Type.TEXT ? c.sql() : c.sql() + "::text";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
