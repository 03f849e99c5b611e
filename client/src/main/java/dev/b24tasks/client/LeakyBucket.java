package dev.b24tasks.client;

import java.time.Clock;
import java.time.Duration;

/** The client-side bucket of {@link RateLimit}; thread-safe. Internal. */
final class LeakyBucket {
  private final RateLimit limit;
  private final Clock clock;
  private double level;
  private long lastMillis;

  LeakyBucket(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    this.lastMillis = clock.millis();
  }

  /**
   * Takes room for one request, or says how long to wait before asking again. {@link Duration#ZERO} means the
   * request may go.
   */
  synchronized Duration tryAcquire() {
    if (limit.isOff()) return Duration.ZERO;
    drain();
    if (level + 1 <= limit.burst()) {
      level += 1;
      return Duration.ZERO;
    }
    double seconds = (level + 1 - limit.burst()) / limit.drainPerSecond();
    return Duration.ofMillis(Math.max(1, (long) Math.ceil(seconds * 1000)));
  }

  /** After a 503 the portal's bucket is full: ours is treated as full too, so the next calls go at the drain rate. */
  synchronized void fill() {
    if (limit.isOff()) return;
    drain();
    level = limit.burst();
  }

  private void drain() {
    long now = clock.millis();
    if (now > lastMillis) {
      level = Math.max(0, level - (now - lastMillis) / 1000.0 * limit.drainPerSecond());
      lastMillis = now;
    }
  }
}
