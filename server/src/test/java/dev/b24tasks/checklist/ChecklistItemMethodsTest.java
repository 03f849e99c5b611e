package dev.b24tasks.checklist;

import static dev.b24tasks.testing.LegacyAssert.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** task.checklistitem.* over real HTTP: the rules per role, the errors, and the task object's checklist. */
class ChecklistItemMethodsTest extends CastTest {
  long task() {
    return task("Release", Map.of());
  }

  static long ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().asLong();
  }


  static List<JsonNode> list(People.Person p, long taskId) {
    Response r = p.call("task.checklistitem.getlist", List.of(taskId));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    r.result().forEach(out::add);
    return out;
  }

  @Test
  void an_item_without_parent_goes_into_a_checklist_made_for_it_and_shows_in_the_task() {
    long taskId = task();
    long item = ok(creator.call("task.checklistitem.add",
        "{\"TASKID\":" + taskId + ",\"FIELDS\":{\"TITLE\":\"Write notes\",\"IS_IMPORTANT\":\"Y\"}}"));
    Response got = creator.call("task.checklistitem.get", List.of(taskId, item));
    JsonNode i = got.result();
    assertThat(i.get("ID").asText()).isEqualTo(Long.toString(item));
    assertThat(i.get("TASK_ID").asText()).isEqualTo(Long.toString(taskId));
    assertThat(i.get("TITLE").asText()).isEqualTo("Write notes");
    assertThat(i.get("IS_COMPLETE").asText()).isEqualTo("N");
    assertThat(i.get("IS_IMPORTANT").asText()).isEqualTo("Y");
    assertThat(i.get("TOGGLED_BY").isNull()).isTrue();
    assertThat(i.get("TOGGLED_DATE").asText()).isEmpty();
    long root = i.get("PARENT_ID").asLong();
    assertThat(root).isPositive();
    assertThat(list(creator, taskId)).hasSize(2);

    JsonNode t = creator.task(taskId);
    assertThat(t.get("checklist").get(Long.toString(item)).get("parentId").asText()).isEqualTo(Long.toString(root));
    assertThat(t.get("checklist").get(Long.toString(root)).get("parentId").asText()).isEqualTo("0");
    JsonNode tree = t.get("checkListTree");
    assertThat(tree.get("nodeId").asInt()).isZero();
    JsonNode list = tree.get("descendants").get(0);
    assertThat(list.get("fields").get("id").asLong()).isEqualTo(root);
    assertThat(list.get("descendants").get(0).get("fields").get("id").asLong()).isEqualTo(item);
    assertThat(list.get("descendants").get(0).get("fields").get("displaySortIndex").asText()).isEqualTo("1");
    assertThat(list.get("descendants").get(0).get("action").get("toggle").asBoolean()).isTrue();
  }

  @Test
  void parent_zero_starts_another_checklist() {
    long taskId = task();
    ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "first"))));
    long second = ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "Second list",
        "PARENT_ID", 0))));
    assertThat(creator.task(taskId).get("checkListTree").get("descendants")).hasSize(2);
    assertThat(creator.call("task.checklistitem.get", List.of(taskId, second)).result().get("PARENT_ID").asText())
        .isEqualTo("0");
  }

  @Test
  void the_responsible_may_add_and_toggle_but_not_edit_the_creators_items() {
    long taskId = task();
    long mine = ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "creator's"))));
    long theirs = ok(responsible.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "resp's"))));
    refused(responsible.call("task.checklistitem.update", List.of(taskId, mine, Map.of("TITLE", "renamed"))),
        "TASKS_ERROR_EXCEPTION_#4; No access to edit the task; 4/TE/ACTION_NOT_ALLOWED<br>");
    assertThat(creator.call("task.checklistitem.get", List.of(taskId, mine)).result().get("TITLE").asText())
        .isEqualTo("creator's");
    assertThat(responsible.call("task.checklistitem.update", List.of(taskId, theirs, Map.of("TITLE", "mine now")))
        .result().isNull()).isTrue();
    assertThat(responsible.call("task.checklistitem.complete", List.of(taskId, mine)).result().asBoolean()).isTrue();
    JsonNode done = creator.call("task.checklistitem.get", List.of(taskId, mine)).result();
    assertThat(done.get("IS_COMPLETE").asText()).isEqualTo("Y");
    assertThat(done.get("TOGGLED_BY").asText()).isEqualTo(Long.toString(responsible.id()));
    assertThat(done.get("TOGGLED_DATE").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    // complete is idempotent; renew unchecks
    assertThat(responsible.call("task.checklistitem.complete", List.of(taskId, mine)).result().asBoolean()).isTrue();
    JsonNode checklist = creator.task(taskId).get("checkListTree").get("descendants").get(0);
    assertThat(checklist.get("fields").get("completedCount").asInt()).isEqualTo(1);
    assertThat(responsible.call("task.checklistitem.renew", List.of(taskId, mine)).result().asBoolean()).isTrue();
    assertThat(creator.call("task.checklistitem.get", List.of(taskId, mine)).result().get("IS_COMPLETE").asText())
        .isEqualTo("N");
    refused(responsible.call("task.checklistitem.delete", List.of(taskId, mine)),
        "TASKS_ERROR_EXCEPTION_#8; Deleting item: action not allowed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    assertThat(responsible.call("task.checklistitem.delete", List.of(taskId, theirs)).result().asBoolean()).isTrue();
  }

  @Test
  void an_auditor_reads_but_may_not_add_or_toggle_and_a_stranger_sees_nothing() {
    long taskId = task();
    long item = ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "a"))));
    int before = list(creator, taskId).size();
    refused(auditor.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "no"))),
        "TASKS_ERROR_EXCEPTION_#8; Adding item: action not allowed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    assertThat(auditor.call("task.checklistitem.complete", List.of(taskId, item)).result().asBoolean()).isFalse();
    assertThat(list(auditor, taskId)).hasSize(before);
    assertThat(auditor.call("task.checklistitem.isactionallowed", List.of(taskId, item, 4)).result().asBoolean())
        .isFalse();
    assertThat(responsible.call("task.checklistitem.isactionallowed", List.of(taskId, item, 4)).result()
        .asBoolean()).isTrue();
    assertThat(responsible.call("task.checklistitem.isactionallowed", List.of(taskId, item, 2)).result()
        .asBoolean()).isFalse();

    refused(stranger.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "no"))),
        "TASKS_ERROR_EXCEPTION_#8; Adding item: action not allowed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    refused(stranger.call("task.checklistitem.get", List.of(taskId, item)), "TASKS_ERROR_EXCEPTION_#512; "
        + "Check listitem not found or not accessible; 512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE<br>");
    refused(stranger.call("task.checklistitem.getlist", List.of(taskId)),
        "TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    assertThat(stranger.call("task.checklistitem.complete", List.of(taskId, item)).result().asBoolean()).isFalse();
    assertThat(list(creator, taskId)).hasSize(before);
  }

  @Test
  void an_item_of_another_task_is_not_reachable_through_this_one() {
    long a = task();
    long b = task();
    long itemOfA = ok(creator.call("task.checklistitem.add", List.of(a, Map.of("TITLE", "of a"))));
    refused(creator.call("task.checklistitem.get", List.of(b, itemOfA)), "TASKS_ERROR_EXCEPTION_#512; "
        + "Check listitem not found or not accessible; 512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE<br>");
    refused(creator.call("task.checklistitem.update", List.of(b, itemOfA, Map.of("TITLE", "x"))),
        "TASKS_ERROR_EXCEPTION_#8; Incorrect value [] specified for field [ENTITY_ID] in item [" + itemOfA
            + "]; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    assertThat(creator.call("task.checklistitem.complete", List.of(b, itemOfA)).result().asBoolean()).isFalse();
    refused(creator.call("task.checklistitem.delete", List.of(b, itemOfA)),
        "TASKS_ERROR_EXCEPTION_#8; Deleting item: action not allowed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    assertThat(creator.call("task.checklistitem.get", List.of(a, itemOfA)).result().get("TITLE").asText())
        .isEqualTo("of a");
  }

  @Test
  void bad_arguments_are_the_manifests_errors() {
    long taskId = task();
    refused(creator.call("task.checklistitem.add", "{\"TASKID\":\"abc\",\"FIELDS\":{\"TITLE\":\"x\"}}"),
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskchecklistitem::add() expected to be of type "
            + "\"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.checklistitem.add", List.of(taskId)), "TASKS_ERROR_EXCEPTION_#256; Param #1 "
        + "(arFields) expected by method ctaskchecklistitem::add(), but not given.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.checklistitem.complete", List.of(taskId)), "TASKS_ERROR_EXCEPTION_#256; Param #1 "
        + "(itemId) expected by method ctaskchecklistitem::complete(), but not given.; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "x", "COLOR", "red"))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arFields) for method ctaskchecklistitem::add() must not contain key "
            + "\"COLOR\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "  "))),
        "TASKS_ERROR_EXCEPTION_#8; Item name not specified; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>");
    refused(creator.call("task.checklistitem.getlist", List.of(taskId, Map.of("IS_COMPLETED", "asc"))),
        "TASKS_ERROR_EXCEPTION_#256; Param #1 (arOrder) for method ctaskchecklistitem::getlist() must not contain "
            + "key \"IS_COMPLETED\".; 256/TE/WRONG_ARGUMENTS<br>");
    refused(creator.call("task.checklistitem.complete", List.of(taskId, 0)), "TASKS_ERROR_ASSERT_EXCEPTION<br>");
    assertThat(list(creator, taskId)).isEmpty();
  }

  @Test
  void getlist_orders_by_sort_index_unless_told_and_move_after_item_reorders() {
    long taskId = task();
    long a = ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "A"))));
    long b = ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "B"))));
    long c = ok(creator.call("task.checklistitem.add", List.of(taskId, Map.of("TITLE", "C"))));
    assertThat(creator.call("task.checklistitem.moveafteritem", List.of(taskId, a, c)).result().isNull()).isTrue();
    List<String> titles = list(creator, taskId).stream().filter(i -> !i.get("PARENT_ID").asText().equals("0"))
        .map(i -> i.get("TITLE").asText()).toList();
    assertThat(titles).containsExactly("B", "C", "A");
    Response desc = creator.call("task.checklistitem.getlist", List.of(taskId, Map.of("TITLE", "desc")));
    assertThat(desc.result().get(0).get("TITLE").asText()).isEqualTo("C");
    assertThat(creator.call("task.checklistitem.delete", List.of(taskId, b)).result().asBoolean()).isTrue();
    long root = creator.call("task.checklistitem.get", List.of(taskId, a)).result().get("PARENT_ID").asLong();
    assertThat(creator.call("task.checklistitem.delete", List.of(taskId, root)).result().asBoolean()).isTrue();
    assertThat(list(creator, taskId)).as("a checklist goes with its items").isEmpty();
    assertThat(creator.task(taskId).get("checklist").isArray()).as("PHP's empty []").isTrue();
  }

  @Test
  void the_manifest_lists_every_method_with_its_positional_parameters() {
    JsonNode m = creator.call("task.checklistitem.getmanifest", null).result();
    assertThat(m.get("Manifest version").asText()).isEqualTo("2.0");
    JsonNode add = m.get("REST: available methods").get("add");
    assertThat(add.get("mandatoryParamsCount").asInt()).isEqualTo(2);
    assertThat(add.get("params").get(0).get("description").asText()).isEqualTo("taskId");
    assertThat(add.get("params").get(0).get("type").asText()).isEqualTo("integer");
  }
}
