package dev.b24tasks.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bitrix24's leaky bucket (limits.md) with bucket4j: each request adds one drop to the credential's bucket, the
 * bucket drains {@code perSecond} drops a second, and a request that finds it full gets 503 QUERY_LIMIT_EXCEEDED.
 * A token bucket of {@code capacity} refilled greedily at the same rate behaves the same way.
 *
 * <p>Where the buckets live is a {@link BucketSource}: {@link #local} keeps them in this process; several nodes
 * share one by passing a source backed by a bucket4j {@code ProxyManager} (PostgreSQL or Redis), whose proxies are
 * {@link Bucket}s as well.
 */
public final class BucketRateLimiter implements RateLimiter {
  /** Bucket size and drain rate of a portal plan. */
  public record Plan(long capacity, long perSecond) {
    public static final Plan STANDARD = new Plan(50, 2);
    public static final Plan ENTERPRISE = new Plan(250, 5);

    BucketConfiguration configuration() {
      return BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
          .build();
    }
  }

  /** Finds (or creates) the bucket of one credential. */
  public interface BucketSource {
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
  }

  private final Plan plan;
  private final BucketSource source;

  public BucketRateLimiter(Plan plan, BucketSource source) {
    this.plan = plan;
    this.source = source;
  }

  /** The limiter named by {@code --rate-limit}: off, standard or enterprise. */
  public static RateLimiter fromSetting(String setting, BucketSource source) {
    String s = setting == null ? "off" : setting.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "off", "none", "" -> RateLimiter.OFF;
      case "standard" -> new BucketRateLimiter(Plan.STANDARD, source);
      case "enterprise" -> new BucketRateLimiter(Plan.ENTERPRISE, source);
      default -> throw new IllegalArgumentException(
          "--rate-limit must be off, standard or enterprise; got " + setting);
    };
  }

  /**
   * Buckets in this process, timed by {@code clock} so that a test can hold time still. There is one bucket per
   * credential, and credentials are few, so buckets are never evicted.
   */
  public static BucketSource local(Clock clock) {
    TimeMeter time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
    ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    return (key, configuration) -> buckets.computeIfAbsent(key, k -> {
      LocalBucketBuilder b = Bucket.builder().withCustomTimePrecision(time);
      for (Bandwidth bandwidth : configuration.get().getBandwidths()) b.addLimit(bandwidth);
      return b.build();
    });
  }

  @Override
  public boolean tryAcquire(String credentialKey) {
    return source.bucket(credentialKey, plan::configuration).tryConsume(1);
  }
}
