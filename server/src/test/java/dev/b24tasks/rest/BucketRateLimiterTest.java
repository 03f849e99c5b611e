package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The plans of {@code --rate-limit}, without HTTP. */
class BucketRateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void enterprise_holds_250_and_drains_five_a_second() {
    RateLimiter limiter = BucketRateLimiter.fromSetting("enterprise", BucketRateLimiter.local(clock));
    for (int i = 0; i < 250; i++) assertThat(limiter.tryAcquire("webhook:1")).isTrue();
    assertThat(limiter.tryAcquire("webhook:1")).isFalse();
    assertThat(limiter.tryAcquire("webhook:2")).isTrue();
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) assertThat(limiter.tryAcquire("webhook:1")).isTrue();
    assertThat(limiter.tryAcquire("webhook:1")).isFalse();
  }

  @Test
  void standard_refills_continuously_one_drop_per_half_second() {
    RateLimiter limiter = BucketRateLimiter.fromSetting("Standard", BucketRateLimiter.local(clock));
    for (int i = 0; i < 50; i++) assertThat(limiter.tryAcquire("k")).isTrue();
    assertThat(limiter.tryAcquire("k")).isFalse();
    clock.advance(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("k")).isTrue();
    assertThat(limiter.tryAcquire("k")).isFalse();
  }

  @Test
  void off_never_refuses_and_an_unknown_plan_is_a_clear_start_up_error() {
    RateLimiter off = BucketRateLimiter.fromSetting("off", BucketRateLimiter.local(clock));
    for (int i = 0; i < 1000; i++) assertThat(off.tryAcquire("k")).isTrue();
    assertThatThrownBy(() -> BucketRateLimiter.fromSetting("gold", BucketRateLimiter.local(clock)))
        .hasMessageContaining("off, standard or enterprise");
  }
}
