package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Race;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * M6/m26: elapsed-time writes lock the task's records before they read the one they rewrite. Two updates of
 * different fields at once both survive; deletes of one record at once: one wins, the others are refused (never a
 * 500); the task's total always equals the sum of its records.
 */
class ConcurrentElapsedTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.databasePoolSize = 16);

  static final int ROUNDS = 12;

  private static RestClient c() {
    return server.admin();
  }

  private static long task() {
    Response r = c().call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Elapsed race", "RESPONSIBLE_ID", 1,
        "ALLOW_TIME_TRACKING", "Y")));
    return r.result().get("task").get("id").asLong();
  }

  private static long record(long task, long seconds) {
    Response r = c().call("task.elapseditem.add", List.of(task, Map.of("SECONDS", seconds, "COMMENT_TEXT", "work")));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().asLong();
  }

  private static long timeSpent(long task) {
    return c().call("tasks.task.get", Map.of("taskId", task)).result().get("task").get("timeSpentInLogs").asLong();
  }

  @Test
  void updates_of_different_fields_at_once_both_survive() {
    long task = task();
    for (int round = 0; round < ROUNDS; round++) {
      long id = record(task, 60);
      List<Response> answers = Race.run(List.of(
          () -> c().call("task.elapseditem.update", List.of(task, id, Map.of("SECONDS", 111))),
          () -> c().call("task.elapseditem.update", List.of(task, id, Map.of("COMMENT_TEXT", "reviewed")))));
      answers.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
      JsonNode got = c().call("task.elapseditem.get", List.of(task, id)).result();
      assertThat(got.get("SECONDS").asLong()).as("round %d", round).isEqualTo(111);
      assertThat(got.get("COMMENT_TEXT").asText()).as("round %d", round).isEqualTo("reviewed");
    }
    assertThat(timeSpent(task)).isEqualTo(111L * ROUNDS);
  }

  @Test
  void deletes_of_one_record_at_once_let_one_win_and_refuse_the_rest() {
    long task = task();
    record(task, 30);
    for (int round = 0; round < ROUNDS; round++) {
      long id = record(task, 60);
      List<Response> answers = Race.times(4, () -> c().call("task.elapseditem.delete", List.of(task, id)));
      answers.forEach(r -> assertThat(r.status()).as(r.toString()).isIn(200, 400));
      assertThat(answers.stream().filter(r -> r.status() == 200).count()).as("round %d %s", round, answers)
          .isEqualTo(1);
    }
    List<Response> adds = Race.times(6, () -> c().call("task.elapseditem.add", List.of(task, Map.of("SECONDS", 10))));
    adds.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    assertThat(timeSpent(task)).isEqualTo(30 + 6 * 10);
  }
}
