package dev.b24tasks.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** b24tasks.journal.*: every REST call recorded with its secrets masked, in a bounded ring, newest first. */
class JournalTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.journalSize = 300);
  @RegisterExtension static TestServer small = new TestServer(s -> s.journalSize = 5);
  @RegisterExtension static TestServer off = new TestServer(s -> s.journal = false);

  static Org org;
  static long maria;

  @BeforeAll
  static void build() {
    org = new Org(server);
    maria = org.user("Maria", "Journal");
  }

  private static JsonNode list(RestClient c, Map<String, Object> filter) {
    Response r = c.call("b24tasks.journal.list", Map.of("FILTER", filter));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.result();
  }

  @Test
  void a_call_is_recorded_with_who_what_and_how_it_ended_and_no_secret() {
    RestClient admin = server.admin();
    Response hook = admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "CODE", "secret-code-123"));
    assertThat(hook.status()).isEqualTo(200);
    JsonNode e = list(admin, Map.of("METHOD", "b24tasks.webhook.add")).get(0);
    assertThat(e.get("METHOD").asText()).isEqualTo("b24tasks.webhook.add");
    assertThat(e.get("USER_ID").asLong()).isEqualTo(1);
    assertThat(e.get("CREDENTIAL_KIND").asText()).isEqualTo("webhook");
    assertThat(e.get("CREDENTIAL_ID").asLong()).isPositive();
    assertThat(e.get("STATUS").asInt()).isEqualTo(200);
    assertThat(e.get("PARAMS").get("USER_ID").asLong()).isEqualTo(maria);
    assertThat(e.get("PARAMS").get("CODE").asText()).isEqualTo("***");
    assertThat(e.get("ANSWER").asText()).contains("\"ID\"").doesNotContain("secret-code-123");
    assertThat(e.get("NODE").asText()).contains(":" + server.app().port());
    assertThat(e.get("DURATION_MS").asDouble()).isNotNegative();

    String token = admin.call("b24tasks.token.add", Map.of("USER_ID", maria)).result().get("access_token").asText();
    JsonNode issued = list(admin, Map.of("METHOD", "b24tasks.token.add")).get(0);
    assertThat(issued.get("ANSWER").asText()).doesNotContain(token);
    Response asToken = admin.raw("POST", "/rest/tasks.task.get.json", "application/json",
        ("{\"auth\":\"" + token + "\",\"taskId\":999999}").getBytes(StandardCharsets.UTF_8));
    assertThat(asToken.status()).isEqualTo(200);
    JsonNode viaToken = list(admin, Map.of("METHOD", "tasks.task.get", "USER_ID", maria)).get(0);
    assertThat(viaToken.get("CREDENTIAL_KIND").asText()).isEqualTo("token");
    assertThat(viaToken.get("PARAMS").has("auth")).isFalse();
    assertThat(viaToken.toString()).doesNotContain(token);
  }

  @Test
  void errors_are_recorded_and_the_filter_narrows_by_method_user_status_and_time() {
    RestClient admin = server.admin();
    admin.call("b24tasks.clock.set", Map.of("TIME", "2030-05-05T10:00:00Z"));
    Response refused = org.as(maria).call("b24tasks.webhook.list", null);
    assertThat(refused.status()).isEqualTo(403);
    admin.call("b24tasks.clock.set", Map.of("TIME", "2030-05-05T11:00:00Z"));
    org.as(maria).call("tasks.task.get", Map.of("taskId", "x"));
    admin.call("b24tasks.clock.reset", null);

    JsonNode denied = list(admin, Map.of("USER_ID", maria, "STATUS", 403, "METHOD", "b24tasks.webhook.list"));
    assertThat(denied).hasSize(1);
    assertThat(denied.get(0).get("ERROR").asText()).isEqualTo("ACCESS_DENIED");
    assertThat(denied.get(0).get("TIME").asText()).isEqualTo("2030-05-05T10:00:00Z");
    JsonNode since = list(admin, Map.of("USER_ID", maria, ">=TIME", "2030-05-05T10:30:00Z"));
    assertThat(since.findValuesAsText("METHOD")).containsExactly("tasks.task.get");
    assertThat(list(admin, Map.of("METHOD", "tasks.task.*", "USER_ID", maria)).findValuesAsText("METHOD"))
        .containsOnly("tasks.task.get");
    Response unauthenticated = admin.as(maria, "no-such-code").call("user.current", null);
    assertThat(unauthenticated.status()).isEqualTo(401);
    JsonNode anonymous = list(admin, Map.of("STATUS", 401, "METHOD", "user.current")).get(0);
    assertThat(anonymous.get("ERROR").asText()).isEqualTo("NO_AUTH_FOUND");
    assertThat(anonymous.get("USER_ID").isNull()).isTrue();
  }

  @Test
  void newest_first_in_pages_of_fifty() {
    RestClient admin = server.admin();
    for (int i = 0; i < 60; i++) admin.call("profile", Map.of("n", i));
    Response first = admin.call("b24tasks.journal.list", Map.of("FILTER", Map.of("METHOD", "profile")));
    assertThat(first.result()).hasSize(50);
    assertThat(first.json().get("total").asInt()).isEqualTo(60);
    assertThat(first.json().get("next").asInt()).isEqualTo(50);
    assertThat(first.result().get(0).get("PARAMS").get("n").asInt()).isEqualTo(59);
    Response second = admin.call("b24tasks.journal.list", Map.of("FILTER", Map.of("METHOD", "profile"), "start", 50));
    assertThat(second.result()).hasSize(10);
    assertThat(second.result().get(9).get("PARAMS").get("n").asInt()).isZero();
    assertThat(second.json().has("next")).isFalse();
  }

  @Test
  void the_ring_keeps_its_size_and_clear_forgets_everything() {
    RestClient admin = small.admin();
    for (int i = 0; i < 12; i++) admin.call("server.time", null);
    Response r = admin.call("b24tasks.journal.list", null);
    assertThat(r.json().get("total").asInt()).isEqualTo(5);
    assertThat(admin.call("b24tasks.journal.clear", null).status()).isEqualTo(200);
    JsonNode after = admin.call("b24tasks.journal.list", null).result();
    assertThat(after.findValuesAsText("METHOD")).containsExactly("b24tasks.journal.clear");
  }

  @Test
  void bad_filters_a_journal_switched_off_and_strangers_get_clear_errors() {
    RestClient admin = server.admin();
    Response bad = admin.call("b24tasks.journal.list", Map.of("FILTER", Map.of("STATUS", "teapot")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).isEqualTo("INVALID_ARGUMENT");
    assertThat(bad.errorDescription()).contains("STATUS").contains("teapot");
    Response badTime = admin.call("b24tasks.journal.list", Map.of("FILTER", Map.of(">=TIME", "last week")));
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.errorDescription()).contains("last week");
    assertThat(admin.call("b24tasks.journal.list", Map.of("FILTER", "x")).status()).isEqualTo(400);
    Response offList = off.admin().call("b24tasks.journal.list", null);
    assertThat(offList.status()).isEqualTo(400);
    assertThat(offList.errorDescription()).contains("switched off");
    for (String m : List.of("b24tasks.journal.list", "b24tasks.journal.clear")) {
      Response denied = org.as(maria).call(m, null);
      assertThat(denied.status()).as(m).isEqualTo(403);
      assertThat(denied.error()).as(m).isEqualTo("ACCESS_DENIED");
    }
  }
}
