package dev.b24tasks.rest;

import dev.b24tasks.store.Database;
import java.time.Clock;
import java.util.Locale;

/**
 * The leaky bucket kept in PostgreSQL, so every node of a cluster counts against the same bucket and the cluster
 * enforces the portal's limit, not each node its own. One atomic UPSERT per request: the row lock serializes
 * concurrent requests of one credential, the leak since the last accepted drop is computed in the statement, and
 * a request that would overflow the bucket changes nothing.
 *
 * <p>Why not bucket4j's PostgreSQL proxy: its newest artifact that resolves here (8.18.0) does not match the
 * bucket4j core the in-memory limiter uses (8.19.0), and the statement below is all it would do for us.
 */
public final class SharedRateLimiter implements RateLimiter {
  private static final String DRIP = """
      INSERT INTO rate_buckets AS b (credential_key, level, updated_at) VALUES (?, 1, ?)
      ON CONFLICT (credential_key) DO UPDATE
      SET level = GREATEST(0, b.level - EXTRACT(EPOCH FROM GREATEST(EXCLUDED.updated_at, b.updated_at) - b.updated_at)
                  ::float8 * ?) + 1,
          updated_at = GREATEST(EXCLUDED.updated_at, b.updated_at)
      WHERE GREATEST(0, b.level - EXTRACT(EPOCH FROM GREATEST(EXCLUDED.updated_at, b.updated_at) - b.updated_at)
            ::float8 * ?) + 1 <= ?
      RETURNING level""";

  private final Database db;
  private final Clock clock;
  private final BucketRateLimiter.Plan plan;

  public SharedRateLimiter(Database db, Clock clock, BucketRateLimiter.Plan plan) {
    this.db = db;
    this.clock = clock;
    this.plan = plan;
  }

  /**
   * The limiter for {@code --rate-limit} (off, standard, enterprise) and {@code --rate-limit-store} (memory,
   * postgres, or auto: postgres when the database is external, since only then can several nodes share it).
   */
  public static RateLimiter fromSettings(String rateLimit, String store, boolean externalDatabase, Database db,
      Clock clock, RateLimiter inMemory) {
    String where = store == null ? "auto" : store.trim().toLowerCase(Locale.ROOT);
    boolean shared = switch (where) {
      case "auto", "" -> externalDatabase;
      case "postgres", "postgresql" -> true;
      case "memory" -> false;
      default -> throw new IllegalArgumentException("--rate-limit-store must be memory, postgres or auto; got " + store);
    };
    if (!shared || inMemory == RateLimiter.OFF) return inMemory;
    String plan = rateLimit.trim().toLowerCase(Locale.ROOT);
    return new SharedRateLimiter(db, clock,
        plan.equals("enterprise") ? BucketRateLimiter.Plan.ENTERPRISE : BucketRateLimiter.Plan.STANDARD);
  }

  @Override
  public boolean tryAcquire(String credentialKey) {
    // Called outside any transaction: the statement commits on its own, before the call runs.
    return db.tx(tx -> tx.queryOne(DRIP, rs -> true, credentialKey, clock.instant(), (double) plan.perSecond(),
        (double) plan.perSecond(), (double) plan.capacity()).isPresent());
  }
}
