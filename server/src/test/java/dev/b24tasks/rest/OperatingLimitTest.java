package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-method operating-time budget with a limit so small that any call spends it: the call that crosses it
 * completes, the next call of that method by that credential is 429, everything else goes on.
 */
class OperatingLimitTest {
  @RegisterExtension
  static TestServer server = new TestServer(s -> s.operatingLimitSeconds = 1e-9, ProbeMethods::register);

  private static RestClient freshWebhook() {
    return server.as(1, server.app().auth.createWebhook(1, Scopes.ALL, null, null, "operating"));
  }

  @Test
  void the_next_call_of_a_spent_method_is_429_while_other_methods_and_webhooks_still_work() {
    RestClient c = freshWebhook();
    Response first = c.get("test.echo?a=1");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().at("/time/operating").asDouble()).isGreaterThan(0);

    Response second = c.get("test.echo?a=2");
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.error()).isEqualTo("OPERATION_TIME_LIMIT");
    assertThat(second.errorDescription()).isEqualTo("Method is blocked due to operation time limit.");

    assertThat(c.get("server.time").status()).isEqualTo(200);
    assertThat(freshWebhook().get("test.echo").status()).isEqualTo(200);
  }

  @Test
  void the_outer_batch_is_not_charged_but_its_sub_calls_are() {
    RestClient c = freshWebhook();
    Map<String, Object> body = Map.of("cmd", List.of("test.echo?n=1", "test.echo?n=2"));
    Response r = c.call("batch", body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().at("/result/0/params/n").asText()).isEqualTo("1");
    assertThat(r.result().at("/result_error/1/error").asText()).isEqualTo("OPERATION_TIME_LIMIT");

    Response again = c.call("batch", body);
    assertThat(again.status()).as("batch itself is never refused for operating time").isEqualTo(200);
    assertThat(again.result().at("/result_error/0/error").asText()).isEqualTo("OPERATION_TIME_LIMIT");
    assertThat(c.get("test.echo").status()).isEqualTo(429);
  }
}
