package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code .xml} form of an envelope: {@code <response><result>…</result><time>…</time></response>}, the same
 * tree as the JSON. List elements are written as {@code <item>}; keys that are not XML names become {@code
 * <item key="…">}.
 */
public final class Xml {
  private Xml() {}

  public static byte[] write(Map<String, Object> envelope) {
    JsonNode tree = Json.MAPPER.valueToTree(envelope);
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response>");
    tree.properties().forEach(e -> element(sb, e.getKey(), e.getValue()));
    sb.append("</response>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void element(StringBuilder sb, String name, JsonNode value) {
    boolean plain = name.matches("[A-Za-z_][A-Za-z0-9_.-]*");
    if (plain) sb.append('<').append(name).append('>');
    else sb.append("<item key=\"").append(escape(name)).append("\">");
    if (value.isObject()) {
      value.properties().forEach(e -> element(sb, e.getKey(), e.getValue()));
    } else if (value.isArray()) {
      for (JsonNode v : value) element(sb, "item", v);
    } else if (!value.isNull()) {
      sb.append(escape(value.asText()));
    }
    sb.append("</").append(plain ? name : "item").append('>');
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out.append("&#").append((int) c).append(';');
          else out.append(c);
        }
      }
    }
    return out.toString();
  }
}
