package dev.b24tasks.rest;

import static dev.b24tasks.rest.ParamDecodingTest.bytes;
import static dev.b24tasks.rest.ParamDecodingTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The two URL forms, the three places a token may travel, and the authorization errors. */
class AuthAndUrlTest {
  @RegisterExtension static TestServer server = new TestServer(s -> {}, ProbeMethods::register);

  static String token;

  @BeforeAll
  static void issueToken() {
    token = server.app().auth.createToken(1, Scopes.ALL, Duration.ofHours(1)).accessToken();
  }

  private static RestClient c() {
    return server.admin();
  }

  @Test
  void a_token_is_accepted_in_the_query_string() {
    Response r = c().raw("GET", "/rest/test.echo?auth=" + token + "&x=1", null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(names(r.result().get("params"))).containsExactly("x");
  }

  @Test
  void a_token_is_accepted_in_a_json_or_form_body() {
    Response json = c().raw("POST", "/rest/test.echo.json", "application/json",
        bytes("{\"auth\":\"" + token + "\",\"x\":1}"));
    assertThat(json.status()).isEqualTo(200);
    assertThat(names(json.result().get("params"))).containsExactly("x");
    Response form = c().raw("POST", "/rest/test.echo/", "application/x-www-form-urlencoded",
        bytes("auth=" + token + "&x=1"));
    assertThat(form.status()).isEqualTo(200);
    assertThat(names(form.result().get("params"))).containsExactly("x");
  }

  @Test
  void a_token_is_accepted_as_an_authorization_bearer_header() {
    Response r = c().raw("POST", "/rest/SERVER.TIME.json", "application/json", bytes("{}"),
        "Authorization", "Bearer " + token);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().asText()).isNotBlank();
  }

  @Test
  void webhook_urls_take_suffixes_trailing_slashes_get_post_and_any_case() {
    for (String path : List.of("server.time", "server.time.json", "server.time/", "server.time.json/", "Server.Time")) {
      assertThat(c().get(path).status()).as("GET " + path).isEqualTo(200);
      assertThat(c().call(path, "{}").status()).as("POST " + path).isEqualTo(200);
    }
    Response xml = c().raw("GET", "/rest/server.time.xml?auth=" + token, null, null);
    assertThat(xml.body()).startsWith("<?xml").contains("<result>");
  }

  @Test
  void an_expired_token_is_401_expired_token() {
    String old = server.app().auth.createToken(1, Scopes.ALL, Duration.ofSeconds(-60)).accessToken();
    Response r = c().raw("GET", "/rest/server.time?auth=" + old, null, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("expired_token");
    assertThat(r.errorDescription()).isEqualTo("The access token provided has expired");
  }

  @Test
  void an_unknown_token_is_401_invalid_token_and_no_credentials_at_all_is_no_auth_found() {
    Response bad = c().raw("GET", "/rest/server.time?auth=nonsense", null, null);
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.error()).isEqualTo("invalid_token");
    Response none = c().raw("GET", "/rest/server.time", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.error()).isEqualTo("NO_AUTH_FOUND");
  }

  @Test
  void a_wrong_code_a_wrong_user_or_an_expired_webhook_is_401_no_auth_found() {
    assertThat(server.as(1, "wrongcode").get("server.time").error()).isEqualTo("NO_AUTH_FOUND");
    assertThat(server.as(99, TestServer.ADMIN_CODE).get("server.time").status()).isEqualTo(401);
    String code = server.app().auth.createWebhook(1, Scopes.ALL, null, Instant.now().minusSeconds(5), "old");
    Response r = server.as(1, code).get("server.time");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("NO_AUTH_FOUND");
  }

  @Test
  void a_method_outside_the_granted_scopes_is_403_insufficient_scope() {
    String code = server.app().auth.createWebhook(1, List.of("user"), null, null, "user only");
    RestClient userOnly = server.as(1, code);
    Response r = userOnly.get("test.task");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("insufficient_scope");
    assertThat(userOnly.get("user.current").status()).isEqualTo(200);
    assertThat(userOnly.get("server.time").status()).as("basic comes with every credential").isEqualTo(200);
    assertThat(c().get("test.task").status()).isEqualTo(200);

    String userToken = server.app().auth.createToken(1, List.of("user"), Duration.ofHours(1)).accessToken();
    Response t = c().raw("GET", "/rest/test.task?auth=" + userToken, null, null);
    assertThat(t.status()).isEqualTo(403);
    assertThat(t.error()).isEqualTo("insufficient_scope");
  }

  @Test
  void an_unknown_method_is_404_error_method_not_found_also_for_tokens() {
    Response r = c().raw("GET", "/rest/no.such.method?auth=" + token, null, null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("ERROR_METHOD_NOT_FOUND");
    assertThat(r.errorDescription()).isEqualTo("Method not found!");
    // /rest/api/ is REST 3.0, with its own answer for a call that lacks its parameters
    Response v3 = c().raw("GET", "/rest/api/1/" + TestServer.ADMIN_CODE + "/tasks.task.get", null, null);
    assertThat(v3.status()).isEqualTo(400);
    assertThat(v3.json().at("/error/code").asText())
        .isEqualTo("BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
  }
}
