package dev.b24tasks.console;

import dev.b24tasks.rest.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The console's words in one language ({@code i18n/console_<lang>.properties}, English as the fallback) and the
 * viewer's way of showing dates: in her time zone, in her language.
 */
public final class Texts {
  /** The languages the console speaks, in the order the account page offers them. */
  public static final List<String> LANGUAGES = List.of("en", "ru");

  private final String language;
  private final ZoneId zone;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter inputFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  public Texts(String language, ZoneId zone) {
    this.language = LANGUAGES.contains(language) ? language : "en";
    this.zone = zone;
    this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag(this.language)).withZone(zone);
  }

  public String language() {
    return language;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The text of {@code key}, {0}, {1}… replaced by {@code args}. */
  public String get(String key, Object... args) {
    return Messages.text("console", key, language, args);
  }

  /** A date and time for people, or "" for none. */
  public String when(Instant at) {
    return at == null ? "" : dateTime.format(at);
  }

  /** The value of a {@code datetime-local} input, or "" for none. */
  public String input(Instant at) {
    return at == null ? "" : inputFormat.format(at.atZone(zone));
  }

  /** Seconds as "1 h 05 min" / "5 min". */
  public String duration(long seconds) {
    long minutes = Math.round(seconds / 60.0);
    return minutes >= 60 ? get("duration.hm", minutes / 60, String.format("%02d", minutes % 60))
        : get("duration.m", minutes);
  }
}
