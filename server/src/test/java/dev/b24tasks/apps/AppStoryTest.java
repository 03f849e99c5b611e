package dev.b24tasks.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole life of a local application, over real HTTP: an administrator registers it; it is installed and
 * handed its tokens; it adds a task; an hour passes; it refreshes; it is uninstalled; its tokens stop working.
 */
class AppStoryTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  static final AppReceiver app = new AppReceiver();

  @RegisterExtension static TestServer server = new TestServer(s -> s.clock = clock);

  @AfterAll
  static void stopReceiver() {
    app.close();
  }

  @Test
  void an_app_is_registered_installed_used_refreshed_and_uninstalled() throws Exception {
    // An administrator registers an API-only app with an install URL, as on the portal's local-app form.
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", "Story app",
        "HANDLER", app.url("/handler"), "INSTALL", app.url("/install"), "SCOPE", List.of("task", "user"),
        "API_ONLY", "Y"));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    String clientId = added.result().get("CLIENT_ID").asText();
    String secret = added.result().get("CLIENT_SECRET").asText();
    assertThat(clientId).matches("local\\.[0-9a-f]{14}\\.\\d{8}");
    assertThat(secret).matches("[A-Za-z0-9]{50}");

    // The portal posts ONAPPINSTALL to the install URL, form-encoded, with a token pair of that administrator.
    AppReceiver.Received install = app.next(Duration.ofSeconds(30));
    assertThat(install.method()).isEqualTo("POST");
    assertThat(install.path()).isEqualTo("/install");
    assertThat(install.contentType()).startsWith("application/x-www-form-urlencoded");
    Map<String, String> f = install.form();
    assertThat(f.keySet()).containsExactly("event", "event_handler_id", "data[VERSION]", "data[ACTIVE]",
        "data[INSTALLED]", "data[LANGUAGE_ID]", "ts", "auth[access_token]", "auth[expires]", "auth[expires_in]",
        "auth[scope]", "auth[domain]", "auth[server_endpoint]", "auth[status]", "auth[client_endpoint]",
        "auth[member_id]", "auth[user_id]", "auth[refresh_token]", "auth[application_token]");
    assertThat(f.get("event")).isEqualTo("ONAPPINSTALL");
    assertThat(f.get("data[INSTALLED]")).isEqualTo("Y");
    assertThat(f.get("ts")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    assertThat(f.get("auth[expires_in]")).isEqualTo("3600");
    assertThat(f.get("auth[expires]")).isEqualTo(Long.toString(clock.instant().getEpochSecond() + 3600));
    assertThat(f.get("auth[scope]")).isEqualTo("task,user");
    assertThat(f.get("auth[status]")).isEqualTo("L");
    assertThat(f.get("auth[user_id]")).isEqualTo("1");
    assertThat(f.get("auth[client_endpoint]")).isEqualTo(server.baseUrl() + "/rest/");
    assertThat(f.get("auth[server_endpoint]")).isEqualTo(server.baseUrl() + "/rest/");
    assertThat(f.get("auth[domain]")).isEqualTo(server.baseUrl().substring("http://".length()));
    assertThat(f.get("auth[member_id]")).matches("[0-9a-f]{32}");
    assertThat(f.get("auth[access_token]")).matches("[0-9a-f]{70}");
    assertThat(f.get("auth[refresh_token]")).matches("[0-9a-f]{70}");
    assertThat(f.get("auth[application_token]")).matches("[0-9a-f]{32}");

    // With its access token the app calls REST as the administrator who installed it.
    OAuth oauth = new OAuth(server.admin(), clientId, secret);
    String access = f.get("auth[access_token]");
    Response task = oauth.call(access, "tasks.task.add", "{\"fields\":{\"TITLE\":\"From the app\",\"RESPONSIBLE_ID\":1}}");
    assertThat(task.status()).as(task.toString()).isEqualTo(200);
    String taskId = task.result().get("task").get("id").asText();
    Response info = oauth.call(access, "app.info", "{}");
    assertThat(info.result().get("CODE").asText()).isEqualTo(clientId);
    assertThat(info.result().get("INSTALLED").asBoolean()).isTrue();

    // An hour passes: the access token has expired.
    clock.advance(Duration.ofHours(1));
    Response expired = oauth.call(access, "tasks.task.get", "{\"taskId\":" + taskId + "}");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.error()).isEqualTo("expired_token");
    assertThat(expired.errorDescription()).isEqualTo("The access token provided has expired");

    // It refreshes at the token endpoint and goes on with the new pair.
    Response refreshed = oauth.refresh(f.get("auth[refresh_token]"));
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode pair = refreshed.json();
    assertThat(names(pair)).containsExactly("access_token", "expires", "expires_in", "scope", "domain",
        "server_endpoint", "status", "client_endpoint", "member_id", "user_id", "refresh_token");
    assertThat(pair.get("expires").asLong()).isEqualTo(clock.instant().getEpochSecond() + 3600);
    assertThat(pair.get("user_id").asLong()).isEqualTo(1);
    assertThat(pair.get("member_id").asText()).isEqualTo(f.get("auth[member_id]"));
    String access2 = pair.get("access_token").asText();
    Response again = oauth.call(access2, "tasks.task.get", "{\"taskId\":" + taskId + "}");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.result().get("task").get("title").asText()).isEqualTo("From the app");

    // The used refresh token is spent (single-use by default).
    Response reused = oauth.refresh(f.get("auth[refresh_token]"));
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");

    // The administrator uninstalls it: its tokens stop working and it cannot refresh any more.
    long appId = added.result().get("ID").asLong();
    assertThat(server.admin().call("b24tasks.app.uninstall", Map.of("ID", appId)).result().asBoolean()).isTrue();
    Response dead = oauth.call(access2, "tasks.task.get", "{\"taskId\":" + taskId + "}");
    assertThat(dead.status()).isEqualTo(401);
    assertThat(dead.error()).isEqualTo("invalid_token");
    Response noRefresh = oauth.refresh(pair.get("refresh_token").asText());
    assertThat(noRefresh.status()).isEqualTo(401);
    assertThat(noRefresh.json().get("error").asText()).isEqualTo("NOT_INSTALLED");
    assertThat(noRefresh.json().get("error_description").asText()).isEqualTo("Application not installed");
  }

  static List<String> names(JsonNode o) {
    List<String> out = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
