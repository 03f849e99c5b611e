package dev.b24tasks.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Race;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * M5/M6: checklist writes lock the task's checklist before they read what they rewrite. Crossing moves never make
 * a parent cycle (exactly one of the two wins); a rename, a toggle and an importance change at once all survive.
 */
class ConcurrentChecklistTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.databasePoolSize = 16);

  static final int ROUNDS = 12;

  private static RestClient c() {
    return server.admin();
  }

  private static long task() {
    Response r = c().call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Checklist race", "RESPONSIBLE_ID", 1)));
    return r.result().get("task").get("id").asLong();
  }

  private static long item(long task, String title, Long parent) {
    Map<String, Object> fields = new HashMap<>(Map.of("TITLE", title));
    if (parent != null) fields.put("PARENT_ID", parent);
    Response r = c().call("task.checklistitem.add", List.of(task, fields));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().asLong();
  }

  @Test
  void crossing_moves_never_make_a_parent_cycle() {
    for (int round = 0; round < ROUNDS; round++) {
      long task = task();
      long list = item(task, "list", 0L);
      long x = item(task, "X", list);
      long y = item(task, "Y", list);
      long z = item(task, "Z", y);
      long w = item(task, "W", x);
      List<Response> answers = Race.run(List.of(
          () -> c().call("task.checklistitem.moveafteritem", List.of(task, x, z)),
          () -> c().call("task.checklistitem.moveafteritem", List.of(task, y, w))));
      long won = answers.stream().filter(r -> r.status() == 200).count();
      answers.forEach(r -> assertThat(r.status()).as(r.toString()).isIn(200, 400));
      assertThat(won).as("round %d: %s", round, answers).isEqualTo(1);
      Map<Long, Long> parent = new HashMap<>();
      server.app().db.read(tx -> tx.query("SELECT id, parent_id FROM checklist_items WHERE task_id = ?",
          rs -> parent.put(rs.getLong(1), rs.getLong(2)), task));
      for (long id : parent.keySet()) {
        long at = id;
        for (int steps = 0; at != 0; steps++) {
          assertThat(steps).as("item %d reaches the root", id).isLessThan(10);
          at = parent.get(at);
        }
      }
      // and the tree still answers
      assertThat(c().call("task.checklistitem.getlist", List.of(task)).result().size()).isEqualTo(5);
    }
  }

  @Test
  void a_rename_a_toggle_and_an_importance_change_at_once_all_survive() {
    long task = task();
    for (int round = 0; round < ROUNDS; round++) {
      long id = item(task, "item " + round, null);
      List<Response> answers = Race.run(List.of(
          () -> c().call("task.checklistitem.update", List.of(task, id, Map.of("TITLE", "renamed"))),
          () -> c().call("task.checklistitem.complete", List.of(task, id)),
          () -> c().call("task.checklistitem.update", List.of(task, id, Map.of("IS_IMPORTANT", "Y")))));
      answers.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
      JsonNode got = c().call("task.checklistitem.get", List.of(task, id)).result();
      assertThat(got.get("TITLE").asText()).as("round %d", round).isEqualTo("renamed");
      assertThat(got.get("IS_COMPLETE").asText()).as("round %d", round).isEqualTo("Y");
      assertThat(got.get("IS_IMPORTANT").asText()).as("round %d", round).isEqualTo("Y");
    }
  }

  @Test
  void a_parent_cycle_stored_by_an_older_build_does_not_hang_the_tree_walks() {
    long task = task();
    long list = item(task, "list", 0L);
    long x = item(task, "X", list);
    long y = item(task, "Y", x);
    // what the race of an older build could leave: X and Y each other's parent
    server.app().db.tx(tx -> tx.update("UPDATE checklist_items SET parent_id = ? WHERE id = ?", y, x));
    // the subtree walks end (UNION stops on a row met twice) and the calls answer
    Response move = c().call("task.checklistitem.moveafteritem", List.of(task, x, y));
    assertThat(move.status()).as(move.toString()).isEqualTo(400);
    Response delete = c().call("task.checklistitem.delete", List.of(task, x));
    assertThat(delete.status()).as(delete.toString()).isEqualTo(200);
    assertThat(c().call("task.checklistitem.getlist", List.of(task)).result().size()).isEqualTo(1);
  }
}
