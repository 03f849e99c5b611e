package dev.b24tasks.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REST 3.0 shares the classic limits: the leaky bucket (on a clock that stands still) and the operating budget;
 * a refusal by either is 429 RATELIMITEXCEPTION in the v3 envelope.
 */
class RestV3LimitsTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.rateLimit = "standard";
    s.clock = clock;
  });

  @RegisterExtension
  static TestServer spent = new TestServer(s -> s.operatingLimitSeconds = 1e-9);

  private static RestClient freshWebhook(TestServer on) {
    return on.as(1, on.app().auth.createWebhook(1, Scopes.ALL, null, null, "v3 limits"));
  }

  @Test
  void the_fifty_first_call_of_a_burst_is_429_ratelimitexception() {
    RestClient c = freshWebhook(server);
    for (int i = 1; i <= 50; i++) {
      assertThat(c.v3("tasks.task.field.get", Map.of("name", "id")).status()).as("call " + i).isEqualTo(200);
    }
    Response refused = c.v3("tasks.task.field.get", Map.of("name", "id"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("BITRIX_REST_V3_EXCEPTION_RATELIMITEXCEPTION");
    assertThat(refused.json().at("/error/message").asText())
        .isEqualTo("Request was blocked because the limit was exceeded.");
    // the classic dialect draws from the same bucket
    assertThat(c.get("server.time").status()).isEqualTo(503);
  }

  @Test
  void a_spent_operating_budget_is_429_for_that_method_only() {
    RestClient c = freshWebhook(spent);
    assertThat(c.v3("tasks.task.field.list", Map.of()).status()).isEqualTo(200);
    Response second = c.v3("tasks.task.field.list", Map.of());
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.json().at("/error/code").asText()).isEqualTo("BITRIX_REST_V3_EXCEPTION_RATELIMITEXCEPTION");
    assertThat(c.v3("tasks.task.field.get", Map.of("name", "id")).status()).isEqualTo(200);
  }
}
