package dev.b24tasks.elapsed;

import static dev.b24tasks.testing.LegacyAssert.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** task.elapseditem.* over real HTTP, and the task's timeSpentInLogs / durationFact that follow it. */
class ElapsedItemMethodsTest extends CastTest {
  long task() {
    return task("Work", Map.of());
  }

  static long add(People.Person p, long taskId, long seconds) {
    Response r = p.call("task.elapseditem.add", "{\"TASKID\":" + taskId + ",\"ARFIELDS\":{\"SECONDS\":" + seconds
        + ",\"COMMENT_TEXT\":\"work\"}}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().asLong();
  }


  @Test
  void records_add_up_into_the_tasks_time_spent_and_duration_fact() {
    long taskId = task();
    long a = add(responsible, taskId, 3600);
    add(creator, taskId, 1800);
    JsonNode t = creator.task(taskId);
    assertThat(t.get("timeSpentInLogs").asText()).isEqualTo("5400");
    assertThat(t.get("durationFact").asText()).isEqualTo("90");
    JsonNode got = responsible.call("task.elapseditem.get", List.of(taskId, a)).result();
    assertThat(got.get("SECONDS").asText()).isEqualTo("3600");
    assertThat(got.get("MINUTES").asText()).isEqualTo("60");
    assertThat(got.get("USER_ID").asText()).isEqualTo(Long.toString(responsible.id()));
    assertThat(got.get("CREATED_DATE").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    assertThat(responsible.call("task.elapseditem.update", List.of(taskId, a, Map.of("SECONDS", 600))).result()
        .isNull()).isTrue();
    assertThat(creator.task(taskId).get("timeSpentInLogs").asText()).isEqualTo("2400");
    assertThat(responsible.call("task.elapseditem.delete", List.of(taskId, a)).result().isNull()).isTrue();
    assertThat(creator.task(taskId).get("timeSpentInLogs").asText()).isEqualTo("1800");
    assertThat(creator.task(taskId).get("durationFact").asText()).isEqualTo("30");
  }

  @Test
  void the_elapsed_time_rule_decides_who_adds_and_owners_change_their_own() {
    long taskId = task();
    String notAllowed = "TASKS_ERROR_EXCEPTION_#4; Action not allowed; 4/TE/ACTION_NOT_ALLOWED<br>";
    long mine = add(responsible, taskId, 60);
    refused(auditor.call("task.elapseditem.add", List.of(taskId, Map.of("SECONDS", 60))), notAllowed);
    assertThat(auditor.call("task.elapseditem.isactionallowed", List.of(taskId, 0, 1)).result().asBoolean())
        .isFalse();
    assertThat(responsible.call("task.elapseditem.isactionallowed", List.of(taskId, 0, 1)).result().asBoolean())
        .isTrue();
    refused(creator.call("task.elapseditem.update", List.of(taskId, mine, Map.of("SECONDS", 1))), notAllowed);
    refused(creator.call("task.elapseditem.delete", List.of(taskId, mine)), notAllowed);
    assertThat(creator.call("task.elapseditem.isactionallowed", List.of(taskId, mine, 3)).result().asBoolean())
        .isFalse();
    assertThat(responsible.call("task.elapseditem.isactionallowed", List.of(taskId, mine, 3)).result().asBoolean())
        .isTrue();
    String taskHidden = "TASKS_ERROR_EXCEPTION_#1; Task not found or not accessible; "
        + "1/TE/TASK_NOT_FOUND_OR_NOT_ACCESSIBLE<br>";
    refused(stranger.call("task.elapseditem.add", List.of(taskId, Map.of("SECONDS", 60))), taskHidden);
    refused(stranger.call("task.elapseditem.getlist", List.of(taskId)), taskHidden);
    assertThat(creator.task(taskId).get("timeSpentInLogs").asText()).isEqualTo("60");
  }

  @Test
  void records_of_another_task_and_bad_input_are_refused_without_writing() {
    long taskId = task();
    long other = task();
    long rec = add(responsible, taskId, 120);
    String notFound = "TASKS_ERROR_EXCEPTION_#512; Elapsed time record not found or not accessible; "
        + "512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE<br>";
    refused(responsible.call("task.elapseditem.get", List.of(other, rec)), notFound);
    refused(responsible.call("task.elapseditem.delete", List.of(other, rec)), notFound);
    refused(responsible.call("task.elapseditem.add", List.of(taskId, Map.of("COMMENT_TEXT", "no seconds"))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arFields) for method ctaskelapseditem::add() must contain key "
            + "\"SECONDS\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(responsible.call("task.elapseditem.add", List.of(taskId, Map.of("SECONDS", -5))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arFields) for method ctaskelapseditem::add() must not contain "
            + "value \"-5\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(responsible.call("task.elapseditem.add", List.of(taskId, Map.of("SECONDS", 5, "MINUTES", 1))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arFields) for method ctaskelapseditem::add() must not contain key "
            + "\"MINUTES\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(responsible.call("task.elapseditem.add", "{\"itemId\":\"abc\",\"arfields\":{\"SECONDS\":5}}"),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskelapseditem::add() expected to be of type "
            + "\"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
    assertThat(creator.task(taskId).get("timeSpentInLogs").asText()).isEqualTo("120");
    assertThat(creator.task(other).get("timeSpentInLogs").isNull()).isTrue();
  }

  @Test
  void getlist_takes_the_docs_list_body_pages_and_sorts() {
    long taskId = task();
    for (int i = 1; i <= 3; i++) add(responsible, taskId, i * 100);
    Response r = responsible.call("task.elapseditem.getlist", "[" + taskId + ",{\"ID\":\"desc\"}]");
    assertThat(r.result()).hasSize(3);
    assertThat(r.result().get(0).get("SECONDS").asText()).isEqualTo("300");
    assertThat(r.json().get("total").asInt()).isEqualTo(3);
    Response all = responsible.call("task.elapseditem.getlist", "[{\"ID\":\"asc\"},{\"TASK_ID\":" + taskId + "}]");
    assertThat(all.result()).hasSize(3);
    Response paged = responsible.call("task.elapseditem.getlist", List.of(taskId, Map.of("ID", "asc"), Map.of(),
        List.of("ID", "SECONDS"), Map.of("NAV_PARAMS", Map.of("nPageSize", 2, "iNumPage", 2))));
    assertThat(paged.result()).hasSize(1);
    assertThat(paged.result().get(0).get("SECONDS").asText()).isEqualTo("300");
    assertThat(paged.result().get(0).has("USER_ID")).isFalse();
    assertThat(paged.json().get("total").asInt()).isEqualTo(3);
    assertThat(stranger.call("task.elapseditem.getlist", "[{\"ID\":\"asc\"},{\"TASK_ID\":" + taskId + "}]")
        .result()).isEmpty();
  }
}
