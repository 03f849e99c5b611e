package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.App;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.testing.TestServer;
import dev.b24tasks.testing.TransitionStorm;
import dev.b24tasks.testing.TransitionStorm.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conflicting status actions from many clients at a few tasks, on one server: each task's history is a valid path
 * through the status machine and holds exactly one change per successful answer.
 */
class ConcurrentTransitionsTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.databasePoolSize = 16);

  static Person person(App app, String name) {
    long id = app.directory.createUser(name + System.nanoTime() + "@example.com", name, "Storm", false);
    String code = "stormcode" + id;
    app.auth.createWebhook(id, Scopes.ALL, code, null, "storm");
    return new Person(id, code);
  }

  @Test
  void conflicting_transitions_leave_a_valid_history_with_one_change_per_success() throws Exception {
    App app = server.app();
    Person creator = person(app, "Creator");
    Person responsible = person(app, "Responsible");
    List<Person> targets = new ArrayList<>();
    for (int i = 0; i < 40; i++) targets.add(person(app, "Target" + i));
    TransitionStorm storm = new TransitionStorm(List.of(server.baseUrl()), creator, responsible, targets);
    List<Long> tasks = storm.createTasks(3);
    storm.run(tasks, 8, 40, 42);
    assertThat(storm.successes()).as("some actions must win").isPositive();
    assertThat(storm.refused()).as("and some must lose").isPositive();
    storm.verify(app.settings.databaseUrl, tasks);
  }
}
