package dev.b24tasks.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Dates as clients send them: ISO-8601 with or without an offset ("2025-12-31T23:59:59" is in the caller's zone),
 * a plain date, or the portal's locale forms ("31.12.2025 23:59:59", "12/31/2025 11:59:59 pm"). Anything else is
 * no date, as PHP's strtotime failing clears the field.
 */
final class DateInput {
  private static final List<DateTimeFormatter> LOCAL = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]"),
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm[:ss] a", java.util.Locale.ENGLISH));
  private static final List<DateTimeFormatter> DATES =
      List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"),
          DateTimeFormatter.ofPattern("MM/dd/yyyy"));

  private DateInput() {}

  static Instant parse(String s, ZoneId zone) {
    if (s == null || s.isBlank()) return null;
    String v = s.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException ignored) {
      // not ISO with an offset
    }
    for (DateTimeFormatter f : LOCAL) {
      try {
        return LocalDateTime.parse(v.toUpperCase(java.util.Locale.ROOT).replace("AM", "AM").replace("PM", "PM"), f)
            .atZone(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(v, f).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    return null;
  }
}
