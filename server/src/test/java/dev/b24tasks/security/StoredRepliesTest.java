package dev.b24tasks.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * M1, M4, m25, m30: what {@code request_replies} keeps. No secret is stored; replies are swept once a minute and
 * forgotten by a reset; a retried batch that writes is applied once; a number Jackson cannot write plainly does
 * not break the call hash.
 */
class StoredRepliesTest {
  static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @RegisterExtension static TestServer server = new TestServer(s -> s.clock = clock);

  private static RestClient admin() {
    return server.admin();
  }

  @BeforeEach
  void forgetReplies() {
    server.app().db.tx(tx -> tx.update("DELETE FROM request_replies"));
  }

  private static List<String> storedReplies() {
    return server.app().db.read(tx -> tx.query("SELECT coalesce(reply, '') FROM request_replies", rs -> rs.getString(1)));
  }

  private static long count(String requestId) {
    Long n = server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM request_replies WHERE request_id = ?",
        requestId));
    return n;
  }

  private static Response withId(String method, Map<String, Object> params, String requestId) {
    var body = new java.util.LinkedHashMap<String, Object>(params);
    body.put("bx24_request_id", requestId);
    return admin().call(method, body);
  }

  @Test
  void webhook_codes_and_access_tokens_are_never_stored_in_replies() {
    Response hook = withId("b24tasks.webhook.add", Map.of("USER_ID", 1), "hook-1");
    assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
    String code = hook.result().get("CODE").asText();
    Response token = withId("b24tasks.token.add", Map.of("USER_ID", 1), "token-1");
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    String accessToken = token.result().get("access_token").asText();
    Response batch = withId("batch", Map.of("cmd", Map.of("h", "b24tasks.webhook.add?USER_ID=1")), "batch-hook-1");
    String batchCode = batch.result().get("result").get("h").get("CODE").asText();
    for (String reply : storedReplies()) {
      assertThat(reply).doesNotContain(code).doesNotContain(accessToken).doesNotContain(batchCode);
    }
    // and the credentials work
    assertThat(admin().as(1, code).call("server.time", null).status()).isEqualTo(200);
    assertThat(admin().raw("GET", "/rest/server.time?auth=" + accessToken, null, null).status()).isEqualTo(200);
  }

  @Test
  void replies_are_swept_once_a_minute_on_the_next_protected_call() {
    Map<String, Object> fields = Map.of("fields", Map.of("TITLE", "kept a while", "RESPONSIBLE_ID", 1));
    assertThat(withId("tasks.task.add", fields, "old-1").status()).isEqualTo(200);
    assertThat(storedReplies()).hasSize(1);
    clock.advance(Duration.ofMinutes(11));
    assertThat(withId("tasks.task.add", fields, "new-1").status()).isEqualTo(200);
    assertThat(storedReplies()).as("the reply past the 10-minute window is gone").hasSize(1);
    assertThat(count("old-1")).isZero();
  }

  @Test
  void a_reset_forgets_the_replies_but_its_own_so_a_retried_reset_replays() {
    Map<String, Object> fields = Map.of("fields", Map.of("TITLE", "before reset", "RESPONSIBLE_ID", 1));
    Response first = withId("tasks.task.add", fields, "pre-reset");
    Response reset = withId("b24tasks.reset", Map.of(), "reset-1");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    List<String> ids = server.app().db.read(tx -> tx.query("SELECT request_id FROM request_replies",
        rs -> rs.getString(1)));
    assertThat(ids).containsExactly("reset-1");
    Response again = withId("b24tasks.reset", Map.of(), "reset-1");
    assertThat(again.result()).isEqualTo(reset.result());
    // the task add retried after the reset runs again rather than replaying an id that no longer exists
    Response retried = withId("tasks.task.add", fields, "pre-reset");
    assertThat(retried.status()).isEqualTo(200);
    JsonNode task = admin().call("tasks.task.get", Map.of("taskId", retried.result().get("task").get("id").asLong()))
        .result().get("task");
    assertThat(task.get("title").asText()).isEqualTo("before reset");
    assertThat(first.status()).isEqualTo(200);
  }

  @Test
  void a_retried_batch_with_writes_is_applied_once_and_replays_its_answer() {
    Map<String, Object> cmd = Map.of("cmd", Map.of(
        "a", "tasks.task.add?fields[TITLE]=from batch&fields[RESPONSIBLE_ID]=1",
        "b", "tasks.task.get?taskId=$result[a][task][id]"));
    long before = admin().call("tasks.task.list", Map.of()).json().get("total").asLong();
    Response first = withId("batch", cmd, "batch-1");
    Response second = withId("batch", cmd, "batch-1");
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.result()).isEqualTo(first.result());
    assertThat(admin().call("tasks.task.list", Map.of()).json().get("total").asLong()).isEqualTo(before + 1);
    // a batch of reads stores nothing
    withId("batch", Map.of("cmd", Map.of("t", "server.time", "l", "tasks.task.list")), "batch-reads");
    assertThat(count("batch-reads")).isZero();
  }

  @Test
  void a_number_that_cannot_be_written_plainly_does_not_break_a_protected_call() {
    Response r = admin().call("tasks.task.add", "{\"fields\":{\"TITLE\":\"huge\",\"RESPONSIBLE_ID\":1,"
        + "\"TIME_ESTIMATE\":1e10000},\"bx24_request_id\":\"huge-1\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }
}
