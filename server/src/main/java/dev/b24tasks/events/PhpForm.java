package dev.b24tasks.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A value tree as PHP's {@code http_build_query} writes it: bracket keys for nesting ({@code data[FIELDS_AFTER][ID]=1}),
 * list indexes as keys, every scalar as a string, true as 1 and false as 0, nulls and empty arrays left out. This
 * is the body the portal's queue server POSTs to a handler.
 */
final class PhpForm {
  private PhpForm() {}

  static String encode(Map<String, ?> top) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, ?> e : top.entrySet()) append(out, e.getKey(), e.getValue());
    return out.toString();
  }

  private static void append(StringBuilder out, String key, Object value) {
    if (value == null) return;
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) append(out, key + "[" + e.getKey() + "]", e.getValue());
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) append(out, key + "[" + i + "]", l.get(i));
    } else if (value instanceof com.fasterxml.jackson.databind.JsonNode n) {
      append(out, key, dev.b24tasks.rest.Json.MAPPER.convertValue(n, Object.class));
    } else {
      String text = value instanceof Boolean b ? (b ? "1" : "0") : value.toString();
      if (!out.isEmpty()) out.append('&');
      // brackets stay readable, as in the portal's captures; PHP decodes them either way
      out.append(escape(key).replace("%5B", "[").replace("%5D", "]")).append('=').append(escape(text));
    }
  }

  private static String escape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
