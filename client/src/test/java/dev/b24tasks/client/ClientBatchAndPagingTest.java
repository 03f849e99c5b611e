package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.client.tasks.Task;
import dev.b24tasks.client.tasks.TaskField;
import dev.b24tasks.client.tasks.TaskQuery;
import dev.b24tasks.client.tasks.TaskQuery.Direction;
import dev.b24tasks.client.tasks.TaskQuery.Op;
import dev.b24tasks.testing.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches (references, errors kept, halting, chunks of 50) and streams over every page, on the wire. */
class ClientBatchAndPagingTest {
  @RegisterExtension static TestServer server = new TestServer();
  static LossyProxy wire;
  static Bitrix24 b24;
  static final String TAG = "paged" + System.nanoTime();
  static List<Long> ids;

  @BeforeAll
  static void seed() throws IOException {
    wire = new LossyProxy(server.app().port());
    b24 = Bitrix24.builder().webhook(wire.baseUrl() + "/rest/1/" + TestServer.ADMIN_CODE + "/")
        .rateLimit(RateLimit.OFF).build();
    List<Command> adds = IntStream.range(0, 120).mapToObj(i -> Command.of("tasks.task.add",
        Map.of("fields", Map.of("TITLE", TAG + " " + String.format("%03d", 119 - i) + " a b&c=d+é",
            "RESPONSIBLE_ID", 1)))).toList();
    long before = b24.stats().requests();
    List<CommandResult> results = b24.batchAll(adds, true);
    assertThat(b24.stats().requests() - before).as("120 commands in chunks of 50").isEqualTo(3);
    assertThat(results).hasSize(120).allMatch(CommandResult::ok);
    ids = results.stream().map(r -> r.result().get("task").get("id").asLong()).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @AfterAll
  static void close() throws IOException {
    b24.close();
    wire.close();
  }

  @Test
  void batchedValuesRoundTripTheirEncoding() {
    Task first = b24.tasks().get(ids.get(0)).orElseThrow();
    assertThat(first.title()).isEqualTo(TAG + " 119 a b&c=d+é");
  }

  @Test
  void referencesUseEarlierResults() {
    BatchResult r = b24.batch(BatchRequest.create()
        .add("task", "tasks.task.add", Map.of("fields", Map.of("TITLE", "by reference", "RESPONSIBLE_ID", 1)))
        .add("start", "tasks.task.start", Map.of("taskId", BatchRequest.ref("task", "task", "id")))
        .add("get", "tasks.task.get", Map.of("taskId", BatchRequest.ref("task", "task", "id"),
            "select", List.of("ID", "STATUS"))));
    assertThat(r.ok()).isTrue();
    assertThat(r.get("start").result().get("task").get("status").asText()).isEqualTo("3");
    assertThat(r.get("get").result().get("task").get("id").asLong())
        .isEqualTo(r.get("task").result().get("task").get("id").asLong());
    assertThat(r.get("task").time().start()).isNotNull();
  }

  @Test
  void failuresAreKeptPerCommandAndHaltStops() {
    long pending = ids.get(1);
    BatchResult all = b24.batch(BatchRequest.create()
        .add("a", "tasks.task.get", Map.of("taskId", pending))
        .add("bad", "tasks.task.approve", Map.of("taskId", pending))
        .add("c", "server.time", null));
    assertThat(all.ok()).isFalse();
    assertThat(all.errors()).singleElement().satisfies(e -> {
      assertThat(e.key()).isEqualTo("bad");
      assertThat(e.error().code()).isEqualTo("1048582");
      assertThatThrownBy(e::orThrow).isSameAs(e.error());
    });
    assertThat(all.get("a").ok()).isTrue();
    assertThat(all.get("c").ok()).isTrue();

    BatchResult halted = b24.batch(BatchRequest.create().halt(true)
        .add("bad", "tasks.task.approve", Map.of("taskId", pending))
        .add("never", "server.time", null));
    assertThat(halted.get("bad").error()).isNotNull();
    assertThat(halted.get("never").skipped()).isTrue();

    List<Command> many = new ArrayList<>();
    many.add(Command.of("tasks.task.approve", Map.of("taskId", pending)));
    for (int i = 0; i < 60; i++) many.add(Command.of("server.time"));
    long before = b24.stats().requests();
    List<CommandResult> out = b24.batchAll(many, true);
    assertThat(b24.stats().requests() - before).as("halted in the first chunk: the second is not sent").isEqualTo(1);
    assertThat(out).hasSize(61);
    assertThat(out.subList(1, 61)).allMatch(CommandResult::skipped);
  }

  @Test
  void aBatchHoldsFiftyCommands() {
    BatchRequest b = BatchRequest.create();
    for (int i = 0; i < 50; i++) b.add("k" + i, "server.time", null);
    assertThatThrownBy(() -> b.add("k50", "server.time", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Command.of("batch")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamWalksTheKeysetByDefault() {
    int before = wire.requests().size();
    List<JsonNode> rows = b24.stream("tasks.task.list", Map.of("filter", Map.of("%TITLE", TAG),
        "select", List.of("ID", "TITLE"))).toList();
    List<String> sent = wire.requests().subList(before, wire.requests().size());
    assertThat(rows).hasSize(120);
    assertThat(rows.stream().map(r -> r.get("id").asLong()).toList()).isSortedAccordingTo(Comparator.naturalOrder())
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(sent).hasSize(3);
    assertThat(sent).allSatisfy(r -> assertThat(r).contains("\"order\":{\"ID\":\"ASC\"}", "\"start\":-1"));
    long fiftieth = rows.get(49).get("id").asLong();
    long hundredth = rows.get(99).get("id").asLong();
    assertThat(sent.get(0)).doesNotContain("\">ID\"");
    assertThat(sent.get(1)).contains("\">ID\":" + fiftieth);
    assertThat(sent.get(2)).contains("\">ID\":" + hundredth);
  }

  @Test
  void streamIsLazy() {
    int before = wire.requests().size();
    List<JsonNode> five = b24.stream("tasks.task.list", Map.of("filter", Map.of("%TITLE", TAG))).limit(5).toList();
    assertThat(five).hasSize(5);
    assertThat(wire.requests().size() - before).isEqualTo(1);
  }

  @Test
  void anOrderOtherThanTheIdPagesByStart() {
    int before = wire.requests().size();
    List<Task> byTitle = b24.tasks().stream(TaskQuery.create().where("TITLE", Op.LIKE, TAG)
        .orderBy(TaskField.TITLE, Direction.ASC).select(TaskField.ID, TaskField.TITLE)).toList();
    List<String> sent = wire.requests().subList(before, wire.requests().size());
    assertThat(byTitle).hasSize(120);
    assertThat(byTitle).extracting(Task::title).isSorted();
    assertThat(byTitle.get(0).id()).isEqualTo(ids.get(119));
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0)).contains("\"start\":0");
    assertThat(sent.get(1)).contains("\"start\":50");
    assertThat(sent.get(2)).contains("\"start\":100");
  }

  @Test
  void typedStreamsUseTheKeysetToo() {
    List<Task> all = b24.tasks().stream(TaskQuery.create().where("TITLE", Op.LIKE, TAG).select(TaskField.ID))
        .toList();
    assertThat(all).extracting(Task::id).containsExactlyElementsOf(ids.stream().sorted().toList());
  }
}
