package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Managers act on their people's tasks, workgroup roles on the group's tasks: the directory facts in the rules. */
class TaskHierarchyTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static long head;
  static long maria;
  static long colleague;
  static long outsider;
  static long owner;
  static long moderator;
  static long member;
  static long team;

  @BeforeAll
  static void organisation() {
    org = new Org(server);
    long sales = org.department("Sales", Org.ROOT);
    head = org.user("Hanna", "Head", sales);
    org.head(sales, head);
    maria = org.user("Maria", "Seller", sales);
    long support = org.department("Support", Org.ROOT);
    colleague = org.user("Carl", "Support", support);
    outsider = org.user("Otto", "Outside", support);
    owner = org.user("Olga", "Owner");
    moderator = org.user("Mark", "Moderator");
    member = org.user("Mila", "Member");
    team = org.group("Launch", owner, moderator, member);
    org.moderators(team, moderator);
  }

  static long add(long as, Map<String, Object> fields) {
    Response r = org.as(as).call("tasks.task.add", Map.of("fields", fields));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task").get("id").asLong();
  }

  @Test
  void a_department_head_sees_and_works_on_her_subordinates_tasks_but_does_not_accept_them() {
    long id = add(colleague, Map.of("TITLE", "Quote for ACME", "RESPONSIBLE_ID", maria, "TASK_CONTROL", "Y"));
    RestClient boss = org.as(head);
    JsonNode task = boss.call("tasks.task.get", Map.of("taskId", id)).result().get("task");
    assertThat(task.get("subordinate").asText()).isEqualTo("Y");
    assertThat(task.get("action").get("start").asBoolean()).isTrue();
    assertThat(ids(boss.call("tasks.task.list", Map.of()))).contains(id);
    assertThat(boss.call("tasks.task.start", Map.of("taskId", id)).status()).isEqualTo(200);
    // the head completes for her subordinate: with task control it waits for the creator (not her subordinate)
    Response done = boss.call("tasks.task.complete", Map.of("taskId", id));
    assertThat(done.result().get("task").get("status").asText()).isEqualTo("4");
    assertThat(boss.call("tasks.task.approve", Map.of("taskId", id)).error()).isEqualTo("1048582");

    RestClient stranger = org.as(outsider);
    assertThat(stranger.call("tasks.task.get", Map.of("taskId", id)).result().isArray()).isTrue();
    assertThat(ids(stranger.call("tasks.task.list", Map.of()))).doesNotContain(id);
  }

  @Test
  void group_members_see_the_groups_tasks_and_moderators_edit_them() {
    long id = add(owner, Map.of("TITLE", "Launch plan", "RESPONSIBLE_ID", owner, "GROUP_ID", team));
    JsonNode asMember = org.as(member).call("tasks.task.get", Map.of("taskId", id)).result().get("task");
    assertThat(asMember.get("group").get("name").asText()).isEqualTo("Launch");
    assertThat(asMember.get("action").get("edit").asBoolean()).isFalse();
    assertThat(ids(org.as(member).call("tasks.task.list", Map.of("filter", Map.of("GROUP_ID", team)))))
        .containsExactly(id);

    Response edited = org.as(moderator).call("tasks.task.update",
        Map.of("taskId", id, "fields", Map.of("TITLE", "Launch plan v2")));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(org.as(member).call("tasks.task.update",
        Map.of("taskId", id, "fields", Map.of("TITLE", "mine"))).error()).isEqualTo("0");
    assertThat(org.as(outsider).call("tasks.task.get", Map.of("taskId", id)).result().isArray()).isTrue();
  }

  static List<Long> ids(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.result().get("tasks").forEach(t -> out.add(t.get("id").asLong()));
    return out;
  }
}
