package dev.b24tasks.tasks;

import static dev.b24tasks.testing.LegacyAssert.nullResult;
import static dev.b24tasks.testing.LegacyAssert.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.LegacyAssert;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * task.item.* over real HTTP, on the same tasks as tasks.task.*: positional binding in every encoding, null
 * results, the legacy refusal envelope, UPPER_SNAKE task data, and history shared with the modern API.
 */
class TaskItemMethodsTest extends CastTest {
  static final String NOT_ALLOWED = "Action on the task is not allowed<br>";

  long task(boolean control) {
    return task("Ship it", Map.of("TASK_CONTROL", control ? "Y" : "N"));
  }

  static String status(long taskId) {
    return creator.task(taskId).get("status").asText();
  }



  @Test
  void add_takes_the_fields_positionally_whatever_their_name_and_returns_the_new_id() {
    Response r = creator.call("task.item.add", Map.of("fields", Map.of("TITLE", "Legacy add",
        "RESPONSIBLE_ID", responsible.id())));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    long id = r.result().asLong();
    assertThat(r.result().isIntegralNumber()).isTrue();
    assertThat(creator.task(id).get("title").asText()).isEqualTo("Legacy add");
    refused(creator.call("task.item.add", List.of(Map.of("RESPONSIBLE_ID", responsible.id()))),
        "Task title is not specified<br>");
  }

  @Test
  void getdata_is_upper_snake_with_meta_and_real_status_and_dates_with_offset() {
    long id = task(false);
    JsonNode d = responsible.call("task.item.getdata", List.of(id)).result();
    assertThat(d.get("ID").asText()).isEqualTo(Long.toString(id));
    assertThat(d.get("TITLE").asText()).isEqualTo("Ship it");
    assertThat(d.get("RESPONSIBLE_ID").asText()).isEqualTo(Long.toString(responsible.id()));
    assertThat(d.get("REAL_STATUS").asText()).isEqualTo("2");
    assertThat(d.get("STATUS").asText()).as("not viewed by the responsible yet").isEqualTo("-2");
    assertThat(d.get("CREATED_DATE").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    assertThat(d.get("AUDITORS").get(0).asText()).isEqualTo(Long.toString(auditor.id()));
    assertThat(d.get("RESPONSIBLE_NAME").asText()).isEqualTo("Boris");
    assertThat(d.has("title")).isFalse();
    JsonNode own = creator.call("task.item.getdata", List.of(id)).result();
    assertThat(own.get("STATUS").asText()).isEqualTo("2");
    refused(stranger.call("task.item.getdata", List.of(id)),
        "TASKS_ERROR_EXCEPTION_#1; Task not found or not accessible; 1/TE/TASK_NOT_FOUND_OR_NOT_ACCESSIBLE<br>");
  }

  @Test
  void defer_binds_task_id_from_every_encoding_and_telemetry_never_shifts_it() {
    RestClient r = responsible.client();
    String telemetry = "?bx24_request_id=r1&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk";
    List<Response> answers = new ArrayList<>();
    long a = task(false);
    answers.add(r.call("task.item.defer", List.of(a)));
    long b = task(false);
    answers.add(r.call("task.item.defer", Map.of("TASKID", b)));
    long c = task(false);
    answers.add(r.call("task.item.defer", Map.of("taskId", c)));
    long d = task(false);
    answers.add(r.call("task.item.defer", Map.of("0", d)));
    long e = task(false);
    answers.add(r.form("task.item.defer", "0=" + e));
    long f = task(false);
    answers.add(r.raw("POST", r.webhookPath() + "task.item.defer.json"
        + telemetry, "application/json", ("{\"TASKID\":" + f + "}").getBytes(StandardCharsets.UTF_8)));
    answers.forEach(LegacyAssert::nullResult);
    for (long id : List.of(a, b, c, d, e, f)) assertThat(status(id)).isEqualTo("6");
  }

  @Test
  void defer_follows_the_current_rule_only_from_new_or_pending_and_refuses_with_the_legacy_envelope() {
    long id = task(false);
    nullResult(responsible.call("task.item.startexecution", List.of(id)));
    assertThat(status(id)).isEqualTo("3");
    refused(responsible.call("task.item.defer", List.of(id)), NOT_ALLOWED);
    assertThat(status(id)).isEqualTo("3");
    nullResult(responsible.call("task.item.pauseexecution", List.of(id)));
    nullResult(responsible.call("task.item.defer", List.of(id)));
    refused(responsible.call("task.item.defer", List.of(id)), NOT_ALLOWED);
    refused(stranger.call("task.item.defer", List.of(id)), NOT_ALLOWED);
    refused(responsible.call("task.item.defer", List.of("abc")), "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) "
        + "for method ctaskitem::defer() expected to be of type \"integer\", but given something else.; "
        + "256/TE/WRONG_ARGUMENTS<br>");
    refused(responsible.call("task.item.defer", Map.of()), "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) "
        + "expected by method ctaskitem::defer(), but not given.; 256/TE/WRONG_ARGUMENTS<br>");
  }

  @Test
  void the_control_cycle_complete_disapprove_complete_approve_renew_runs_through_task_item() {
    long id = task(true);
    nullResult(responsible.call("task.item.complete", List.of(id)));
    assertThat(status(id)).isEqualTo("4");
    refused(responsible.call("task.item.approve", List.of(id)), NOT_ALLOWED);
    nullResult(creator.call("task.item.disapprove", List.of(id)));
    assertThat(status(id)).isEqualTo("2");
    nullResult(responsible.call("task.item.complete", List.of(id)));
    nullResult(creator.call("task.item.approve", List.of(id)));
    assertThat(status(id)).isEqualTo("5");
    nullResult(creator.call("task.item.renew", List.of(id)));
    assertThat(status(id)).isEqualTo("2");
    List<String> statusHistory = new ArrayList<>();
    for (JsonNode h : creator.call("task.logitem.list", List.of(id)).result()) {
      assertThat(h.get("TASK_ID").asText()).isEqualTo(Long.toString(id));
      if (h.get("FIELD").asText().equals("STATUS")) {
        statusHistory.add(h.get("FROM_VALUE").asText() + ">" + h.get("TO_VALUE").asText());
      }
    }
    assertThat(statusHistory).containsExactly("2>4", "4>2", "2>4", "4>5", "5>2");
    JsonNode modern = creator.call("tasks.task.history.list", Map.of("taskId", id)).result().get("list");
    assertThat(modern.size()).as("one history, two APIs").isGreaterThanOrEqualTo(statusHistory.size());
  }

  @Test
  void delegate_takes_task_and_user_by_position() {
    long id = task(false);
    nullResult(creator.call("task.item.delegate", "{\"TASKID\":" + id + ",\"USERID\":" + stranger.id() + "}"));
    JsonNode t = creator.task(id);
    assertThat(t.get("responsibleId").asText()).isEqualTo(Long.toString(stranger.id()));
    refused(auditor.call("task.item.delegate", List.of(id, auditor.id())), NOT_ALLOWED);
  }

  @Test
  void allowed_actions_come_as_ids_as_strings_and_one_by_one() {
    long id = task(false);
    List<Integer> ids = new ArrayList<>();
    responsible.call("task.item.getallowedactions", List.of(id)).result().forEach(n -> ids.add(n.asInt()));
    assertThat(ids).contains(3, 6, 10).doesNotContain(1, 2, 4);
    JsonNode strings = responsible.call("task.item.getallowedtaskactionsasstrings", List.of(id)).result();
    assertThat(strings.get("ACTION_ACCEPT").asBoolean()).isFalse();
    assertThat(strings.get("ACTION_DEFER").asBoolean()).isTrue();
    assertThat(strings.get("ACTION_ELAPSED_TIME_ADD").asBoolean()).isTrue();
    assertThat(strings.get("ACTION_CHANGE_DIRECTOR").asBoolean()).isFalse();
    assertThat(responsible.call("task.item.getallowedtaskactions", List.of(id)).result()).hasSize(ids.size());
    assertThat(responsible.call("task.item.isactionallowed", List.of(id, 10)).result().asBoolean()).isTrue();
    assertThat(auditor.call("task.item.isactionallowed", List.of(id, 10)).result().asBoolean()).isFalse();
    assertThat(creator.call("task.item.isactionallowed", List.of(id, 10, auditor.id())).result().asBoolean())
        .isFalse();
    assertThat(stranger.call("task.item.isactionallowed", List.of(id, 23)).result().asBoolean()).isFalse();
    assertThat(auditor.call("task.item.isactionallowed", List.of(id, 23)).result().asBoolean()).isTrue();
  }

  @Test
  void both_favorite_methods_toggle() {
    long id = task(false);
    assertThat(auditor.call("task.item.addtofavorite", List.of(id)).result().asBoolean()).isTrue();
    assertThat(auditor.call("tasks.task.get", Map.of("taskId", id)).result().get("task").get("favorite").asText())
        .isEqualTo("Y");
    assertThat(auditor.call("task.item.addtofavorite", List.of(id)).result().asBoolean()).isFalse();
    assertThat(auditor.call("task.item.deletefromfavorite", List.of(id)).result().asBoolean()).isTrue();
    refused(stranger.call("task.item.addtofavorite", List.of(id)),
        "TASKS_ERROR_EXCEPTION_#1; Task not found or not accessible; 1/TE/TASK_NOT_FOUND_OR_NOT_ACCESSIBLE<br>");
  }

  @Test
  void update_and_delete_refuse_with_their_own_texts_and_write_nothing() {
    long id = task(false);
    refused(auditor.call("task.item.update", List.of(id, Map.of("TITLE", "hijack"))),
        "TASKS_ERROR_EXCEPTION_#4; No access to edit the task; 4/TE/ACTION_NOT_ALLOWED<br>");
    refused(stranger.call("task.item.update", List.of(id, Map.of("TITLE", "hijack"))), NOT_ALLOWED);
    assertThat(creator.task(id).get("title").asText()).isEqualTo("Ship it");
    nullResult(creator.call("task.item.update", List.of(id, Map.of("TITLE", "Renamed"))));
    assertThat(creator.task(id).get("title").asText()).isEqualTo("Renamed");
    refused(auditor.call("task.item.delete", List.of(id)), "No access to delete the task<br>");
    nullResult(creator.call("task.item.delete", List.of(id)));
    assertThat(creator.call("tasks.task.get", Map.of("taskId", id)).result().isArray()).isTrue();
  }

  @Test
  void description_files_manifest_and_the_class_named_alias() {
    long id = creator.addTask(Map.of("TITLE", "d", "RESPONSIBLE_ID", responsible.id(),
        "DESCRIPTION", "Say [B]hi[/B] <now>"));
    assertThat(creator.call("task.item.getdescription", List.of(id)).result().asText())
        .isEqualTo("Say [B]hi[/B] <now>");
    assertThat(creator.call("task.item.getdescription", List.of(id, 2)).result().asText())
        .isEqualTo("Say <b>hi</b> &lt;now&gt;");
    assertThat(creator.call("task.item.getdescription", List.of(id, 3)).result().asText())
        .isEqualTo("Say hi <now>");
    assertThat(creator.call("task.item.getfiles", List.of(id)).result().isArray()).isTrue();
    JsonNode manifest = creator.call("task.item.getmanifest", null).result();
    assertThat(manifest.get("REST: available methods").get("defer").get("params").get(0).get("description")
        .asText()).isEqualTo("taskId");
    nullResult(responsible.call("task.ctaskitem.defer", List.of(id)));
    assertThat(status(id)).isEqualTo("6");
  }

  @Test
  void getexecutiveuserid_answers_the_responsible_as_an_int_to_a_reader_and_hides_the_rest() {
    long id = task(false);
    for (Object body : List.of(List.of(id), Map.of("TASK_ID", id), Map.of("taskId", Long.toString(id)))) {
      Response r = auditor.call("task.item.getexecutiveuserid", body);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.result().isIntegralNumber()).as(r.toString()).isTrue();
      assertThat(r.result().asLong()).isEqualTo(responsible.id());
    }
    nullResult(creator.call("task.item.delegate", List.of(id, auditor.id())));
    assertThat(creator.call("task.ctaskitem.getexecutiveuserid", List.of(id)).result().asLong())
        .isEqualTo(auditor.id());
    Response hidden = stranger.call("task.item.getexecutiveuserid", List.of(id));
    Response missing = stranger.call("task.item.getexecutiveuserid", List.of(999_999));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.toString()).isEqualTo(missing.toString());
    refused(creator.call("task.item.getexecutiveuserid", List.of()),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) expected by method ctaskitem::getexecutiveuserid(), but not "
            + "given.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.item.getexecutiveuserid", List.of("abc")),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskitem::getexecutiveuserid() expected to be of "
            + "type \"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
  }
}
