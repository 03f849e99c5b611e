package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit's task-id findings over HTTP: M2 (isactionallowed with a 3rd argument), M8 (PARENT_ID of a hidden
 * task, parent cycles), m1 (arrays and huge integers as ids), m2 (a huge iNumPage), m16 (wrapped status codes).
 */
class TaskIdInputTest {
  @RegisterExtension static TestServer server = new TestServer();

  static RestClient owner;
  static RestClient outsider;
  static long ownerId;
  static long outsiderId;
  static long hidden;

  @BeforeAll
  static void setUp() {
    Org org = new Org(server);
    ownerId = org.user("Olga", "Owner");
    outsiderId = org.user("Otto", "Outsider");
    owner = org.as(ownerId);
    outsider = org.as(outsiderId);
    // task 1 exists and is the administrator's, so an id that wraps to 1 would show
    add(server.admin(), Map.of("TITLE", "task one", "RESPONSIBLE_ID", 1));
    hidden = add(owner, Map.of("TITLE", "secret", "RESPONSIBLE_ID", ownerId));
  }

  static long add(RestClient as, Map<String, Object> fields) {
    Response r = as.call("tasks.task.add", Map.of("fields", fields));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task").get("id").asLong();
  }

  @Test
  void isactionallowed_about_another_user_says_nothing_of_a_task_the_caller_cannot_read() {
    // user 1 (an administrator) may read and start the hidden task; the outsider must not learn that
    assertThat(outsider.call("task.item.isactionallowed", List.of(hidden, 23, 1)).result().asBoolean()).isFalse();
    assertThat(outsider.call("task.item.isactionallowed", List.of(hidden, 6, 1)).result().asBoolean()).isFalse();
    assertThat(outsider.call("task.item.isactionallowed", List.of(hidden, 23, ownerId)).result().asBoolean()).isFalse();
    // on a task she can read, the 3rd argument still overrides the user
    assertThat(owner.call("task.item.isactionallowed", List.of(hidden, 23, 1)).result().asBoolean()).isTrue();
    assertThat(owner.call("task.item.isactionallowed", List.of(hidden, 23, outsiderId)).result().asBoolean()).isFalse();
  }

  @Test
  void a_parent_the_caller_cannot_read_is_not_found_and_nothing_is_attached_under_it() {
    Response r = outsider.call("tasks.task.add", Map.of("fields",
        Map.of("TITLE", "sub", "RESPONSIBLE_ID", outsiderId, "PARENT_ID", hidden)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorDescription()).isEqualTo("Task specified in the \"Parent Task\" field not found<br>");
    long mine = add(outsider, Map.of("TITLE", "mine", "RESPONSIBLE_ID", outsiderId));
    r = outsider.call("tasks.task.update", Map.of("taskId", mine, "fields", Map.of("PARENT_ID", hidden)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorDescription()).isEqualTo("Task specified in the \"Parent Task\" field not found<br>");
    assertThat(owner.call("tasks.task.list", Map.of("filter", Map.of("PARENT_ID", hidden))).result().get("tasks").size())
        .isZero();
  }

  @Test
  void parent_cycles_are_refused() {
    long a = add(owner, Map.of("TITLE", "A", "RESPONSIBLE_ID", ownerId));
    long b = add(owner, Map.of("TITLE", "B", "RESPONSIBLE_ID", ownerId, "PARENT_ID", a));
    long c = add(owner, Map.of("TITLE", "C", "RESPONSIBLE_ID", ownerId, "PARENT_ID", b));
    for (long descendant : List.of(b, c)) {
      Response r = owner.call("tasks.task.update", Map.of("taskId", a, "fields", Map.of("PARENT_ID", descendant)));
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.errorDescription()).isEqualTo("Creating cyclic links in tasks is prohibited<br>");
    }
    Response self = owner.call("tasks.task.update", Map.of("taskId", a, "fields", Map.of("PARENT_ID", a)));
    assertThat(self.errorDescription()).isEqualTo("Cannot bind the node to itself<br>");
    // moving a leaf elsewhere is fine
    long d = add(owner, Map.of("TITLE", "D", "RESPONSIBLE_ID", ownerId));
    assertThat(owner.call("tasks.task.update", Map.of("taskId", c, "fields", Map.of("PARENT_ID", d))).status())
        .isEqualTo(200);
  }

  @Test
  void an_empty_array_or_a_huge_integer_is_not_task_1() {
    for (String body : List.of("{\"taskId\":[]}", "{\"taskId\":{}}", "{\"taskId\":18446744073709551617}",
        "{\"taskId\":-18446744073709551617}")) {
      Response r = server.admin().call("tasks.task.get", body);
      assertThat(r.status()).as(body + " " + r).isEqualTo(400);
      assertThat(r.errorDescription()).as(body).isEqualTo("wrong task id");
    }
    // digit strings saturate as PHP's (int) does: a task that does not exist, not task 999999999999999999
    Response r = server.admin().call("tasks.task.get", "{\"taskId\":\"99999999999999999999\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().isEmpty()).isTrue();
    // an empty RESPONSIBLE_ID array is "not specified", not user 1
    Response add = server.admin().call("tasks.task.add", "{\"fields\":{\"TITLE\":\"x\",\"RESPONSIBLE_ID\":[]}}");
    assertThat(add.status()).as(add.toString()).isEqualTo(400);
  }

  @Test
  void a_huge_page_number_is_an_empty_page_not_a_500() {
    Response r = server.admin().call("task.item.list", "{\"ORDER\":{},\"FILTER\":{},\"PARAMS\":{\"NAV_PARAMS\":"
        + "{\"nPageSize\":10,\"iNumPage\":999999999999999999}}}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().size()).isZero();
  }

  @Test
  void status_codes_beyond_an_int_or_a_short_do_not_wrap_to_valid_ones() {
    Response add = server.admin().call("tasks.task.add",
        Map.of("fields", Map.of("TITLE", "x", "RESPONSIBLE_ID", 1, "STATUS", 4294967298L)));
    assertThat(add.status()).as(add.toString()).isEqualTo(400);
    Response list = server.admin().call("tasks.task.list", Map.of("filter", Map.of("STATUS", 65538)));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.result().get("tasks").size()).isZero();
  }

  @Test
  void getaccess_answers_at_most_fifty_users_per_call() {
    List<Long> users = new java.util.ArrayList<>();
    for (long u = 1; u <= 51; u++) users.add(u);
    Response r = owner.call("tasks.task.getaccess", Map.of("taskId", hidden, "users", users));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.errorDescription()).contains("at most 50");
    assertThat(owner.call("tasks.task.getaccess", Map.of("taskId", hidden, "users", users.subList(0, 50))).status())
        .isEqualTo(200);
  }

  @Test
  void status_methods_take_the_task_id_as_id_too() {
    long id = add(owner, Map.of("TITLE", "by id", "RESPONSIBLE_ID", ownerId));
    Response r = owner.call("tasks.task.start", Map.of("id", id));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().get("task").get("status").asText()).isEqualTo("3");
    r = owner.call("tasks.task.pause", Map.of("id", id));
    assertThat(r.result().get("task").get("status").asText()).isEqualTo("2");
  }
}
