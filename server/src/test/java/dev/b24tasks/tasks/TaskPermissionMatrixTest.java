package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each method family over HTTP, called by the creator, the responsible, an accomplice, an auditor and a stranger on
 * a task in the status the method starts from. Expected verdicts come from the decision table (§2.4).
 */
class TaskPermissionMatrixTest {
  @RegisterExtension static TestServer server = new TestServer();

  static People.Person creator;
  static People.Person responsible;
  static People.Person accomplice;
  static People.Person auditor;
  static People.Person stranger;
  static People.Person newcomer;

  @BeforeAll
  static void people() {
    People p = new People(server);
    creator = p.create("Creator");
    responsible = p.create("Responsible");
    accomplice = p.create("Accomplice");
    auditor = p.create("Auditor");
    stranger = p.create("Stranger");
    newcomer = p.create("Newcomer");
  }

  static long task(boolean control) {
    return creator.addTask(Map.of("TITLE", "Matrix", "RESPONSIBLE_ID", responsible.id(),
        "ACCOMPLICES", List.of(accomplice.id()), "AUDITORS", List.of(auditor.id()), "TASK_CONTROL",
        control ? "Y" : "N"));
  }

  static long pending() {
    return task(false);
  }

  static long inProgress() {
    long id = task(false);
    creator.call("tasks.task.start", Map.of("taskId", id));
    return id;
  }

  static long completed() {
    long id = task(false);
    creator.call("tasks.task.complete", Map.of("taskId", id));
    return id;
  }

  static long awaitingControl() {
    long id = task(true);
    assertThat(responsible.call("tasks.task.complete", Map.of("taskId", id)).status()).isEqualTo(200);
    return id;
  }

  record Family(String method, ToLongFunction<Void> setup, Map<String, Object> extra, String verdicts) {}

  // verdicts: creator, responsible, accomplice, auditor, stranger (Y allowed)
  static final List<Family> FAMILIES = List.of(
      new Family("tasks.task.start", v -> pending(), Map.of(), "YYY--"),
      new Family("tasks.task.pause", v -> inProgress(), Map.of(), "YYY--"),
      new Family("tasks.task.defer", v -> pending(), Map.of(), "YYY--"),
      new Family("tasks.task.complete", v -> inProgress(), Map.of(), "YYY--"),
      new Family("tasks.task.renew", v -> completed(), Map.of(), "YYY--"),
      new Family("tasks.task.approve", v -> awaitingControl(), Map.of(), "Y----"),
      new Family("tasks.task.disapprove", v -> awaitingControl(), Map.of(), "Y----"),
      new Family("tasks.task.delegate", v -> pending(), Map.of("userId", 0L), "YY---"),
      new Family("tasks.task.update", v -> pending(), Map.of("fields", Map.of("TITLE", "Renamed")), "Y----"),
      new Family("tasks.task.delete", v -> pending(), Map.of(), "Y----"),
      new Family("tasks.task.startwatch", v -> pending(), Map.of(), "YYYY-"),
      new Family("tasks.task.favorite.add", v -> pending(), Map.of(), "YYYY-"));

  @Test
  void each_family_allows_exactly_the_roles_of_the_decision_table() {
    List<People.Person> roles = List.of(creator, responsible, accomplice, auditor, stranger);
    List<String> names = List.of("creator", "responsible", "accomplice", "auditor", "stranger");
    List<String> mismatches = new ArrayList<>();
    for (Family f : FAMILIES) {
      for (int r = 0; r < roles.size(); r++) {
        long id = f.setup().applyAsLong(null);
        Map<String, Object> body = new LinkedHashMap<>(f.extra());
        body.put("taskId", id);
        if (body.containsKey("userId")) body.put("userId", newcomer.id());
        Response resp = roles.get(r).call(f.method(), body);
        boolean allowed = resp.status() == 200;
        boolean expected = f.verdicts().charAt(r) == 'Y';
        if (allowed != expected) mismatches.add(f.method() + " by " + names.get(r) + ": " + resp);
        if (!allowed) assertThat(resp.status()).isEqualTo(400);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyone_with_a_part_reads_the_task_and_a_stranger_gets_an_empty_result() {
    long id = pending();
    for (People.Person p : List.of(creator, responsible, accomplice, auditor)) {
      assertThat(p.task(id).get("id").asLong()).isEqualTo(id);
    }
    Response r = stranger.call("tasks.task.get", Map.of("taskId", id));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().isArray()).isTrue();
    assertThat(r.result().isEmpty()).isTrue();
  }

  @Test
  void getaccess_reports_the_same_verdicts_for_several_users() {
    long id = awaitingControl();
    Response r = creator.call("tasks.task.getaccess",
        Map.of("taskId", id, "users", List.of(creator.id(), responsible.id(), 999_999L)));
    var byUser = r.result().get("allowedActions");
    assertThat(byUser.get(Long.toString(creator.id())).get("APPROVE").asBoolean()).isTrue();
    assertThat(byUser.get(Long.toString(responsible.id())).get("APPROVE").asBoolean()).isFalse();
    assertThat(byUser.get(Long.toString(responsible.id())).get("RENEW").asBoolean()).isTrue();
    byUser.get("999999").forEach(v -> assertThat(v.asBoolean()).isFalse());
    assertThat(byUser.get(Long.toString(creator.id())).get("EDIT.ORIGINATOR").asBoolean()).isFalse();
    Response hidden = stranger.call("tasks.task.getaccess", Map.of("taskId", id));
    assertThat(hidden.result().get("allowedActions").isArray()).isTrue();
  }
}
