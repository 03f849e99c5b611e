package dev.b24tasks.rest;

import static dev.b24tasks.rest.ParamDecodingTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The basic helpers (bitrix-tasks-api.md §1.9), the time block, /health and /metrics. */
class SystemMethodsTest {
  @RegisterExtension static TestServer server = new TestServer();

  private static RestClient userOnly() {
    return server.as(1, server.app().auth.createWebhook(1, List.of("user"), null, null, "user only"));
  }

  @Test
  void methods_lists_lower_case_names_the_caller_may_call_or_all_or_one_scope() {
    Response r = userOnly().get("methods");
    List<String> mine = texts(r.result());
    assertThat(mine).contains("batch", "methods", "method.get", "scope", "server.time", "profile", "user.current");
    assertThat(mine).allMatch(n -> n.equals(n.toLowerCase()));
    List<String> user = texts(server.admin().get("methods?scope=user").result());
    // scope "user" holds the directory's user.* methods; none of another scope
    assertThat(user).contains("user.current").allMatch(n -> n.startsWith("user."));
    List<String> full = texts(userOnly().get("methods?full=true").result());
    assertThat(full).containsAll(mine);
  }

  @Test
  void method_get_reports_existence_and_availability_for_this_credential() {
    RestClient c = server.as(1, server.app().auth.createWebhook(1, List.of("task"), null, null, "task only"));
    Response r = c.call("method.get", Map.of("name", "user.current"));
    assertThat(names(r.result())).containsExactly("isExisting", "isAvailable");
    assertThat(r.result().get("isExisting").asBoolean()).isTrue();
    assertThat(r.result().get("isAvailable").asBoolean()).isFalse();
    Response empty = c.call("method.get", Map.of());
    assertThat(empty.result().get("isExisting").asBoolean()).isFalse();
    assertThat(empty.result().get("isAvailable").asBoolean()).isFalse();
  }

  @Test
  void scope_lists_the_credentials_scopes_or_all_with_full() {
    assertThat(texts(userOnly().get("scope").result())).containsExactly("user");
    List<String> all = texts(userOnly().get("scope?full=true").result());
    assertThat(all).contains("basic", "user");
  }

  @Test
  void server_time_is_an_iso_date_with_offset() {
    assertThat(server.admin().get("server.time").result().asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
  }

  @Test
  void profile_and_user_current_describe_the_caller() {
    JsonNode p = server.admin().get("profile").result();
    assertThat(names(p)).contains("ID", "ADMIN", "NAME", "LAST_NAME", "PERSONAL_GENDER", "TIME_ZONE");
    assertThat(p.get("ID").isTextual()).isTrue();
    assertThat(p.get("ID").asText()).isEqualTo("1");
    assertThat(p.get("ADMIN").isBoolean()).isTrue();
    assertThat(p.get("ADMIN").asBoolean()).isTrue();

    JsonNode u = server.admin().get("user.current").result();
    assertThat(names(u)).contains("ID", "ACTIVE", "NAME", "LAST_NAME", "EMAIL", "LAST_LOGIN", "DATE_REGISTER",
        "IS_ONLINE", "PERSONAL_GENDER", "PERSONAL_BIRTHDAY", "WORK_POSITION", "UF_EMPLOYMENT_DATE", "UF_DEPARTMENT");
    assertThat(u.get("ID").asText()).isEqualTo("1");
    assertThat(u.get("ACTIVE").isBoolean()).isTrue();
    assertThat(u.get("UF_DEPARTMENT").isArray()).isTrue();
    assertThat(u.get("DATE_REGISTER").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
  }

  @Test
  void time_operating_grows_with_each_call_and_operating_reset_at_is_a_unix_time_ten_minutes_ahead() {
    RestClient c = server.as(1, server.app().auth.createWebhook(1, Scopes.ALL, null, null, "timing"));
    long before = System.currentTimeMillis() / 1000;
    Response first = c.get("server.time");
    JsonNode t1 = first.json().get("time");
    // written as PHP does, never in exponent form: "start":1758188171.142611
    assertThat(first.body()).containsPattern("\"start\":\\d{10}\\.\\d{6},\"finish\":\\d{10}\\.\\d{6},")
        .doesNotContainPattern("\\d[eE][+-]?\\d");
    JsonNode t2 = c.get("server.time").json().get("time");
    long after = System.currentTimeMillis() / 1000;
    assertThat(t2.get("operating").asDouble()).isGreaterThan(t1.get("operating").asDouble());
    assertThat(t1.get("operating_reset_at").isIntegralNumber()).isTrue();
    assertThat(t1.get("operating_reset_at").asLong()).isBetween(before + 600, after + 600);
    assertThat(t1.get("start").asDouble()).isBetween((double) before, (double) after + 1);
    assertThat(t1.get("duration").asDouble()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void a_call_shows_up_in_metrics_by_method_and_status() {
    server.admin().get("profile");
    server.admin().get("no.such.method");
    Response m = server.admin().raw("GET", "/metrics", null, null);
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.body()).containsPattern("rest_requests_seconds_count\\{method=\"profile\",status=\"200\"} \\d");
    assertThat(m.body()).contains("rest_requests_seconds_count{method=\"unknown\",status=\"404\"}");
    assertThat(m.body()).doesNotContain("no.such.method");
  }

  @Test
  void health_is_up() {
    Response h = server.admin().raw("GET", "/health", null, null);
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.json().get("status").asText()).isEqualTo("UP");
  }

  static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }
}
