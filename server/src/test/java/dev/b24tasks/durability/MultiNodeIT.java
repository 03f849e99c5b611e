package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.testing.ServerProcess;
import dev.b24tasks.testing.TestPostgres;
import dev.b24tasks.testing.TransitionStorm;
import dev.b24tasks.testing.TransitionStorm.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      Settings s = new Settings();
      s.dataDir = dir.resolve("setup");
      s.databaseUrl = url;
      s.port = 0;
      s.tlsPort = -1;
      s.announce = false;
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
}
