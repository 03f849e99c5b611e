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
  void a_body_over_the_classic_caps_is_400_invalidjson_before_the_caller_is_known() {
    RestClient c = freshWebhook(spent);
    java.util.List<Integer> many = java.util.Collections.nCopies(dev.b24tasks.rest.ParamDecoder.MAX_PARAMETERS + 1, 1);
    java.util.List<Object> wide = new java.util.ArrayList<>();
    for (int i = 0; i < dev.b24tasks.rest.ParamDecoder.MAX_ARRAY_WIDTH + 1; i++) wide.add(java.util.List.of());
    for (Object body : java.util.List.<Object>of(Map.of("select", many), Map.of("filter", wide),
        Map.of("fields", Map.of("title", "a\u0000b")))) {
      Response r = c.v3("tasks.task.list", body);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION");
      assertThat(r.json().at("/error/message").asText()).containsAnyOf("Too many", "NUL");
    }
    // a bad credential with such a body is refused for the body first: no decoding work is spent on the caller
    Response anonymous = spent.as(1, "no-such-code-1234").v3("tasks.task.list", Map.of("select", many));
    assertThat(anonymous.status()).isEqualTo(400);
    // a body within the caps runs
    assertThat(c.v3("tasks.task.list", Map.of("select", java.util.List.of("id"))).status()).isEqualTo(200);
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
