package dev.b24tasks.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one home of Bitrix's wire formats, shared by every dialect and feature: dates out
 * ({@code 2025-10-24T19:00:00+02:00}, in the viewer's zone), dates in (every form a client sends), Y/N flags and
 * the camelCase -> UPPER_SNAKE key rule.
 */
public final class Wire {
  /** Bitrix's ISO-8601 form: seconds, numeric offset, no fraction. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]"),
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm[:ss] a", Locale.ENGLISH));
  private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("dd.MM.yyyy"),
      DateTimeFormatter.ofPattern("MM/dd/yyyy"));

  private Wire() {}

  /** {@code at} in {@code zone} as Bitrix writes dates; null stays null. */
  public static String date(Instant at, ZoneId zone) {
    if (at == null) return null;
    java.time.ZoneOffset offset = zone.getRules().getOffset(at);
    LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, offset);
    int off = offset.getTotalSeconds();
    // Written by hand: a page has hundreds of dates, and the formatter was a tenth of a list's time. Years
    // outside 1..9999 (yyyy is the year of the era) and offsets with seconds take the formatter ({@link #DATE}).
    if (t.getYear() < 1 || t.getYear() > 9999 || off % 60 != 0) return DATE.format(at.atZone(zone));
    char[] c = new char[25];
    digits(c, 0, t.getYear(), 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = off < 0 ? '-' : '+';
    int abs = Math.abs(off) / 60;
    digits(c, 20, abs / 60, 2);
    c[22] = ':';
    digits(c, 23, abs % 60, 2);
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * A date as clients send it: ISO-8601 with or without an offset (without one it is read in {@code zone}), a plain
   * date (its midnight), or the portal's locale forms ({@code 31.12.2025 23:59:59}, {@code 12/31/2025 11:59:59 pm}).
   * Anything else is no date, as PHP's strtotime failing clears the field.
   */
  public static Optional<Instant> parseDate(String text, ZoneId zone) {
    if (text == null || text.isBlank()) return Optional.empty();
    String v = text.trim();
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException ignored) {
      // not ISO with an offset
    }
    String upper = v.toUpperCase(Locale.ROOT); // "pm" as well as "PM"
    for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
      try {
        return Optional.of(LocalDateTime.parse(upper, f).atZone(zone).toInstant());
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    for (DateTimeFormatter f : LOCAL_DATES) {
      try {
        return Optional.of(LocalDate.parse(v, f).atStartOfDay(zone).toInstant());
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    return Optional.empty();
  }

  /** {@code "Y"} or {@code "N"}. */
  public static String yn(boolean b) {
    return b ? "Y" : "N";
  }

  /** {@code responsibleId} -> {@code RESPONSIBLE_ID}; keys already in UPPER_SNAKE stay as they are. */
  public static String upperSnake(String key) {
    StringBuilder b = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char ch = key.charAt(i);
      if (Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) b.append('_');
      b.append(Character.toUpperCase(ch));
    }
    return b.toString();
  }

  /** {@code RESPONSIBLE_ID} -> {@code responsibleId}, {@code UF_TASK_BUDGET} -> {@code ufTaskBudget}. */
  public static String lowerCamel(String upperSnake) {
    StringBuilder out = new StringBuilder(upperSnake.length());
    boolean up = false;
    for (char ch : upperSnake.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (ch == '_') {
        up = out.length() > 0;
        continue;
      }
      out.append(up ? Character.toUpperCase(ch) : ch);
      up = false;
    }
    return out.toString();
  }
}
