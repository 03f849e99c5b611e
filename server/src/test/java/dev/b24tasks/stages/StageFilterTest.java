package dev.b24tasks.stages;

import static dev.b24tasks.stages.StageMethodsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Org;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list's STAGE_ID filter: a group's NEW stage also finds the group's tasks that stand in no stage yet. */
class StageFilterTest extends CastTest {
  static List<Long> ids(JsonNode tasks) {
    List<Long> out = new ArrayList<>();
    tasks.forEach(t -> out.add(t.get("id").asLong()));
    return out;
  }

  List<Long> byStage(Object filter) {
    return ids(ok(creator.call("tasks.task.list", Map.of("filter", filter, "order", Map.of("ID", "asc"))))
        .result().get("tasks"));
  }

  @Test
  void the_new_stage_also_matches_the_groups_tasks_without_a_stage() {
    long group = new Org(server).group("Filtered", creator.id(), responsible.id());
    long other = new Org(server).group("Elsewhere", creator.id(), responsible.id());
    long unstaged = task("unstaged", Map.of("GROUP_ID", group));
    long moved = task("moved", Map.of("GROUP_ID", group));
    long elsewhere = task("other group", Map.of("GROUP_ID", other));
    JsonNode board = ok(creator.call("task.stages.get", Map.of("entityId", group))).result();
    List<Long> stages = new ArrayList<>();
    board.properties().forEach(e -> stages.add(Long.parseLong(e.getKey())));
    long first = stages.get(0);
    long second = stages.get(1);
    ok(creator.call("task.stages.movetask", Map.of("id", moved, "stageId", second)));
    ok(creator.call("task.stages.get", Map.of("entityId", other)));

    assertThat(byStage(Map.of("STAGE_ID", first))).containsExactly(unstaged);
    assertThat(byStage(Map.of("STAGE_ID", second))).containsExactly(moved);
    assertThat(byStage(Map.of("GROUP_ID", List.of(group, other), "!STAGE_ID", first)))
        .containsExactly(moved, elsewhere);
    assertThat(byStage(Map.of("GROUP_ID", other, "STAGE_ID", 0))).containsExactly(elsewhere);
  }

  @Test
  void before_and_after_place_the_task_in_the_groups_sorting_order() {
    long group = new Org(server).group("Ordered", creator.id(), responsible.id());
    long a = task("a", Map.of("GROUP_ID", group));
    long b = task("b", Map.of("GROUP_ID", group));
    long c = task("c", Map.of("GROUP_ID", group));
    JsonNode board = ok(creator.call("task.stages.get", Map.of("entityId", group))).result();
    long first = Long.parseLong(board.properties().iterator().next().getKey());
    ok(creator.call("task.stages.movetask", Map.of("id", c, "stageId", first, "before", a)));
    assertThat(sorted(group)).containsExactly(c, a, b);
    ok(creator.call("task.stages.movetask", Map.of("id", a, "stageId", first, "after", b)));
    assertThat(sorted(group)).containsExactly(c, b, a);
    // a target outside the group leaves the order as it is
    long elsewhere = task("elsewhere", Map.of());
    ok(creator.call("task.stages.movetask", Map.of("id", b, "stageId", first, "before", elsewhere)));
    assertThat(sorted(group)).containsExactly(c, b, a);
    // without before / after the task goes first (the portal's pinInTheStage)
    ok(creator.call("task.stages.movetask", Map.of("id", a, "stageId", first)));
    assertThat(sorted(group)).containsExactly(a, c, b);
  }

  List<Long> sorted(long group) {
    return ids(ok(creator.call("tasks.task.list", Map.of("filter", Map.of("GROUP_ID", group),
        "order", Map.of("SORTING", "asc")))).result().get("tasks"));
  }
}
