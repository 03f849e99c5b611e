package dev.b24tasks.events;

import static dev.b24tasks.events.EventsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application used by a user who is not an administrator (its token from the OAuth code flow): own handlers
 * only, no AUTH_TYPE of others, no offline events; and an administrator binding a handler for another user.
 */
class NonAdminEventsTest {
  static final EventReceiver receiver = new EventReceiver();

  /** User 2 (made first in the test) signs in on /oauth/authorize/ without a form. */
  @RegisterExtension static TestServer server = new TestServer(s -> s.oauthDevUser = 2L);

  static AppKit plain;
  static AppKit admin;

  @BeforeAll
  static void appAndUsers() throws Exception {
    long nora = new Org(server).user("Nora", "Plain");
    assertThat(nora).isEqualTo(2);
    Response added = server.admin().call("b24tasks.app.add", Map.of("NAME", "plain", "HANDLER",
        receiver.url("/plain-app"), "SCOPE", List.of("task"), "API_ONLY", "Y"));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    String clientId = added.result().get("CLIENT_ID").asText();
    String secret = added.result().get("CLIENT_SECRET").asText();
    Response page = server.admin().raw("GET", "/oauth/authorize/?client_id=" + clientId + "&response_type=code",
        null, null);
    String location = page.headers().firstValue("Location").orElseThrow(() -> new AssertionError(page.toString()));
    Matcher m = Pattern.compile("[?&]code=([0-9a-f]+)").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    Response pair = server.admin().raw("POST", "/oauth/token/", "application/x-www-form-urlencoded",
        ("grant_type=authorization_code&client_id=" + enc(clientId) + "&client_secret=" + enc(secret) + "&code="
            + m.group(1)).getBytes(StandardCharsets.UTF_8));
    assertThat(pair.status()).as(pair.toString()).isEqualTo(200);
    var json = Json.MAPPER.readTree(pair.body());
    assertThat(json.get("user_id").asLong()).isEqualTo(2);
    long appId = added.result().get("ID").asLong();
    plain = new AppKit(appId, clientId, json.get("access_token").asText(), null, server.baseUrl());
    admin = AppKit.install(server.admin(), receiver, "adminside", List.of("task"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void a_non_administrator_binds_only_for_herself_and_never_offline() throws Exception {
    assertError(plain.call("event.bind", Map.of("event", "ONTASKADD", "handler", receiver.url("/x"),
        "auth_type", 1)), 403, "ACCESS_DENIED",
        "Access denied! Event binding with AUTH_TYPE requires administrator access rights");
    assertError(plain.call("event.bind", Map.of("event", "ONTASKADD", "event_type", "offline")), 403,
        "ACCESS_DENIED", "Access denied! Offline events binding requires administrator access rights");
    assertError(plain.call("event.offline.get", Map.of()), 403, "ACCESS_DENIED", "Access denied!");
    plain.bind("ONTASKADD", receiver.url("/nora"));
    assertThat(plain.call("event.get", Map.of()).result().toString()).isEqualTo("[{\"event\":\"ONTASKADD\","
        + "\"handler\":\"" + receiver.url("/nora") + "\",\"auth_type\":\"2\",\"offline\":0}]");
    // the handler's user is hers, whoever makes the change
    long task = EventsTest.addTask(server.admin(), "for nora");
    EventReceiver.Received r = receiver.next("/nora");
    assertThat(r.data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(task);
    assertThat(r.auth().get("user_id").asText()).isEqualTo("2");
    // unbind with AUTH_TYPE: a form string "2" is refused (the source compares with !== intval), a JSON 2 passes
    Response form = plain.form("event.unbind", "event=ONTASKADD&handler=" + enc(receiver.url("/nora"))
        + "&auth_type=2");
    assertError(form, 403, "ACCESS_DENIED",
        "Access denied! Event unbinding with AUTH_TYPE requires administrator access rights");
    Response json = plain.call("event.unbind", Map.of("event", "ONTASKADD", "handler", receiver.url("/nora"),
        "auth_type", 2));
    assertThat(json.result().get("count").asInt()).isEqualTo(1);
  }

  @Test
  void an_administrator_binds_a_handler_for_another_user() throws Exception {
    Response bound = admin.call("event.bind", Map.of("event", "ONTASKUPDATE", "handler", receiver.url("/for-2"),
        "auth_type", 2));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    assertThat(admin.call("event.get", Map.of()).result().toString()).contains("\"auth_type\":\"2\"");
    long task = EventsTest.addTask(server.admin(), "update me");
    server.admin().call("tasks.task.update", Map.of("taskId", task, "fields", Map.of("TITLE", "updated")));
    EventReceiver.Received r = receiver.next("/for-2");
    assertThat(r.auth().get("user_id").asText()).isEqualTo("2");
    // without auth_type an administrator's handler gets the user who made the change (here the administrator)
    admin.bind("ONTASKDELETE", receiver.url("/by-actor"));
    server.admin().call("tasks.task.delete", Map.of("taskId", task));
    assertThat(receiver.next("/by-actor").auth().get("user_id").asText()).isEqualTo("1");
  }
}
