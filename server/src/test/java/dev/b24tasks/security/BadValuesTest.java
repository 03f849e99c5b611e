package dev.b24tasks.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * M3 and the store's refusals: a NUL character anywhere, a value PostgreSQL cannot hold, a duplicate or dangling
 * reference, and a statement that runs past statement_timeout all answer a Bitrix-style error, never a 500.
 */
class BadValuesTest {
  @RegisterExtension
  static TestServer server = new TestServer(s -> s.statementTimeoutMillis = 300, r -> {
    r.named("test.sleep", "basic", call -> BadValuesTest.server.app().db.tx(tx -> tx.queryOne("SELECT pg_sleep(5)", rs -> true)));
    r.named("test.duplicate", "basic", call -> BadValuesTest.server.app().db.tx(tx -> {
      tx.update("INSERT INTO rate_buckets (credential_key, level, updated_at) VALUES ('dup', 0, now())");
      return tx.update("INSERT INTO rate_buckets (credential_key, level, updated_at) VALUES ('dup', 0, now())");
    }));
    r.named("test.dangling", "basic", call -> BadValuesTest.server.app().db.tx(tx ->
        tx.update("INSERT INTO task_favorites (user_id, task_id) VALUES (1, 987654321)")));
  });

  private static RestClient c() {
    return server.admin();
  }

  private static void assertNul(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("INVALID_REQUEST");
    assertThat(r.errorDescription()).contains("NUL");
  }

  @Test
  void a_nul_character_in_any_encoding_or_key_is_a_400_before_any_method_runs() {
    assertNul(c().call("tasks.task.add", "{\"fields\":{\"TITLE\":\"a\\u0000b\",\"RESPONSIBLE_ID\":1}}"));
    assertNul(c().call("tasks.task.add", "{\"fields\":{\"TI\\u0000TLE\":\"ab\",\"RESPONSIBLE_ID\":1}}"));
    assertNul(c().form("tasks.task.add", "fields[TITLE]=a%00b&fields[RESPONSIBLE_ID]=1"));
    assertNul(c().form("tasks.task.list", "filter[%25TITLE]=%00"));
    Response inQuery = c().get("tasks.task.list?filter[%25TITLE]=%00"); // Helidon itself refuses it in a URL
    assertThat(inQuery.status()).as(inQuery.toString()).isEqualTo(400);
    assertThat(inQuery.error()).isEqualTo("INVALID_REQUEST");
    assertNul(c().call("task.commentitem.add", "[1, {\"POST_MESSAGE\": \"x\\u0000\"}]"));
    String boundary = "nulboundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fields[TITLE]\"\r\n\r\na\u0000b\r\n--"
        + boundary + "--\r\n";
    assertNul(c().raw("POST", "/rest/1/" + TestServer.ADMIN_CODE + "/tasks.task.add",
        "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8)));
    // nothing was stored
    assertThat(c().call("tasks.task.list", Map.of()).json().get("total").asLong()).isZero();
  }

  @Test
  void a_value_out_of_the_stores_range_is_a_400() {
    Response r = c().call("tasks.task.add", Map.of("fields", Map.of("TITLE", "far", "RESPONSIBLE_ID", 1,
        "DEADLINE", "+999999-01-01T00:00:00+00:00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("ERROR_ARGUMENT");
    assertThat(r.body()).doesNotContain("SQL").doesNotContain("timestamp");
    r = c().call("tasks.task.list", Map.of("filter", Map.of(">DEADLINE", "+999999-01-01T00:00:00+00:00")));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
  }

  @Test
  void unique_and_foreign_key_violations_are_400_without_sql_in_the_text() {
    Response dup = c().call("test.duplicate", null);
    assertThat(dup.status()).as(dup.toString()).isEqualTo(400);
    assertThat(dup.error()).isEqualTo("ERROR_ARGUMENT");
    assertThat(dup.errorDescription()).contains("duplicates").doesNotContain("rate_buckets");
    Response dangling = c().call("test.dangling", null);
    assertThat(dangling.status()).as(dangling.toString()).isEqualTo(400);
    assertThat(dangling.errorDescription()).contains("does not exist").doesNotContain("task_favorites");
  }

  @Test
  void a_statement_past_the_time_limit_answers_overload_and_the_connection_is_usable_again() {
    Response r = c().call("test.sleep", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(503);
    assertThat(r.error()).isEqualTo("OVERLOAD_LIMIT");
    assertThat(r.errorDescription()).contains("time limit");
    // the pool's connections are fine afterwards
    for (int i = 0; i < 10; i++) assertThat(c().call("tasks.task.list", Map.of()).status()).isEqualTo(200);
    assertThat(c().call("task.item.list", List.of()).status()).isEqualTo(200);
  }

  @Test
  void wildcards_in_a_department_name_search_are_literal() {
    // the portal's one department is "Company": "_" and "%" are characters to look for, not patterns
    Response any = c().call("user.search", Map.of("FILTER", Map.of("UF_DEPARTMENT_NAME", "_")));
    assertThat(any.status()).as(any.toString()).isEqualTo(200);
    assertThat(any.json().get("total").asLong()).isZero();
    assertThat(c().call("user.search", Map.of("FILTER", Map.of("UF_DEPARTMENT_NAME", "%"))).json().get("total")
        .asLong()).isZero();
    assertThat(c().call("user.search", Map.of("FILTER", Map.of("UF_DEPARTMENT_NAME", "ompan"))).json().get("total")
        .asLong()).isPositive();
  }
}
