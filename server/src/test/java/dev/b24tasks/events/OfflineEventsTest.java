package dev.b24tasks.events;

import static dev.b24tasks.events.EventsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The offline queue (eventoffline.php) over real HTTP: merge, reservation, clear, error, list, self-changes. */
class OfflineEventsTest {
  static final EventReceiver receiver = new EventReceiver();

  @RegisterExtension static TestServer server = new TestServer();

  static AppKit app;

  @BeforeAll
  static void installApp() throws Exception {
    app = AppKit.install(server.admin(), receiver, "offline", List.of("task"));
    for (String e : List.of("ONTASKADD", "ONTASKUPDATE")) {
      Response r = app.call("event.bind", Map.of("event", e, "event_type", "offline"));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void empty() {
    app.call("event.offline.get", Map.of("limit", 1000));
  }

  static JsonNode get(Map<String, Object> params) {
    Response r = app.call("event.offline.get", params);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result();
  }

  @Test
  void changes_are_queued_merged_while_unreserved_and_read_with_clear() {
    long a = EventsTest.addTask(server.admin(), "offline a");
    for (int i = 0; i < 3; i++) {
      server.admin().call("tasks.task.update", Map.of("taskId", a, "fields", Map.of("TITLE", "edit " + i)));
    }
    JsonNode got = get(Map.of());
    assertThat(got.get("process_id").isNull()).isTrue();
    JsonNode events = got.get("events");
    // one ONTASKADD and three edits merged into one ONTASKUPDATE ("1000 edits give one record")
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("EVENT_NAME").asText()).isEqualTo("ONTASKADD");
    assertThat(events.get(1).get("EVENT_NAME").asText()).isEqualTo("ONTASKUPDATE");
    List<String> keys = new java.util.ArrayList<>();
    events.get(1).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ID", "TIMESTAMP_X", "EVENT_NAME", "EVENT_DATA", "EVENT_ADDITIONAL", "MESSAGE_ID");
    assertThat(events.get(1).get("EVENT_DATA").toString()).isEqualTo("{\"FIELDS_BEFORE\":{\"ID\":" + a
        + "},\"FIELDS_AFTER\":{\"ID\":" + a + "},\"IS_ACCESSIBLE_BEFORE\":\"undefined\",\"IS_ACCESSIBLE_AFTER\":\"undefined\"}");
    assertThat(events.get(1).get("EVENT_ADDITIONAL").toString()).isEqualTo("{\"user_id\":\"1\"}");
    assertThat(events.get(1).get("MESSAGE_ID").asText()).isEqualTo(EventOutbox.md5("ONTASKUPDATE|"
        + events.get(1).get("EVENT_DATA").toString()));
    assertThat(events.get(1).get("TIMESTAMP_X").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    // cleared: a second read finds nothing
    assertThat(get(Map.of()).get("events")).isEmpty();
  }

  @Test
  void the_apps_own_changes_are_not_queued_unless_the_connector_differs() {
    Response own = app.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "own", "RESPONSIBLE_ID", 1)));
    assertThat(own.status()).isEqualTo(200);
    assertThat(get(Map.of()).get("events")).isEmpty();
    Response viaConnector = app.form("tasks.task.add", "fields[TITLE]=connector&fields[RESPONSIBLE_ID]=1"
        + "&auth_connector=crm1");
    assertThat(viaConnector.status()).as(viaConnector.toString()).isEqualTo(200);
    assertThat(get(Map.of()).get("events")).hasSize(1);
  }

  @Test
  void the_apps_own_rest_v3_changes_are_filtered_alike_and_a_v3_batch_is_one_hit() {
    Response own = app.v3("tasks.task.add", Map.of("fields", Map.of("title", "own v3", "creatorId", 1, "responsibleId", 1)));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    long id = own.json().path("result").path("item").path("id").asLong();
    Response batch = app.v3("batch", Map.of("0", Map.of("method", "tasks.task.update",
        "query", Map.of("id", id, "fields", Map.of("title", "own v3 batch")))));
    assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
    assertThat(get(Map.of()).get("events")).isEmpty();
    Map<String, Object> viaConnector = new java.util.LinkedHashMap<>();
    viaConnector.put("fields", Map.of("title", "v3 connector", "creatorId", 1, "responsibleId", 1));
    viaConnector.put("auth_connector", "crm1");
    Response other = app.v3("tasks.task.add", viaConnector);
    assertThat(other.status()).as(other.toString()).isEqualTo(200);
    JsonNode events = get(Map.of()).get("events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("EVENT_NAME").asText()).isEqualTo("ONTASKADD");
  }

  @Test
  void reservations_give_parallel_readers_disjoint_rows_and_clear_and_error_work_by_process() {
    for (int i = 0; i < 4; i++) EventsTest.addTask(server.admin(), "r" + i);
    JsonNode first = get(Map.of("clear", 0, "limit", 2));
    String p1 = first.get("process_id").asText();
    assertThat(p1).hasSize(32);
    assertThat(first.get("events")).hasSize(2);
    JsonNode second = get(Map.of("clear", 0, "limit", 10));
    assertThat(second.get("events")).hasSize(2);
    assertThat(second.get("events").get(0).get("ID").asLong())
        .isNotIn(first.get("events").get(0).get("ID").asLong(), first.get("events").get(1).get("ID").asLong());
    String p2 = second.get("process_id").asText();
    // list shows all four, with their reservations
    Response list = app.call("event.offline.list", Map.of());
    assertThat(list.json().get("total").asInt()).isEqualTo(4);
    assertThat(list.result().get(0).get("PROCESS_ID").asText()).isIn(p1, p2);
    assertThat(list.result().get(0).get("ERROR").asText()).isEqualTo("0");
    // clear one row of p1 by id; mark p2's first message erroneous
    assertThat(app.call("event.offline.clear", Map.of("process_id", p1, "id",
        List.of(first.get("events").get(0).get("ID").asLong()))).result().asBoolean()).isTrue();
    String message = second.get("events").get(0).get("MESSAGE_ID").asText();
    assertThat(app.call("event.offline.error", Map.of("process_id", p2, "message_id", List.of(message))).result()
        .asBoolean()).isTrue();
    list = app.call("event.offline.list", Map.of("filter", Map.of("ERROR", 1)));
    assertThat(list.result()).hasSize(1);
    assertThat(list.result().get(0).get("MESSAGE_ID").asText()).isEqualTo(message);
    assertThat(list.result().get(0).get("PROCESS_ID").asText()).isEmpty();
    // erroneous rows are read with error=1
    JsonNode errors = get(Map.of("error", 1));
    assertThat(errors.get("events")).hasSize(1);
    // clearing a whole batch by its process id
    assertThat(app.call("event.offline.clear", Map.of("process_id", p1)).result().asBoolean()).isTrue();
    assertThat(app.call("event.offline.clear", Map.of("process_id", p2)).result().asBoolean()).isTrue();
    assertThat(app.call("event.offline.list", Map.of()).json().get("total").asInt()).isZero();
  }

  @Test
  void bad_arguments_get_the_portals_errors() {
    assertError(app.call("event.offline.get", Map.of("limit", 0)), 400, "ERROR_ARGUMENT",
        "Value must be positive integer");
    assertError(app.call("event.offline.get", Map.of("filter", "x")), 400, "ERROR_ARGUMENT",
        "The filter is not an array.");
    assertError(app.call("event.offline.get", Map.of("filter", Map.of("HANDLER", 1))), 400, "ERROR_ARGUMENT",
        "Filter field not allowed: HANDLER");
    assertError(app.call("event.offline.get", Map.of("filter", Map.of("!ID", 1))), 400, "ERROR_ARGUMENT",
        "Filter operation not allowed: !");
    assertError(app.call("event.offline.get", Map.of("order", Map.of("ID", "UP"))), 400, "ERROR_ARGUMENT",
        "Order direction should be one of {ASC|DESC}");
    assertError(app.call("event.offline.get", Map.of("order", Map.of("PROCESS_ID", "ASC"))), 400, "ERROR_ARGUMENT",
        "Order field not allowed: PROCESS_ID");
    assertError(app.call("event.offline.clear", Map.of()), 400, "ERROR_ARGUMENT",
        "Argument 'PROCESS_ID' is null or empty");
    assertError(app.call("event.offline.clear", Map.of("process_id", "p", "id", List.of(-1))), 400,
        "ERROR_ARGUMENT", "Value must be array of integers");
    assertError(app.call("event.offline.error", Map.of("process_id", "p", "message_id", List.of("short"))), 400,
        "ERROR_ARGUMENT", "Value must be array of MESSAGE_ID values");
    assertThat(app.call("event.offline.error", Map.of("process_id", "p", "message_id", List.of())).result()
        .asBoolean()).isTrue();
  }

  @Test
  void a_queued_offline_event_notifies_the_apps_onofflineevent_handler() throws Exception {
    Response bound = app.call("event.bind", Map.of("event", "ONOFFLINEEVENT", "handler", receiver.url("/notify"),
        "options", Map.of("minTimeout", 0)));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    EventsTest.addTask(server.admin(), "notify");
    EventReceiver.Received r = receiver.next("/notify");
    assertThat(r.event()).isEqualTo("ONOFFLINEEVENT");
    assertThat(r.form().has("data")).isFalse(); // data: [] is no key at all in PHP's encoding
    assertThat(r.auth().has("refresh_token")).isTrue();
    app.call("event.unbind", Map.of("event", "ONOFFLINEEVENT", "handler", receiver.url("/notify")));
  }
}
