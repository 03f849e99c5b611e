package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits against a server that enforces them: its leaky bucket (standard plan) and its operating-time
 * budget, both timed by a clock that only the client's waits move, so nothing depends on the machine's speed.
 */
class ClientLimitsTest {
  static final Servers.Time time = new Servers.Time();

  @RegisterExtension static TestServer limited = new TestServer(s -> {
    s.rateLimit = "standard";
    s.clock = time.clock;
  });

  @RegisterExtension static TestServer budgeted = new TestServer(s -> {
    s.operatingLimitSeconds = 1e-9; // any call uses the budget up: the next one of that method gets 429
    s.clock = time.clock;
  });

  /** Webhooks of fresh users: each has a bucket of its own on the server. */
  static String burstUser;
  static String pacedUser;
  static String exhaustedUser;

  @BeforeAll
  static void users() {
    try (Bitrix24 admin = Servers.admin(limited, time.settings())) {
      burstUser = webhookOfNewUser(admin, "Burst");
      pacedUser = webhookOfNewUser(admin, "Paced");
      exhaustedUser = webhookOfNewUser(admin, "Exhausted");
    }
  }

  static String webhookOfNewUser(Bitrix24 admin, String name) {
    long id = admin.call("user.add", Map.of("EMAIL", name.toLowerCase() + "@limits.test", "NAME", name,
        "UF_DEPARTMENT", List.of(1))).result().asLong();
    String code = admin.call("b24tasks.webhook.add", Map.of("USER_ID", id)).result().get("CODE").asText();
    return limited.baseUrl() + "/rest/" + id + "/" + code + "/";
  }

  static Bitrix24.Builder client(String webhook) {
    Bitrix24.Builder b = Bitrix24.builder().webhook(webhook);
    time.settings().accept(b);
    return b;
  }

  @Test
  void without_a_client_bucket_503s_are_retried_with_backoff() {
    try (Bitrix24 b24 = client(burstUser).rateLimit(RateLimit.OFF).build()) {
      for (int i = 0; i < 70; i++) assertThat(b24.call("server.time").result().isTextual()).isTrue();
      Bitrix24.Stats s = b24.stats();
      assertThat(s.retries()).as("calls past the burst of 50 met 503 and were retried").isPositive();
      assertThat(s.requests()).isEqualTo(70 + s.retries());
    }
  }

  @Test
  void the_client_bucket_keeps_to_the_plan_so_no_503_comes() {
    Duration before = time.waited();
    try (Bitrix24 b24 = client(pacedUser).rateLimit(RateLimit.STANDARD).build()) {
      for (int i = 0; i < 70; i++) b24.call("server.time");
      assertThat(b24.stats().retries()).isZero();
      assertThat(b24.stats().requests()).isEqualTo(70);
      // 20 calls past the burst at 2 a second: 10 s of the shared clock, waited by the client, not the server
      assertThat(time.waited().minus(before)).isBetween(Duration.ofMillis(9_500), Duration.ofMillis(10_500));
    }
  }

  @Test
  void when_the_attempts_run_out_the_503_is_thrown_typed() {
    try (Bitrix24 b24 = client(exhaustedUser).rateLimit(RateLimit.OFF).maxAttempts(1).build()) {
      assertThatThrownBy(() -> {
        for (int i = 0; i < 60; i++) b24.call("server.time");
      }).isInstanceOfSatisfying(QueryLimitExceededException.class, e -> {
        assertThat(e.code()).isEqualTo("QUERY_LIMIT_EXCEEDED");
        assertThat(e.httpStatus()).isEqualTo(503);
      });
    }
  }

  @Test
  void a_429_waits_until_the_methods_window_resets() {
    try (Bitrix24 b24 = Servers.admin(budgeted, time.settings())) {
      Response first = b24.call("user.current");
      assertThat(first.time().hasOperating()).isTrue();
      Duration before = time.waited();
      Response second = b24.call("user.current");
      assertThat(second.result().get("ID").asText()).isEqualTo("1");
      assertThat(b24.stats().retries()).isEqualTo(1);
      // operating_reset_at is ten minutes after the first call's minute began; the client waits for it (+1 s)
      Duration waited = time.waited().minus(before);
      assertThat(waited).isGreaterThan(Duration.ofSeconds(540)).isLessThanOrEqualTo(Duration.ofSeconds(601));
      assertThat(waited.toMillis()).isEqualTo(
          Duration.between(time.clock.instant().minus(waited), first.time().operatingResetAt()).plusSeconds(1)
              .toMillis());
    }
  }

  @Test
  void a_429_is_thrown_typed_when_retries_are_off() {
    try (Bitrix24 b24 = Servers.admin(budgeted, time.settings().andThen(b -> b.maxAttempts(1)))) {
      b24.call("profile");
      assertThatThrownBy(() -> b24.call("profile")).isInstanceOfSatisfying(OperationTimeLimitException.class, e -> {
        assertThat(e.code()).isEqualTo("OPERATION_TIME_LIMIT");
        assertThat(e.httpStatus()).isEqualTo(429);
      });
    }
  }
}
