package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** REST 3.0 batches through the client against a real server: references, aliases, all-or-nothing. */
class ClientBatchV3Test {
  @RegisterExtension static TestServer server = new TestServer();

  private static long addTask(Bitrix24 b24, String title) {
    return b24.call("tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", 1)))
        .result().path("task").path("id").asLong();
  }

  @Test
  void laterCommandsUseEarlierResultsThroughRefAndRefArray() {
    try (Bitrix24 b24 = Servers.admin(server)) {
      String tag = "v3batch-" + System.nanoTime();
      long first = addTask(b24, tag + " one");
      long second = addTask(b24, tag + " two");
      BatchV3.Result r = b24.batchV3(BatchV3.create()
          .add("task", "tasks.task.get", Map.of("id", first, "select", List.of("id", "title")))
          .add("tasks.task.update", Map.of("id", BatchV3.ref("task.id"),
              "fields", Map.of("title", tag + " renamed")))
          .add("mine", "tasks.task.list", Map.of("select", List.of("id", "title"),
              "filter", List.of(List.of("id", "in", List.of(first, second))), "order", Map.of("id", "asc")))
          .add("again", "tasks.task.get", Map.of("id", BatchV3.ref("mine.1.id"), "select", List.of("id")))
          .add("both", "tasks.task.list", Map.of("select", List.of("id"),
              "filter", List.of(List.of("id", "in", BatchV3.refArray("mine.id"))), "order", Map.of("id", "desc"))));
      assertThat(r.results()).hasSize(5);
      assertThat(r.get("both").path("items").findValuesAsText("id")).containsExactly(
          Long.toString(second), Long.toString(first));
      assertThat(r.get("task").path("item").path("id").asLong()).isEqualTo(first);
      assertThat(r.byAlias().get("1").path("result").asBoolean()).isTrue();
      JsonNode items = r.get("mine").path("items");
      assertThat(items).hasSize(2);
      assertThat(items.get(0).path("title").asText()).isEqualTo(tag + " renamed");
      assertThat(r.get("again").path("item").path("id").asLong()).isEqualTo(second);
      assertThat(r.time()).isNotNull();
      assertThat(b24.call("tasks.task.get", Map.of("taskId", first)).result().path("task").path("title").asText())
          .isEqualTo(tag + " renamed");
    }
  }

  @Test
  void theFirstFailingCommandIsTheAnswerAndLaterOnesDoNotRun() {
    try (Bitrix24 b24 = Servers.admin(server)) {
      String tag = "v3fail-" + System.nanoTime();
      long id = addTask(b24, tag);
      BatchV3 b = BatchV3.create()
          .add("tasks.task.update", Map.of("id", id, "fields", Map.of("title", tag + " first")))
          .add("tasks.task.get", Map.of("id", 999_999_999L))
          .add("tasks.task.update", Map.of("id", id, "fields", Map.of("title", tag + " never")));
      assertThatThrownBy(() -> b24.batchV3(b)).isInstanceOf(NotFoundException.class);
      assertThat(b24.call("tasks.task.get", Map.of("taskId", id)).result().path("task").path("title").asText())
          .isEqualTo(tag + " first");
    }
  }

  @Test
  void aReferenceToNothingIsThePortalsError() {
    try (Bitrix24 b24 = Servers.admin(server)) {
      BatchV3 b = BatchV3.create().add("tasks.task.get", Map.of("id", BatchV3.ref("nobody.id")));
      assertThatThrownBy(() -> b24.batchV3(b)).isInstanceOf(Bitrix24Exception.class)
          .satisfies(e -> assertThat(((Bitrix24Exception) e).code()).containsIgnoringCase("INVALIDSELECT"))
          .satisfies(e -> assertThat(((Bitrix24Exception) e).httpStatus()).isEqualTo(400));
    }
  }

  @Test
  void aliasesAndSizeAreCheckedBeforeSending() {
    BatchV3 b = BatchV3.create().add("a", "tasks.task.get", Map.of("id", 1));
    assertThatThrownBy(() -> b.add("a", "tasks.task.get", Map.of("id", 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> BatchV3.refArray("nodot")).isInstanceOf(IllegalArgumentException.class);
    BatchV3 full = BatchV3.create();
    for (int i = 0; i < BatchV3.MAX_COMMANDS; i++) full.add("tasks.task.get", Map.of("id", 1));
    assertThatThrownBy(() -> full.add("tasks.task.get", Map.of("id", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
