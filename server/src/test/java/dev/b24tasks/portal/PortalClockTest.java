package dev.b24tasks.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.App;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** b24tasks.clock.*: one clock for the whole portal, in the database, followed by everything that reads time. */
class PortalClockTest {
  @RegisterExtension static TestServer server = new TestServer();
  @RegisterExtension static TestServer limited = new TestServer(s -> s.rateLimit = "standard");

  static Org org;
  static long maria;

  @BeforeAll
  static void build() {
    org = new Org(server);
    maria = org.user("Maria", "Clockwise");
  }

  @AfterEach
  void realTime() {
    assertThat(server.admin().call("b24tasks.clock.reset", null).status()).isEqualTo(200);
  }

  @Test
  void a_fixed_clock_is_what_server_time_and_new_tasks_say() {
    RestClient admin = server.admin();
    Response set = admin.call("b24tasks.clock.set", Map.of("TIME", "2031-03-04T05:06:07Z"));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.result().get("MODE").asText()).isEqualTo("fixed");
    assertThat(set.result().get("TIME").asText()).isEqualTo("2031-03-04T05:06:07Z");
    Instant serverTime = OffsetDateTime.parse(admin.call("server.time", null).result().asText()).toInstant();
    assertThat(serverTime).isEqualTo(Instant.parse("2031-03-04T05:06:07Z"));

    long id = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "dated", "RESPONSIBLE_ID", 1)))
        .result().get("task").get("id").asLong();
    String created = admin.call("tasks.task.get", Map.of("taskId", id, "select", List.of("ID", "CREATED_DATE")))
        .result().get("task").get("createdDate").asText();
    assertThat(OffsetDateTime.parse(created).toInstant()).isEqualTo(Instant.parse("2031-03-04T05:06:07Z"));

    // the answers' time blocks live on the portal's clock too (classic, batch commands, REST 3.0); a stopped clock
    // still shows the real time a call took
    for (var time : List.of(admin.call("server.time", null).json().get("time"),
        admin.call("batch", Map.of("cmd", Map.of("t", "server.time"))).result().get("result_time").get("t"),
        admin.v3("tasks.task.field.get", Map.of("name", "id")).json().get("time"))) {
      assertThat(OffsetDateTime.parse(time.get("date_start").asText()).toInstant())
          .isEqualTo(Instant.parse("2031-03-04T05:06:07Z"));
      assertThat(time.get("start").decimalValue().longValue()).isEqualTo(Instant.parse("2031-03-04T05:06:07Z")
          .getEpochSecond());
      assertThat(time.get("duration").doubleValue()).isPositive();
    }

    Response adv = admin.call("b24tasks.clock.advance", Map.of("SECONDS", 90));
    assertThat(adv.result().get("TIME").asText()).isEqualTo("2031-03-04T05:07:37Z");
    assertThat(admin.call("b24tasks.clock.get", null).result().get("TIME").asText()).isEqualTo("2031-03-04T05:07:37Z");
  }

  @Test
  void deadlines_become_almost_overdue_then_overdue_as_the_clock_advances() {
    RestClient admin = server.admin();
    admin.call("b24tasks.clock.set", Map.of("TIME", "2031-06-01T09:00:00Z"));
    long id = admin.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "due in two days", "RESPONSIBLE_ID", 1,
        "DEADLINE", "2031-06-03T09:00:00Z"))).result().get("task").get("id").asLong();
    assertThat(idsWithStatus(-3)).doesNotContain(id);
    assertThat(idsWithStatus(-1)).doesNotContain(id);
    admin.call("b24tasks.clock.advance", Map.of("SECONDS", 36 * 3600)); // 12 hours before the deadline
    assertThat(idsWithStatus(-3)).contains(id);
    assertThat(idsWithStatus(-1)).doesNotContain(id);
    admin.call("b24tasks.clock.advance", Map.of("SECONDS", 13 * 3600)); // an hour past it
    assertThat(idsWithStatus(-1)).contains(id);
  }

  private List<Long> idsWithStatus(int meta) {
    Response r = server.admin().call("tasks.task.list", Map.of("filter", Map.of("STATUS", meta), "select",
        List.of("ID")));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.result().get("tasks").findValues("id").stream().map(n -> n.asLong()).toList();
  }

  @Test
  void tokens_expire_when_the_portal_clock_passes_their_lifetime() {
    RestClient admin = server.admin();
    admin.call("b24tasks.clock.set", Map.of("TIME", "2031-01-01T00:00:00Z", "MODE", "offset"));
    String token = admin.call("b24tasks.token.add", Map.of("USER_ID", maria)).result().get("access_token").asText();
    byte[] body = ("{\"auth\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(admin.raw("POST", "/rest/user.current.json", "application/json", body).status()).isEqualTo(200);
    admin.call("b24tasks.clock.advance", Map.of("SECONDS", 3601));
    Response expired = admin.raw("POST", "/rest/user.current.json", "application/json", body);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.error()).isEqualTo("expired_token");
  }

  @Test
  void a_second_node_on_the_same_database_sees_the_clock_at_once() throws Exception {
    try (App second = server.secondNode()) {
      RestClient other = new RestClient("http://127.0.0.1:" + second.port(), 1, TestServer.ADMIN_CODE);
      for (String t : List.of("2032-02-02T02:02:02Z", "2033-03-03T03:03:03Z")) {
        server.admin().call("b24tasks.clock.set", Map.of("TIME", t));
        Instant seen = OffsetDateTime.parse(other.call("server.time", null).result().asText()).toInstant();
        assertThat(seen).isEqualTo(Instant.parse(t));
      }
      // and the other way round: the second node moves it, the first one follows
      other.call("b24tasks.clock.advance", Map.of("SECONDS", 10));
      assertThat(server.admin().call("b24tasks.clock.get", null).result().get("TIME").asText())
          .isEqualTo("2033-03-03T03:03:13Z");
    }
  }

  @Test
  void an_offset_clock_runs_on_from_the_time_it_was_set_to() {
    Response r = server.admin().call("b24tasks.clock.set", Map.of("TIME", "2040-01-01T00:00:00Z", "MODE", "offset"));
    assertThat(r.result().get("MODE").asText()).isEqualTo("offset");
    Instant t = Instant.parse(server.admin().call("b24tasks.clock.get", null).result().get("TIME").asText());
    assertThat(t).isAfterOrEqualTo(Instant.parse("2040-01-01T00:00:00Z")).isBefore(Instant.parse("2040-01-02T00:00:00Z"));
    Response reset = server.admin().call("b24tasks.clock.reset", null);
    assertThat(reset.result().get("MODE").asText()).isEqualTo("real");
  }

  @Test
  void bad_input_is_a_clear_400_and_only_administrators_may_touch_the_clock() {
    RestClient admin = server.admin();
    Response r = admin.call("b24tasks.clock.set", Map.of("TIME", "tomorrow at noon"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("INVALID_ARGUMENT");
    assertThat(r.errorDescription()).contains("tomorrow at noon").contains("ISO-8601");
    assertThat(admin.call("b24tasks.clock.set", Map.of()).status()).isEqualTo(400);
    assertThat(admin.call("b24tasks.clock.set", Map.of("TIME", "2030-01-01T00:00:00Z", "MODE", "slow")).status())
        .isEqualTo(400);
    assertThat(admin.call("b24tasks.clock.advance", Map.of("SECONDS", "soon")).error()).isEqualTo("INVALID_ARGUMENT");
    for (String m : List.of("b24tasks.clock.get", "b24tasks.clock.set", "b24tasks.clock.advance",
        "b24tasks.clock.reset")) {
      Response denied = org.as(maria).call(m, Map.of("TIME", "2030-01-01T00:00:00Z", "SECONDS", 5));
      assertThat(denied.status()).as(m).isEqualTo(403);
      assertThat(denied.error()).as(m).isEqualTo("ACCESS_DENIED");
    }
  }

  @Test
  void the_rate_limit_bucket_drains_as_the_portal_clock_runs() {
    RestClient admin = limited.admin();
    // a second administrator webhook moves the clock: buckets are per credential
    String code = admin.call("b24tasks.webhook.add", Map.of("USER_ID", 1, "CODE", "clock-keeper")).result()
        .get("CODE").asText();
    RestClient keeper = admin.as(1, code);
    assertThat(keeper.call("b24tasks.clock.set", Map.of("TIME", "2039-01-01T00:00:00Z")).status()).isEqualTo(200);
    int accepted = 0;
    while (accepted < 100 && admin.call("server.time", null).status() == 200) accepted++;
    assertThat(accepted).isEqualTo(50); // the whole burst, and not one drop drained while time stood still
    assertThat(admin.call("server.time", null).error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
    keeper.call("b24tasks.clock.advance", Map.of("SECONDS", 2)); // 2 drops a second
    int after = 0;
    while (after < 100 && admin.call("server.time", null).status() == 200) after++;
    assertThat(after).isEqualTo(4);
    keeper.call("b24tasks.clock.reset", null);
  }

  @Test
  void the_clock_option_of_serve_parses_fixed_offset_and_real() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(PortalClock.parse("fixed:2027-01-31T09:00:00Z", now).fixed()).isEqualTo(Instant.parse("2027-01-31T09:00:00Z"));
    assertThat(PortalClock.parse("offset:-86400", now).offsetMillis()).isEqualTo(-86_400_000L);
    assertThat(PortalClock.parse("offset:PT2H", now).offsetMillis()).isEqualTo(7_200_000L);
    assertThat(PortalClock.parse("real", now).isReal()).isTrue();
    assertThatThrownBy(() -> PortalClock.parse("fixed:yesterday", now))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--clock");
  }
}
