package dev.b24tasks.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.tasks.TaskChangeListener;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.People.Person;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Kanban stages over HTTP: default boards made on first use, add / update / delete with the renumbered SORT and
 * the NEW first stage, who may manage stages and move tasks, and a group move writing STAGE_ID with history.
 */
class StageMethodsTest extends CastTest {
  static Response ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  static void refused(Response r, String code, String text) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.errorDescription()).isEqualTo(text);
  }

  /** The board as "id:TITLE:SORT:SYSTEM_TYPE" in key order. */
  static List<String> board(Person p, long entityId) {
    JsonNode r = ok(p.call("task.stages.get", Map.of("entityId", entityId))).result();
    List<String> out = new ArrayList<>();
    r.properties().forEach(e -> {
      JsonNode s = e.getValue();
      assertThat(s.get("ID").asText()).isEqualTo(e.getKey());
      out.add(s.get("TITLE").asText() + ":" + s.get("SORT").asText() + ":" + s.get("SYSTEM_TYPE").asText());
    });
    return out;
  }

  static long firstId(Person p, long entityId) {
    return Long.parseLong(ok(p.call("task.stages.get", Map.of("entityId", entityId))).result()
        .properties().iterator().next().getKey());
  }

  @Test
  void my_plan_gets_its_two_default_stages_once_and_stages_are_placed_and_renumbered() {
    JsonNode first = ok(stranger.call("task.stages.get", Map.of("entityId", 0))).result();
    assertThat(first.size()).isEqualTo(2);
    JsonNode s = first.properties().iterator().next().getValue();
    assertThat(s.get("TITLE").asText()).isEqualTo("Not Planned");
    assertThat(s.get("SORT").asText()).isEqualTo("100");
    assertThat(s.get("COLOR").asText()).isEqualTo("00C4FB");
    assertThat(s.get("SYSTEM_TYPE").asText()).isEqualTo("NEW");
    assertThat(s.get("ENTITY_ID").asText()).isEqualTo(Long.toString(stranger.id()));
    assertThat(s.get("ENTITY_TYPE").asText()).isEqualTo("U");
    assertThat(s.get("ADDITIONAL_FILTER").isArray()).isTrue();
    assertThat(s.get("TO_UPDATE_ACCESS").isNull()).isTrue();
    assertThat(board(stranger, 0)).containsExactly("Not Planned:100:NEW", "I Will Do It This Week:200:null");

    long firstStage = firstId(stranger, 0);
    long last = ok(stranger.call("task.stages.add",
        Map.of("fields", Map.of("TITLE", "Someday", "COLOR", "#FFAAEE", "AFTER_ID", 999_999)))).result().asLong();
    ok(stranger.call("task.stages.add", Map.of("fields", Map.of("TITLE", "Today", "AFTER_ID", firstStage))));
    assertThat(board(stranger, 0)).containsExactly("Not Planned:100:NEW", "Today:200:null",
        "I Will Do It This Week:300:null", "Someday:400:null");
    // no AFTER_ID: first, and it becomes the NEW stage
    ok(stranger.call("task.stages.add", Map.of("fields", Map.of("TITLE", "Inbox"))));
    assertThat(board(stranger, 0)).containsExactly("Inbox:100:NEW", "Not Planned:200:null", "Today:300:null",
        "I Will Do It This Week:400:null", "Someday:500:null");
    ok(stranger.call("task.stages.update", Map.of("id", last, "fields", Map.of("TITLE", "Later", "AFTER_ID", 0))));
    assertThat(board(stranger, 0)).first().isEqualTo("Later:100:NEW");

    refused(stranger.call("task.stages.add", Map.of("fields", Map.of("TITLE", "  "))), "EMPTY_TITLE",
        "Stage title is not specified");
    refused(stranger.call("task.stages.update", Map.of("id", 99_999_999, "fields", Map.of("TITLE", "x"))),
        "NOT_FOUND", "Stage not found");
    // another user's plan is not hers to change
    refused(auditor.call("task.stages.update", Map.of("id", last, "fields", Map.of("TITLE", "Mine"))),
        "ACCESS_DENIED", "You do not have permission to manage stages");
    refused(stranger.call("task.stages.delete", Map.of("id", last)), "IS_SYSTEM",
        "The default stage cannot be deleted");
  }

  @Test
  void a_group_board_is_managed_by_its_owner_and_moderators_and_tasks_move_with_history_and_listeners() {
    Org org = new Org(server);
    long group = org.group("Kanban", creator.id(), responsible.id(), auditor.id());
    org.moderators(group, auditor.id());
    assertThat(board(responsible, group)).containsExactly("New:100:NEW", "In Progress:200:null",
        "Completed:300:null");
    refused(stranger.call("task.stages.get", Map.of("entityId", group)), "ACCESS_DENIED",
        "You cannot view stages in this group.");
    refused(responsible.call("task.stages.add", Map.of("fields", Map.of("TITLE", "Review", "ENTITY_ID", group))),
        "ACCESS_DENIED", "You do not have permission to manage stages");
    long review = ok(auditor.call("task.stages.add",
        Map.of("fields", Map.of("TITLE", "Review", "ENTITY_ID", group, "AFTER_ID", firstId(creator, group)))))
        .result().asLong();
    assertThat(board(creator, group)).containsExactly("New:100:NEW", "Review:200:null", "In Progress:300:null",
        "Completed:400:null");

    assertThat(ok(responsible.call("task.stages.canmovetask", Map.of("entityId", group, "entityType", "G")))
        .result().asBoolean()).isTrue();
    assertThat(ok(stranger.call("task.stages.canmovetask", Map.of("entityId", group, "entityType", "G")))
        .result().asBoolean()).isFalse();
    assertThat(ok(stranger.call("task.stages.canmovetask", Map.of("entityId", stranger.id(), "entityType", "U")))
        .result().asBoolean()).isTrue();
    assertThat(ok(stranger.call("task.stages.canmovetask", Map.of("entityId", creator.id(), "entityType", "U")))
        .result().asBoolean()).isFalse();

    long task = task("On the board", Map.of("GROUP_ID", group));
    long outside = task("Not in the group", Map.of());
    List<Long> updated = new CopyOnWriteArrayList<>();
    server.app().tasks.addListener((id, kind, user) -> {
      if (kind == TaskChangeListener.Kind.UPDATE) updated.add(id);
    });
    assertThat(ok(responsible.call("task.stages.movetask", Map.of("id", task, "stageId", review))).body())
        .startsWith("{\"result\":true");
    assertThat(responsible.task(task).get("stageId").asText()).isEqualTo(Long.toString(review));
    assertThat(updated).containsExactly(task);
    JsonNode history = ok(creator.call("tasks.task.history.list", Map.of("taskId", task))).result().get("list");
    List<String> stageRows = new ArrayList<>();
    history.forEach(e -> {
      if (e.get("field").asText().equals("STAGE_ID")) {
        stageRows.add(e.get("value").get("from").asText() + "->" + e.get("value").get("to").asText());
      }
    });
    assertThat(stageRows).containsExactly("0->" + review);
    JsonNode listed = ok(creator.call("tasks.task.list",
        Map.of("filter", Map.of("STAGE_ID", review), "select", List.of("ID")))).result().get("tasks");
    assertThat(listed).hasSize(1);

    refused(stranger.call("task.stages.movetask", Map.of("id", task, "stageId", review)), "TASK_NOT_FOUND",
        "Task not found or access to it is denied");
    refused(creator.call("task.stages.movetask", Map.of("id", task, "stageId", 99_999_999)), "NOT_FOUND",
        "Stage not found");
    refused(creator.call("task.stages.movetask", Map.of("id", outside, "stageId", review)), "DIFFERENT_STAGES",
        "The task and the stage belong to different boards");
    long someonesPlan = firstId(auditor, 0);
    refused(creator.call("task.stages.movetask", Map.of("id", outside, "stageId", someonesPlan)),
        "ACCESS_DENIED_MOVE", "You cannot move this task");
    ok(creator.call("task.stages.movetask", Map.of("id", outside, "stageId", firstId(creator, 0))));

    refused(auditor.call("task.stages.delete", Map.of("id", review)), "NO_EMPTY", "The stage contains tasks");
    refused(responsible.call("task.stages.delete", Map.of("id", review)), "ACCESS_DENIED",
        "You do not have permission to manage stages");
    ok(responsible.call("task.stages.movetask", Map.of("id", task, "stageId", firstId(creator, group))));
    assertThat(ok(auditor.call("task.stages.delete", Map.of("id", review))).result().asBoolean()).isTrue();
    // a delete leaves the others' SORT as it was (the portal renumbers on add and update only)
    assertThat(board(creator, group)).containsExactly("New:100:NEW", "In Progress:300:null", "Completed:400:null");
  }

  @Test
  void missing_parameters_get_the_binders_error() {
    Response r = creator.call("task.stages.get", Map.of());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("100");
    assertThat(creator.call("task.stages.movetask", Map.of("id", 1)).error()).isEqualTo("100");
  }
}
