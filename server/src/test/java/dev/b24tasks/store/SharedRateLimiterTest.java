package dev.b24tasks.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TestServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL share a webhook's bucket when the buckets live in the database: the cluster lets
 * 50 calls through, not 50 per node. With {@code --rate-limit-store memory} each node counts alone.
 */
class SharedRateLimiterTest {
  private static App node(String url, String store, MutableClock clock) throws Exception {
    Settings s = new Settings();
    s.dataDir = Files.createTempDirectory("b24-tasks-node");
    s.databaseUrl = url;
    s.databasePoolSize = 4;
    s.port = 0;
    s.tlsPort = -1;
    s.webhook = "1:" + TestServer.ADMIN_CODE;
    s.rateLimit = "standard";
    s.rateLimitStore = store;
    s.announce = false;
    s.clock = clock;
    return App.start(s);
  }

  private static RestClient client(App app) {
    return new RestClient("http://127.0.0.1:" + app.port(), 1, TestServer.ADMIN_CODE);
  }

  private static int passed(RestClient c, int calls) {
    int ok = 0;
    for (int i = 0; i < calls; i++) {
      int status = c.get("server.time").status();
      if (status == 200) ok++;
      else assertThat(status).isEqualTo(503);
    }
    return ok;
  }

  @Test
  void with_buckets_in_postgres_two_nodes_enforce_one_limit() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    String url = TestPostgres.newDatabase();
    try (App a = node(url, "postgres", clock);
        App b = node(url, "auto", clock)) {
      assertThat(passed(client(a), 30)).isEqualTo(30);
      assertThat(passed(client(b), 30)).as("node b sees the 30 drops node a put in").isEqualTo(20);
      assertThat(passed(client(a), 5)).isZero();
      clock.advance(Duration.ofSeconds(2));
      // two seconds drain four drops, wherever the next calls land
      assertThat(passed(client(b), 2) + passed(client(a), 3)).isEqualTo(4);
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  @Test
  void with_buckets_in_memory_each_node_counts_alone() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    String url = TestPostgres.newDatabase();
    try (App a = node(url, "memory", clock);
        App b = node(url, "memory", clock)) {
      assertThat(passed(client(a), 55)).isEqualTo(50);
      assertThat(passed(client(b), 55)).isEqualTo(50);
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
