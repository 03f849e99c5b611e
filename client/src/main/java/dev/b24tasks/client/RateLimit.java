package dev.b24tasks.client;

/**
 * The client-side leaky bucket: every request adds one to the bucket, which drains {@code drainPerSecond} a
 * second; a request that would overflow {@code burst} waits until it fits. Matching the portal's plan keeps a
 * client from ever meeting {@code 503 QUERY_LIMIT_EXCEEDED}; the portal's bucket is per portal, so several
 * clients of one portal should share one {@link Bitrix24} instance.
 *
 * @param burst how many requests may go at once (the bucket's size)
 * @param drainPerSecond how many requests a second the bucket lets through once full
 */
public record RateLimit(double burst, double drainPerSecond) {
  /** No client-side limit: requests go as fast as they are made (a 503 is still retried). */
  public static final RateLimit OFF = new RateLimit(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  /** Standard plans and on-premise defaults: 50 at once, then 2 a second. */
  public static final RateLimit STANDARD = new RateLimit(50, 2);
  /** Enterprise plans: 250 at once, then 5 a second. */
  public static final RateLimit ENTERPRISE = new RateLimit(250, 5);

  /** Checks the figures. */
  public RateLimit {
    if (!(burst >= 1) || !(drainPerSecond > 0)) {
      throw new IllegalArgumentException("burst must be >= 1 and drainPerSecond > 0");
    }
  }

  /** True for {@link #OFF}. */
  public boolean isOff() {
    return Double.isInfinite(burst);
  }
}
