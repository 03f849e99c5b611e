package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.client.tasks.Priority;
import dev.b24tasks.client.tasks.TaskItem;
import dev.b24tasks.client.tasks.TaskStatus;
import dev.b24tasks.client.tasks.TasksV3;
import dev.b24tasks.testing.TestServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** REST 3.0 through the same client: typed items, select of related objects, list filters, writes. */
class ClientV3Test {
  @RegisterExtension static TestServer server = new TestServer();
  static Bitrix24 b24;

  @BeforeAll
  static void client() {
    b24 = Servers.admin(server);
  }

  @AfterAll
  static void close() {
    b24.close();
  }

  @Test
  void theTaskLifecycleThroughV3() {
    TasksV3 v3 = b24.tasks().v3();
    OffsetDateTime deadline = OffsetDateTime.of(2027, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    TaskItem added = v3.add(Map.of("title", "v3 task", "creatorId", 1, "responsibleId", 1, "priority", "high",
        "deadline", deadline, "needsControl", true));
    assertThat(added.id()).isPositive();
    assertThat(added.title()).isEqualTo("v3 task");
    assertThat(added.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(added.priority()).isEqualTo(Priority.HIGH);
    assertThat(added.needsControl()).isTrue();
    assertThat(added.deadline().toInstant()).isEqualTo(deadline.toInstant());

    TaskItem withNames = v3.get(added.id(), "id", "title", "responsibleId", "responsible.name").orElseThrow();
    assertThat(withNames.responsibleId()).isEqualTo(1);
    assertThat(withNames.raw().path("responsible").has("name")).isTrue();
    assertThat(b24.tasks().get(added.id()).orElseThrow().title()).as("the classic face sees it").isEqualTo("v3 task");

    b24.tasks().start(added.id());
    assertThat(v3.get(added.id()).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);

    v3.update(added.id(), Map.of("title", "v3 task, renamed"));
    assertThat(v3.get(added.id(), "title").orElseThrow().title()).isEqualTo("v3 task, renamed");
    List<TaskItem> listed = v3.list(Map.of("select", List.of("id", "title"),
        "filter", List.of(List.of("id", "=", added.id()))));
    assertThat(listed).extracting(TaskItem::title).containsExactly("v3 task, renamed");
    v3.delete(added.id());
    assertThat(v3.get(added.id())).isEmpty();
  }

  @Test
  void v3NamesMapOntoTheEnums() {
    for (TaskStatus s : TaskStatus.values()) assertThat(TaskStatus.ofV3(s.v3Name())).isEqualTo(s);
    assertThat(TaskStatus.ofV3("in_progress")).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(Priority.ofV3("average")).isEqualTo(Priority.MEDIUM);
    assertThat(Priority.ofV3("low")).isEqualTo(Priority.LOW);
  }
}
