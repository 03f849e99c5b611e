package dev.b24tasks.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.ServerProcess;
import dev.b24tasks.testing.TestPostgres;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server process is killed with SIGKILL while a handler receives a stream of ONTASKADD events (and a backlog
 * waits in the outbox); started again, every task the database holds, so every committed change, has had its
 * event delivered.
 */
class EventsCrashIT {
  @Test
  void on_an_external_postgresql_every_committed_change_has_its_event_delivered_across_a_sigkill() throws Exception {
    String url = TestPostgres.newDatabase();
    try {
      crashAndCheck(Files.createTempDirectory("b24-events-crash").resolve("data"), url);
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  @Test
  void on_the_embedded_store_every_committed_change_has_its_event_delivered_across_a_sigkill() throws Exception {
    crashAndCheck(Files.createTempDirectory("b24-events-crash-embedded").resolve("data"), null);
  }

  private static void crashAndCheck(Path data, String url) throws Exception {
    Set<Long> delivered = ConcurrentHashMap.newKeySet();
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    try (EventReceiver handler = new EventReceiver()) {
      handler.answer(r -> {
        delivered.add(r.data().get("FIELDS_AFTER").get("ID").asLong());
        try {
          Thread.sleep(300); // a handler slower than the writers, so a backlog waits in the outbox at the kill
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 200;
      });
      ServerProcess server = ServerProcess.start(data, url);
      Response made = server.admin().call("b24tasks.outgoing.add", Map.of("url", handler.url("/crash"),
          "events", List.of("ONTASKADD")));
      assertThat(made.status()).as(made.toString()).isEqualTo(200);
      CountDownLatch enough = new CountDownLatch(80);
      try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          int writer = w;
          running.add(writers.submit(() -> write(server.admin(), writer, acknowledged, enough)));
        }
        assertThat(enough.await(5, TimeUnit.MINUTES)).as("writes before the crash").isTrue();
        server.kill();
        for (Future<?> f : running) f.get(5, TimeUnit.MINUTES);
      }
      int beforeRestart = delivered.size();
      try (ServerProcess again = ServerProcess.start(data, url)) {
        Set<Long> committed = url == null ? committedTasks(again.admin()) : committedTasks(url);
        assertThat(committed).containsAll(acknowledged);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!delivered.containsAll(committed) && Instant.now().isBefore(deadline)) Thread.sleep(100);
        Set<Long> missing = new TreeSet<>(committed);
        missing.removeAll(delivered);
        assertThat(missing).as("committed tasks whose ONTASKADD never arrived (%d delivered before the restart)",
            beforeRestart).isEmpty();
        assertThat(committed.size()).isGreaterThanOrEqualTo(80);
        System.out.printf("%s: %d committed, %d acknowledged, %d delivered before the restart, all after it%n",
            url == null ? "embedded" : "external", committed.size(), acknowledged.size(), beforeRestart);
      }
    }
  }

  /** Every task id, read page by page over REST (the embedded store's port is the server's business). */
  static Set<Long> committedTasks(RestClient admin) {
    Set<Long> out = new TreeSet<>();
    for (long start = 0; ; start += 50) {
      Response page = admin.call("tasks.task.list", Map.of("select", List.of("ID"), "order", Map.of("ID", "ASC"),
          "start", start));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.result().get("tasks").forEach(t -> out.add(t.get("id").asLong()));
      if (!page.json().has("next")) return out;
    }
  }

  static Set<Long> committedTasks(String url) throws Exception {
    Set<Long> out = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM tasks")) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }

  private static Object write(RestClient c, int writer, Set<Long> acknowledged, CountDownLatch enough) {
    try {
      for (int n = 0; ; n++) {
        Response added = c.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "crash " + writer + "-" + n,
            "RESPONSIBLE_ID", 1)));
        if (added.status() != 200) continue;
        acknowledged.add(added.result().get("task").get("id").asLong());
        enough.countDown();
      }
    } catch (UncheckedIOException crashed) {
      return null; // the server is gone
    }
  }
}
