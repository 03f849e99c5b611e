package dev.b24tasks.binding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Dates on the legacy wire: ISO-8601 with the viewer's offset out; ISO (with or without offset) or the portal format in. */
public final class LegacyDates {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss"), DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));

  private LegacyDates() {}

  /** {@code 2025-10-24T19:00:00+02:00} in {@code zone}; null stays null. */
  public static String iso(Instant at, ZoneId zone) {
    return at == null ? null : ISO.format(at.atZone(zone));
  }

  /** Parses an input date; a value without offset is read in {@code zone}. Empty when it is no date. */
  public static Optional<Instant> parse(String text, ZoneId zone) {
    if (text == null) return Optional.empty();
    String s = text.trim();
    if (s.isEmpty()) return Optional.empty();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException ignored) {
      // not with an offset; try the local forms
    }
    for (DateTimeFormatter f : LOCAL) {
      try {
        return Optional.of(LocalDateTime.parse(s, f).atZone(zone).toInstant());
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd.MM.yyyy"))) {
      try {
        return Optional.of(LocalDate.parse(s, f).atStartOfDay(zone).toInstant());
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    return Optional.empty();
  }
}
