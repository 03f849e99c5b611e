package dev.b24tasks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.tasks.TaskInput;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events end to end over real HTTP: an application binds handlers on a loopback HTTP server, changes made through
 * every method family arrive there in the portal's wire format, and what must not fire does not.
 */
class EventsTest {
  static final EventReceiver receiver = new EventReceiver();

  @RegisterExtension
  static TestServer server = new TestServer(s -> {}, r -> r.named("probe.addthenfail", "task", call -> {
    // a change whose transaction rolls back after the task service has written it (and told the listeners)
    return EventsTest.server.app().db.tx(tx -> {
      EventsTest.server.app().tasks.add(1, TaskInput.read(
          dev.b24tasks.rest.Json.MAPPER.valueToTree(Map.of("TITLE", "rolled back", "RESPONSIBLE_ID", 1)),
          ZoneOffset.UTC));
      throw RestException.literal("PROBE", 400, "rolled back on purpose");
    });
  }));

  static AppKit app;

  @BeforeAll
  static void installApp() throws Exception {
    app = AppKit.install(server.admin(), receiver, "events", List.of("task", "user"));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  static long addTask(RestClient c, String title) {
    Response r = c.call("tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", 1)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task").get("id").asLong();
  }

  @Test
  void an_incoming_webhook_may_not_call_any_event_method() {
    for (String m : List.of("event.bind", "event.unbind", "event.get", "events", "event.test", "event.offline.get",
        "event.offline.list", "event.offline.clear", "event.offline.error")) {
      Response r = server.admin().call(m, Map.of("event", "ONTASKADD", "handler", receiver.url("/x")));
      assertThat(r.status()).as(m).isEqualTo(403);
      assertThat(r.error()).isEqualTo("WRONG_AUTH_TYPE");
      assertThat(r.errorDescription()).isEqualTo("Current authorization type is denied for this method");
    }
  }

  @Test
  void task_events_arrive_in_the_portals_wire_format() throws Exception {
    app.bind("OnTaskAdd", receiver.url("/wire"));
    long id = addTask(server.admin(), "wire");
    EventReceiver.Received r = receiver.next("/wire");
    assertThat(r.userAgent()).isEqualTo("Bitrix24 Webhook Engine");
    assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(r.body()).startsWith("event=ONTASKADD&event_handler_id=")
        .contains("&data[FIELDS_BEFORE]=undefined&data[FIELDS_AFTER][ID]=" + id
            + "&data[IS_ACCESSIBLE_BEFORE]=N&data[IS_ACCESSIBLE_AFTER]=undefined&ts=");
    List<String> top = new ArrayList<>();
    r.form().fieldNames().forEachRemaining(top::add);
    assertThat(top).containsExactly("event", "event_handler_id", "data", "ts", "auth");
    assertThat(r.form().get("event_handler_id").asText()).matches("[1-9]\\d*");
    assertThat(r.form().get("ts").asLong()).isCloseTo(java.time.Instant.now().getEpochSecond(),
        org.assertj.core.data.Offset.offset(600L));
    JsonNode auth = r.auth();
    List<String> keys = new ArrayList<>();
    auth.fieldNames().forEachRemaining(keys::add);
    // no refresh_token for task events (sendRefreshToken is only for ONAPPINSTALL, ONAPPTEST, ONOFFLINEEVENT…)
    assertThat(keys).containsExactly("access_token", "expires", "expires_in", "scope", "domain", "server_endpoint",
        "status", "client_endpoint", "member_id", "user_id", "application_token");
    assertThat(auth.get("user_id").asText()).isEqualTo("1");
    assertThat(auth.get("application_token").asText()).isEqualTo(app.applicationToken());
    // the token in the block is fresh and works at once (it was committed before the POST)
    Response get = app.call(auth.get("access_token").asText(), "tasks.task.get", Map.of("taskId", id));
    assertThat(get.status()).as(get.toString()).isEqualTo(200);
  }

  @Test
  void every_family_that_changes_a_task_or_a_comment_fires_and_views_mutes_favourites_do_not() throws Exception {
    String h = receiver.url("/families");
    for (String e : EventCatalogue.TASK) app.bind(e, h);
    RestClient admin = server.admin();
    long id = addTask(admin, "families");
    expect("/families", "ONTASKADD", Map.of("FIELDS_BEFORE", "undefined", "FIELDS_AFTER", Map.of("ID", id),
        "IS_ACCESSIBLE_BEFORE", "N", "IS_ACCESSIBLE_AFTER", "undefined"));
    Map<String, Object> update = Map.of("FIELDS_BEFORE", Map.of("ID", id), "FIELDS_AFTER", Map.of("ID", id),
        "IS_ACCESSIBLE_BEFORE", "undefined", "IS_ACCESSIBLE_AFTER", "undefined");
    assertThat(admin.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "t2"))).status())
        .isEqualTo(200);
    expect("/families", "ONTASKUPDATE", update);
    assertThat(admin.call("tasks.task.start", Map.of("taskId", id)).status()).isEqualTo(200);
    expect("/families", "ONTASKUPDATE", update);
    assertThat(admin.form("task.item.update", "0=" + id + "&1[TITLE]=legacy").status()).isEqualTo(200);
    expect("/families", "ONTASKUPDATE", update);
    assertThat(admin.call("task.item.complete", List.of(id)).status()).isEqualTo(200);
    expect("/families", "ONTASKUPDATE", update);

    // a Gantt link fires an update of the dependent task
    long before = addTask(admin, "before");
    expect("/families", "ONTASKADD", Map.of("FIELDS_BEFORE", "undefined", "FIELDS_AFTER", Map.of("ID", before),
        "IS_ACCESSIBLE_BEFORE", "N", "IS_ACCESSIBLE_AFTER", "undefined"));
    Response link = admin.call("task.dependence.add", Map.of("taskIdFrom", before, "taskIdTo", id, "linkType", 2));
    assertThat(link.status()).as(link.toString()).isEqualTo(200);
    expect("/families", "ONTASKUPDATE", update);
    assertThat(admin.call("task.dependence.delete", Map.of("taskIdFrom", before, "taskIdTo", id)).status())
        .isEqualTo(200);
    expect("/families", "ONTASKUPDATE", update);

    // views, mutes and favourites change nothing of the task: no event (the next one to arrive is the marker's)
    admin.call("tasks.task.get", Map.of("taskId", id));
    admin.call("tasks.task.mute", Map.of("id", id));
    admin.call("tasks.task.favorite.add", Map.of("taskId", id));
    admin.call("task.item.addtofavorite", List.of(id));

    Response c = admin.call("task.commentitem.add", List.of(id, Map.of("POST_MESSAGE", "hello")));
    assertThat(c.status()).as(c.toString()).isEqualTo(200);
    long commentId = c.result().asLong();
    expect("/families", "ONTASKCOMMENTADD", Map.of("FIELDS_BEFORE", "undefined",
        "FIELDS_AFTER", Map.of("ID", commentId, "TASK_ID", id), "IS_ACCESSIBLE_BEFORE", "N",
        "IS_ACCESSIBLE_AFTER", "undefined"));
    assertThat(admin.call("task.commentitem.update", List.of(id, commentId, Map.of("POST_MESSAGE", "edited")))
        .status()).isEqualTo(200);
    expect("/families", "ONTASKCOMMENTUPDATE", Map.of("FIELDS_BEFORE", Map.of("ID", commentId, "TASK_ID", id),
        "FIELDS_AFTER", Map.of("ID", commentId, "TASK_ID", id, "ACTION", "EDIT"), "IS_ACCESSIBLE_BEFORE",
        "undefined", "IS_ACCESSIBLE_AFTER", "undefined"));
    assertThat(admin.call("task.commentitem.delete", List.of(id, commentId)).status()).isEqualTo(200);
    expect("/families", "ONTASKCOMMENTDELETE", Map.of("FIELDS_BEFORE", Map.of("ID", commentId, "TASK_ID", id),
        "FIELDS_AFTER", Map.of("ID", commentId, "TASK_ID", id, "ACTION", "DEL"), "IS_ACCESSIBLE_BEFORE",
        "undefined", "IS_ACCESSIBLE_AFTER", "undefined"));
    assertThat(admin.call("tasks.task.delete", Map.of("taskId", id)).status()).isEqualTo(200);
    expect("/families", "ONTASKDELETE", Map.of("FIELDS_BEFORE", Map.of("ID", id), "FIELDS_AFTER", "undefined",
        "IS_ACCESSIBLE_BEFORE", "undefined", "IS_ACCESSIBLE_AFTER", "N"));
  }

  /** The next POST to {@code path} is {@code event} with exactly this data (all scalars strings, as PHP sees them). */
  static void expect(String path, String event, Map<String, Object> data) throws InterruptedException {
    EventReceiver.Received r = receiver.next(path);
    assertThat(r.event()).isEqualTo(event);
    assertThat(r.data()).isEqualTo(dev.b24tasks.rest.Json.MAPPER.valueToTree(stringify(data)));
  }

  @SuppressWarnings("unchecked")
  static Object stringify(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k.toString(), stringify(x)));
      return out;
    }
    return v.toString();
  }

  @Test
  void a_rolled_back_change_emits_nothing_and_identical_events_of_one_hit_are_merged() throws Exception {
    String h = receiver.url("/merge");
    app.bind("ONTASKUPDATE", h);
    app.bind("ONTASKADD", h);
    long id = addTask(server.admin(), "merge");
    assertThat(receiver.next("/merge").event()).isEqualTo("ONTASKADD");
    Response failed = server.admin().call("probe.addthenfail", Map.of());
    assertThat(failed.status()).isEqualTo(400);
    // one hit (a batch) updating the same task twice: the handler gets one ONTASKUPDATE
    Response batch = server.admin().call("batch", Map.of("halt", 0, "cmd", Map.of(
        "a", "tasks.task.update?taskId=" + id + "&fields[TITLE]=one",
        "b", "tasks.task.update?taskId=" + id + "&fields[TITLE]=two")));
    assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
    long other = addTask(server.admin(), "marker");
    List<EventReceiver.Received> seen = new ArrayList<>();
    while (true) {
      EventReceiver.Received r = receiver.next("/merge");
      seen.add(r);
      if (r.event().equals("ONTASKADD")) break;
    }
    assertThat(seen).extracting(EventReceiver.Received::event).containsExactly("ONTASKUPDATE", "ONTASKADD");
    assertThat(seen.get(1).data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(other);
    // two separate calls are two hits: two events
    server.admin().call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "three")));
    server.admin().call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "four")));
    assertThat(receiver.next("/merge").event()).isEqualTo("ONTASKUPDATE");
    assertThat(receiver.next("/merge").event()).isEqualTo("ONTASKUPDATE");
  }

  @Test
  void bind_checks_arguments_in_the_portals_order_with_its_codes_and_texts() {
    assertError(app.call("event.bind", Map.of()), 400, "ERROR_ARGUMENT", "Argument 'EVENT' is null or empty");
    assertError(app.call("event.bind", Map.of("event", "ONTASKADD", "event_type", "sometimes")), 400,
        "ERROR_ARGUMENT", "Value must be one of {online|offline}");
    assertError(app.call("event.bind", Map.of("event", "ONTASKADD")), 400, "ERROR_ARGUMENT",
        "Argument 'HANDLER' is null or empty");
    assertError(app.call("event.bind", Map.of("event", "ONTASKADD", "handler", "http://nodot/x")), 400,
        "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
    assertError(app.call("event.bind", Map.of("event", "ONTASKADD", "handler", "ftp://example.com/x")), 400,
        "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
    assertError(app.call("event.bind", Map.of("event", "ONCRMDEALADD", "handler", "https://example.com/x")), 400,
        "ERROR_EVENT_NOT_FOUND", "Event not found");
    assertError(app.call("event.bind", Map.of("event", "ONOFFLINEEVENT", "event_type", "offline")), 400,
        "ERROR_ARGUMENT", "Offline event cannot be registered for this event.");
    assertThat(app.call("event.bind", Map.of("EVENT", "ontaskdelete", "HANDLER", "https://example.com/dup"))
        .result().asBoolean()).isTrue();
    assertError(app.call("event.bind", Map.of("event", "ONTASKDELETE", "handler", "https://example.com/dup")), 400,
        "ERROR_CORE", "Unable to set event handler: Handler already binded");
    // an app without the task scope does not see the task events
    assertThat(app.call("events", Map.of("SCOPE", "task")).result()).hasSize(6);
  }

  /** The delivery log once it holds {@code n} rows for the filter (they commit just after the handler answers). */
  static Response awaitLog(RestClient admin, Map<String, Object> filter, int n) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Response log = admin.call("b24tasks.event.log", filter);
      if (log.result() != null && log.result().size() >= n) return log;
      Thread.sleep(50);
    }
    throw new AssertionError("the delivery log never had " + n + " rows for " + filter);
  }

  static void assertError(Response r, int status, String code, String text) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.errorDescription()).isEqualTo(text);
  }

  @Test
  void get_lists_the_apps_handlers_unbind_counts_and_events_names_the_scopes() throws Exception {
    AppKit other = AppKit.install(server.admin(), receiver, "lister", List.of("user"));
    assertError(other.call("event.bind", Map.of("event", "ONTASKADD", "handler", "https://example.com/x")), 400,
        "ERROR_EVENT_NOT_FOUND", "Event not found");
    other.bind("ONAPPTEST", "https://example.com/a");
    assertThat(other.call("event.bind", Map.of("event", "ONAPPTEST", "event_type", "offline")).status())
        .isEqualTo(200);
    Response got = other.call("event.get", Map.of());
    assertThat(got.result().toString()).isEqualTo("[{\"event\":\"ONAPPTEST\",\"handler\":\"https://example.com/a\","
        + "\"auth_type\":\"0\",\"offline\":0},{\"event\":\"ONAPPTEST\",\"connector_id\":\"\",\"offline\":1}]");
    assertThat(other.call("events", Map.of()).result().toString())
        .isEqualTo("[\"ONAPPINSTALL\",\"ONAPPUPDATE\",\"ONAPPUNINSTALL\",\"ONAPPTEST\",\"ONOFFLINEEVENT\"]");
    assertThat(other.call("events", Map.of("SCOPE", "task")).result().toString()).isEqualTo("[\"ONTASKADD\","
        + "\"ONTASKUPDATE\",\"ONTASKDELETE\",\"ONTASKCOMMENTADD\",\"ONTASKCOMMENTUPDATE\",\"ONTASKCOMMENTDELETE\"]");
    assertThat(other.call("events", Map.of("FULL", true)).result()).hasSize(11);
    assertError(other.call("event.unbind", Map.of("event", "ONAPPTEST")), 400, "ERROR_ARGUMENT",
        "Argument 'HANDLER' is null or empty");
    Response un = other.call("event.unbind", Map.of("event", "onapptest", "handler", "https://example.com/a"));
    assertThat(un.result().toString()).isEqualTo("{\"count\":1}");
    assertThat(other.call("event.unbind", Map.of("event", "ONAPPTEST", "handler", "https://example.com/a"))
        .result().get("count").asInt()).isZero();
    assertThat(other.call("event.unbind", Map.of("event", "ONAPPTEST", "event_type", "offline")).result()
        .get("count").asInt()).isEqualTo(1);
    assertThat(other.call("event.get", Map.of()).result()).isEmpty();
  }

  @Test
  void event_test_sends_onapptest_with_the_query_to_the_apps_own_handlers() throws Exception {
    app.bind("ONAPPTEST", receiver.url("/apptest"));
    Response r = app.call("event.test", "{\"any\":\"thing\",\"n\":5}");
    assertThat(r.result().asInt()).isEqualTo(1);
    EventReceiver.Received got = receiver.next("/apptest");
    assertThat(got.event()).isEqualTo("ONAPPTEST");
    assertThat(got.data().toString()).isEqualTo("{\"QUERY\":{\"any\":\"thing\",\"n\":\"5\"},\"LANGUAGE_ID\":\"en\"}");
    assertThat(got.auth().has("refresh_token")).isTrue();
  }

  @Test
  void outgoing_webhooks_deliver_with_the_reduced_auth() throws Exception {
    Response made = server.admin().call("b24tasks.outgoing.add", Map.of("url", receiver.url("/outgoing"),
        "events", List.of("ONTASKADD")));
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    String token = made.result().get("applicationToken").asText();
    assertThat(token).matches("[0-9a-f]{32}");
    long id = addTask(server.admin(), "outgoing");
    EventReceiver.Received r = receiver.next("/outgoing");
    assertThat(r.data().get("FIELDS_AFTER").get("ID").asLong()).isEqualTo(id);
    List<String> keys = new ArrayList<>();
    r.auth().fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("domain", "client_endpoint", "server_endpoint", "member_id", "application_token");
    assertThat(r.auth().get("application_token").asText()).isEqualTo(token);
    assertThat(server.admin().call("b24tasks.outgoing.list", Map.of()).result().toString()).contains(token);
    assertThat(server.admin().call("b24tasks.outgoing.delete", Map.of("id", made.result().get("id").asLong()))
        .result().asBoolean()).isTrue();
    // the log has the delivery; the metrics count it
    // the log row commits with the delivery, just after the handler answered
    Response log = awaitLog(server.admin(), Map.of("handlerId", r.form().get("event_handler_id").asLong()), 1);
    assertThat(log.result().get(0).get("outcome").asText()).isEqualTo("delivered");
    assertThat(log.result().get(0).get("httpStatus").asInt()).isEqualTo(200);
    assertThat(log.result().get(0).get("answer").asText()).isEqualTo("answer 200");
    Response metrics = server.admin().raw("GET", "/metrics", null, null);
    assertThat(metrics.body()).contains("b24tasks_events_delivered_total").contains("b24tasks_events_queue_depth")
        .contains("b24tasks_events_lag_seconds");
  }
}
