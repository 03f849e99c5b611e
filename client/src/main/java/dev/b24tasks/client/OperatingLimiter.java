package dev.b24tasks.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each method's {@code time.operating} and {@code operating_reset_at}, so that a method near its budget
 * waits for the window to move instead of meeting {@code 429 OPERATION_TIME_LIMIT}. Internal.
 */
final class OperatingLimiter {
  /** The JS SDK's margin: a method at its budget minus 5 s is held back. */
  private static final double MARGIN_SECONDS = 5;
  /** The least wait after a 429 (the JS SDK's figure). */
  static final Duration MIN_429_WAIT = Duration.ofSeconds(10);

  private record Usage(double operating, Instant resetAt) {}

  private final double limitSeconds;
  private final Clock clock;
  private final ConcurrentHashMap<String, Usage> byMethod = new ConcurrentHashMap<>();

  OperatingLimiter(Duration limit, Clock clock) {
    this.limitSeconds = limit.toMillis() / 1000.0;
    this.clock = clock;
  }

  void record(String method, Time time) {
    if (time != null && time.hasOperating()) {
      byMethod.put(key(method), new Usage(time.operating(), time.operatingResetAt()));
    }
  }

  /** How long {@code method} must wait before it may be called; zero when it may go now. */
  Duration waitBefore(String method) {
    if (limitSeconds <= 0) return Duration.ZERO;
    Usage u = byMethod.get(key(method));
    if (u == null || u.operating() < Math.max(1, limitSeconds - MARGIN_SECONDS)) return Duration.ZERO;
    return untilReset(method, u);
  }

  /** The wait after a 429 for {@code method}: until its window resets (plus a second), at least 10 s. */
  Duration waitAfterLimit(String method) {
    Usage u = byMethod.get(key(method));
    Duration d = u == null ? Duration.ZERO : untilReset(method, u);
    return d.compareTo(MIN_429_WAIT) < 0 ? MIN_429_WAIT : d;
  }

  private Duration untilReset(String method, Usage u) {
    Instant now = clock.instant();
    if (!now.isBefore(u.resetAt())) {
      byMethod.remove(key(method), u);
      return Duration.ZERO;
    }
    return Duration.between(now, u.resetAt()).plusSeconds(1);
  }

  private static String key(String method) {
    return method.toLowerCase(java.util.Locale.ROOT);
  }
}
