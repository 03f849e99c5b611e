package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading the directory's field values: ids, id lists, Y/N flags, text. Invalid input is reported, never cast. */
final class Input {
  private Input() {}

  static boolean absent(JsonNode v) {
    return v == null || v.isNull() || (v.isTextual() && v.asText().isBlank());
  }

  /** An integer, or empty when absent; a value that is not an integer is {@code null}'s opposite: an error. */
  static OptionalLong integer(JsonNode v, String field, java.util.function.BiFunction<String, String, RuntimeException> bad) {
    if (absent(v)) return OptionalLong.empty();
    OptionalLong n = v.isContainerNode() ? OptionalLong.empty() : Params.asLong(v);
    if (n.isEmpty()) throw bad.apply(field, Params.display(v));
    return n;
  }

  /** A list of positive ids: a JSON/PHP array of integers, or one integer; empty list for absent; null if invalid. */
  static List<Long> ids(JsonNode v) {
    if (absent(v)) return List.of();
    List<JsonNode> items = v.isContainerNode() ? Params.values(v) : List.of(v);
    LinkedHashSet<Long> out = new LinkedHashSet<>();
    for (JsonNode item : items) {
      if (item.isContainerNode()) return null;
      OptionalLong n = Params.asLong(item);
      if (n.isEmpty() || n.getAsLong() <= 0) return null;
      out.add(n.getAsLong());
    }
    return new ArrayList<>(out);
  }

  /** Y/N (also true/false, 1/0); empty when absent; null when it is something else. */
  static Optional<Boolean> flag(JsonNode v) {
    if (absent(v)) return Optional.empty();
    if (v.isBoolean()) return Optional.of(v.asBoolean());
    String s = v.isContainerNode() ? "?" : v.asText().trim();
    if (s.equalsIgnoreCase("Y") || s.equalsIgnoreCase("true") || s.equals("1")) return Optional.of(true);
    if (s.equalsIgnoreCase("N") || s.equalsIgnoreCase("false") || s.equals("0")) return Optional.of(false);
    return null;
  }

  /** Text of a scalar; null for absent; containers are invalid and give null too (callers check). */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    return v.asText();
  }
}
