package dev.b24tasks.stages;

import static dev.b24tasks.stages.StageFilterTest.ids;
import static dev.b24tasks.stages.StageMethodsTest.ok;
import static dev.b24tasks.stages.StageMethodsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.App;
import dev.b24tasks.tasks.TaskChangeListener;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.People.Person;
import dev.b24tasks.testing.RestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * "My plan" over HTTP as the portal keeps it: a task is pinned into the first stage of its members' plans that
 * exist (on add, and when an update names someone), each user's plan has its own order (movetask before / after,
 * the list's SORTING without GROUP_ID), only the owner moves tasks in it, and a hidden task is a missing one.
 */
class PlanTest extends CastTest {
  /** The stage ids of the person's plan, in SORT order (task.stages.get makes it the first time). */
  static List<Long> plan(Person p) {
    JsonNode board = ok(p.call("task.stages.get", Map.of("entityId", 0))).result();
    List<Long> out = new ArrayList<>();
    board.properties().forEach(e -> out.add(Long.parseLong(e.getKey())));
    return out;
  }

  /** The tasks standing in a stage of the caller's plan, in her plan's order. */
  static List<Long> inStage(Person p, long stageId) {
    return ids(ok(p.call("tasks.task.list", Map.of("filter", Map.of("STAGES_ID", stageId),
        "order", Map.of("SORTING", "asc"), "select", List.of("ID")))).result().get("tasks"));
  }

  /** The given tasks in the caller's own order (SORTING without GROUP_ID). */
  static List<Long> ordered(Person p, List<Long> taskIds) {
    return ids(ok(p.call("tasks.task.list", Map.of("filter", Map.of("ID", taskIds),
        "order", Map.of("SORTING", "asc"), "select", List.of("ID")))).result().get("tasks"));
  }

  static void move(Person p, long task, long stage, Map<String, Object> place) {
    Map<String, Object> params = new java.util.HashMap<>(place);
    params.put("id", task);
    params.put("stageId", stage);
    assertThat(ok(p.call("task.stages.movetask", params)).result().asBoolean()).isTrue();
  }

  @Test
  void a_new_task_is_pinned_into_the_first_stage_of_its_members_plans_that_exist() {
    Person boris = new People(server).create("Bogdan");
    Person vera = new People(server).create("Valeria");
    Person gleb = new People(server).create("Gennady");
    Person anna = new People(server).create("Alla");
    List<Long> borisPlan = plan(boris);
    List<Long> veraPlan = plan(vera);
    List<Long> glebPlan = plan(gleb);
    List<Long> updated = new CopyOnWriteArrayList<>();
    server.app().tasks.addListener((id, kind, user) -> {
      if (kind == TaskChangeListener.Kind.UPDATE) updated.add(id);
    });
    long t = anna.addTask(Map.of("TITLE", "Pinned", "RESPONSIBLE_ID", boris.id(), "AUDITORS", List.of(vera.id())));
    assertThat(inStage(boris, borisPlan.get(0))).containsExactly(t);
    assertThat(inStage(vera, veraPlan.get(0))).containsExactly(t);
    assertThat(inStage(gleb, glebPlan.get(0))).isEmpty();
    // Alla had no plan when she added it: a plan made later through REST starts empty (no converter there)
    List<Long> annaPlan = plan(anna);
    assertThat(inStage(anna, annaPlan.get(0))).isEmpty();
    // and a task not standing in her plan stays out of it: the portal answers true and changes nothing
    move(anna, t, annaPlan.get(1), Map.of());
    assertThat(inStage(anna, annaPlan.get(1))).isEmpty();

    // a plan move is the owner's alone: no STAGE_ID, no history, no ONTASKUPDATE
    move(boris, t, borisPlan.get(1), Map.of());
    assertThat(inStage(boris, borisPlan.get(1))).containsExactly(t);
    assertThat(inStage(boris, borisPlan.get(0))).isEmpty();
    assertThat(inStage(vera, veraPlan.get(0))).containsExactly(t);
    assertThat(boris.task(t).get("stageId").asText()).isEqualTo("0");
    assertThat(updated).isEmpty();
    JsonNode history = ok(anna.call("tasks.task.history.list", Map.of("taskId", t))).result().get("list");
    history.forEach(e -> assertThat(e.get("field").asText()).isNotEqualTo("STAGE_ID"));

    // someone the update names joins: pinned; those who had it keep their place
    ok(anna.call("tasks.task.update", Map.of("taskId", t, "fields", Map.of("ACCOMPLICES", List.of(gleb.id()),
        "RESPONSIBLE_ID", boris.id()))));
    assertThat(inStage(gleb, glebPlan.get(0))).containsExactly(t);
    assertThat(inStage(boris, borisPlan.get(1))).containsExactly(t);
    // startwatch names the watcher as an auditor: pinned too
    ok(anna.call("tasks.task.startwatch", Map.of("taskId", t)));
    assertThat(inStage(anna, annaPlan.get(0))).containsExactly(t);

    // Gennady leaves the task: the place stays (as on the portal) but a task he may not read is not his to see
    ok(anna.call("tasks.task.update", Map.of("taskId", t, "fields", Map.of("ACCOMPLICES", List.of()))));
    assertThat(inStage(gleb, glebPlan.get(0))).isEmpty();
    JsonNode hidden = gleb.call("task.stages.movetask", Map.of("id", t, "stageId", glebPlan.get(1))).json();
    JsonNode missing = gleb.call("task.stages.movetask", Map.of("id", 99_999_999, "stageId", glebPlan.get(1))).json();
    assertThat(hidden).isEqualTo(missing);
    refused(gleb.call("task.stages.movetask", Map.of("id", t, "stageId", glebPlan.get(1))), "TASK_NOT_FOUND",
        "Task not found or access to it is denied");
    assertThat(updated).as("the updates above fire as usual").isNotEmpty();

    // a deleted task leaves every plan
    ok(anna.call("tasks.task.delete", Map.of("taskId", t)));
    assertThat(inStage(vera, veraPlan.get(0))).isEmpty();
  }

  @Test
  void before_and_after_order_each_users_plan_on_its_own() {
    List<Long> borisPlan = plan(responsible);
    List<Long> veraPlan = plan(auditor);
    long a = task("a", Map.of());
    long b = task("b", Map.of());
    long c = task("c", Map.of());
    List<Long> all = List.of(a, b, c);
    // newest first in both plans
    assertThat(inStage(responsible, borisPlan.get(0))).containsExactly(c, b, a);
    assertThat(inStage(auditor, veraPlan.get(0))).containsExactly(c, b, a);

    move(responsible, a, borisPlan.get(0), Map.of("before", c));
    assertThat(inStage(responsible, borisPlan.get(0))).containsExactly(a, c, b);
    assertThat(inStage(auditor, veraPlan.get(0))).containsExactly(c, b, a);
    move(auditor, c, veraPlan.get(0), Map.of("after", a));
    assertThat(inStage(auditor, veraPlan.get(0))).containsExactly(b, a, c);
    assertThat(inStage(responsible, borisPlan.get(0))).containsExactly(a, c, b);

    // into another stage at a place, and without one: first in her order
    move(responsible, c, borisPlan.get(1), Map.of("after", b));
    assertThat(inStage(responsible, borisPlan.get(1))).containsExactly(c);
    assertThat(ordered(responsible, all)).containsExactly(a, b, c);
    move(responsible, b, borisPlan.get(1), Map.of());
    assertThat(inStage(responsible, borisPlan.get(1))).containsExactly(b, c);
    assertThat(inStage(responsible, borisPlan.get(0))).containsExactly(a);
    assertThat(ordered(responsible, all)).containsExactly(b, a, c);
    // a target outside her plan leaves the order as it is
    long elsewhere = creator.addTask(Map.of("TITLE", "not Boris's", "RESPONSIBLE_ID", creator.id()));
    move(responsible, a, borisPlan.get(0), Map.of("before", elsewhere));
    assertThat(ordered(responsible, all)).containsExactly(b, a, c);
    // each list answers in its own viewer's order
    assertThat(ordered(auditor, all)).containsExactly(b, a, c);
    move(auditor, a, veraPlan.get(0), Map.of("before", b));
    assertThat(ordered(auditor, all)).containsExactly(a, b, c);
    assertThat(ordered(responsible, all)).containsExactly(b, a, c);
  }

  /** The person calling another node of the same database through her own webhook. */
  static Person on(App node, Person p) {
    String[] path = p.client().webhookPath().split("/"); // "", "rest", id, code
    return new Person(p.id(), new RestClient("http://127.0.0.1:" + node.port(), p.id(), path[3]));
  }

  @Test
  void two_nodes_of_one_database_see_the_same_plans() {
    Person bogdan = new People(server).create("Bronislav");
    Person vita = new People(server).create("Vitalina");
    List<Long> plan = plan(bogdan);
    try (App second = server.secondNode()) {
      Person there = on(second, vita);
      long a = there.addTask(Map.of("TITLE", "there a", "RESPONSIBLE_ID", bogdan.id()));
      long b = there.addTask(Map.of("TITLE", "there b", "RESPONSIBLE_ID", bogdan.id()));
      assertThat(inStage(bogdan, plan.get(0))).containsExactly(b, a);
      move(on(second, bogdan), a, plan.get(1), Map.of());
      move(bogdan, b, plan.get(1), Map.of("after", a));
      assertThat(inStage(on(second, bogdan), plan.get(1))).containsExactly(a, b);
      assertThat(inStage(bogdan, plan.get(0))).isEmpty();
    }
  }

  @Test
  void only_the_owner_moves_tasks_in_her_plan_and_admins_do_not_pass() {
    Person admin = new People(server).create("Ada", true);
    List<Long> borisPlan = plan(responsible);
    long t = task("Boris's to plan", Map.of());
    refused(creator.call("task.stages.movetask", Map.of("id", t, "stageId", borisPlan.get(1))),
        "ACCESS_DENIED_MOVE", "You cannot move this task");
    refused(admin.call("task.stages.movetask", Map.of("id", t, "stageId", borisPlan.get(1))), "ACCESS_DENIED_MOVE",
        "You cannot move this task");
    assertThat(ok(admin.call("task.stages.canmovetask", Map.of("entityId", responsible.id(), "entityType", "U")))
        .result().asBoolean()).isFalse();
    assertThat(ok(responsible.call("task.stages.canmovetask",
        Map.of("entityId", responsible.id(), "entityType", "U"))).result().asBoolean()).isTrue();
    assertThat(inStage(responsible, borisPlan.get(0))).contains(t);
    // another user's plan stage in the filter finds nothing she may not see, and nothing of his for her
    assertThat(inStage(stranger, borisPlan.get(0))).isEmpty();
    // his plan's stages are not hers to manage, even with isAdmin when she is no administrator
    refused(creator.call("task.stages.update", Map.of("id", borisPlan.get(1), "fields", Map.of("TITLE", "x"),
        "isAdmin", true)), "ACCESS_DENIED", "You do not have permission to manage stages");
    // a stage with tasks is not deleted
    move(responsible, t, borisPlan.get(1), Map.of());
    long extra = ok(responsible.call("task.stages.add", Map.of("fields", Map.of("TITLE", "Later",
        "AFTER_ID", borisPlan.get(1))))).result().asLong();
    move(responsible, t, extra, Map.of());
    refused(responsible.call("task.stages.delete", Map.of("id", extra)), "NO_EMPTY", "The stage contains tasks");
  }
}
