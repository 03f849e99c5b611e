package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Lenient reading of the wire's values: ids as strings, "Y"/"N" flags, ISO dates, PHP lists. Internal. */
final class Wire {
  private Wire() {}

  static long id(JsonNode n) {
    if (n == null || n.isNull()) return 0;
    if (n.isNumber()) return n.asLong();
    String s = n.asText().trim();
    if (s.isEmpty()) return 0;
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long id(JsonNode row, String camel, String upper) {
    return id(field(row, camel, upper));
  }

  static String text(JsonNode row, String camel, String upper) {
    JsonNode n = field(row, camel, upper);
    return n == null || n.isNull() ? null : n.asText();
  }

  static boolean flag(JsonNode row, String camel, String upper) {
    JsonNode n = field(row, camel, upper);
    if (n == null || n.isNull()) return false;
    if (n.isBoolean()) return n.asBoolean();
    if (n.isNumber()) return n.asInt() != 0;
    String s = n.asText();
    return s.equalsIgnoreCase("Y") || s.equalsIgnoreCase("true") || s.equals("1");
  }

  static OffsetDateTime date(JsonNode row, String camel, String upper) {
    JsonNode n = field(row, camel, upper);
    if (n == null || n.isNull() || n.asText().isBlank()) return null;
    try {
      return OffsetDateTime.parse(n.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static List<Long> ids(JsonNode row, String camel, String upper) {
    JsonNode n = field(row, camel, upper);
    List<Long> out = new ArrayList<>();
    if (n != null && n.isContainerNode()) n.elements().forEachRemaining(v -> out.add(id(v)));
    return List.copyOf(out);
  }

  /** The value under the camelCase name ({@code tasks.task.*}) or the UPPER one (legacy methods). */
  static JsonNode field(JsonNode row, String camel, String upper) {
    if (row == null) return null;
    JsonNode n = camel == null ? null : row.get(camel);
    return n != null ? n : upper == null ? null : row.get(upper);
  }

  /** A PHP list that may come as an object keyed by id ({@code checklist: {"433": {...}}}) or as {@code []}. */
  static List<JsonNode> rows(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n != null && n.isContainerNode()) n.elements().forEachRemaining(out::add);
    return out;
  }
}
