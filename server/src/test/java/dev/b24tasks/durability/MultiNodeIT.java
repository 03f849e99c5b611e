package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.ServerProcess;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TestServer;
import dev.b24tasks.testing.TransitionStorm;
import dev.b24tasks.testing.TransitionStorm.Person;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on different ports, one external PostgreSQL, the same webhooks: conflicting status actions
 * sent to both nodes at random still leave every task with a valid history and one change per success.
 */
class MultiNodeIT {
  @Test
  void two_nodes_on_one_postgresql_never_let_two_conflicting_calls_both_win() throws Exception {
    String url = TestPostgres.newDatabase();
    Path dir = Files.createTempDirectory("b24-two-nodes");
    try {
      // The people are made through the services of a short-lived node, which also migrates the schema.
      Settings s = TestServer.nodeSettings(url);
      Person creator;
      Person responsible;
      List<Person> targets = new ArrayList<>();
      try (App setup = App.start(s)) {
        creator = ConcurrentTransitionsTest.person(setup, "Creator");
        responsible = ConcurrentTransitionsTest.person(setup, "Responsible");
        for (int i = 0; i < 40; i++) targets.add(ConcurrentTransitionsTest.person(setup, "Target" + i));
      }
      try (ServerProcess a = ServerProcess.start(dir.resolve("a"), url);
          ServerProcess b = ServerProcess.start(dir.resolve("b"), url)) {
        TransitionStorm storm = new TransitionStorm(List.of(a.baseUrl(), b.baseUrl()), creator, responsible, targets);
        List<Long> tasks = storm.createTasks(3);
        storm.run(tasks, 8, 40, 7);
        assertThat(storm.successes()).isPositive();
        assertThat(storm.refused()).isPositive();
        storm.verify(url, tasks);
      }
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }

  /**
   * The portal controls are kept in memory on each node and announced through the database: whatever one node
   * sets (the clock, a fault), the other node's very next call follows it, however quickly it comes; the journal
   * has a row of every call of both nodes, a refused one included. No sleeps: each step is asserted on the first
   * call after the change.
   */
  @Test
  void the_portal_clock_and_faults_set_on_one_node_hold_for_the_next_call_on_the_other() throws Exception {
    String url = TestPostgres.newDatabase();
    Path dir = Files.createTempDirectory("b24-two-nodes-portal");
    try (ServerProcess a = ServerProcess.start(dir.resolve("a"), url);
        ServerProcess b = ServerProcess.start(dir.resolve("b"), url)) {
      RestClient onA = a.admin();
      RestClient onB = b.admin();
      Instant at = Instant.parse("2031-05-05T10:00:00Z");
      Response set = onA.call("b24tasks.clock.set", Map.of("TIME", at.toString()));
      assertThat(set.status()).as(set.toString()).isEqualTo(200);
      for (int i = 0; i < 20; i++) {
        Response time = onB.call("server.time", Map.of());
        assertThat(time.status()).as(time.toString()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(time.result().asText()).toInstant()).as("step " + i).isEqualTo(at);
        // the other way round too: B moves the clock, A's next call sees it
        RestClient mover = i % 2 == 0 ? onB : onA;
        RestClient reader = i % 2 == 0 ? onA : onB;
        Response moved = mover.call("b24tasks.clock.advance", Map.of("SECONDS", 3600));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        at = at.plusSeconds(3600);
        Response seen = reader.call("server.time", Map.of());
        assertThat(OffsetDateTime.parse(seen.result().asText()).toInstant()).as("step " + i).isEqualTo(at);
      }
      for (int i = 0; i < 5; i++) {
        Response fault = onA.call("b24tasks.fault.add",
            Map.of("METHOD", "server.time", "ERROR", "QUERY_LIMIT_EXCEEDED", "TIMES", 1));
        assertThat(fault.status()).as(fault.toString()).isEqualTo(200);
        Response refused = onB.call("server.time", Map.of());
        assertThat(refused.status()).as("round " + i + ": " + refused).isEqualTo(503);
        assertThat(refused.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
        assertThat(onB.call("server.time", Map.of()).status()).as("round " + i).isEqualTo(200);
      }
      assertThat(onB.call("b24tasks.fault.clear", Map.of()).status()).isEqualTo(200);
      assertThat(onA.call("b24tasks.clock.reset", Map.of()).status()).isEqualTo(200);
      Response journal = onA.call("b24tasks.journal.list", Map.of("FILTER", Map.of("METHOD", "server.time")));
      assertThat(journal.status()).as(journal.toString()).isEqualTo(200);
      // 40 on the clock's steps, 5 refused and 5 answered after the faults: every one, from both nodes
      assertThat(journal.json().get("total").asLong()).as(journal.toString()).isEqualTo(50);
      Response refusedRows = onA.call("b24tasks.journal.list",
          Map.of("FILTER", Map.of("METHOD", "server.time", "STATUS", 503)));
      assertThat(refusedRows.json().get("total").asLong()).as(refusedRows.toString()).isEqualTo(5);
    } finally {
      TestPostgres.dropDatabase(url);
    }
  }
}
