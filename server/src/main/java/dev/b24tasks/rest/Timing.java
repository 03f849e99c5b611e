package dev.b24tasks.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code time} block of a success envelope: start and finish as unix seconds with microseconds, their
 * difference, the processing time, both as Wire.DATE dates, and the operating-time budget of this method
 * ({@code operating} seconds used in the window, {@code operating_reset_at} when the oldest minute drops out).
 */
public record Timing(long startNanosEpoch, long finishNanosEpoch, double processing, double operating,
    long operatingResetAt) {


  public Map<String, Object> toMap(ZoneId zone, boolean withOperating) {
    Map<String, Object> m = new LinkedHashMap<>();
    // BigDecimal, written plain: PHP prints 1758188171.142611, where a double would come out as 1.758188171142611E9
    m.put("start", BigDecimal.valueOf(startNanosEpoch / 1_000L, 6));
    m.put("finish", BigDecimal.valueOf(finishNanosEpoch / 1_000L, 6));
    m.put("duration", seconds((finishNanosEpoch - startNanosEpoch) / 1e9));
    m.put("processing", seconds(processing));
    m.put("date_start", iso(startNanosEpoch, zone));
    m.put("date_finish", iso(finishNanosEpoch, zone));
    if (withOperating) {
      m.put("operating_reset_at", operatingResetAt);
      m.put("operating", seconds(operating));
    }
    return m;
  }

  private static BigDecimal seconds(double s) {
    return BigDecimal.valueOf(s).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static String iso(long nanosEpoch, ZoneId zone) {
    Instant i = Instant.ofEpochSecond(nanosEpoch / 1_000_000_000L, nanosEpoch % 1_000_000_000L);
    return OffsetDateTime.ofInstant(i, zone).format(Wire.DATE);
  }

  /** Nanoseconds since the epoch, with the best precision the clock offers. */
  public static long nowNanos() {
    return nowNanos(Clock.systemUTC());
  }

  /** Nanoseconds since the epoch on {@code clock} (the portal's, which a test may have moved or stopped). */
  public static long nowNanos(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * When a call started on the portal's clock, and a real stopwatch from then: the finish is the start plus the
   * real time spent, so a stopped clock still shows how long the call took.
   */
  public record Start(long epochNanos, long stopwatch) {
    public static Start now(Clock clock) {
      return new Start(nowNanos(clock), System.nanoTime());
    }

    /** Start plus the real time spent since. */
    public long finishNanos() {
      return epochNanos + (System.nanoTime() - stopwatch);
    }

    /** A timing from this start to now. */
    public Timing until(double processing, double operating, long operatingResetAt) {
      return new Timing(epochNanos, finishNanos(), processing, operating, operatingResetAt);
    }
  }
}
