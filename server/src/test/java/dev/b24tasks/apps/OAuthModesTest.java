package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The switches: reusable refresh tokens (the OAuth server's stateless behaviour), no dev sign-in (the console's
 * sign-in page then), a dev user who does not exist.
 */
class OAuthModesTest {
  @RegisterExtension
  static TestServer reusable = new TestServer(s -> {
    s.oauthDevUser = 1L;
    s.oauthRefreshSingleUse = false;
  });

  @RegisterExtension static TestServer noSignIn = new TestServer();

  @RegisterExtension static TestServer nobody = new TestServer(s -> s.oauthDevUser = 404L);

  static OAuth register(TestServer server) {
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", "Modes",
        "HANDLER", "https://app.example/handler", "SCOPE", List.of("task"), "API_ONLY", "Y"));
    return new OAuth(server.admin(), added.result().get("CLIENT_ID").asText(),
        added.result().get("CLIENT_SECRET").asText());
  }

  @Test
  void in_reusable_mode_a_refresh_token_works_until_it_expires() {
    OAuth app = register(reusable);
    JsonNode pair = app.code(OAuthTest.code(app, null)).json();
    Response first = app.refresh(pair.get("refresh_token").asText());
    Response second = app.refresh(pair.get("refresh_token").asText());
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("access_token").asText()).isNotEqualTo(first.json().get("access_token").asText());
    // the access tokens of both answers stay valid until they expire
    assertThat(app.call(first.json().get("access_token").asText(), "tasks.task.list", "{}").status()).isEqualTo(200);
  }

  @Test
  void without_a_sign_in_the_authorization_page_sends_the_visitor_to_the_console_sign_in_and_back() {
    OAuth app = register(noSignIn);
    Response r = noSignIn.admin().raw("GET", "/oauth/authorize/?client_id=" + app.clientId() + "&state=s1", null, null);
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/console/signin?next="
        + java.net.URLEncoder.encode("/oauth/authorize/?client_id=" + app.clientId() + "&state=s1",
            java.nio.charset.StandardCharsets.UTF_8));
    // a cookie that is no session signs nobody in
    Response forged = noSignIn.admin().raw("GET", "/oauth/authorize/?client_id=" + app.clientId(), null,
        null, "Cookie", "b24_session=forged");
    assertThat(forged.status()).isEqualTo(302);
    assertThat(forged.headers().firstValue("Location").orElseThrow()).startsWith("/console/signin?next=");
  }

  @Test
  void a_dev_sign_in_user_that_does_not_exist_is_refused_on_the_page() {
    OAuth app = register(nobody);
    Response r = nobody.admin().raw("GET", "/oauth/authorize/?client_id=" + app.clientId(), null, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("authorization_error");
  }
}
