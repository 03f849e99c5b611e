package dev.b24tasks.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The portal's clock, shared by every node: real time shifted by an offset, or a fixed instant. Its setting lives
 * in the database ({@code b24_portal.state}); {@link PortalState} refreshes it at the start of every REST call,
 * so a call on any node that starts after {@code b24tasks.clock.set} committed sees the new time. Every component
 * that reads time is given this clock.
 */
public final class PortalClock extends Clock {
  /** What the clock is set to: a fixed instant (time stands still), or an offset from real time. */
  public record Setting(Instant fixed, long offsetMillis) {
    public static final Setting REAL = new Setting(null, 0);

    public boolean isReal() {
      return fixed == null && offsetMillis == 0;
    }

    /** {@code fixed}, {@code offset} or {@code real}. */
    public String mode() {
      return fixed != null ? "fixed" : offsetMillis != 0 ? "offset" : "real";
    }
  }

  private final Clock base;
  private volatile Setting setting = Setting.REAL;

  /** {@code base} is real time (tests may pass a controllable one). */
  public PortalClock(Clock base) {
    this.base = base;
  }

  public Setting setting() {
    return setting;
  }

  void apply(Setting s) {
    this.setting = s;
  }

  /** The time without the portal's setting. */
  public Instant realInstant() {
    return base.instant();
  }

  @Override
  public Instant instant() {
    Setting s = setting;
    if (s.fixed() != null) return s.fixed();
    Instant real = base.instant();
    return s.offsetMillis() == 0 ? real : real.plusMillis(s.offsetMillis());
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    Clock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId z) {
        return self.withZone(z);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  /**
   * {@code fixed:2027-01-31T09:00:00Z}, {@code offset:3600} (seconds, signed) or {@code offset:-P1DT2H} (an ISO
   * duration), {@code real}; as given to {@code serve --clock}.
   */
  public static Setting parse(String spec, Instant realNow) {
    String s = spec == null ? "" : spec.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("real")) return Setting.REAL;
    int colon = s.indexOf(':');
    String kind = colon < 0 ? s : s.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    String value = colon < 0 ? "" : s.substring(colon + 1).trim();
    try {
      return switch (kind) {
        case "fixed" -> new Setting(PortalTime.parseInstant(value), 0);
        case "offset" -> new Setting(null, parseOffset(value).toMillis());
        default -> throw new IllegalArgumentException("bad kind");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--clock must be fixed:<ISO-8601 date-time>, offset:<seconds or ISO "
          + "duration> or real, e.g. fixed:2027-01-31T09:00:00Z or offset:-86400; got " + spec);
    }
  }

  static Duration parseOffset(String v) {
    if (v.matches("[+-]?\\d{1,12}(\\.\\d{1,3})?")) return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    return Duration.parse(v);
  }
}
