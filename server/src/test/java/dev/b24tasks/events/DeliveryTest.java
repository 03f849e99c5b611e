package dev.b24tasks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery options and guarantees over real HTTP: retries with backoff on the injected clock, the delivery
 * timeout, redelivery from the log, the loop guard, ONAPPUNINSTALL, and PHP's own parser reading our body.
 */
class DeliveryTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  static final EventReceiver receiver = new EventReceiver();

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.clock = clock;
    s.eventRetries = 2;
    s.eventTimeoutSeconds = 1;
  });

  static AppKit app;

  @BeforeAll
  static void installApp() throws Exception {
    app = AppKit.install(server.admin(), receiver, "delivery", List.of("task"));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static long outgoing(String path, String event) {
    Response made = server.admin().call("b24tasks.outgoing.add", Map.of("url", receiver.url(path), "events",
        List.of(event)));
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    return made.result().get("id").asLong();
  }

  @Test
  void a_failed_delivery_is_retried_with_backoff_when_retries_are_on_and_logged_per_attempt() throws Exception {
    outgoing("/retry", "ONTASKADD");
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    receiver.answer(r -> r.path().equals("/retry") && failed.compareAndSet(false, true) ? 500 : 200);
    long id = EventsTest.addTask(server.admin(), "retry me");
    EventReceiver.Received first = receiver.next("/retry");
    long handler = first.form().get("event_handler_id").asLong();
    Response log = EventsTest.awaitLog(server.admin(), Map.of("handlerId", handler), 1);
    assertThat(log.result().get(0).get("outcome").asText()).isEqualTo("retry");
    assertThat(log.result().get(0).get("httpStatus").asInt()).isEqualTo(500);
    assertThat(log.result().get(0).get("answer").asText()).isEqualTo("answer 500");
    // the retry is due one second later on the portal's clock
    clock.advance(Duration.ofSeconds(1));
    EventReceiver.Received second = receiver.next("/retry");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(id);
    log = EventsTest.awaitLog(server.admin(), Map.of("handlerId", handler), 2);
    assertThat(log.result().get(0).get("outcome").asText()).isEqualTo("delivered");
    assertThat(log.result().get(0).get("attempt").asInt()).isEqualTo(2);
    assertThat(log.result().get(1).get("attempt").asInt()).isEqualTo(1);

    // an administrator sends it again from the log: same body, the attempt count goes on
    long eventId = log.result().get(0).get("eventId").asLong();
    Response again = server.admin().call("b24tasks.event.redeliver", Map.of("eventId", eventId));
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    EventReceiver.Received third = receiver.next("/retry");
    assertThat(third.data()).isEqualTo(first.data());
    log = EventsTest.awaitLog(server.admin(), Map.of("eventId", eventId), 3);
    assertThat(log.result().get(0).get("attempt").asInt()).isEqualTo(3);
    assertThat(log.result().get(0).get("outcome").asText()).isEqualTo("delivered");
    receiver.answer(r -> 200);
  }

  @Test
  void a_handler_slower_than_the_timeout_counts_as_failed() throws Exception {
    outgoing("/slow", "ONTASKCOMMENTADD");
    receiver.answer(r -> {
      if (r.path().equals("/slow")) {
        try {
          TimeUnit.SECONDS.sleep(3);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return 200;
    });
    long task = EventsTest.addTask(server.admin(), "slow");
    server.admin().call("task.commentitem.add", List.of(task, Map.of("POST_MESSAGE", "slow")));
    long handler = receiver.next("/slow").form().get("event_handler_id").asLong();
    Response log = EventsTest.awaitLog(server.admin(), Map.of("handlerId", handler), 1);
    assertThat(log.result().get(0).get("outcome").asText()).isEqualTo("retry");
    assertThat(log.result().get(0).get("httpStatus").isNull()).isTrue();
    assertThat(log.result().get(0).get("error").asText()).contains("HttpTimeoutException");
    receiver.answer(r -> 200);
  }

  @Test
  void a_handler_that_calls_back_and_changes_the_task_stops_after_seven_levels() throws Exception {
    app.bind("ONTASKUPDATE", receiver.url("/loop"));
    long task = EventsTest.addTask(server.admin(), "loop");
    receiver.answer(r -> {
      if (r.path().equals("/loop") && r.data().get("FIELDS_AFTER").get("ID").asLong() == task) {
        Response back = app.call(r.auth().get("access_token").asText(), "tasks.task.update",
            Map.of("taskId", task, "fields", Map.of("TITLE", "loop " + System.nanoTime())));
        if (back.status() != 200) throw new IllegalStateException(back.toString());
      }
      return 200;
    });
    server.admin().call("tasks.task.update", Map.of("taskId", task, "fields", Map.of("TITLE", "start")));
    for (int level = 1; level <= 7; level++) {
      assertThat(receiver.next("/loop").data().get("FIELDS_AFTER").get("ID").asLong()).as("level %d", level)
          .isEqualTo(task);
    }
    // the seventh call-back fired nothing: the next POST is a marker's
    long marker = EventsTest.addTask(server.admin(), "marker");
    server.admin().call("tasks.task.update", Map.of("taskId", marker, "fields", Map.of("TITLE", "marked")));
    assertThat(receiver.next("/loop").data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(marker);
    // the guard rides on the handed-out tokens only: the app's own calls with its own token still fire
    Response own = app.call("tasks.task.update", Map.of("taskId", marker, "fields", Map.of("TITLE", "by the app")));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(receiver.next("/loop").data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(marker);
    receiver.answer(r -> 200);
  }

  @Test
  void php_parse_str_reads_our_body_as_the_portals() throws Exception {
    outgoing("/php", "ONTASKUPDATE");
    long task = EventsTest.addTask(server.admin(), "php");
    server.admin().call("tasks.task.update", Map.of("taskId", task, "fields", Map.of("TITLE", "x & y = 100%")));
    EventReceiver.Received r = receiver.next("/php");
    // PHP's own parser, as $_POST / parse_str (b24phpsdk's OnApplicationInstall, CRest's $_REQUEST) reads it
    Path body = Files.createTempFile("event-body", ".txt");
    Files.writeString(body, r.body());
    Process php = new ProcessBuilder("php", "-r",
        "parse_str(file_get_contents($argv[1]), $a); echo json_encode($a);", body.toString())
        .redirectErrorStream(true).start();
    String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(php.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode parsed = dev.b24tasks.rest.Json.MAPPER.readTree(out);
    assertThat(parsed.get("event").asText()).isEqualTo("ONTASKUPDATE");
    assertThat(parsed.get("event_handler_id").asText()).matches("\\d+");
    assertThat(parsed.get("data").toString()).isEqualTo("{\"FIELDS_BEFORE\":{\"ID\":\"" + task + "\"},"
        + "\"FIELDS_AFTER\":{\"ID\":\"" + task + "\"},\"IS_ACCESSIBLE_BEFORE\":\"undefined\","
        + "\"IS_ACCESSIBLE_AFTER\":\"undefined\"}");
    assertThat(parsed.get("ts").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(parsed.get("auth").get("member_id").asText()).matches("[0-9a-f]{32}");
    assertThat(parsed).isEqualTo(r.form());
  }

  @Test
  void uninstalling_an_app_sends_onappuninstall_without_tokens_and_drops_its_handlers() throws Exception {
    AppKit gone = AppKit.install(server.admin(), receiver, "gone", List.of("task"));
    gone.bind("ONAPPUNINSTALL", receiver.url("/uninstall"));
    gone.bind("ONTASKADD", receiver.url("/gone-add"));
    assertThat(server.admin().call("b24tasks.app.uninstall", Map.of("ID", gone.appId())).result().asBoolean())
        .isTrue();
    EventReceiver.Received r = receiver.next("/uninstall");
    assertThat(r.event()).isEqualTo("ONAPPUNINSTALL");
    assertThat(r.data().toString()).isEqualTo("{\"LANGUAGE_ID\":\"en\",\"CLEAN\":\"1\"}");
    List<String> keys = new java.util.ArrayList<>();
    r.auth().fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("domain", "client_endpoint", "server_endpoint", "member_id", "application_token");
    assertThat(r.auth().get("application_token").asText()).isEqualTo(gone.applicationToken());
    outgoing("/after-uninstall", "ONTASKADD");
    long id = EventsTest.addTask(server.admin(), "after uninstall");
    assertThat(receiver.next("/after-uninstall").data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(id);
    assertThat(receiver.all()).noneMatch(x -> x.path().equals("/gone-add"));
  }

}
