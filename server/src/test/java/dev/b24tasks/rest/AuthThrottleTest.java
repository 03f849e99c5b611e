package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed authentications are throttled per client address, as a portal throttles: 503 QUERY_LIMIT_EXCEEDED once
 * the address's bucket of failures is full, every request refused for a second after that, and the bucket drains
 * one failure a second. Checked with the buckets in PostgreSQL (shared by a cluster) and in memory.
 */
class AuthThrottleTest {
  static final MutableClock sharedClock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  static final MutableClock localClock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @RegisterExtension
  static TestServer shared = new TestServer(s -> {
    s.authFailureBurst = 5;
    s.clock = sharedClock;
    s.rateLimitStore = "postgres";
  });

  @RegisterExtension
  static TestServer local = new TestServer(s -> {
    s.authFailureBurst = 5;
    s.clock = localClock;
    s.rateLimitStore = "memory";
  });

  @Test
  void failures_beyond_the_burst_are_answered_503_and_drain_one_a_second_in_postgres() {
    check(shared, sharedClock);
  }

  @Test
  void failures_beyond_the_burst_are_answered_503_and_drain_one_a_second_in_memory() {
    check(local, localClock);
  }

  private static void check(TestServer server, MutableClock clock) {
    RestClient wrong = server.as(1, "wrong-code-1");
    for (int i = 0; i < 5; i++) {
      Response r = i % 2 == 0 ? wrong.call("server.time", null)
          : server.admin().raw("GET", "/rest/server.time?auth=nosuchtoken", null, null);
      assertThat(r.status()).as("failure %d: %s", i, r).isEqualTo(401);
    }
    Response throttled = wrong.call("server.time", null);
    assertThat(throttled.status()).as(throttled.toString()).isEqualTo(503);
    assertThat(throttled.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
    assertThat(throttled.errorDescription()).isEqualTo("Too many requests");
    // for a second, nothing from that address is even looked at, a valid webhook included
    assertThat(server.admin().call("server.time", null).status()).isEqualTo(503);
    clock.advance(Duration.ofMillis(1500));
    assertThat(server.admin().call("server.time", null).status()).isEqualTo(200);
    // one failure drained: one more is a 401, the next is throttled again
    assertThat(wrong.call("server.time", null).status()).isEqualTo(401);
    assertThat(wrong.call("server.time", null).status()).isEqualTo(503);
    clock.advance(Duration.ofSeconds(10));
    assertThat(wrong.call("server.time", null).status()).isEqualTo(401);
    assertThat(server.admin().call("server.time", null).status()).isEqualTo(200);
  }

  @Test
  void drained_failure_buckets_are_swept_from_the_store() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    AuthThrottle throttle = AuthThrottle.of(5, clock, shared.app().db);
    throttle.failed("198.51.100.7");
    throttle.failed("198.51.100.7");
    assertThat(rows("198.51.100.7")).isEqualTo(1);
    assertThat(throttle.sweep()).isZero(); // not drained yet
    clock.advance(Duration.ofSeconds(6));
    throttle.sweep();
    assertThat(rows("198.51.100.7")).isZero();
  }

  private static long rows(String address) {
    Long n = shared.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM rate_buckets WHERE credential_key = ?",
        "auth-failures:" + address));
    return n;
  }
}
