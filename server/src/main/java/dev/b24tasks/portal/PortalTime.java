package dev.b24tasks.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date-times as the portal methods take them: ISO-8601 with an offset; without one, UTC; a bare date is midnight UTC. */
final class PortalTime {
  private PortalTime() {}

  static Instant parseInstant(String text) {
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the forms below
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // try the forms below
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
  }
}
