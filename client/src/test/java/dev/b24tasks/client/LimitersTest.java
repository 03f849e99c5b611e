package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The client's own bookkeeping, on a clock the test moves (no HTTP: the server-side proofs are ClientLimitsTest). */
class LimitersTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @Test
  void aMethodNearItsBudgetWaitsForItsWindow() {
    OperatingLimiter limiter = new OperatingLimiter(Duration.ofSeconds(480), clock);
    Instant reset = clock.instant().plusSeconds(100);
    limiter.record("tasks.task.list", new Time(null, null, 0, 0, 474.9, reset));
    assertThat(limiter.waitBefore("tasks.task.list")).isZero();
    limiter.record("tasks.task.list", new Time(null, null, 0, 0, 476, reset));
    assertThat(limiter.waitBefore("TASKS.TASK.LIST")).isEqualTo(Duration.ofSeconds(101));
    assertThat(limiter.waitBefore("tasks.task.get")).as("budgets are per method").isZero();
    clock.advance(Duration.ofSeconds(100));
    assertThat(limiter.waitBefore("tasks.task.list")).isZero();
    assertThat(limiter.waitAfterLimit("tasks.task.list")).as("a 429 waits at least 10 s")
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theBucketLetsABurstThroughThenTheDrainRate() {
    LeakyBucket bucket = new LeakyBucket(RateLimit.STANDARD, clock);
    for (int i = 0; i < 50; i++) assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(500));
    clock.advance(Duration.ofMillis(500));
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(500));
    clock.advance(Duration.ofSeconds(60));
    bucket.fill();
    assertThat(bucket.tryAcquire()).as("after a 503 the bucket counts as full").isEqualTo(Duration.ofMillis(500));
    LeakyBucket off = new LeakyBucket(RateLimit.OFF, clock);
    for (int i = 0; i < 1000; i++) assertThat(off.tryAcquire()).isZero();
  }

  @Test
  void readsAreToldFromWrites() {
    assertThat(Bitrix24.isRead("tasks.task.get")).isTrue();
    assertThat(Bitrix24.isRead("tasks.task.list")).isTrue();
    assertThat(Bitrix24.isRead("task.checklistitem.getlist")).isTrue();
    assertThat(Bitrix24.isRead("task.elapseditem.isactionallowed")).isTrue();
    assertThat(Bitrix24.isRead("tasks.task.add")).isFalse();
    assertThat(Bitrix24.isRead("tasks.task.complete")).isFalse();
    assertThat(Bitrix24.isRead("task.commentitem.add")).isFalse();
  }

  @Test
  void batchCommandsArePhpQueryStrings() {
    var params = Json.params(java.util.Map.of("fields", java.util.Map.of("TITLE", "a b&c", "ACCOMPLICES",
        java.util.List.of(2, 3))));
    assertThat(Json.query(params)).isIn(
        "fields%5BTITLE%5D=a%20b%26c&fields%5BACCOMPLICES%5D%5B0%5D=2&fields%5BACCOMPLICES%5D%5B1%5D=3",
        "fields%5BACCOMPLICES%5D%5B0%5D=2&fields%5BACCOMPLICES%5D%5B1%5D=3&fields%5BTITLE%5D=a%20b%26c");
  }
}
