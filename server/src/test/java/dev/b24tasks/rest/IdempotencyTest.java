package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.auth.Scopes;
import dev.b24tasks.store.Database;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write resent with the same {@code bx24_request_id} (as the JS SDK does after a 503 or a lost answer) is
 * applied once and answered with the first reply, also when the copies arrive at the same time; refused calls
 * are not remembered. The writing method here is a test method that inserts a row in its own transaction.
 */
class IdempotencyTest {
  @RegisterExtension static TestServer server = new TestServer();

  private static volatile CountDownLatch gate;
  private static final AtomicBoolean refuseNext = new AtomicBoolean();

  @BeforeAll
  static void testMethods() {
    Database db = server.app().db;
    db.tx(tx -> {
      tx.execute("CREATE TABLE idem_probe (id bigserial PRIMARY KEY, note text NOT NULL)");
      tx.execute("CREATE TABLE idem_counter (id int PRIMARY KEY, v int NOT NULL)");
      tx.update("INSERT INTO idem_counter VALUES (1, 0)");
      return null;
    });
    // Loses every serialization race: another session bumps the counter between its read and its write. A call's
    // transaction has read the portal state before its work runs, so it cannot become SERIALIZABLE itself; the
    // write here is checked against the value it read, and a lost race fails as PostgreSQL's own would (40001).
    server.app().registry.named("test.probe.contend", "task", call -> db.tx(tx -> {
      long v = tx.queryLong("SELECT v FROM idem_counter WHERE id = 1");
      tx.insert("INSERT INTO idem_probe (note) VALUES ('contended') RETURNING id");
      try (Connection other = DriverManager.getConnection(server.app().settings.databaseUrl);
          Statement st = other.createStatement()) {
        st.executeUpdate("UPDATE idem_counter SET v = v + 1 WHERE id = 1");
      }
      if (tx.update("UPDATE idem_counter SET v = ? WHERE id = 1 AND v = ?", v + 1000, v) == 0) {
        tx.execute("DO $$ BEGIN RAISE EXCEPTION 'lost the race' USING ERRCODE = '40001'; END $$");
      }
      return true;
    }));
    server.app().registry.named("test.probe.add", "task", call -> {
      String note = call.params().optString("note").orElse("");
      long id = db.tx(tx -> tx.insert("INSERT INTO idem_probe (note) VALUES (?) RETURNING id", note));
      CountDownLatch g = gate;
      if (g != null && note.equals("gated")) await(g);
      if (note.equals("flaky") && refuseNext.getAndSet(false)) throw RestException.literal("TEST_REFUSED", 400, "refused after writing");
      return Map.of("id", Long.toString(id), "at", Instant.now().toString(), "empty", Map.of());
    });
    server.app().registry.namedRead("test.probe.list", "task", call -> Page.of(
        db.read(tx -> tx.query("SELECT id FROM idem_probe ORDER BY id", rs -> rs.getLong(1))), 0, 50, 1));
    server.app().auth.createWebhook(1, Scopes.ALL, "othercode", null, "second webhook of the administrator");
  }

  private static Response add(RestClient c, String requestId, String note) {
    String query = requestId == null ? "" : "?bx24_request_id=" + requestId + "&bx24_sdk_ver=2.2.0";
    return c.call("test.probe.add" + query, Map.of("note", note));
  }

  private static long rows(String note) {
    return server.app().db.read(tx -> tx.queryLong("SELECT count(*) FROM idem_probe WHERE note = ?", note));
  }

  @Test
  void a_retried_batch_with_a_failing_command_keeps_the_others_and_is_applied_once() {
    String id = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("halt", 0, "cmd", Map.of("ok", "test.probe.add?note=batched",
        "bad", "tasks.task.start?taskId=987654321")); // refused inside its own unit
    Response first = server.admin().call("batch?bx24_request_id=" + id, body);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.result().get("result").has("ok")).as(first.toString()).isTrue();
    assertThat(first.result().get("result_error").has("bad")).as(first.toString()).isTrue();
    Response again = server.admin().call("batch?bx24_request_id=" + id, body);
    assertThat(again.result().get("result")).isEqualTo(first.result().get("result"));
    assertThat(rows("batched")).isEqualTo(1);
  }

  @Test
  void a_retried_write_is_applied_once_and_answered_with_the_first_reply() {
    String id = UUID.randomUUID().toString();
    Response first = add(server.admin(), id, "once");
    Response again = add(server.admin(), id, "once");
    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.result()).isEqualTo(first.result());
    assertThat(again.body()).contains("\"empty\":[]");
    assertThat(rows("once")).isEqualTo(1);
  }

  @Test
  void without_a_request_id_or_with_a_new_one_every_call_is_applied() {
    add(server.admin(), null, "plain");
    add(server.admin(), null, "plain");
    add(server.admin(), UUID.randomUUID().toString(), "plain");
    add(server.admin(), UUID.randomUUID().toString(), "plain");
    assertThat(rows("plain")).isEqualTo(4);
  }

  @Test
  void the_same_request_id_from_another_credential_is_another_call() {
    String id = UUID.randomUUID().toString();
    Response mine = add(server.admin(), id, "two-credentials");
    Response theirs = add(server.as(1, "othercode"), id, "two-credentials");
    assertThat(theirs.result().get("id")).isNotEqualTo(mine.result().get("id"));
    assertThat(rows("two-credentials")).isEqualTo(2);
  }

  @Test
  void a_refused_call_writes_nothing_and_is_not_remembered() {
    String id = UUID.randomUUID().toString();
    refuseNext.set(true);
    Response refused = add(server.admin(), id, "flaky");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("TEST_REFUSED");
    assertThat(rows("flaky")).isZero();
    Response retried = add(server.admin(), id, "flaky");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(rows("flaky")).isEqualTo(1);
    assertThat(add(server.admin(), id, "flaky").result()).isEqualTo(retried.result());
    assertThat(rows("flaky")).isEqualTo(1);
  }

  @Test
  void a_request_id_reused_with_other_parameters_is_not_a_retry() {
    String id = UUID.randomUUID().toString();
    add(server.admin(), id, "reused-a");
    add(server.admin(), id, "reused-b");
    assertThat(rows("reused-a")).isEqualTo(1);
    assertThat(rows("reused-b")).isEqualTo(1);
  }

  @Test
  void a_write_that_keeps_losing_races_is_a_503_overload_envelope_and_writes_nothing() {
    Response r = server.admin().call("test.probe.contend", null);
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.error()).isEqualTo("OVERLOAD_LIMIT");
    assertThat(r.errorDescription()).isEqualTo("REST API is blocked due to overload");
    assertThat(r.json().has("result")).isFalse();
    assertThat(rows("contended")).isZero();
    long v = server.app().db.read(tx -> tx.queryLong("SELECT v FROM idem_counter WHERE id = 1"));
    assertThat(v).as("only the other session's increments").isLessThan(1000);
  }

  @Test
  void reads_with_a_request_id_store_no_reply() {
    String id = UUID.randomUUID().toString();
    Response r = server.admin().call("test.probe.list?bx24_request_id=" + id, null);
    assertThat(r.status()).isEqualTo(200);
    long stored = server.app().db.read(tx -> tx.queryLong(
        "SELECT count(*) FROM request_replies WHERE request_id = ?", id));
    assertThat(stored).isZero();
  }

  @Test
  void copies_arriving_together_wait_for_the_first_and_replay_its_reply() throws Exception {
    gate = new CountDownLatch(1);
    String id = UUID.randomUUID().toString();
    int copies = 6;
    try (ExecutorService pool = Executors.newFixedThreadPool(copies)) {
      List<Future<Response>> replies = new ArrayList<>();
      for (int i = 0; i < copies; i++) replies.add(pool.submit(() -> add(server.admin(), id, "gated")));
      // the first copy holds its claim inside the gate; the others must be blocked on the claim's key
      waitForLockWaiters(copies - 1);
      gate.countDown();
      List<Response> done = new ArrayList<>();
      for (Future<Response> f : replies) done.add(f.get(60, TimeUnit.SECONDS));
      for (Response r : done) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.result()).isEqualTo(done.get(0).result());
      }
    } finally {
      gate = null;
    }
    assertThat(rows("gated")).isEqualTo(1);
  }

  /** Polls pg_stat_activity until {@code n} sessions of this server's database wait on a lock (60 s safety net). */
  private static void waitForLockWaiters(int n) throws Exception {
    String url = server.app().settings.databaseUrl;
    String dbName = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    try (Connection c = DriverManager.getConnection(TestPostgres.adminUrl());
        Statement st = c.createStatement()) {
      while (Instant.now().isBefore(deadline)) {
        var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + dbName
            + "' AND wait_event_type = 'Lock'");
        rs.next();
        if (rs.getInt(1) >= n) return;
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the duplicates never queued behind the first copy");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("gate never opened");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
