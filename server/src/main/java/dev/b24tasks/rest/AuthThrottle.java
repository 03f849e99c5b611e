package dev.b24tasks.rest;

import dev.b24tasks.store.Database;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address: a leaky bucket of {@code burst} drops draining one a second. A
 * failure that finds the bucket full answers 503 QUERY_LIMIT_EXCEEDED (what a portal answers when it throttles)
 * instead of 401, and for the next second every request from that address is refused before its body is decoded
 * or any credential is looked up. The bucket lives where the rate-limit buckets do: in PostgreSQL when the cluster
 * shares them (one UPSERT per failure, none per success), else in this process. The one-second "blocked" mark is
 * a local shortcut derived from the shared bucket and expires by itself.
 */
public final class AuthThrottle {
  /** Failures an address may make in a burst before it is throttled; drained at one a second. */
  public static final int DEFAULT_BURST = 20;
  private static final int MAX_TRACKED = 10_000;

  private final int burst;
  private final Clock clock;
  private final RateLimiter shared;
  private final Database db;
  private final Map<String, double[]> local = new ConcurrentHashMap<>(); // level, at (ms)
  private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();

  private AuthThrottle(int burst, Clock clock, Database db) {
    this.burst = burst;
    this.clock = clock;
    this.db = db == null || burst <= 0 ? null : db;
    this.shared = this.db == null ? null : new SharedRateLimiter(db, clock, new BucketRateLimiter.Plan(burst, 1));
  }

  /** {@code burst} 0 switches throttling off; {@code db} non-null keeps the buckets in PostgreSQL. */
  public static AuthThrottle of(int burst, Clock clock, Database db) {
    return new AuthThrottle(burst, clock, db);
  }

  public static final AuthThrottle OFF = new AuthThrottle(0, Clock.systemUTC(), null);

  /** Key prefix of the failure buckets among the rate-limit rows. */
  static final String KEY_PREFIX = "auth-failures:";

  /**
   * Forgets drained buckets (untouched for longer than it takes a full one to drain), so addresses that failed
   * once do not stay in the store for ever; any node may run it, it is idempotent. Returns the rows removed.
   */
  public int sweep() {
    long now = clock.millis();
    local.entrySet().removeIf(e -> e.getValue()[0] - (now - e.getValue()[1]) / 1000.0 <= 0);
    if (db == null) return 0;
    return db.tx(tx -> tx.update("DELETE FROM rate_buckets WHERE credential_key LIKE ? AND updated_at < ?",
        KEY_PREFIX + "%", clock.instant().minusSeconds(burst)));
  }

  /** True while this address is throttled: refuse at once, without decoding or looking anything up. */
  public boolean blocked(String address) {
    if (burst <= 0) return false;
    Long until = blockedUntil.get(key(address));
    if (until == null) return false;
    if (until > clock.millis()) return true;
    blockedUntil.remove(key(address), until);
    return false;
  }

  /** Records a failed authentication; true when it overflowed the bucket (answer 503, not 401). */
  public boolean failed(String address) {
    if (burst <= 0) return false;
    String key = key(address);
    boolean accepted = shared != null ? shared.tryAcquire(KEY_PREFIX + key) : drip(key);
    if (accepted) return false;
    if (blockedUntil.size() > MAX_TRACKED) sweep(blockedUntil.entrySet().iterator());
    blockedUntil.put(key, clock.millis() + 1000);
    return true;
  }

  private boolean drip(String key) {
    long now = clock.millis();
    if (local.size() > MAX_TRACKED) {
      local.entrySet().removeIf(e -> e.getValue()[0] - (now - e.getValue()[1]) / 1000.0 <= 0);
    }
    boolean[] accepted = new boolean[1];
    local.compute(key, (k, b) -> {
      double level = b == null ? 0 : Math.max(0, b[0] - Math.max(0, now - (long) b[1]) / 1000.0);
      accepted[0] = level + 1 <= burst;
      return new double[] {accepted[0] ? level + 1 : level, now};
    });
    return accepted[0];
  }

  private void sweep(Iterator<Map.Entry<String, Long>> it) {
    long now = clock.millis();
    while (it.hasNext()) if (it.next().getValue() <= now) it.remove();
  }

  private static String key(String address) {
    return address == null || address.isBlank() ? "unknown" : address;
  }
}
