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
 * m26: comment changes lock the comment before they check and write it. Concurrent adds all count; deletes of one
 * comment at once: one wins, the others are refused (never a 500), and commentsCount stays the number of comments.
 */
class ConcurrentCommentsTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.databasePoolSize = 16);

  static final int ROUNDS = 10;

  private static RestClient c() {
    return server.admin();
  }

  private static long commentsCount(long task) {
    return c().call("tasks.task.get", Map.of("taskId", task)).result().get("task").get("commentsCount").asLong();
  }

  @Test
  void concurrent_adds_and_deletes_keep_the_count_and_never_fail_with_500() {
    long task = c().call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Comment race", "RESPONSIBLE_ID", 1)))
        .result().get("task").get("id").asLong();
    List<Response> adds = Race.times(8, () -> c().call("task.commentitem.add", List.of(task, Map.of("POST_MESSAGE", "hi"))));
    adds.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    assertThat(commentsCount(task)).isEqualTo(8);
    for (int round = 0; round < ROUNDS; round++) {
      long id = c().call("task.commentitem.add", List.of(task, Map.of("POST_MESSAGE", "doomed"))).result().asLong();
      List<Response> answers = Race.run(List.of(
          () -> c().call("task.commentitem.delete", List.of(task, id)),
          () -> c().call("task.commentitem.delete", List.of(task, id)),
          () -> c().call("task.commentitem.update", List.of(task, id, Map.of("POST_MESSAGE", "edited"))),
          () -> c().call("task.commentitem.delete", List.of(task, id))));
      answers.forEach(r -> assertThat(r.status()).as(r.toString()).isIn(200, 400));
      long deleted = answers.stream().filter(r -> r.status() == 200).count()
          - (answers.get(2).status() == 200 ? 1 : 0);
      assertThat(deleted).as("round %d %s", round, answers).isEqualTo(1);
    }
    assertThat(commentsCount(task)).isEqualTo(8);
    assertThat(c().call("task.commentitem.getlist", List.of(task)).result().size()).isEqualTo(8);
  }
}
