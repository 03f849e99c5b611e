package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.ServerProcess;
import dev.b24tasks.testing.TestPostgres;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server process is killed with SIGKILL while clients write; started again on the same data, every call that
 * was answered with success is there, and no call that was refused left anything behind. On the embedded store (the
 * data folder) and on an external PostgreSQL.
 */
class CrashIT {
  /** What the clients were told; calls cut off by the crash are in neither map and may have gone either way. */
  static final class Ledger {
    final Map<Long, String> added = new ConcurrentHashMap<>();
    final Map<Long, Integer> addedStatus = new ConcurrentHashMap<>();
    final Map<Long, Boolean> started = new ConcurrentHashMap<>();
    final Map<Long, Boolean> startRefused = new ConcurrentHashMap<>();
    final Map<Long, Boolean> approveRefused = new ConcurrentHashMap<>();
  }

  @Test
  void the_embedded_store_keeps_every_acknowledged_write_across_a_sigkill() throws Exception {
    crashAndCheck(Files.createTempDirectory("b24-crash-embedded").resolve("data"), null);
  }

  @Test
  void an_external_postgresql_keeps_every_acknowledged_write_across_a_sigkill() throws Exception {
    String url = TestPostgres.newDatabase();
    try {
      crashAndCheck(Files.createTempDirectory("b24-crash-external").resolve("data"), url);
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  private static void crashAndCheck(Path data, String url) throws Exception {
    Ledger ledger = new Ledger();
    ServerProcess server = ServerProcess.start(data, url);
    CountDownLatch enough = new CountDownLatch(40);
    try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        running.add(writers.submit(() -> write(server.admin(), writer, ledger, enough)));
      }
      assertThat(enough.await(5, TimeUnit.MINUTES)).as("writes before the crash").isTrue();
      server.kill();
      for (Future<?> f : running) f.get(5, TimeUnit.MINUTES);
    }
    // pg_ctl runs the embedded PostgreSQL detached, so it outlives the killed server and still holds the folder:
    // the next server must notice that no server owns it any more and take the folder over.
    try (ServerProcess again = ServerProcess.start(data, url)) {
      RestClient c = again.admin();
      assertThat(ledger.added).hasSizeGreaterThanOrEqualTo(40);
      for (var e : ledger.added.entrySet()) {
        Response r = c.call("tasks.task.get", Map.of("taskId", e.getKey()));
        assertThat(r.status()).as("acknowledged task %d after the crash", e.getKey()).isEqualTo(200);
        assertThat(r.result().get("task").get("title").asText()).isEqualTo(e.getValue());
        int status = r.result().get("task").get("status").asInt();
        if (ledger.started.containsKey(e.getKey())) {
          assertThat(status).as("acknowledged start of task %d", e.getKey()).isEqualTo(3);
        } else if (ledger.startRefused.containsKey(e.getKey())) {
          assertThat(status).as("refused start of task %d", e.getKey()).isEqualTo(ledger.addedStatus.get(e.getKey()));
        }
      }
      for (long id : ledger.approveRefused.keySet()) {
        Response r = c.call("tasks.task.get", Map.of("taskId", id));
        assertThat(r.result().get("task").get("status").asInt()).as("refused approve of task %d", id).isNotEqualTo(5);
      }
    }
  }

  /** add, start, then an approve the rules refuse (nothing awaits approval), until the server dies. */
  private static Object write(RestClient c, int writer, Ledger ledger, CountDownLatch enough) {
    try {
      for (int n = 0; ; n++) {
        String title = "crash " + writer + "-" + n;
        Response added = c.call("tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", 1)));
        if (added.status() != 200) continue;
        long id = added.result().get("task").get("id").asLong();
        ledger.added.put(id, title);
        ledger.addedStatus.put(id, added.result().get("task").get("status").asInt());
        enough.countDown();
        Response started = c.call("tasks.task.start", Map.of("taskId", id));
        if (started.status() == 200) ledger.started.put(id, true);
        else if (started.status() == 400) ledger.startRefused.put(id, true);
        Response approved = c.call("tasks.task.approve", Map.of("taskId", id));
        assertThat(approved.status()).as("approve of a task in progress").isNotEqualTo(200);
        if (approved.status() == 400) ledger.approveRefused.put(id, true);
      }
    } catch (UncheckedIOException crashed) {
      return null; // the server is gone: this call's outcome is unknown
    }
  }
}
