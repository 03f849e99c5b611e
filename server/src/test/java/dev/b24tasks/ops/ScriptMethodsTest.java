package dev.b24tasks.ops;

import static org.assertj.core.api.Assertions.assertThat;

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

/** b24tasks.*: webhooks and tokens for the people of an organisation, for administrators only. */
class ScriptMethodsTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static long maria;

  @BeforeAll
  static void build() {
    org = new Org(server);
    maria = org.user("Maria", "Johnson");
  }

  @Test
  void a_webhook_made_for_a_user_calls_as_that_user_with_its_scopes() {
    Response r = org.admin().call("b24tasks.webhook.add", Map.of("USER_ID", maria, "SCOPE", List.of("user"),
        "CODE", "maria-code-1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().get("CODE").asText()).isEqualTo("maria-code-1");
    assertThat(r.result().get("PATH").asText()).isEqualTo("/rest/" + maria + "/maria-code-1/");
    assertThat(r.result().get("URL").asText()).isEqualTo(server.baseUrl() + "/rest/" + maria + "/maria-code-1/");
    assertThat(r.result().get("URL_HTTPS").isNull()).isTrue(); // the tests run without HTTPS
    RestClient asMaria = org.admin().as(maria, "maria-code-1");
    assertThat(asMaria.call("user.current", null).result().get("ID").asText()).isEqualTo(Long.toString(maria));
    assertThat(asMaria.call("department.get", null).status()).isEqualTo(403); // scope "user" only

    long id = r.result().get("ID").asLong();
    Response list = org.admin().call("b24tasks.webhook.list", Map.of("USER_ID", maria));
    assertThat(list.result().findValuesAsText("ID")).contains(Long.toString(id));
    assertThat(org.admin().call("b24tasks.webhook.delete", Map.of("ID", id)).result().asBoolean()).isTrue();
    Response again = org.admin().call("b24tasks.webhook.delete", Map.of("ID", id));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.error()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void a_token_calls_as_its_user_through_the_auth_parameter() {
    Response r = org.admin().call("b24tasks.token.add", Map.of("USER_ID", maria));
    assertThat(r.result().get("expires_in").asInt()).isEqualTo(3600);
    String token = r.result().get("access_token").asText();
    Response me = org.admin().raw("POST", "/rest/user.current.json", "application/json",
        ("{\"auth\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.result().get("ID").asText()).isEqualTo(Long.toString(maria));
  }

  @Test
  void anyone_but_an_administrator_is_refused_with_403() {
    for (String m : List.of("b24tasks.webhook.add", "b24tasks.webhook.list", "b24tasks.webhook.delete",
        "b24tasks.token.add", "b24tasks.user.admin.set", "b24tasks.group.tasks.set")) {
      Response r = org.as(maria).call(m, Map.of("USER_ID", maria, "ID", 1, "GROUP_ID", 1, "ADMIN", "Y"));
      assertThat(r.status()).as(m).isEqualTo(403);
      assertThat(r.error()).as(m).isEqualTo("ACCESS_DENIED");
    }
    assertThat(server.app().directory.isAdmin(maria)).isFalse();
  }

  @Test
  void bad_arguments_are_400_with_a_clear_text() {
    RestClient admin = org.admin();
    Response r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", 424242));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorDescription()).contains("424242");
    r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "SCOPE", List.of("crm")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorDescription()).contains("crm");
    r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "CODE", "x"));
    assertThat(r.status()).isEqualTo(400);
    r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "EXPIRES", "yesterday"));
    assertThat(r.status()).isEqualTo(400);
    admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "CODE", "same-code-1"));
    r = admin.call("b24tasks.webhook.add", Map.of("USER_ID", maria, "CODE", "same-code-1"));
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void an_administrator_can_make_another_one() {
    long lea = org.user("Lea", "Admin");
    org.admin(lea, true);
    assertThat(org.as(lea).call("user.add", Map.of("EMAIL", "by-lea@example.com", "UF_DEPARTMENT", 1)).status())
        .isEqualTo(200);
    org.admin(lea, false);
    assertThat(org.as(lea).call("user.add", Map.of("EMAIL", "by-lea2@example.com", "UF_DEPARTMENT", 1)).status())
        .isEqualTo(400);
  }
}
