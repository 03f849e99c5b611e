package dev.b24tasks.rest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list parameters of REST 3.0 (reference §B.4) read once for every list method: {@code select},
 * {@code filter}, {@code order}, {@code pagination} ({@code page} 1-based and winning over {@code offset};
 * {@code limit} default 50, clamped to the method's maximum) and the keyset {@code cursor}.
 */
public record V3Query(List<String> select, V3Filter.Group filter, Map<String, Boolean> order, long offset, int limit,
    Cursor cursor) {
  /** {@code cursor: {field, value, order, limit}}: {@code field > value} (asc) or {@code < value} (desc). */
  public record Cursor(String field, JsonNode value, boolean ascending) {}

  public static final int DEFAULT_LIMIT = 50;

  /** Reads the list parameters of {@code call}; {@code maxLimit} is where a larger limit is silently clamped. */
  public static V3Query of(V3Call call, int maxLimit) {
    List<String> select = call.strings("select");
    V3Filter.Group filter = V3Filter.parse(call.params().get("filter"));
    Map<String, Boolean> order = order(call.params().get("order"));
    long offset = 0;
    int limit = DEFAULT_LIMIT;
    JsonNode p = call.params().get("pagination");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) throw V3Exception.of(V3Error.INVALID_PAGINATION, p.toString());
      JsonNode l = p.get("limit");
      if (l != null && !l.isNull()) {
        if (!integral(l) || l.asLong() <= 0) throw V3Exception.of(V3Error.INVALID_PAGINATION, p.toString());
        limit = (int) Math.min(l.asLong(), maxLimit);
      }
      JsonNode o = p.get("offset");
      if (o != null && !o.isNull()) {
        if (!integral(o) || o.asLong() < 0) throw V3Exception.of(V3Error.INVALID_PAGINATION, p.toString());
        offset = o.asLong();
      }
      JsonNode pg = p.get("page");
      if (pg != null && !pg.isNull()) {
        if (!integral(pg) || pg.asLong() < 0) throw V3Exception.of(V3Error.INVALID_PAGINATION, p.toString());
        // 1-based; the JS SDK sends page 0 for the first page too
        offset = Math.max(0, pg.asLong() - 1) * limit;
      }
    }
    Cursor cursor = null;
    JsonNode c = call.params().get("cursor");
    if (c != null && !c.isNull()) {
      if (!c.isObject() || !c.has("value") || c.get("value").isNull()) {
        throw V3Exception.message(V3Error.INVALID_PAGINATION, "CURSOR_BAD", c.toString());
      }
      String field = c.path("field").asText("id");
      String dir = c.path("order").asText("asc").toLowerCase(Locale.ROOT);
      if (!dir.equals("asc") && !dir.equals("desc")) throw V3Exception.of(V3Error.INVALID_ORDER);
      JsonNode l = c.get("limit");
      if (l != null && !l.isNull()) {
        if (!integral(l) || l.asLong() <= 0) throw V3Exception.of(V3Error.INVALID_PAGINATION, c.toString());
        limit = (int) Math.min(l.asLong(), maxLimit);
      }
      List<String> named = new ArrayList<>();
      V3Filter.fields(filter, named);
      if (named.contains(field)) throw V3Exception.message(V3Error.INVALID_FILTER, "CURSOR_IN_FILTER", field);
      cursor = new Cursor(field, c.get("value"), dir.equals("asc"));
      offset = 0;
    }
    return new V3Query(select, filter, order, offset, limit, cursor);
  }

  /** {@code {"field":"ASC|DESC"}}, case-insensitive; a list (numeric keys) or another direction is refused. */
  static Map<String, Boolean> order(JsonNode order) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (order == null || order.isNull()) return out;
    if (!order.isObject()) throw V3Exception.of(V3Error.INVALID_ORDER);
    for (Map.Entry<String, JsonNode> e : order.properties()) {
      if (e.getKey().matches("\\d+") || !e.getValue().isTextual()) throw V3Exception.of(V3Error.INVALID_ORDER);
      String dir = e.getValue().asText().toUpperCase(Locale.ROOT);
      if (!dir.equals("ASC") && !dir.equals("DESC")) throw V3Exception.of(V3Error.INVALID_ORDER);
      out.put(e.getKey(), dir.equals("ASC"));
    }
    return out;
  }

  private static boolean integral(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToLong();
  }
}
