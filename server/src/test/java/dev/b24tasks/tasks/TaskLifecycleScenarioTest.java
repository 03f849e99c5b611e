package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A task's life told as a story, and the PHP SDK's live-portal sequence under both no-op settings. */
class TaskLifecycleScenarioTest {
  @RegisterExtension static TestServer current = new TestServer();
  @RegisterExtension static TestServer older = new TestServer(s -> s.noopTransitionsSucceed = true);

  @Test
  void a_report_is_written_checked_sent_back_and_finally_accepted() {
    People people = new People(current);
    People.Person manager = people.create("Marta");
    People.Person writer = people.create("Oleg");
    People.Person colleague = people.create("Pavel");

    // Marta asks Oleg for a report and wants to check it before it counts as done.
    long report = manager.addTask(Map.of("TITLE", "Quarterly report", "RESPONSIBLE_ID", writer.id(),
        "TASK_CONTROL", "Y", "DEADLINE", "2030-03-31T18:00:00+03:00"));
    JsonNode task = writer.task(report);
    assertThat(task.get("status").asText()).isEqualTo("2");
    assertThat(task.get("action").get("start").asBoolean()).isTrue();
    assertThat(task.get("action").get("approve").asBoolean()).isFalse();

    // Oleg starts, takes a break, starts again and hands it in: it now waits for Marta's control.
    assertThat(status(writer.call("tasks.task.start", Map.of("taskId", report)))).isEqualTo("3");
    assertThat(status(writer.call("tasks.task.pause", Map.of("taskId", report)))).isEqualTo("2");
    assertThat(status(writer.call("tasks.task.start", Map.of("taskId", report)))).isEqualTo("3");
    JsonNode handedIn = writer.call("tasks.task.complete", Map.of("taskId", report)).result().get("task");
    assertThat(handedIn.get("status").asText()).isEqualTo("4");
    assertThat(handedIn.get("closedBy").asText()).isEqualTo(Long.toString(writer.id()));

    // Oleg cannot accept his own work; Marta sends it back.
    assertThat(writer.call("tasks.task.approve", Map.of("taskId", report)).error()).isEqualTo("1048582");
    assertThat(status(manager.call("tasks.task.disapprove", Map.of("taskId", report)))).isEqualTo("2");

    // Oleg asks Pavel to finish it; Pavel completes, Marta accepts.
    JsonNode delegated = writer.call("tasks.task.delegate", Map.of("taskId", report, "userId", colleague.id()))
        .result().get("task");
    assertThat(delegated.get("responsibleId").asText()).isEqualTo(Long.toString(colleague.id()));
    assertThat(status(colleague.call("tasks.task.complete", Map.of("taskId", report)))).isEqualTo("4");
    JsonNode accepted = manager.call("tasks.task.approve", Map.of("taskId", report)).result().get("task");
    assertThat(accepted.get("status").asText()).isEqualTo("5");
    assertThat(accepted.get("closedBy").asText()).isEqualTo(Long.toString(manager.id()));

    // Accepting twice is refused on a current portal.
    assertThat(manager.call("tasks.task.approve", Map.of("taskId", report)).error()).isEqualTo("1048582");

    // The history tells the same story, oldest first.
    JsonNode list = manager.call("tasks.task.history.list",
        Map.of("taskId", report, "order", Map.of("createdDate", "ASC"))).result().get("list");
    List<String> statusChanges = new ArrayList<>();
    list.forEach(e -> {
      if (e.get("field").asText().equals("STATUS")) {
        statusChanges.add(e.get("value").get("from").asText() + ">" + e.get("value").get("to").asText());
      }
    });
    assertThat(list.get(0).get("field").asText()).isEqualTo("NEW");
    assertThat(statusChanges).containsExactly("2>3", "3>2", "2>3", "3>4", "4>2", "2>4", "4>5");
  }

  /** b24phpsdk tests/Integration/Services/Task/Service/TaskTest::testChangeStatus, on a one-person task. */
  static final List<String> SDK_SEQUENCE = List.of("tasks.task.start", "tasks.task.pause", "tasks.task.defer",
      "tasks.task.startwatch", "tasks.task.stopwatch", "tasks.task.mute", "tasks.task.unmute",
      "tasks.task.favorite.add", "tasks.task.favorite.remove", "tasks.task.complete", "tasks.task.renew",
      "tasks.task.start", "tasks.task.complete", "tasks.task.approve");

  @Test
  void on_an_older_portal_the_whole_sdk_sequence_succeeds() {
    People.Person me = new People(older).create("Sam");
    long id = me.addTask(Map.of("TITLE", "SDK", "RESPONSIBLE_ID", me.id()));
    for (String method : SDK_SEQUENCE) {
      Response r = me.call(method, method.endsWith("mute") ? Map.of("id", id) : Map.of("taskId", id));
      assertThat(r.status()).as(method + " " + r).isEqualTo(200);
    }
    assertThat(me.task(id).get("status").asText()).isEqualTo("5");
  }

  @Test
  void on_a_current_portal_the_final_approve_of_a_completed_task_is_refused() {
    People.Person me = new People(current).create("Sam");
    long id = me.addTask(Map.of("TITLE", "SDK", "RESPONSIBLE_ID", me.id()));
    for (String method : SDK_SEQUENCE.subList(0, SDK_SEQUENCE.size() - 1)) {
      Response r = me.call(method, Map.of("taskId", id));
      assertThat(r.status()).as(method + " " + r).isEqualTo(200);
    }
    Response approve = me.call("tasks.task.approve", Map.of("taskId", id));
    assertThat(approve.status()).isEqualTo(400);
    assertThat(approve.error()).isEqualTo("1048582");
    assertThat(approve.errorDescription()).isEqualTo("Action on the task is not allowed");
  }

  static String status(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task").get("status").asText();
  }
}
