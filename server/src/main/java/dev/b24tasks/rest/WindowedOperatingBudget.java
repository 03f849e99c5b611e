package dev.b24tasks.rest;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process operating-time budget: per credential and method, ten one-minute buckets. A bucket's life starts at
 * the first call in its minute and lasts ten minutes; {@code operating_reset_at} is when the oldest live bucket
 * ends. With a limit of 0 the time is still measured and reported, but nothing is refused.
 */
public final class WindowedOperatingBudget implements OperatingBudget {
  private static final long WINDOW_SECONDS = 600;
  private static final int BUCKETS = 10;

  private final double limitSeconds;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  public WindowedOperatingBudget(double limitSeconds, Clock clock) {
    this.limitSeconds = limitSeconds;
    this.clock = clock;
  }

  @Override
  public void check(String credentialKey, String method) {
    if (limitSeconds <= 0) return;
    Window w = windows.get(credentialKey + "|" + method);
    if (w != null && w.sum(nowSeconds()) >= limitSeconds) throw RestException.of(RestError.OPERATION_TIME_LIMIT);
  }

  @Override
  public Usage charge(String credentialKey, String method, double seconds) {
    long now = nowSeconds();
    Window w = windows.computeIfAbsent(credentialKey + "|" + method, k -> new Window());
    return w.add(now, seconds);
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private static final class Window {
    private final long[] bucketStart = new long[BUCKETS];
    private final double[] bucketSeconds = new double[BUCKETS];

    synchronized double sum(long now) {
      double total = 0;
      for (int i = 0; i < BUCKETS; i++) {
        if (bucketStart[i] != 0 && now - bucketStart[i] < WINDOW_SECONDS) total += bucketSeconds[i];
      }
      return total;
    }

    synchronized Usage add(long now, double seconds) {
      int slot = (int) ((now / 60) % BUCKETS);
      if (bucketStart[slot] == 0 || now - bucketStart[slot] >= WINDOW_SECONDS || now / 60 != bucketStart[slot] / 60) {
        bucketStart[slot] = now;
        bucketSeconds[slot] = 0;
      }
      bucketSeconds[slot] += seconds;
      double total = 0;
      long oldest = Long.MAX_VALUE;
      for (int i = 0; i < BUCKETS; i++) {
        if (bucketStart[i] != 0 && now - bucketStart[i] < WINDOW_SECONDS) {
          total += bucketSeconds[i];
          oldest = Math.min(oldest, bucketStart[i]);
        }
      }
      return new Usage(total, oldest + WINDOW_SECONDS);
    }
  }
}
