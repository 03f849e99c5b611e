package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of one call: query string and body merged into one insertion-ordered tree, as PHP's
 * {@code $_REQUEST} would hold them. Form values are strings, JSON values keep their types; the accessors accept
 * both ("8017" and 8017). PHP arrays from bracket keys ({@code select[]=ID}) are objects with keys "0", "1", …;
 * the accessors treat them like JSON arrays.
 *
 * <p>Named binding (the {@code tasks.task.*} controllers) looks names up exactly, case-sensitively; positional
 * binding (the legacy {@code task.item.*} families) ignores names and takes values in order: {@link #positional()}.
 */
public final class Params {
  private final ObjectNode root;

  public Params(ObjectNode root) {
    this.root = root;
  }

  public static Params empty() {
    return new Params(Json.object());
  }

  public ObjectNode root() {
    return root;
  }

  public boolean has(String name) {
    return root.has(name);
  }

  /** The value named exactly {@code name}, or null. */
  public JsonNode get(String name) {
    return root.get(name);
  }

  /** The first of several accepted names that is present (e.g. {@code taskId} or {@code id}). */
  public JsonNode first(String... names) {
    for (String n : names) {
      JsonNode v = root.get(n);
      if (v != null) return v;
    }
    return null;
  }

  /** Values in the order they were sent; names ignored. */
  public List<JsonNode> positional() {
    return positional(null);
  }

  /**
   * Values in the order they were sent, names ignored, without the text values that contain {@code methodName}
   * (case-insensitive), as the portal's legacy binder skips them: a rewritten URL can leave the method's own path
   * among the query values ({@code ?task.item.getdata&0=13}). Null skips nothing.
   */
  public List<JsonNode> positional(String methodName) {
    String skip = methodName == null || methodName.isEmpty() ? null : methodName.toLowerCase(java.util.Locale.ROOT);
    List<JsonNode> out = new ArrayList<>(root.size());
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      JsonNode v = e.getValue();
      if (skip != null && v.isTextual() && v.textValue().toLowerCase(java.util.Locale.ROOT).contains(skip)) continue;
      out.add(v);
    }
    return out;
  }

  // ---- named binding, with the engine binder's error texts ------------------------------------------------

  /** A required integer parameter: missing -> 100 "Could not find value…", not an integer -> 100 "Invalid value…". */
  public long requireLong(String name) {
    JsonNode v = root.get(name);
    if (v == null || v.isNull()) throw RestException.of(RestError.ARGUMENT_MISSING, name);
    return asLong(v).orElseThrow(() -> RestException.of(RestError.ARGUMENT_TYPE, display(v), name, "int"));
  }

  /** An optional integer parameter; present but not an integer -> 100 "Invalid value…". */
  public OptionalLong optLong(String name) {
    JsonNode v = root.get(name);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) return OptionalLong.empty();
    return OptionalLong.of(
        asLong(v).orElseThrow(() -> RestException.of(RestError.ARGUMENT_TYPE, display(v), name, "int")));
  }

  /** A required array parameter (JSON array or PHP array). */
  public JsonNode requireArray(String name) {
    JsonNode v = root.get(name);
    if (v == null || v.isNull()) throw RestException.of(RestError.ARGUMENT_MISSING, name);
    if (!isArrayLike(v)) throw RestException.of(RestError.ARGUMENT_TYPE, display(v), name, "array");
    return v;
  }

  /** An optional array parameter; absent or an empty string gives empty. */
  public Optional<JsonNode> optArray(String name) {
    JsonNode v = root.get(name);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) return Optional.empty();
    if (!isArrayLike(v)) throw RestException.of(RestError.ARGUMENT_TYPE, display(v), name, "array");
    return Optional.of(v);
  }

  public Optional<String> optString(String name) {
    JsonNode v = root.get(name);
    if (v == null || v.isNull() || v.isContainerNode()) return Optional.empty();
    return Optional.of(v.asText());
  }

  // ---- value helpers ------------------------------------------------------------------------------------

  /** An integer from a JSON number or a numeric string ("8017", " 12 "); empty otherwise. */
  public static OptionalLong asLong(JsonNode v) {
    if (v == null || v.isNull()) return OptionalLong.empty();
    if (v.isIntegralNumber() && v.canConvertToLong()) return OptionalLong.of(v.asLong());
    if (v.isNumber()) {
      double d = v.asDouble();
      return d == Math.rint(d) && Math.abs(d) < 9e15 ? OptionalLong.of((long) d) : OptionalLong.empty();
    }
    if (v.isTextual()) {
      String s = v.asText().trim();
      if (s.isEmpty() || s.length() > 19) return OptionalLong.empty();
      try {
        return OptionalLong.of(Long.parseLong(s));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    if (v.isBoolean()) return OptionalLong.of(v.asBoolean() ? 1 : 0);
    return OptionalLong.empty();
  }

  /**
   * PHP's (int) cast: leading digits of a string (saturating at the largest long, as PHP does), 0 when there are
   * none; 0 for an empty array and 1 for a non-empty one; 0 for a number that does not fit a long. Used where
   * Bitrix casts silently.
   */
  public static long phpInt(JsonNode v) {
    if (v == null || v.isNull()) return 0;
    if (v.isIntegralNumber()) return v.canConvertToLong() ? v.asLong() : 0;
    if (v.isNumber()) {
      double d = v.asDouble();
      return Double.isFinite(d) && Math.abs(d) < 9.2e18 ? (long) d : 0;
    }
    if (v.isBoolean()) return v.asBoolean() ? 1 : 0;
    if (v.isContainerNode()) return v.isEmpty() ? 0 : 1;
    if (!v.isTextual()) return 0;
    String s = v.asText().trim();
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) negative = s.charAt(i++) == '-';
    long out = 0;
    boolean any = false;
    for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      any = true;
      int digit = s.charAt(i) - '0';
      if (out > (Long.MAX_VALUE - digit) / 10) return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
      out = out * 10 + digit;
    }
    return !any ? 0 : negative ? -out : out;
  }

  /** JSON array, or PHP array (an object) in form encoding. */
  public static boolean isArrayLike(JsonNode v) {
    return v != null && (v.isArray() || v.isObject());
  }

  /** The elements of a JSON array or the values of an object, in order; a scalar gives a list of itself. */
  public static List<JsonNode> values(JsonNode v) {
    List<JsonNode> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    if (v.isArray()) v.forEach(out::add);
    else if (v.isObject()) v.properties().forEach(e -> out.add(e.getValue()));
    else out.add(v);
    return out;
  }

  /** True for Bitrix's truthy spellings: Y, true, 1, "true", "1", "Y". */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull()) return false;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isNumber()) return v.asDouble() != 0;
    String s = v.asText().trim();
    return s.equalsIgnoreCase("Y") || s.equalsIgnoreCase("true") || s.equals("1");
  }

  /** How a value is shown inside an error text: scalars as they are, containers as "{}". */
  public static String display(JsonNode v) {
    if (v == null || v.isNull()) return "";
    if (v.isContainerNode()) return "{}";
    return v.asText();
  }
}
