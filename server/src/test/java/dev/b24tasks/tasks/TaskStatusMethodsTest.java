package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of the seed pages (tasks.task.defer, delegate, disapprove) over real HTTP, and the shape of their
 * answers: every key of the documentation's example, in order, with the same JSON types.
 */
class TaskStatusMethodsTest extends CastTest {
  /** Top-level keys of the task object in the seed examples (defer, delegate, disapprove are identical). */
  static final List<String> SEED_KEYS = List.of("id", "parentId", "title", "description", "mark", "priority",
      "multitask", "notViewed", "replicate", "stageId", "sprintId", "backlogId", "createdBy", "createdDate",
      "responsibleId", "changedBy", "changedDate", "statusChangedBy", "closedBy", "closedDate", "activityDate",
      "dateStart", "deadline", "startDatePlan", "endDatePlan", "guid", "xmlId", "commentsCount",
      "serviceCommentsCount", "allowChangeDeadline", "allowTimeTracking", "taskControl", "addInReport",
      "forkedByTemplateId", "timeEstimate", "timeSpentInLogs", "matchWorkTime", "forumTopicId", "forumId", "siteId",
      "subordinate", "exchangeModified", "exchangeId", "outlookVersion", "viewedDate", "sorting", "durationFact",
      "isMuted", "isPinned", "isPinnedInGroup", "flowId", "descriptionInBbcode", "status", "statusChangedDate",
      "durationPlan", "durationType", "favorite", "groupId", "auditors", "accomplices", "checklist", "group",
      "creator", "responsible", "accomplicesData", "auditorsData", "newCommentsCount", "action", "checkListTree",
      "checkListCanAdd");
  static final List<String> SEED_ACTION_KEYS = List.of("accept", "decline", "complete", "approve", "disapprove",
      "start", "pause", "delegate", "remove", "edit", "defer", "renew", "create", "changeDeadline",
      "checklistAddItems", "addFavorite", "deleteFavorite", "rate", "take", "edit.originator", "checklist.reorder",
      "elapsedtime.add", "dayplan.timer.toggle", "edit.plan", "checklist.add", "favorite.add", "favorite.delete");
  static final List<String> USER_KEYS = List.of("id", "name", "link", "icon", "workPosition");
  static final List<String> TREE_FIELD_KEYS = List.of("id", "copiedId", "entityId", "userId", "createdBy",
      "parentId", "title", "sortIndex", "displaySortIndex", "isComplete", "isImportant", "completedCount", "members",
      "attachments", "nodeId");

  long controlledTask() {
    return task("Prepare the report", Map.of("TASK_CONTROL", "Y"));
  }

  @Test
  void with_task_control_the_responsible_completes_to_4_and_the_creator_disapproves_to_2() {
    long id = controlledTask();
    assertThat(status(responsible.call("tasks.task.start", Map.of("taskId", id)))).isEqualTo("3");
    assertThat(status(responsible.call("tasks.task.complete", Map.of("taskId", id)))).isEqualTo("4");

    Response byAuditor = auditor.call("tasks.task.disapprove", Map.of("taskId", id));
    assertThat(byAuditor.status()).isEqualTo(400);
    assertThat(byAuditor.error()).isEqualTo("1048582");
    assertThat(byAuditor.errorDescription()).isEqualTo("Action on the task is not allowed");
    assertThat(byAuditor.json().has("time")).isFalse();

    Response disapproved = creator.call("tasks.task.disapprove", Map.of("taskId", id));
    assertThat(status(disapproved)).isEqualTo("2");
    assertThat(disapproved.result().get("task").get("closedBy").asText()).isEqualTo("0");
    assertThat(disapproved.result().get("task").get("closedDate").isNull()).isTrue();
  }

  @Test
  void defer_works_from_2_and_is_refused_from_3() {
    long pending = controlledTask();
    Response deferred = responsible.call("tasks.task.defer", Map.of("taskId", pending));
    assertThat(status(deferred)).isEqualTo("6");

    long started = controlledTask();
    responsible.call("tasks.task.start", Map.of("taskId", started));
    Response refused = responsible.call("tasks.task.defer", Map.of("taskId", started));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("1048582");
    assertThat(responsible.task(started).get("status").asText()).isEqualTo("3");
  }

  @Test
  void delegate_hands_the_task_over_and_keeps_the_old_responsible_as_an_auditor() {
    long id = controlledTask();
    responsible.call("tasks.task.start", Map.of("taskId", id));
    Response r = responsible.call("tasks.task.delegate", Map.of("taskId", id, "userId", stranger.id()));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode task = r.result().get("task");
    assertThat(task.get("status").asText()).isEqualTo("2");
    assertThat(task.get("responsibleId").asText()).isEqualTo(Long.toString(stranger.id()));
    assertThat(texts(task.get("auditors"))).containsExactly(Long.toString(auditor.id()),
        Long.toString(responsible.id()));
    assertThat(task.get("auditorsData").has(Long.toString(responsible.id()))).isTrue();

    JsonNode list = creator.call("tasks.task.history.list", Map.of("taskId", id)).result().get("list");
    List<String> fields = new ArrayList<>();
    list.forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).contains("RESPONSIBLE_ID", "AUDITORS");
    for (JsonNode e : list) {
      if (e.get("field").asText().equals("RESPONSIBLE_ID")) {
        assertThat(e.get("value").get("from").asText()).isEqualTo(Long.toString(responsible.id()));
        assertThat(e.get("value").get("to").asText()).isEqualTo(Long.toString(stranger.id()));
      }
      if (e.get("field").asText().equals("AUDITORS")) {
        assertThat(e.get("value").get("from").asText()).isEqualTo(Long.toString(auditor.id()));
        assertThat(e.get("value").get("to").asText()).isEqualTo(auditor.id() + "," + responsible.id());
      }
    }
  }

  @Test
  void the_refusal_codes_differ_by_method_as_the_controller_wraps_them() {
    long id = controlledTask();
    // an auditor may do none of these; start/complete/delegate answer "0", the others 1048582
    assertThat(auditor.call("tasks.task.start", Map.of("taskId", id)).error()).isEqualTo("0");
    assertThat(auditor.call("tasks.task.complete", Map.of("taskId", id)).error()).isEqualTo("0");
    assertThat(auditor.call("tasks.task.delegate", Map.of("taskId", id, "userId", stranger.id())).error())
        .isEqualTo("0");
    assertThat(auditor.call("tasks.task.defer", Map.of("taskId", id)).error()).isEqualTo("1048582");
    assertThat(auditor.call("tasks.task.renew", Map.of("taskId", id)).error()).isEqualTo("1048582");
    assertThat(auditor.call("tasks.task.approve", Map.of("taskId", id)).error()).isEqualTo("1048582");
    Response start = auditor.call("tasks.task.start", Map.of("taskId", id));
    assertThat(start.status()).isEqualTo(400);
    assertThat(start.errorDescription()).isEqualTo("Action on the task is not allowed");
  }

  @Test
  void task_id_errors_are_the_binders() {
    Response missing = creator.call("tasks.task.approve", Map.of());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error()).isEqualTo("100");
    assertThat(missing.errorDescription())
        .isEqualTo("CTaskItem All parameters in the constructor must have real class type");
    Response wrong = creator.call("tasks.task.defer", Map.of("taskId", "abc"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.error()).isEqualTo("0");
    assertThat(wrong.errorDescription()).isEqualTo("wrong task id");
    assertThat(creator.call("tasks.task.pause", Map.of("taskId", -5)).errorDescription()).isEqualTo("wrong task id");
    Response noUser = creator.call("tasks.task.delegate", Map.of("taskId", 1));
    assertThat(noUser.status()).isEqualTo(400);
    assertThat(noUser.error()).isEqualTo("100");
    assertThat(noUser.errorDescription()).isEqualTo("Could not find value for parameter {userId}");
  }

  @Test
  void a_missing_task_and_a_hidden_one_look_the_same() {
    long hidden = controlledTask();
    for (long id : new long[] {hidden, 99_999_999L}) {
      Response get = stranger.call("tasks.task.get", Map.of("taskId", id));
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.result().isArray() && get.result().isEmpty()).as(get.toString()).isTrue();
      Response defer = stranger.call("tasks.task.defer", Map.of("taskId", id));
      assertThat(defer.status()).isEqualTo(400);
      assertThat(defer.error()).isEqualTo("1048582");
      assertThat(stranger.call("tasks.task.start", Map.of("taskId", id)).error()).isEqualTo("0");
    }
  }

  @Test
  void every_status_method_answers_with_the_seed_examples_keys_in_order_and_types() {
    long id = controlledTask();
    responsible.call("tasks.task.start", Map.of("id", id)); // "id" is accepted for "taskId"
    Response r = responsible.call("tasks.task.defer", Map.of("taskId", creator.addTask(
        Map.of("TITLE", "x", "RESPONSIBLE_ID", responsible.id(), "ACCOMPLICES", List.of(stranger.id())))));
    assertSeedShape(r);
    assertSeedShape(responsible.call("tasks.task.delegate", Map.of("taskId", id, "userId", stranger.id())));
    long awaiting = controlledTask();
    responsible.call("tasks.task.complete", Map.of("taskId", awaiting));
    assertSeedShape(creator.call("tasks.task.disapprove", Map.of("taskId", awaiting)));
    assertSeedShape(creator.call("tasks.task.get", Map.of("taskId", awaiting)));
  }

  static void assertSeedShape(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(names(r.json())).containsExactly("result", "time");
    JsonNode task = r.result().get("task");
    assertThat(names(task)).containsExactlyElementsOf(SEED_KEYS);
    for (String k : List.of("id", "priority", "stageId", "createdBy", "responsibleId", "changedBy", "status",
        "timeEstimate", "outlookVersion", "groupId")) {
      assertThat(task.get(k).isTextual()).as(k).isTrue();
    }
    for (String k : List.of("multitask", "notViewed", "replicate", "allowChangeDeadline", "allowTimeTracking",
        "taskControl", "addInReport", "matchWorkTime", "subordinate", "isMuted", "isPinned", "isPinnedInGroup",
        "descriptionInBbcode", "favorite")) {
      assertThat(task.get(k).asText()).as(k).isIn("Y", "N");
    }
    assertThat(task.get("createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    assertThat(task.get("auditors").isArray()).isTrue();
    assertThat(task.get("accomplices").isArray()).isTrue();
    task.get("accomplices").forEach(a -> assertThat(a.isTextual()).isTrue());
    assertThat(task.get("newCommentsCount").isInt()).isTrue();
    assertThat(task.get("checkListCanAdd").isBoolean()).isTrue();
    assertThat(names(task.get("creator"))).containsExactlyElementsOf(USER_KEYS);
    assertThat(names(task.get("responsible"))).containsExactlyElementsOf(USER_KEYS);
    assertThat(names(task.get("action"))).containsExactlyElementsOf(SEED_ACTION_KEYS);
    task.get("action").forEach(v -> assertThat(v.isBoolean()).isTrue());
    JsonNode tree = task.get("checkListTree");
    assertThat(names(tree)).containsExactly("nodeId", "fields", "action", "descendants");
    assertThat(names(tree.get("fields"))).containsExactlyElementsOf(TREE_FIELD_KEYS);
    assertThat(tree.get("nodeId").isInt()).isTrue();
    for (String k : List.of("checklist", "group")) {
      assertThat(task.get(k).isArray() || task.get(k).isObject()).as(k).isTrue();
    }
    for (String k : List.of("accomplicesData", "auditorsData")) {
      JsonNode d = task.get(k);
      if (d.isObject()) d.forEach(u -> assertThat(names(u)).containsExactlyElementsOf(USER_KEYS));
      else assertThat(d.isArray() && d.isEmpty()).as(k).isTrue();
    }
  }

  static String status(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task").get("status").asText();
  }

  static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static List<String> texts(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(v -> out.add(v.asText()));
    return out;
  }
}
