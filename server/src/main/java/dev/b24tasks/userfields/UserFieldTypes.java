package dev.b24tasks.userfields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The types of custom fields: the list task.item.userfield.gettypes answers (the rest module's, whatever a task can
 * hold), the scalar types this server creates and stores, each type's SETTINGS as the portal completes them, and the
 * values a task can hold in a field of each type.
 */
final class UserFieldTypes {
  private UserFieldTypes() {}

  /** gettypes, in the portal's order: the type id and the key of its title in the userfields bundle. */
  static final List<String> LISTED = List.of("string", "integer", "double", "boolean", "enumeration", "datetime",
      "date", "money", "url", "address", "file", "employee", "crm_status", "iblock_section", "iblock_element", "crm");

  /**
   * The types add creates here: the four the task card shows (string, double, datetime, boolean) and the two other
   * scalars (integer, date). The portal would also create the others gettypes lists; this server refuses them.
   */
  static final Set<String> STORED = Set.of("string", "integer", "double", "boolean", "datetime", "date");

  /** The languages of the portal: every label set has a text for each (add fills the missing ones). */
  static final List<String> LANGUAGES = List.of("ar", "br", "de", "en", "fr", "hi", "id", "it", "ja", "kz", "la",
      "ms", "pl", "ru", "sc", "tc", "th", "tr", "ua", "vn");

  // ---- settings ------------------------------------------------------------------------------------------

  /**
   * The field's SETTINGS: {@code base} (the stored ones, or empty for a new field) with what {@code given} may
   * change (add: DEFAULT_VALUE, ROWS for strings, PRECISION for numbers, DISPLAY for yes/no; update the same but
   * ROWS), then completed with each type's defaults, in the order the portal lists them.
   */
  static Map<String, Object> settings(String type, JsonNode given, Map<String, Object> base, boolean adding,
      ZoneId zone) {
    Map<String, Object> s = new LinkedHashMap<>(base);
    JsonNode g = given != null && given.isObject() ? given : null;
    JsonNode def = g == null ? null : g.get("DEFAULT_VALUE");
    boolean hasDefault = def != null && !def.isNull();
    switch (type) {
      case "string" -> {
        if (hasDefault) s.put("DEFAULT_VALUE", def.isContainerNode() ? "" : def.asText());
        if (adding) s.put("ROWS", g == null ? 1 : Math.max(1, Params.phpInt(g.get("ROWS"))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("SIZE", 20);
        out.put("ROWS", Math.max(1, number(s.get("ROWS"), 1)));
        out.put("REGEXP", "");
        out.put("MIN_LENGTH", 0);
        out.put("MAX_LENGTH", 0);
        out.put("DEFAULT_VALUE", s.getOrDefault("DEFAULT_VALUE", ""));
        return out;
      }
      case "integer" -> {
        if (hasDefault) s.put("DEFAULT_VALUE", def.asText().isBlank() ? "" : Params.phpInt(def));
        return numeric(new LinkedHashMap<>(), s);
      }
      case "double" -> {
        // an absent PRECISION is 0, as the portal's (null >= 0) makes it: such a field keeps whole numbers
        JsonNode p = g == null ? null : g.get("PRECISION");
        if (p != null && !p.isNull()) s.put("PRECISION", Params.phpInt(p) >= 0 ? Params.phpInt(p) : 2);
        else if (adding) s.put("PRECISION", 0);
        int precision = (int) Math.max(0, Math.min(12, number(s.get("PRECISION"), 0)));
        if (hasDefault) {
          Double d = decimal(def);
          s.put("DEFAULT_VALUE", d == null ? "" : (Object) round(d, precision));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PRECISION", precision);
        return numeric(out, s);
      }
      case "boolean" -> {
        if (hasDefault) s.put("DEFAULT_VALUE", Params.phpInt(def) > 0 ? 1 : 0);
        JsonNode display = g == null ? null : g.get("DISPLAY");
        if (display != null && !display.isNull()) {
          s.put("DISPLAY", display.asText().toUpperCase(Locale.ROOT));
        }
        String d = String.valueOf(s.getOrDefault("DISPLAY", "CHECKBOX"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DEFAULT_VALUE", number(s.get("DEFAULT_VALUE"), 0) > 0 ? 1 : 0);
        out.put("DISPLAY", Set.of("CHECKBOX", "RADIO", "DROPDOWN").contains(d) ? d : "CHECKBOX");
        out.put("LABEL", List.of("", ""));
        out.put("LABEL_CHECKBOX", "");
        return out;
      }
      case "datetime", "date" -> {
        if (hasDefault) {
          JsonNode type0 = def.isObject() ? def.get("TYPE") : null;
          JsonNode value0 = def.isObject() ? def.get("VALUE") : def;
          String t = type0 == null || type0.asText().isBlank() ? "NONE" : type0.asText().toUpperCase(Locale.ROOT);
          String v = value0 == null || value0.isNull() || value0.isContainerNode() ? "" : value0.asText().trim();
          String shown = "";
          if (!v.isEmpty()) {
            if (type.equals("date")) shown = date(v, zone) == null ? "" : date(v, zone).toString();
            else shown = Wire.parseDate(v, zone).map(i -> Wire.date(i, zone)).orElse("");
          }
          s.put("DEFAULT_VALUE", UserField.ordered("TYPE", Set.of("NONE", "FIXED", "NOW").contains(t) ? t : "NONE",
              "VALUE", shown));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DEFAULT_VALUE", s.getOrDefault("DEFAULT_VALUE", UserField.ordered("TYPE", "NONE", "VALUE", "")));
        if (type.equals("datetime")) {
          out.put("USE_SECOND", "Y");
          out.put("USE_TIMEZONE", "N");
        }
        return out;
      }
      default -> {
        return s;
      }
    }
  }

  /** The settings numbers share after their own: SIZE, MIN_VALUE, MAX_VALUE (0: no bound), DEFAULT_VALUE. */
  private static Map<String, Object> numeric(Map<String, Object> out, Map<String, Object> s) {
    out.put("SIZE", 20);
    out.put("MIN_VALUE", 0);
    out.put("MAX_VALUE", 0);
    out.put("DEFAULT_VALUE", s.getOrDefault("DEFAULT_VALUE", ""));
    return out;
  }

  private static long number(Object v, long otherwise) {
    if (v instanceof Number n) return n.longValue();
    if (v == null) return otherwise;
    try {
      return Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  // ---- values --------------------------------------------------------------------------------------------

  /** One value of a field on a task: the text the answers show, the number or the moment filters compare. */
  record Value(String text, Double num, Instant at) {}

  /** A value the type refuses: {@code key} names the message (in the tasks bundle). */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String key;

    Refused(String key) {
      super(key, null, false, false);
      this.key = key;
    }
  }

  /** Whether {@code v} is no value at all: absent, null, an empty text or an empty list (a yes/no false is one). */
  static boolean empty(JsonNode v) {
    if (v == null || v.isNull()) return true;
    if (v.isContainerNode()) return v.isEmpty();
    return v.isTextual() && v.asText().isBlank();
  }

  /** One given value as a field of {@code field}'s type holds it; throws {@link Refused}. Null: no value. */
  static Value value(UserField field, JsonNode v, ZoneId zone) {
    if (empty(v) || v.isContainerNode()) return null;
    String text = v.asText().trim();
    switch (field.userTypeId()) {
      case "string" -> {
        return new Value(v.asText(), null, null);
      }
      case "integer" -> {
        if (!text.matches("[-+]?\\d{1,18}")) throw new Refused("UF_NOT_NUMBER");
        long n = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        return new Value(Long.toString(n), (double) n, null);
      }
      case "double" -> {
        Double d = decimal(v);
        if (d == null) throw new Refused("UF_NOT_NUMBER");
        int precision = (int) number(field.settings().get("PRECISION"), 0);
        double r = round(d, precision);
        return new Value(plain(r), r, null);
      }
      case "boolean" -> {
        boolean on = Params.truthy(v) || text.equals("1");
        return new Value(on ? "1" : "0", on ? 1.0 : 0.0, null);
      }
      case "datetime" -> {
        Instant at = Wire.parseDate(text, zone).orElseThrow(() -> new Refused("UF_NOT_DATE"));
        return new Value(at.toString(), null, at);
      }
      case "date" -> {
        LocalDate d = date(text, zone);
        if (d == null) throw new Refused("UF_NOT_DATE");
        return new Value(d.toString(), null, d.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      default -> {
        return new Value(text, null, null);
      }
    }
  }

  /** A stored value as the answers show it: moments in the viewer's zone, the rest as stored. */
  static String shown(String type, String stored, ZoneId zone) {
    if (type.equals("datetime")) {
      try {
        return Wire.date(Instant.parse(stored), zone);
      } catch (DateTimeParseException e) {
        return stored;
      }
    }
    return stored;
  }

  private static LocalDate date(String text, ZoneId zone) {
    try {
      return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return Wire.parseDate(text, zone).map(i -> i.atZone(zone).toLocalDate()).orElse(null);
    }
  }

  /** A number as PHP's doubleval takes a numeric text (a decimal comma too); null for anything else. */
  private static Double decimal(JsonNode v) {
    if (v == null || v.isContainerNode() || v.isNull()) return null;
    if (v.isNumber()) return v.asDouble();
    String t = v.asText().trim().replace(',', '.');
    if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) return null;
    double d = Double.parseDouble(t);
    return Double.isFinite(d) ? d : null;
  }

  private static double round(double d, int precision) {
    return BigDecimal.valueOf(d).setScale(precision, RoundingMode.HALF_UP).doubleValue();
  }

  /** A number as the answers show it: no exponent, no trailing zeros ("12.5", "3"). */
  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
