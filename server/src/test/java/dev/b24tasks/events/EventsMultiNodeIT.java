package dev.b24tasks.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.ServerProcess;
import dev.b24tasks.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL both deliver the shared outbox: changes made on either node reach the
 * handler, each exactly once (rows are claimed with FOR UPDATE SKIP LOCKED).
 */
class EventsMultiNodeIT {
  static final int CHANGES = 120;

  @Test
  void two_nodes_deliver_each_event_once() throws Exception {
    String url = TestPostgres.newDatabase();
    Path dir = Files.createTempDirectory("b24-events-two-nodes");
    Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
    AtomicInteger posts = new AtomicInteger();
    try (EventReceiver handler = new EventReceiver();
        ServerProcess a = ServerProcess.start(dir.resolve("a"), url);
        ServerProcess b = ServerProcess.start(dir.resolve("b"), url)) {
      handler.answer(r -> {
        posts.incrementAndGet();
        seen.computeIfAbsent(r.data().get("FIELDS_AFTER").get("ID").asLong(), k -> new AtomicInteger())
            .incrementAndGet();
        return 200;
      });
      Response made = a.admin().call("b24tasks.outgoing.add", Map.of("url", handler.url("/nodes"),
          "events", List.of("ONTASKADD")));
      assertThat(made.status()).as(made.toString()).isEqualTo(200);
      try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
        List<Future<Response>> added = new java.util.ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
          ServerProcess node = i % 2 == 0 ? a : b;
          int n = i;
          added.add(writers.submit(() -> node.admin().call("tasks.task.add",
              Map.of("fields", Map.of("TITLE", "node " + n, "RESPONSIBLE_ID", 1)))));
        }
        for (Future<Response> f : added) assertThat(f.get(5, TimeUnit.MINUTES).status()).isEqualTo(200);
      }
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while ((seen.size() < CHANGES || pending(url) > 0) && Instant.now().isBefore(deadline)) Thread.sleep(100);
      assertThat(pending(url)).isZero();
      assertThat(seen).hasSize(CHANGES);
      assertThat(seen.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      assertThat(posts.get()).isEqualTo(CHANGES);
      assertThat(deliveriesLogged(url)).isEqualTo(CHANGES);
      System.out.println("deliveries by node: " + byNode(url));
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  static long pending(String url) throws Exception {
    return count(url, "SELECT count(*) FROM event_outbox");
  }

  static long deliveriesLogged(String url) throws Exception {
    return count(url, "SELECT count(*) FROM event_deliveries WHERE outcome = 'delivered'");
  }

  static String byNode(String url) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT node, count(*) FROM event_deliveries GROUP BY node ORDER BY node")) {
      while (rs.next()) out.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
    }
    return out.toString().trim();
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
