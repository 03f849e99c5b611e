package dev.b24tasks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b24tasks.client.tasks.ChecklistItem;
import dev.b24tasks.client.tasks.Comment;
import dev.b24tasks.client.tasks.ElapsedItem;
import dev.b24tasks.client.tasks.Priority;
import dev.b24tasks.client.tasks.Task;
import dev.b24tasks.client.tasks.TaskField;
import dev.b24tasks.client.tasks.TaskFields;
import dev.b24tasks.client.tasks.TaskPage;
import dev.b24tasks.client.tasks.TaskQuery;
import dev.b24tasks.client.tasks.TaskQuery.Direction;
import dev.b24tasks.client.tasks.TaskQuery.Op;
import dev.b24tasks.client.tasks.TaskItem;
import dev.b24tasks.client.tasks.TaskStatus;
import dev.b24tasks.client.tasks.Tasks;
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

/**
 * Typed tasks against a real server: fields, the status machine, list queries, checklists, comments, time, and
 * the same tasks through REST 3.0.
 */
class ClientTasksTest {
  @RegisterExtension static TestServer server = new TestServer();
  static Bitrix24 admin;
  static Bitrix24 maria;
  static long mariaId;

  @BeforeAll
  static void clients() {
    admin = Servers.admin(server);
    maria = Servers.newUser(admin, server, "Maria");
    mariaId = Servers.userId(maria);
  }

  @AfterAll
  static void close() {
    admin.close();
    maria.close();
  }

  @Test
  void addAndGetAreTyped() {
    OffsetDateTime deadline = OffsetDateTime.of(2027, 3, 1, 18, 30, 0, 0, ZoneOffset.ofHours(2));
    Task t = admin.tasks().add(TaskFields.create().title("Typed").description("[B]bold[/B]")
        .responsibleId(mariaId).auditors(1).deadline(deadline).priority(Priority.HIGH).taskControl(true)
        .allowTimeTracking(true).timeEstimate(3600));
    assertThat(t.id()).isPositive();
    assertThat(t.title()).isEqualTo("Typed");
    assertThat(t.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(t.priority()).isEqualTo(Priority.HIGH);
    assertThat(t.responsibleId()).isEqualTo(mariaId);
    assertThat(t.createdBy()).isEqualTo(1);
    assertThat(t.auditors()).containsExactly(1L);
    assertThat(t.deadline()).isNotNull();
    assertThat(t.deadline().toInstant()).isEqualTo(deadline.toInstant());
    assertThat(t.createdDate()).isNotNull();
    assertThat(t.taskControl()).isTrue();
    assertThat(t.allowTimeTracking()).isTrue();
    assertThat(t.allowChangeDeadline()).isFalse();
    assertThat(t.timeEstimate()).isEqualTo(3600);
    assertThat(t.closedDate()).isNull();

    Task again = admin.tasks().get(t.id()).orElseThrow();
    assertThat(again.id()).isEqualTo(t.id());
    assertThat(again.description()).isEqualTo("[B]bold[/B]");
    Task few = admin.tasks().get(t.id(), TaskField.ID, TaskField.TITLE).orElseThrow();
    assertThat(few.title()).isEqualTo("Typed");
    assertThat(few.status()).isNull();

    Task renamed = admin.tasks().update(t.id(), TaskFields.create().title("Typed, renamed").deadline(null));
    assertThat(renamed.title()).isEqualTo("Typed, renamed");
    assertThat(renamed.deadline()).isNull();
  }

  @Test
  void missingOrHiddenTasksAreEmpty() {
    assertThat(admin.tasks().get(987_654)).isEmpty();
    Task mine = admin.tasks().add(TaskFields.create().title("Admin only").responsibleId(1));
    assertThat(maria.tasks().get(mine.id())).isEmpty();
  }

  @Test
  void theLifecycleWithTaskControl() {
    Tasks adminTasks = admin.tasks();
    Tasks mariaTasks = maria.tasks();
    Task t = adminTasks.add(TaskFields.create().title("Lifecycle").responsibleId(mariaId).taskControl(true));
    assertThat(mariaTasks.get(t.id()).orElseThrow().can("start")).isTrue();
    assertThat(mariaTasks.start(t.id()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(mariaTasks.pause(t.id()).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(mariaTasks.defer(t.id()).status()).isEqualTo(TaskStatus.DEFERRED);
    assertThat(mariaTasks.renew(t.id()).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(mariaTasks.start(t.id()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    Task done = mariaTasks.complete(t.id());
    assertThat(done.status()).as("task control: the creator reviews").isEqualTo(TaskStatus.SUPPOSEDLY_COMPLETED);
    assertThatThrownBy(() -> mariaTasks.approve(t.id())).isInstanceOfSatisfying(Bitrix24Exception.class,
        e -> assertThat(e.code()).isEqualTo("1048582"));
    assertThat(adminTasks.disapprove(t.id()).status()).isEqualTo(TaskStatus.PENDING);
    mariaTasks.complete(t.id());
    Task approved = adminTasks.approve(t.id());
    assertThat(approved.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(approved.closedDate()).isNotNull();
    assertThat(approved.closedBy()).isPositive();
    assertThat(mariaTasks.renew(t.id()).status()).isEqualTo(TaskStatus.PENDING);
    Task delegated = mariaTasks.delegate(t.id(), 1);
    assertThat(delegated.responsibleId()).isEqualTo(1);
    assertThat(delegated.auditors()).contains(mariaId);
  }

  @Test
  void watchingFavouritesAndDeleting() {
    Task t = admin.tasks().add(TaskFields.create().title("Watch me").responsibleId(1).accomplices(mariaId));
    assertThat(maria.tasks().startWatch(t.id()).auditors()).contains(mariaId);
    assertThat(maria.tasks().stopWatch(t.id()).auditors()).doesNotContain(mariaId);
    admin.tasks().addFavorite(t.id());
    assertThat(admin.tasks().get(t.id()).orElseThrow().favorite()).isTrue();
    admin.tasks().removeFavorite(t.id());
    assertThat(admin.tasks().get(t.id()).orElseThrow().favorite()).isFalse();
    admin.tasks().delete(t.id());
    assertThat(admin.tasks().get(t.id())).isEmpty();
  }

  @Test
  void listWithATypedQuery() {
    String tag = "q" + System.nanoTime();
    OffsetDateTime base = OffsetDateTime.of(2027, 1, 10, 12, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < 5; i++) {
      admin.tasks().add(TaskFields.create().title(tag + " " + i).responsibleId(i % 2 == 0 ? mariaId : 1)
          .deadline(base.plusDays(i)).priority(i == 4 ? Priority.HIGH : Priority.MEDIUM));
    }
    TaskPage page = admin.tasks().list(TaskQuery.create()
        .where("TITLE", Op.LIKE, tag)
        .where(TaskField.RESPONSIBLE_ID, mariaId)
        .where(TaskField.DEADLINE, Op.GT, base)
        .orderBy(TaskField.DEADLINE, Direction.DESC)
        .select(TaskField.ID, TaskField.TITLE, TaskField.DEADLINE, TaskField.PRIORITY, TaskField.STATUS));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.next()).isNull();
    assertThat(page.tasks()).extracting(Task::title).containsExactly(tag + " 4", tag + " 2");
    assertThat(page.tasks().get(0).priority()).isEqualTo(Priority.HIGH);
    assertThat(page.tasks().get(0).status()).isEqualTo(TaskStatus.PENDING);

    TaskPage notDone = admin.tasks().list(TaskQuery.create().where(TaskField.TITLE, tag + " _")
        .where(TaskField.STATUS, Op.NOT, TaskStatus.COMPLETED).where(TaskField.PRIORITY, List.of(Priority.HIGH)));
    assertThat(notDone.tasks()).extracting(Task::title).containsExactly(tag + " 4");
  }

  @Test
  void checklists() {
    Task t = admin.tasks().add(TaskFields.create().title("With a checklist").responsibleId(mariaId));
    long first = admin.tasks().checklist().add(t.id(), "Buy paper");
    long second = admin.tasks().checklist().add(t.id(), Map.of("TITLE", "Print", "IS_IMPORTANT", "Y"));
    maria.tasks().checklist().complete(t.id(), first);
    ChecklistItem done = admin.tasks().checklist().get(t.id(), first);
    assertThat(done.complete()).isTrue();
    assertThat(done.toggledBy()).isEqualTo(mariaId);
    assertThat(done.toggledDate()).isNotNull();
    admin.tasks().checklist().update(t.id(), second, Map.of("TITLE", "Print twice"));
    List<ChecklistItem> items = admin.tasks().checklist().list(t.id());
    // a checklist (the root, parent 0) was made for the first item
    assertThat(items).filteredOn(i -> i.parentId() == 0).hasSize(1);
    assertThat(items).filteredOn(i -> i.parentId() != 0).extracting(ChecklistItem::title)
        .containsExactly("Buy paper", "Print twice");
    assertThat(items).filteredOn(i -> i.id() == second).singleElement()
        .satisfies(i -> assertThat(i.important()).isTrue());
    admin.tasks().checklist().renew(t.id(), first);
    assertThat(admin.tasks().checklist().get(t.id(), first).complete()).isFalse();
    admin.tasks().checklist().delete(t.id(), second);
    assertThat(admin.tasks().checklist().list(t.id())).extracting(ChecklistItem::id).doesNotContain(second);
  }

  @Test
  void comments() {
    Task t = admin.tasks().add(TaskFields.create().title("With comments").responsibleId(mariaId));
    long c1 = maria.tasks().comments().add(t.id(), "First!");
    long c2 = admin.tasks().comments().add(t.id(), "Second");
    Comment first = admin.tasks().comments().get(t.id(), c1);
    assertThat(first.authorId()).isEqualTo(mariaId);
    assertThat(first.message()).isEqualTo("First!");
    assertThat(first.postDate()).isNotNull();
    maria.tasks().comments().update(t.id(), c1, "First, edited");
    assertThat(admin.tasks().comments().list(t.id())).extracting(Comment::message)
        .containsExactly("First, edited", "Second");
    admin.tasks().comments().delete(t.id(), c2);
    assertThat(admin.tasks().comments().list(t.id())).extracting(Comment::id).containsExactly(c1);
  }

  @Test
  void elapsedTime() {
    Task t = admin.tasks().add(TaskFields.create().title("Timed").responsibleId(mariaId).allowTimeTracking(true));
    long e1 = maria.tasks().elapsed().add(t.id(), 1800, "half an hour");
    long e2 = maria.tasks().elapsed().add(t.id(), 600, "ten minutes");
    ElapsedItem half = admin.tasks().elapsed().get(t.id(), e1);
    assertThat(half.seconds()).isEqualTo(1800);
    assertThat(half.userId()).isEqualTo(mariaId);
    assertThat(half.taskId()).isEqualTo(t.id());
    assertThat(half.comment()).isEqualTo("half an hour");
    assertThat(half.createdDate()).isNotNull();
    maria.tasks().elapsed().update(t.id(), e2, Map.of("SECONDS", 900));
    assertThat(admin.tasks().elapsed().list(t.id())).extracting(ElapsedItem::seconds).containsExactly(1800L, 900L);
    assertThat(admin.tasks().get(t.id()).orElseThrow().timeSpentInLogs()).isEqualTo(2700);
    maria.tasks().elapsed().delete(t.id(), e1);
    assertThat(admin.tasks().elapsed().list(t.id())).extracting(ElapsedItem::id).containsExactly(e2);
  }

  @Test
  void theTaskLifecycleThroughV3() {
    TasksV3 v3 = admin.tasks().v3();
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
    assertThat(admin.tasks().get(added.id()).orElseThrow().title()).as("the classic face sees it").isEqualTo("v3 task");

    admin.tasks().start(added.id());
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
