package dev.b24tasks.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** b24tasks.fault.*: the cloud's failures on demand, deterministic and shared by every node. */
class FaultsTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static long maria;

  @BeforeAll
  static void build() {
    org = new Org(server);
    maria = org.user("Maria", "Faulty");
  }

  @AfterEach
  void clear() {
    assertThat(server.admin().call("b24tasks.fault.clear", null).status()).isEqualTo(200);
  }

  private static long addFault(Map<String, Object> fields) {
    Response r = server.admin().call("b24tasks.fault.add", fields);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.result().get("ID").asLong();
  }

  private static Response addTask(RestClient c, String title) {
    return c.call("tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", maria)));
  }

  private static int count(String title) {
    Response r = server.admin().call("tasks.task.list", Map.of("filter", Map.of("TITLE", title), "select",
        List.of("ID")));
    return r.result().get("tasks").size();
  }

  @Test
  void errors_for_the_next_calls_then_normal_service() {
    long id = addFault(Map.of("METHOD", "tasks.task.add", "ERROR", "QUERY_LIMIT_EXCEEDED", "TIMES", 2));
    Response first = addTask(server.admin(), "limited");
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
    assertThat(addTask(server.admin(), "limited").status()).isEqualTo(503);
    assertThat(addTask(server.admin(), "limited").status()).isEqualTo(200);
    assertThat(count("limited")).isEqualTo(1);
    JsonNode listed = server.admin().call("b24tasks.fault.list", null).result().get(0);
    assertThat(listed.get("ID").asLong()).isEqualTo(id);
    assertThat(listed.get("FIRED").asInt()).isEqualTo(2);
    assertThat(listed.get("REMAINING").asInt()).isZero();
  }

  @Test
  void each_error_has_its_status_and_a_pattern_and_user_narrow_the_calls() {
    RestClient asMaria = org.as(maria);
    for (Object[] e : List.of(new Object[] {"OPERATION_TIME_LIMIT", 429}, new Object[] {"expired_token", 401},
        new Object[] {"INTERNAL_SERVER_ERROR", 500}, new Object[] {"QUERY_LIMIT_EXCEEDED", 503})) {
      addFault(Map.of("METHOD", "tasks.task.*", "USER_ID", maria, "ERROR", e[0], "TIMES", 1));
      assertThat(server.admin().call("tasks.task.list", Map.of()).status()).as("admin is not user %s", maria)
          .isEqualTo(200);
      assertThat(asMaria.call("user.current", null).status()).as("user.current does not match").isEqualTo(200);
      Response r = asMaria.call("tasks.task.list", Map.of());
      assertThat(r.status()).isEqualTo(e[1]);
      assertThat(r.error()).isEqualTo(e[0]);
      assertThat(asMaria.call("tasks.task.list", Map.of()).status()).isEqualTo(200);
    }
  }

  @Test
  void a_cut_before_the_commit_writes_nothing_and_a_cut_after_it_is_replayed_once() {
    RestClient admin = server.admin();
    addFault(Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_BEFORE", "TIMES", 1));
    assertThatThrownBy(() -> addTask(admin, "cut before")).isInstanceOf(UncheckedIOException.class);
    assertThat(count("cut before")).isZero();

    addFault(Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_AFTER", "TIMES", 1));
    String body = "{\"fields\":{\"TITLE\":\"cut after\",\"RESPONSIBLE_ID\":" + maria + "},"
        + "\"bx24_request_id\":\"retry-me-1\"}";
    assertThatThrownBy(() -> admin.call("tasks.task.add", body)).isInstanceOf(UncheckedIOException.class);
    assertThat(count("cut after")).isEqualTo(1); // it was written
    Response retry = admin.call("tasks.task.add", body);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(count("cut after")).isEqualTo(1); // and the retry with the same request id did not write it again
    Response journal = admin.call("b24tasks.journal.list", Map.of("FILTER", Map.of("METHOD", "tasks.task.add")));
    assertThat(journal.result().findValuesAsText("ERROR")).contains("CUT_AFTER", "CUT_BEFORE");
  }

  @Test
  void rest_3_0_calls_suffer_the_faults_in_their_own_form_and_the_journal_names_them_without_credentials() {
    RestClient admin = server.admin();
    Map<String, Object> get = Map.of("name", "id");
    for (Object[] e : List.of(new Object[] {"QUERY_LIMIT_EXCEEDED", 429, "BITRIX_REST_V3_EXCEPTION_RATELIMITEXCEPTION"},
        new Object[] {"OPERATION_TIME_LIMIT", 429, "BITRIX_REST_V3_EXCEPTION_RATELIMITEXCEPTION"},
        new Object[] {"INTERNAL_SERVER_ERROR", 500, "BITRIX_REST_V3_EXCEPTION_INTERNAL_INTERNALEXCEPTION"})) {
      addFault(Map.of("METHOD", "tasks.task.field.*", "ERROR", e[0], "TIMES", 1));
      Response r = admin.v3("tasks.task.field.get", get);
      assertThat(r.status()).as(r.body()).isEqualTo(e[1]);
      assertThat(r.json().at("/error/code").asText()).isEqualTo(e[2]);
      assertThat(admin.v3("tasks.task.field.get", get).status()).isEqualTo(200);
    }
    // an expired token is what every dialect's clients refresh on: the classic 401 body
    addFault(Map.of("METHOD", "tasks.task.field.get", "ERROR", "expired_token", "TIMES", 1));
    Response expired = admin.v3("tasks.task.field.get", get);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.error()).isEqualTo("expired_token");
    // a cut before the call writes nothing
    addFault(Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_BEFORE", "TIMES", 1));
    assertThatThrownBy(() -> admin.v3("tasks.task.add", Map.of("fields",
        Map.of("title", "v3 cut", "creatorId", 1, "responsibleId", maria)))).isInstanceOf(UncheckedIOException.class);
    assertThat(count("v3 cut")).isZero();
    Response journal = admin.call("b24tasks.journal.list", Map.of("FILTER", Map.of("METHOD", "api/*")));
    assertThat(journal.status()).as(journal.body()).isEqualTo(200);
    List<String> methods = journal.result().findValuesAsText("METHOD");
    assertThat(methods).contains("api/tasks.task.field.get", "api/tasks.task.add");
    assertThat(journal.body()).doesNotContain(TestServer.ADMIN_CODE);
    assertThat(journal.result().findValuesAsText("ERROR")).contains("CUT_BEFORE");
  }

  /** Which of {@code n} calls fail, calling {@code clients} in turn. */
  private static List<Integer> pattern(int n, List<RestClient> clients) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(clients.get(i % clients.size()).call("server.time", null).status());
    return out;
  }

  @Test
  void a_probability_with_a_seed_fails_the_same_calls_on_every_run_and_across_nodes() throws Exception {
    Map<String, Object> fault = Map.of("METHOD", "server.time", "ERROR", "INTERNAL_SERVER_ERROR",
        "PROBABILITY", 0.3, "SEED", 42);
    addFault(fault);
    List<Integer> one = pattern(30, List.of(server.admin()));
    assertThat(one).contains(500, 200);
    server.admin().call("b24tasks.fault.clear", null);
    addFault(fault);
    assertThat(pattern(30, List.of(server.admin()))).isEqualTo(one);

    try (App second = server.secondNode()) {
      RestClient there = new RestClient("http://127.0.0.1:" + second.port(), 1, TestServer.ADMIN_CODE);
      server.admin().call("b24tasks.fault.clear", null);
      addFault(fault); // added on the first node, seen by the second at its next call
      assertThat(pattern(30, List.of(server.admin(), there))).isEqualTo(one);
      there.call("b24tasks.fault.clear", null); // cleared on the second, gone on the first at once
      assertThat(pattern(10, List.of(server.admin()))).containsOnly(200);
    }
  }

  @Test
  void latency_alone_delays_and_counts() {
    addFault(Map.of("METHOD", "profile", "LATENCY_MS", 20, "TIMES", 2));
    assertThat(server.admin().call("profile", null).status()).isEqualTo(200);
    assertThat(server.admin().call("b24tasks.fault.list", null).result().get(0).get("FIRED").asInt()).isEqualTo(1);
  }

  @Test
  void bad_faults_are_clear_400s_and_only_administrators_may_set_them() {
    RestClient admin = server.admin();
    Response none = admin.call("b24tasks.fault.add", Map.of("METHOD", "crm.deal.*", "ERROR", "QUERY_LIMIT_EXCEEDED"));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.error()).isEqualTo("INVALID_ARGUMENT");
    assertThat(none.errorDescription()).contains("crm.deal.*").contains("matches no method");
    Response badError = admin.call("b24tasks.fault.add", Map.of("METHOD", "tasks.task.add", "ERROR", "TEAPOT"));
    assertThat(badError.errorDescription()).contains("TEAPOT").contains("CUT_AFTER");
    assertThat(admin.call("b24tasks.fault.add", Map.of("METHOD", "tasks.task.add")).status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.fault.add", Map.of("ERROR", "CUT_AFTER")).status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.fault.add", Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_AFTER",
        "PROBABILITY", 2)).status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.fault.add", Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_AFTER",
        "TIMES", 0)).status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.fault.add", Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_AFTER",
        "LATENCY_MS", "x")).status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.fault.add", Map.of("METHOD", "b24tasks.fault.clear", "ERROR", "CUT_AFTER"))
        .status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.fault.clear", Map.of("ID", 999999)).status()).isEqualTo(400);
    // a wildcard never reaches the portal controls, so a suite can always clear what it set
    addFault(Map.of("METHOD", "*", "ERROR", "INTERNAL_SERVER_ERROR"));
    assertThat(admin.call("server.time", null).status()).isEqualTo(500);
    assertThat(admin.call("b24tasks.fault.list", null).status()).isEqualTo(200);
    admin.call("b24tasks.fault.clear", null);
    for (String m : List.of("b24tasks.fault.add", "b24tasks.fault.list", "b24tasks.fault.clear")) {
      Response denied = org.as(maria).call(m, Map.of("METHOD", "tasks.task.add", "ERROR", "CUT_AFTER"));
      assertThat(denied.status()).as(m).isEqualTo(403);
      assertThat(denied.error()).as(m).isEqualTo("ACCESS_DENIED");
    }
  }
}
