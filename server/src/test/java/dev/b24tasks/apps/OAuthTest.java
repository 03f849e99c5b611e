package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authorization and token endpoints with every documented error body, and the app-context methods. */
class OAuthTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  static final AppReceiver receiver = new AppReceiver();

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.clock = clock;
    s.oauthDevUser = 1L;
  });

  static OAuth app;
  static long appId;

  @BeforeAll
  static void register() {
    // no install URL: nothing is sent, tokens come only through the authorization code
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", "OAuth app",
        "HANDLER", receiver.url("/handler?x=1"), "SCOPE", List.of("task"), "API_ONLY", "Y"));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    appId = added.result().get("ID").asLong();
    app = new OAuth(server.admin(), added.result().get("CLIENT_ID").asText(),
        added.result().get("CLIENT_SECRET").asText());
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  /** Authorize as the dev user; the code from the redirect. */
  static String code(OAuth a, String state) {
    Response r = a.http().raw("GET", "/oauth/authorize/?client_id=" + a.clientId() + "&response_type=code"
        + (state == null ? "" : "&state=" + state) + "&redirect_uri=http%3A%2F%2Fevil.example%2F", null, null);
    assertThat(r.status()).as(r.toString()).isEqualTo(302);
    URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
    return AppReceiver.parseForm(location.getRawQuery()).get("code");
  }

  @Test
  void authorize_redirects_to_the_handler_path_with_code_state_domain_member_scope() {
    Response r = server.admin().raw("GET", "/oauth/authorize/?client_id=" + app.clientId() + "&state=s%201", null, null);
    assertThat(r.status()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(receiver.url("/handler?x=1&code="));
    var q = AppReceiver.parseForm(URI.create(location).getRawQuery());
    assertThat(q.keySet()).containsExactly("x", "code", "state", "domain", "member_id", "scope", "server_domain");
    assertThat(q.get("state")).isEqualTo("s 1");
    assertThat(q.get("domain")).isEqualTo(server.baseUrl().substring(7));
    assertThat(q.get("member_id")).matches("[0-9a-f]{32}");
    assertThat(q.get("scope")).isEqualTo("task");
    assertThat(code(app, null)).matches("[0-9a-f]{70}");
  }

  @Test
  void authorize_for_an_unknown_client_is_an_error_page_without_redirect() {
    for (String q : List.of("", "?client_id=local.nope")) {
      Response r = server.admin().raw("GET", "/oauth/authorize" + q, null, null);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.headers().firstValue("Location")).isEmpty();
      assertThat(r.body()).contains("invalid_client");
    }
  }

  @Test
  void a_code_is_redeemed_once_by_its_own_client_within_30_seconds() {
    String code = code(app, "st");
    Response ok = app.code(code);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().get("scope").asText()).isEqualTo("task");
    assertThat(ok.json().get("user_id").asLong()).isEqualTo(1);
    assertThat(app.call(ok.json().get("access_token").asText(), "tasks.task.list", "{}").status()).isEqualTo(200);
    oauthError(app.code(code), 400, "invalid_grant", null);

    String late = code(app, null);
    clock.advance(Duration.ofSeconds(31));
    oauthError(app.code(late), 401, "expired_token", "The authorization token provided has expired.");

    OAuth other = register("Other", "task");
    oauthError(other.code(code(app, null)), 400, "invalid_grant", null);
  }

  @Test
  void the_token_endpoint_answers_the_oauth_servers_error_bodies() {
    oauthError(app.tokenGet("client_id=" + app.clientId()), 400, "invalid_request",
        "Invalid grant_type parameter or parameter missing");
    oauthError(app.tokenPost(OAuth.form("grant_type", "password", "client_id", app.clientId())), 400,
        "unsupported_grant_type", null);
    oauthError(app.tokenGet(OAuth.form("grant_type", "refresh_token", "client_id", "local.0000000000000a.12345678",
        "client_secret", app.clientSecret(), "refresh_token", "x")), 400, "invalid_client", null);
    oauthError(app.tokenGet(OAuth.form("grant_type", "refresh_token", "client_id", app.clientId(),
        "client_secret", "wrong", "refresh_token", "x")), 400, "invalid_client", null);
    oauthError(app.tokenGet(OAuth.form("grant_type", "authorization_code", "client_id", app.clientId(),
        "client_secret", app.clientSecret())), 400, "invalid_request", null);
    oauthError(app.tokenGet(OAuth.form("grant_type", "refresh_token", "client_id", app.clientId(),
        "client_secret", app.clientSecret())), 400, "invalid_request", "No \"refresh_token\" parameter found");
    oauthError(app.refresh("0123456789abcdef"), 400, "invalid_grant", null);
    oauthError(app.code("0123456789abcdef"), 400, "invalid_grant", null);
  }

  @Test
  void refresh_tokens_expire_after_180_days() {
    JsonNode pair = app.code(code(app, null)).json();
    clock.advance(Duration.ofDays(180));
    oauthError(app.refresh(pair.get("refresh_token").asText()), 401, "expired_token",
        "The refresh token provided has expired.");
  }

  @Test
  void a_token_of_another_client_cannot_be_refreshed_by_this_one() {
    OAuth other = register("Thief", "task");
    JsonNode pair = app.code(code(app, null)).json();
    oauthError(other.refresh(pair.get("refresh_token").asText()), 400, "invalid_grant", null);
    assertThat(app.refresh(pair.get("refresh_token").asText()).status()).isEqualTo(200);
  }

  @Test
  void a_scope_the_app_was_not_given_is_insufficient_scope() {
    String token = app.code(code(app, null)).json().get("access_token").asText();
    Response r = app.call(token, "user.current", "{}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("insufficient_scope");
  }

  @Test
  void app_info_answers_by_credential_kind() {
    String token = app.code(code(app, null)).json().get("access_token").asText();
    Response mine = app.call(token, "app.info", "{}");
    assertThat(AppStoryTest.names(mine.result())).containsExactly("ID", "CODE", "VERSION", "STATUS", "INSTALLED",
        "PAYMENT_EXPIRED", "DAYS", "LANGUAGE_ID", "LICENSE");
    assertThat(mine.result().get("ID").asLong()).isEqualTo(appId);
    assertThat(mine.result().get("STATUS").asText()).isEqualTo("L");
    assertThat(mine.result().get("LICENSE").asText()).isEqualTo("en_selfhosted");

    Response hook = server.admin().call("app.info", "{}");
    assertThat(hook.status()).isEqualTo(200);
    assertThat(AppStoryTest.names(hook.result())).containsExactly("SCOPE", "LICENSE");

    String bare = server.app().auth.createToken(1, Scopes.ALL, Duration.ofHours(1)).accessToken();
    Response denied = app.call(bare, "app.info", "{}");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.error()).isEqualTo("ACCESS_DENIED");
    assertThat(denied.errorDescription()).isEqualTo("Access denied! Application context required");
  }

  @Test
  void app_and_user_options_are_kept_per_app_and_per_user_with_their_types() {
    String token = app.code(code(app, null)).json().get("access_token").asText();
    assertThat(app.call(token, "app.option.get", "{}").result().isArray()).isTrue();
    Response set = app.call(token, "app.option.set", "{\"options\":{\"n\":5,\"nested\":{\"a\":[1,\"b\"]}}}");
    assertThat(set.result().asBoolean()).as(set.toString()).isTrue();
    app.call(token, "app.option.set", "{\"flag\":true}");
    Response all = app.call(token, "app.option.get", "{}");
    assertThat(all.result().toString()).isEqualTo("{\"flag\":true,\"n\":5,\"nested\":{\"a\":[1,\"b\"]}}");
    assertThat(app.call(token, "app.option.get", "{\"option\":\"n\"}").result().asInt()).isEqualTo(5);
    assertThat(app.call(token, "app.option.get", "{\"option\":\"missing\"}").result().isNull()).isTrue();

    OAuth other = register("Other options", "task");
    String otherToken = other.code(code(other, null)).json().get("access_token").asText();
    assertThat(other.call(otherToken, "app.option.get", "{}").result().isArray()).isTrue();

    app.call(token, "user.option.set", "{\"options\":{\"theme\":\"dark\"}}");
    assertThat(app.call(token, "user.option.get", "{\"option\":\"theme\"}").result().asText()).isEqualTo("dark");
    assertThat(app.call(token, "app.option.get", "{\"option\":\"theme\"}").result().isNull()).isTrue();

    Response empty = app.call(token, "app.option.set", "{\"options\":{}}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.error()).isEqualTo("ERROR_ARGUMENT");
    Response hook = server.admin().call("app.option.get", "{}");
    assertThat(hook.status()).isEqualTo(403);
    assertThat(hook.errorDescription()).isEqualTo("Access denied! Application context required");
  }

  @Test
  void secrets_and_tokens_are_stored_hashed() throws Exception {
    JsonNode pair = app.code(code(app, null)).json();
    List<String> dump = server.app().db.read(tx -> {
      List<String> rows = new ArrayList<>();
      for (String t : List.of("apps", "app_tokens", "app_codes")) {
        rows.addAll(tx.query("SELECT t::text FROM " + t + " t", rs -> rs.getString(1)));
      }
      return rows;
    });
    assertThat(String.join("\n", dump)).doesNotContain(app.clientSecret())
        .doesNotContain(pair.get("access_token").asText()).doesNotContain(pair.get("refresh_token").asText());
  }

  @Test
  void only_an_administrator_registers_apps_and_the_form_rules_apply() {
    long peer = server.app().directory.createUser("peer@apps.local", "Peer", "", false);
    server.app().auth.createWebhook(peer, Scopes.ALL, "peercode", null, "test");
    Response denied = server.as(peer, "peercode").call("b24tasks.app.add", Map.of("NAME", "x",
        "HANDLER", "https://app.example/h", "SCOPE", List.of("task")));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.error()).isEqualTo("ACCESS_DENIED");
    assertThat(server.admin().call("b24tasks.app.add", Map.of("HANDLER", "https://app.example/h",
        "SCOPE", List.of("task"))).error()).isEqualTo("MP_ERROR_EMPTY_NAME");
    assertThat(server.admin().call("b24tasks.app.add", Map.of("NAME", "x", "HANDLER", "ftp://app.example/h",
        "SCOPE", List.of("task"))).error()).isEqualTo("MP_ERROR_INCORRECT_URL");
    assertThat(server.admin().call("b24tasks.app.add", Map.of("NAME", "x", "HANDLER", "https://app.example/h",
        "INSTALL", "nope", "SCOPE", List.of("task"))).error()).isEqualTo("MP_ERROR_INCORRECT_URL_INSTALL");
    assertThat(server.admin().call("b24tasks.app.add", Map.of("NAME", "x", "HANDLER", "https://app.example/h"))
        .error()).isEqualTo("MP_ERROR_EMPTY_SCOPE");
    Response list = server.admin().call("b24tasks.app.list", "{}");
    assertThat(list.body()).doesNotContain(app.clientSecret());
    assertThat(list.result().get(0).get("CLIENT_ID").asText()).isEqualTo(app.clientId());
  }

  @Test
  void deleting_an_app_ends_its_tokens_and_its_client() {
    OAuth doomed = register("Doomed", "task");
    JsonNode pair = doomed.code(code(doomed, null)).json();
    long id = server.admin().call("b24tasks.app.list", "{}").result().findValues("ID").stream()
        .mapToLong(JsonNode::asLong).max().orElseThrow();
    assertThat(server.admin().call("b24tasks.app.delete", Map.of("ID", id)).result().asBoolean()).isTrue();
    assertThat(doomed.call(pair.get("access_token").asText(), "tasks.task.list", "{}").error())
        .isEqualTo("invalid_token");
    oauthError(doomed.refresh(pair.get("refresh_token").asText()), 400, "invalid_client", null);
    assertThat(server.admin().call("b24tasks.app.delete", Map.of("ID", id)).error()).isEqualTo("ERROR_NOT_FOUND");
  }

  @Test
  void an_app_with_an_interface_finishes_installing_when_it_says_so_and_listeners_hear_it() {
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.app().apps.addLifecycleListener(new AppService.LifecycleListener() {
      @Override
      public void installed(long id, String applicationToken) {
        heard.add("installed " + id + " " + applicationToken.length());
      }

      @Override
      public void uninstalling(long id, String applicationToken) {
        // inside the uninstall's transaction the app and its token are still there
        heard.add("uninstalling " + id + " " + server.app().apps.app(id).orElseThrow().applicationToken()
            .equals(applicationToken));
      }
    });
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", "With UI",
        "HANDLER", receiver.url("/ui"), "INSTALL", receiver.url("/ui-install"), "SCOPE", "task", "API_ONLY", "N"));
    long id = added.result().get("ID").asLong();
    OAuth ui = new OAuth(server.admin(), added.result().get("CLIENT_ID").asText(),
        added.result().get("CLIENT_SECRET").asText());
    String token = ui.code(code(ui, null)).json().get("access_token").asText();
    assertThat(ui.call(token, "app.info", "{}").result().get("INSTALLED").asBoolean()).isFalse();
    assertThat(heard).isEmpty();
    assertThat(server.admin().call("b24tasks.app.install", Map.of("ID", id)).result().asBoolean()).isTrue();
    assertThat(ui.call(token, "app.info", "{}").result().get("INSTALLED").asBoolean()).isTrue();
    assertThat(server.admin().call("b24tasks.app.uninstall", Map.of("ID", id)).result().asBoolean()).isTrue();
    assertThat(heard).containsExactly("installed " + id + " 32", "uninstalling " + id + " true");
    // an app with an interface gets no ONAPPINSTALL from the portal: its install page runs in the frame
    assertThat(receiver.nothingPending()).isTrue();
  }

  @Test
  void opening_an_app_gives_the_frame_post_its_fields_and_working_tokens() {
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", "Framed",
        "HANDLER", "https://framed.example/index.php", "INSTALL", "https://framed.example/install.php",
        "SCOPE", "task", "API_ONLY", "N"));
    long id = added.result().get("ID").asLong();
    Response open = server.admin().call("b24tasks.app.open", Map.of("ID", id, "PLACEMENT_OPTIONS", Map.of("a", 1)));
    assertThat(open.status()).as(open.toString()).isEqualTo(200);
    String url = open.result().get("URL").asText();
    assertThat(url).startsWith("https://framed.example/install.php?DOMAIN=");
    assertThat(AppReceiver.parseForm(URI.create(url).getRawQuery()).keySet())
        .containsExactly("DOMAIN", "PROTOCOL", "LANG", "APP_SID");
    JsonNode fields = open.result().get("FIELDS");
    assertThat(AppStoryTest.names(fields)).containsExactly("AUTH_ID", "AUTH_EXPIRES", "REFRESH_ID", "member_id",
        "status", "PLACEMENT", "PLACEMENT_OPTIONS");
    assertThat(fields.get("AUTH_EXPIRES").asText()).isEqualTo("3600");
    assertThat(fields.get("PLACEMENT").asText()).isEqualTo("DEFAULT");
    assertThat(fields.get("PLACEMENT_OPTIONS").asText()).isEqualTo("{\"a\":1}");
    OAuth framed = new OAuth(server.admin(), added.result().get("CLIENT_ID").asText(),
        added.result().get("CLIENT_SECRET").asText());
    assertThat(framed.call(fields.get("AUTH_ID").asText(), "app.info", "{}").result().get("INSTALLED").asBoolean())
        .isFalse();
    assertThat(framed.refresh(fields.get("REFRESH_ID").asText()).status()).isEqualTo(200);

    long peer = server.app().directory.createUser("framed-peer@apps.local", "Peer", "", false);
    Response notYet = server.admin().call("b24tasks.app.open", Map.of("ID", id, "USER_ID", peer));
    assertThat(notYet.status()).isEqualTo(400);
    assertThat(notYet.error()).isEqualTo("ERROR_NOT_INSTALLED");
    server.admin().call("b24tasks.app.install", Map.of("ID", id));
    Response opened = server.admin().call("b24tasks.app.open", Map.of("ID", id, "USER_ID", peer));
    assertThat(opened.result().get("URL").asText()).startsWith("https://framed.example/index.php?DOMAIN=");
  }

  @Test
  void a_token_of_a_deactivated_user_is_refused_with_authorization_error() throws Exception {
    long user = server.app().directory.createUser("leaving@apps.local", "Leaving", "", false);
    String token = server.admin().call("b24tasks.app.open", Map.of("ID", appId, "USER_ID", user)).result()
        .get("FIELDS").get("AUTH_ID").asText();
    assertThat(app.call(token, "tasks.task.list", "{}").status()).isEqualTo(200);
    server.app().db.tx(tx -> tx.update("UPDATE users SET active = false WHERE id = ?", user));
    server.app().auth.clearCache();
    Response r = app.call(token, "tasks.task.list", "{}");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("authorization_error");
    assertThat(r.errorDescription()).isEqualTo("Unable to authorize user");
  }

  static OAuth register(String name, String scope) {
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", name,
        "HANDLER", receiver.url("/" + name.replace(' ', '-')), "SCOPE", List.of(scope), "API_ONLY", "Y"));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    return new OAuth(server.admin(), added.result().get("CLIENT_ID").asText(),
        added.result().get("CLIENT_SECRET").asText());
  }

  static void oauthError(Response r, int status, String error, String description) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).isEqualTo(error);
    if (description == null) assertThat(r.json().has("error_description")).as(r.toString()).isFalse();
    else assertThat(r.json().get("error_description").asText()).isEqualTo(description);
  }
}
