package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Race;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * M6: the legacy favorite methods toggle, and a toggle reads and flips under the task's row lock. Concurrent
 * toggles alternate (as many "now a favorite" as "no longer"), so an even number of them leaves the mark as it was.
 */
class ConcurrentFavoritesTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.databasePoolSize = 16);

  static final int ROUNDS = 8;

  private static RestClient c() {
    return server.admin();
  }

  @Test
  void concurrent_toggles_alternate_and_an_even_number_leaves_the_mark_unchanged() {
    long task = c().call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Favorite race", "RESPONSIBLE_ID", 1)))
        .result().get("task").get("id").asLong();
    for (int round = 0; round < ROUNDS; round++) {
      String method = round % 2 == 0 ? "task.item.addtofavorite" : "task.item.deletefromfavorite";
      List<Response> answers = Race.times(6, () -> c().call(method, List.of(task)));
      answers.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
      long on = answers.stream().filter(r -> r.result().asBoolean()).count();
      assertThat(on).as("round %d: %s", round, answers).isEqualTo(3);
      String favorite = c().call("tasks.task.get", Map.of("taskId", task)).result().get("task").get("favorite").asText();
      assertThat(favorite).as("round %d", round).isEqualTo("N");
    }
  }
}
