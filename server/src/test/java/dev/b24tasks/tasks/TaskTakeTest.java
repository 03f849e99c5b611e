package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * tasks.task.take on a portal without flows: no task is a flow task, so the TAKE rule refuses every one with
 * the start/complete family's code "0"; the task stays as it was, and a hidden task answers the same.
 */
class TaskTakeTest extends CastTest {
  @Test
  void take_is_refused_for_every_task_and_changes_nothing() {
    long id = task("Up for grabs", Map.of());
    Response r = stranger.call("tasks.task.take", Map.of("taskId", id));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("0");
    Response mine = auditor.call("tasks.task.take", Map.of("taskId", id));
    assertThat(mine.status()).isEqualTo(400);
    assertThat(mine.error()).isEqualTo("0");
    assertThat(mine.errorDescription()).isEqualTo(r.errorDescription());
    assertThat(creator.task(id).get("responsibleId").asText()).isEqualTo(Long.toString(responsible.id()));
    assertThat(creator.task(id).get("status").asText()).isEqualTo("2");
    assertThat(creator.call("tasks.task.take", Map.of()).error()).isEqualTo("100");
    assertThat(creator.call("tasks.task.take", Map.of("taskId", 0)).error()).isEqualTo("0");
  }
}
