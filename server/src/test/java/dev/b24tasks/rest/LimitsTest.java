package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leaky bucket (503 QUERY_LIMIT_EXCEEDED) on a clock that stands still unless the test moves it. */
class LimitsTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.rateLimit = "standard";
    s.clock = clock;
  }, ProbeMethods::register);

  private static RestClient freshWebhook() {
    return server.as(1, server.app().auth.createWebhook(1, Scopes.ALL, null, null, "limits"));
  }

  @Test
  void fifty_calls_pass_the_fifty_first_is_503_and_the_bucket_drains_two_a_second() {
    RestClient c = freshWebhook();
    for (int i = 1; i <= 50; i++) assertThat(c.get("server.time").status()).as("call " + i).isEqualTo(200);
    Response refused = c.get("server.time");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body()).isEqualTo("{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}");

    assertThat(freshWebhook().get("server.time").status()).as("another webhook has its own bucket").isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));
    assertThat(c.get("server.time").status()).isEqualTo(200);
    assertThat(c.get("server.time").status()).isEqualTo(200);
    assertThat(c.get("server.time").status()).isEqualTo(503);
  }

  @Test
  void a_batch_is_one_drop_in_the_bucket_and_a_refused_call_is_503_for_tokens_too() {
    String token = server.app().auth.createToken(1, Scopes.ALL, Duration.ofHours(1)).accessToken();
    RestClient any = server.admin();
    for (int i = 1; i <= 50; i++) {
      Response r = any.raw("POST", "/rest/batch?auth=" + token, "application/x-www-form-urlencoded",
          "cmd[a]=server.time&cmd[b]=server.time".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(r.status()).as("batch " + i).isEqualTo(200);
    }
    Response refused = any.raw("GET", "/rest/server.time?auth=" + token, null, null);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
  }
}
