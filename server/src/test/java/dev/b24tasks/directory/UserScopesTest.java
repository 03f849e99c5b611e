package dev.b24tasks.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The user scopes nest as on a portal: {@code user_brief} reads names without contacts, {@code user_basic} adds
 * the e-mail address, {@code user} is everything (and the changes); a credential with none of them is refused.
 */
class UserScopesTest {
  @RegisterExtension static TestServer server = new TestServer();

  private static RestClient with(String... scopes) {
    return server.as(1, server.app().auth.createWebhook(1, List.of(scopes), null, null, String.join("+", scopes)));
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result();
  }

  @Test
  void user_brief_reads_users_without_their_e_mail_and_cannot_find_by_it() {
    RestClient brief = with("user_brief");
    JsonNode me = ok(brief.call("user.current", Map.of()));
    assertThat(me.get("ID").asText()).isEqualTo("1");
    assertThat(me.has("NAME")).isTrue();
    assertThat(me.has("EMAIL")).isFalse();
    JsonNode rows = ok(brief.call("user.get", Map.of("ID", 1)));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).has("EMAIL")).isFalse();
    String email = ok(server.admin().call("user.current", Map.of())).get("EMAIL").asText();
    assertThat(email).contains("@");
    // the e-mail is no key to anyone: the filter is dropped, FIND does not look at it
    JsonNode byEmail = ok(brief.call("user.get", Map.of("FILTER", Map.of("EMAIL", "nobody-at-all@nowhere.test"))));
    assertThat(byEmail.size()).isGreaterThanOrEqualTo(1);
    JsonNode found = ok(brief.call("user.search", Map.of("FIND", email)));
    assertThat(found).isEmpty();
    // no changes with a reading scope
    assertThat(brief.call("user.update", Map.of("ID", 1, "NAME", "x")).status()).isEqualTo(403);
  }

  @Test
  void user_basic_and_user_see_the_e_mail_and_a_task_only_webhook_sees_no_user() {
    for (String scope : List.of("user_basic", "user")) {
      RestClient c = with(scope);
      assertThat(ok(c.call("user.current", Map.of())).get("EMAIL").asText()).as(scope).contains("@");
      String email = ok(c.call("user.current", Map.of())).get("EMAIL").asText();
      assertThat(ok(c.call("user.search", Map.of("FIND", email)))).as(scope).hasSize(1);
      assertThat(ok(c.call("user.get", Map.of("FILTER", Map.of("EMAIL", email))))).as(scope).hasSize(1);
    }
    Response refused = with("task").call("user.current", Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asText()).isEqualTo("insufficient_scope");
    assertThat(with("user_basic").call("user.add", Map.of("EMAIL", "a@b.test")).status()).isEqualTo(403);
  }
}
