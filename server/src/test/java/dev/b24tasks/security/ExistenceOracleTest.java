package dev.b24tasks.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.Method;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An outsider cannot tell a hidden task from a missing one: every method that takes a task id answers both the
 * same (ids aside), and none of the outsider's calls changes the hidden task. The table must name every
 * registered task method, so a new one cannot slip past. {@code tasks.task.history.list} is the portal's own
 * exception (API ref §4.1: "Access denied." for a hidden task, an empty list for a missing one) and is kept so.
 */
class ExistenceOracleTest {
  @RegisterExtension static TestServer server = new TestServer();

  static RestClient owner;
  static RestClient outsider;
  static long outsiderId;
  static long hidden;
  static long missing;
  static long own;
  static long item;
  static long comment;
  static long elapsed;

  /** Methods that take no task id (nothing to hide); every other task method must be in {@link #TABLE}. */
  static final Set<String> NO_TASK_ID = Set.of("tasks.task.getfields", "tasks.task.counters.get",
      "task.item.getmanifest", "task.items.getlist", "task.checklistitem.getmanifest",
      "task.commentitem.getmanifest", "task.elapseditem.getmanifest", "task.stages.get", "task.stages.add",
      "task.stages.update", "task.stages.delete", "task.stages.canmovetask", "task.planner.getlist",
      "task.item.userfield.add", "task.item.userfield.update", "task.item.userfield.delete",
      "task.item.userfield.get", "task.item.userfield.getlist", "task.item.userfield.gettypes",
      "task.item.userfield.getfields");

  /**
   * method, body; {T} the task id, {C} a checklist item, {M} a comment, {E} an elapsed record, {O} the outsider,
   * {OWN} a task of the outsider, {MC} a comment of the hidden task (or, for the missing task, a missing comment).
   */
  static final String[][] TABLE = {
      {"tasks.task.get", "{\"taskId\":{T}}"},
      {"tasks.task.update", "{\"taskId\":{T},\"fields\":{\"TITLE\":\"mine now\"}}"},
      {"tasks.task.delete", "{\"taskId\":{T}}"},
      {"tasks.task.getaccess", "{\"taskId\":{T},\"users\":[{O},1]}"},
      {"tasks.task.start", "{\"taskId\":{T}}"},
      {"tasks.task.pause", "{\"taskId\":{T}}"},
      {"tasks.task.defer", "{\"id\":{T}}"},
      {"tasks.task.complete", "{\"taskId\":{T}}"},
      {"tasks.task.renew", "{\"taskId\":{T}}"},
      {"tasks.task.approve", "{\"taskId\":{T}}"},
      {"tasks.task.disapprove", "{\"taskId\":{T}}"},
      {"tasks.task.delegate", "{\"taskId\":{T},\"userId\":{O}}"},
      {"tasks.task.startwatch", "{\"taskId\":{T}}"},
      {"tasks.task.stopwatch", "{\"taskId\":{T}}"},
      {"tasks.task.mute", "{\"id\":{T}}"},
      {"tasks.task.unmute", "{\"id\":{T}}"},
      {"tasks.task.favorite.add", "{\"taskId\":{T}}"},
      {"tasks.task.favorite.remove", "{\"taskId\":{T}}"},
      {"tasks.task.list", "{\"filter\":{\"ID\":{T}}}"},
      {"tasks.task.add", "{\"fields\":{\"TITLE\":\"sub\",\"RESPONSIBLE_ID\":{O},\"PARENT_ID\":{T}}}"},
      {"tasks.task.update", "{\"taskId\":{OWN},\"fields\":{\"PARENT_ID\":{T}}}"},
      {"task.item.add", "[{\"TITLE\":\"sub\",\"RESPONSIBLE_ID\":{O},\"PARENT_ID\":{T}}]"},
      {"task.item.getdata", "[{T}]"},
      {"task.item.update", "[{T},{\"TITLE\":\"mine now\"}]"},
      {"task.item.delete", "[{T}]"},
      {"task.item.list", "{\"ORDER\":{},\"FILTER\":{\"ID\":{T}}}"},
      {"task.item.startexecution", "[{T}]"},
      {"task.item.pauseexecution", "[{T}]"},
      {"task.item.defer", "[{T}]"},
      {"task.item.complete", "[{T}]"},
      {"task.item.renew", "[{T}]"},
      {"task.item.approve", "[{T}]"},
      {"task.item.disapprove", "[{T}]"},
      {"task.item.delegate", "[{T},{O}]"},
      {"task.item.getallowedactions", "[{T}]"},
      {"task.item.getallowedtaskactionsasstrings", "[{T}]"},
      {"task.item.isactionallowed", "[{T},23]"},
      {"task.item.isactionallowed", "[{T},23,1]"},
      {"task.item.isactionallowed", "[{T},6,1]"},
      {"task.item.addtofavorite", "[{T}]"},
      {"task.item.deletefromfavorite", "[{T}]"},
      {"task.item.getdescription", "[{T},1]"},
      {"task.item.getfiles", "[{T}]"},
      {"task.item.getexecutiveuserid", "[{T}]"},
      {"task.item.addfile", "[{T},{\"NAME\":\"a.txt\",\"CONTENT\":\"aGk=\"}]"},
      {"task.item.deletefile", "[{T},1]"},
      {"task.logitem.list", "[{T}]"},
      {"task.checklistitem.add", "[{T},{\"TITLE\":\"x\"}]"},
      {"task.checklistitem.update", "[{T},{C},{\"TITLE\":\"y\"}]"},
      {"task.checklistitem.delete", "[{T},{C}]"},
      {"task.checklistitem.get", "[{T},{C}]"},
      {"task.checklistitem.getlist", "[{T}]"},
      {"task.checklistitem.complete", "[{T},{C}]"},
      {"task.checklistitem.renew", "[{T},{C}]"},
      {"task.checklistitem.moveafteritem", "[{T},{C},{C}]"},
      {"task.checklistitem.isactionallowed", "[{T},{C},1]"},
      {"task.checklistitem.isactionallowed", "[{T},{C},2]"},
      {"task.commentitem.add", "[{T},{\"POST_MESSAGE\":\"x\"}]"},
      {"task.comment.add", "[{T},\"x\"]"},
      {"task.commentitem.update", "[{T},{M},{\"POST_MESSAGE\":\"y\"}]"},
      {"task.commentitem.delete", "[{T},{M}]"},
      {"task.commentitem.get", "[{T},{M}]"},
      {"task.commentitem.getlist", "[{T}]"},
      {"task.commentitem.isactionallowed", "[{T},{M},1]"},
      {"task.elapseditem.add", "[{T},{\"SECONDS\":60}]"},
      {"task.elapseditem.update", "[{T},{E},{\"SECONDS\":5}]"},
      {"task.elapseditem.delete", "[{T},{E}]"},
      {"task.elapseditem.get", "[{T},{E}]"},
      {"task.elapseditem.getlist", "[{T}]"},
      {"task.elapseditem.isactionallowed", "[{T},{E},2]"},
      {"tasks.task.result.list", "{\"taskId\":{T}}"},
      {"tasks.task.result.addFromComment", "{\"commentId\":{MC}}"},
      {"tasks.task.result.deleteFromComment", "{\"commentId\":{MC}}"},
      {"task.dependence.add", "{\"taskIdFrom\":{OWN},\"taskIdTo\":{T},\"linkType\":2}"},
      {"task.dependence.add", "{\"taskIdFrom\":{T},\"taskIdTo\":{OWN},\"linkType\":2}"},
      {"task.dependence.delete", "{\"taskIdFrom\":{T},\"taskIdTo\":{OWN}}"},
      {"task.dependence.delete", "{\"taskIdFrom\":{OWN},\"taskIdTo\":{T}}"},
      {"task.item.getdependson", "[{T}]"},
      {"tasks.task.take", "{\"taskId\":{T}}"},
      {"tasks.task.pin", "{\"taskId\":{T}}"},
      {"tasks.task.unpin", "{\"taskId\":{T}}"},
      {"task.item.gettags", "[{T}]"},
      {"task.stages.movetask", "{\"id\":{T},\"stageId\":1}"},
      {"tasks.task.files.attach", "{\"taskId\":{T},\"fileId\":1}"},
  };

  @BeforeAll
  static void setUp() {
    Org org = new Org(server);
    long ownerId = org.user("Olga", "Owner");
    outsiderId = org.user("Otto", "Outsider");
    owner = org.as(ownerId);
    outsider = org.as(outsiderId);
    // ids that cannot be mistaken for other numbers in an answer when they are blanked
    server.app().db.tx(tx -> tx.queryOne("SELECT setval('tasks_id_seq', 70000)", rs -> true));
    hidden = ok(owner.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "secret", "RESPONSIBLE_ID", ownerId))))
        .get("task").get("id").asLong();
    own = ok(outsider.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "own", "RESPONSIBLE_ID", outsiderId))))
        .get("task").get("id").asLong();
    missing = hidden + 100_000;
    item = ok(owner.call("task.checklistitem.add", List.of(hidden, Map.of("TITLE", "step")))).asLong();
    comment = ok(owner.call("task.commentitem.add", List.of(hidden, Map.of("POST_MESSAGE", "note")))).asLong();
    elapsed = ok(owner.call("task.elapseditem.add", List.of(hidden, Map.of("SECONDS", 600)))).asLong();
  }

  private static JsonNode ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result();
  }

  private static String body(String template, long task) {
    long commentOfTask = task == hidden ? comment : comment + 100_000;
    return template.replace("{MC}", Long.toString(commentOfTask)).replace("{T}", Long.toString(task)).replace("{C}", Long.toString(item))
        .replace("{M}", Long.toString(comment)).replace("{E}", Long.toString(elapsed))
        .replace("{OWN}", Long.toString(own)).replace("{O}", Long.toString(outsiderId));
  }

  /** What an outsider can observe: status, error, description and result, with the asked-for id blanked. */
  private static String observed(Response r, long task, boolean byComment) {
    ObjectNode seen = Json.object();
    seen.put("status", r.status());
    if (r.json() != null) {
      for (String k : List.of("error", "error_description", "result", "total", "next")) {
        if (r.json().has(k)) seen.set(k, r.json().get(k));
      }
    } else {
      seen.put("body", r.body());
    }
    String out = seen.toString().replaceAll("\\b" + task + "\\b", "{T}");
    if (!byComment) return out;
    long commentOfTask = task == hidden ? comment : comment + 100_000;
    return out.replaceAll("\\b" + commentOfTask + "\\b", "{MC}");
  }

  @Test
  void every_method_that_takes_a_task_id_answers_a_hidden_task_as_a_missing_one() {
    String before = owner.call("tasks.task.get", Map.of("taskId", hidden)).body();
    before = owner.call("tasks.task.get", Map.of("taskId", hidden)).body().replaceAll("\"time\":\\{.*}", "");
    Map<String, String> differences = new LinkedHashMap<>();
    for (String[] row : TABLE) {
      Response onHidden = outsider.call(row[0], body(row[1], hidden));
      Response onMissing = outsider.call(row[0], body(row[1], missing));
      assertThat(onHidden.status()).as("%s %s", row[0], onHidden).isLessThan(500);
      String h = observed(onHidden, hidden, row[1].contains("{MC}"));
      String m = observed(onMissing, missing, row[1].contains("{MC}"));
      if (!h.equals(m)) differences.put(row[0] + " " + row[1], "hidden " + h + "\n      missing " + m);
    }
    assertThat(differences).as("methods that tell a hidden task from a missing one").isEmpty();
    String after = owner.call("tasks.task.get", Map.of("taskId", hidden)).body().replaceAll("\"time\":\\{.*}", "");
    assertThat(after).as("the outsider's calls changed nothing").isEqualTo(before);
    assertThat(ok(owner.call("task.checklistitem.getlist", List.of(hidden))).size()).isEqualTo(2); // list and item
    assertThat(ok(owner.call("task.commentitem.getlist", List.of(hidden))).size()).isEqualTo(1);
    assertThat(ok(owner.call("task.elapseditem.getlist", List.of(hidden))).size()).isEqualTo(1);
    assertThat(ok(owner.call("tasks.task.list", Map.of("filter", Map.of("PARENT_ID", hidden)))).get("tasks").size())
        .as("no subtask was attached under the hidden task").isZero();
  }

  @Test
  void the_table_names_every_registered_task_method() {
    Set<String> covered = new TreeSet<>();
    for (String[] row : TABLE) covered.add(row[0].toLowerCase(Locale.ROOT));
    List<String> missingRows = new ArrayList<>();
    for (Method m : server.app().registry.methods()) {
      String name = m.name().toLowerCase(Locale.ROOT);
      if (!name.startsWith("task")) continue;
      if (name.equals("tasks.task.history.list") || NO_TASK_ID.contains(name) || covered.contains(name)) continue;
      missingRows.add(name);
    }
    assertThat(missingRows).as("task methods without a row in the existence table").isEmpty();
  }

  @Test
  void history_list_keeps_the_portals_answers_access_denied_for_hidden_and_an_empty_list_for_missing() {
    Response onHidden = outsider.call("tasks.task.history.list", Map.of("taskId", hidden));
    assertThat(onHidden.status()).isEqualTo(400);
    assertThat(onHidden.errorDescription()).isEqualTo("Access denied.");
    Response onMissing = outsider.call("tasks.task.history.list", Map.of("taskId", missing));
    assertThat(onMissing.status()).isEqualTo(200);
    assertThat(onMissing.result().get("list").size()).isZero();
  }
}
