package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tasks.task.list: filters, meta-statuses, order, select, paging and visibility, over HTTP. */
class TaskListTest {
  @RegisterExtension static TestServer server = new TestServer();

  static People.Person boss;
  static People.Person worker;
  static People.Person helper;
  static People.Person outsider;
  static long overdue;
  static long started;
  static long child;
  static long done;

  @BeforeAll
  static void tasks() {
    People p = new People(server);
    boss = p.create("Boss");
    worker = p.create("Worker");
    helper = p.create("Helper");
    outsider = p.create("Outsider");
    overdue = boss.addTask(Map.of("TITLE", "Pay the invoice", "RESPONSIBLE_ID", worker.id(),
        "DEADLINE", "2020-01-01T10:00:00+00:00"));
    started = boss.addTask(Map.of("TITLE", "Write the spec", "RESPONSIBLE_ID", worker.id(),
        "ACCOMPLICES", List.of(helper.id())));
    worker.call("tasks.task.start", Map.of("taskId", started));
    child = boss.addTask(Map.of("TITLE", "Spec appendix", "RESPONSIBLE_ID", helper.id(), "PARENT_ID", started,
        "AUDITORS", List.of(worker.id())));
    done = worker.addTask(Map.of("TITLE", "Own chore", "RESPONSIBLE_ID", worker.id(), "PRIORITY", 2));
    worker.call("tasks.task.complete", Map.of("taskId", done));
  }

  static List<Long> ids(People.Person who, Map<String, Object> body) {
    Response r = who.call("tasks.task.list", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    r.result().get("tasks").forEach(t -> out.add(t.get("id").asLong()));
    return out;
  }

  static Map<String, Object> filter(Object... kv) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) f.put((String) kv[i], kv[i + 1]);
    return Map.of("filter", f);
  }

  @Test
  void each_user_sees_only_the_tasks_she_has_a_part_in_and_the_admin_sees_all() {
    assertThat(ids(worker, Map.of())).containsExactly(done, child, started, overdue); // default order: ID desc
    assertThat(ids(helper, Map.of())).containsExactlyInAnyOrder(started, child);
    assertThat(ids(outsider, Map.of())).isEmpty();
    assertThat(ids(new People.Person(1, server.admin()), filter("@ID", List.of(overdue, started, child, done))))
        .containsExactly(done, child, started, overdue);
  }

  @Test
  void ordering_by_a_nullable_date_puts_tasks_without_one_first_ascending_and_last_descending() {
    // Bitrix24 sorts as MySQL does: NULL is the smallest value. Only `overdue` has a deadline.
    Map<String, Object> asc = new LinkedHashMap<>();
    asc.put("order", Map.of("DEADLINE", "asc"));
    List<Long> up = ids(worker, asc);
    assertThat(up).hasSize(4).endsWith(overdue);
    assertThat(up.subList(0, 3)).containsExactly(started, child, done); // ties broken by ID ascending
    Map<String, Object> desc = new LinkedHashMap<>();
    desc.put("order", Map.of("DEADLINE", "desc"));
    assertThat(ids(worker, desc)).startsWith(overdue).hasSize(4);
    Map<String, Object> byId = new LinkedHashMap<>();
    byId.put("order", Map.of("ID", "asc"));
    assertThat(ids(worker, byId)).containsExactly(overdue, started, child, done);
  }

  @Test
  void filters_take_operators_arrays_and_any_key_case() {
    assertThat(ids(worker, filter("RESPONSIBLE_ID", worker.id()))).containsExactly(done, started, overdue);
    assertThat(ids(worker, filter("STATUS", 3))).containsExactly(started);
    assertThat(ids(worker, filter("!STATUS", 5))).doesNotContain(done).contains(started, child);
    assertThat(ids(worker, filter("REAL_STATUS", List.of(3, 5)))).containsExactly(done, started);
    assertThat(ids(worker, filter(">id", started))).containsExactly(done, child);
    assertThat(ids(worker, filter(">=ID", started, "<ID", done))).containsExactly(child, started);
    assertThat(ids(worker, filter("%TITLE", "spec"))).containsExactly(child, started);
    assertThat(ids(worker, filter("@ID", List.of(overdue, done)))).containsExactly(done, overdue);
    assertThat(ids(worker, filter("!@ID", List.of(overdue, done)))).containsExactly(child, started);
    assertThat(ids(worker, filter("PRIORITY", 2))).containsExactly(done);
    assertThat(ids(worker, filter("<DEADLINE", "2021-01-01"))).containsExactly(overdue);
    assertThat(ids(worker, filter("no_such_key", 1))).hasSize(4);
    // m13: a subfilter with ::LOGIC OR matches either condition; without it, both
    assertThat(ids(worker, filter("::SUBFILTER-1", Map.of("::LOGIC", "OR", "ID", overdue, "PRIORITY", 2))))
        .containsExactlyInAnyOrder(overdue, done);
    assertThat(ids(worker, filter("::SUBFILTER-1", Map.of("ID", overdue, "PRIORITY", 2)))).isEmpty();
    // an OR of two AND subfilters is (a AND b) OR (c AND d), each subfilter one clause
    assertThat(ids(worker, filter("::LOGIC", "OR", "::SUBFILTER-1", Map.of("ID", overdue, "PRIORITY", 2),
        "::SUBFILTER-2", Map.of("ID", done, "PRIORITY", 2)))).containsExactly(done);
    assertThat(ids(worker, filter("::LOGIC", "OR", "::SUBFILTER-1", Map.of("ID", overdue, "STATUS", 2),
        "::SUBFILTER-2", Map.of("ID", started, "STATUS", 5)))).containsExactly(overdue);
  }

  @Test
  void filter_only_keys_select_by_membership_role_and_shape() {
    assertThat(ids(boss, filter("ACCOMPLICE", helper.id()))).containsExactly(started);
    assertThat(ids(boss, filter("AUDITOR", worker.id()))).containsExactly(child);
    assertThat(ids(boss, filter("MEMBER", helper.id()))).containsExactly(child, started);
    assertThat(ids(worker, filter("ROLE", "U"))).containsExactly(child);
    assertThat(ids(worker, filter("ROLE", "R"))).containsExactly(done, started, overdue);
    assertThat(ids(boss, filter("ROLE", "O"))).containsExactly(child, started, overdue);
    assertThat(ids(worker, filter("ONLY_ROOT_TASKS", "Y"))).doesNotContain(child);
    assertThat(ids(worker, filter("WO_DEADLINE", "Y"))).doesNotContain(overdue).contains(started);
  }

  @Test
  void favorites_come_through_the_subfilter() {
    assertThat(helper.call("tasks.task.favorite.add", Map.of("taskId", child)).result().asBoolean()).isTrue();
    assertThat(ids(helper, filter("::SUBFILTER-PARAMS", Map.of("FAVORITE", "Y")))).containsExactly(child);
    JsonNode row = helper.call("tasks.task.list", filter("ID", child)).result().get("tasks").get(0);
    assertThat(row.get("favorite").asText()).isEqualTo("Y");
  }

  @Test
  void meta_statuses_filter_and_show_as_sub_status() {
    assertThat(ids(worker, filter("STATUS", -1))).containsExactly(overdue);
    // the worker has not opened the boss's tasks yet except through lists: both pending ones are unseen
    assertThat(ids(helper, filter("STATUS", -2))).containsExactly(child);
    Response r = worker.call("tasks.task.list", Map.of("filter", Map.of("ID", overdue), "select",
        List.of("ID", "STATUS")));
    JsonNode row = r.result().get("tasks").get(0);
    assertThat(row.get("status").asText()).isEqualTo("2");
    assertThat(row.get("subStatus").asText()).isEqualTo("-1");
    // m12: a meta-status filter selects exactly the rows whose subStatus it is (overdue wins over unseen)
    for (int meta : new int[] {-1, -2, -3}) {
      for (var p : List.of(worker, helper, boss)) {
        JsonNode rows = p.call("tasks.task.list", filter("STATUS", meta)).result().get("tasks");
        rows.forEach(t -> assertThat(t.get("subStatus").asText()).as("STATUS %d", meta).isEqualTo(Integer.toString(meta)));
      }
    }
    helper.call("tasks.task.get", Map.of("taskId", child)); // opening the task clears "unseen"
    assertThat(ids(helper, filter("STATUS", -2))).isEmpty();
  }

  @Test
  void order_takes_sortable_keys_and_refuses_others() {
    assertThat(ids(worker, Map.of("order", Map.of("id", "asc")))).containsExactly(overdue, started, child, done);
    Map<String, Object> byPriority = new LinkedHashMap<>();
    byPriority.put("PRIORITY", "DESC");
    byPriority.put("ID", "ASC");
    assertThat(ids(worker, Map.of("order", byPriority))).containsExactly(done, overdue, started, child);
    Response bad = worker.call("tasks.task.list", Map.of("order", Map.of("DESCRIPTION", "asc")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).isEqualTo("0");
    assertThat(bad.errorDescription()).isEqualTo("Invalid sorting key (internal error)");
  }

  @Test
  void select_limits_the_keys_and_keeps_group_action_and_favorite() {
    Response r = worker.call("tasks.task.list", Map.of("select", List.of("ID", "TITLE", "RESPONSIBLE_ID"),
        "filter", Map.of("ID", started)));
    JsonNode row = r.result().get("tasks").get(0);
    List<String> keys = new ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "title", "responsibleId", "favorite", "group", "responsible", "action");
  }

  @Test
  void pages_hold_50_tasks_with_total_and_next_and_start_minus_one_skips_the_count() {
    People.Person busy = new People(server).create("Busy");
    for (int i = 0; i < 55; i++) busy.addTask(Map.of("TITLE", "Item " + i, "RESPONSIBLE_ID", busy.id()));
    Response first = busy.call("tasks.task.list", Map.of());
    assertThat(first.result().get("tasks")).hasSize(50);
    assertThat(first.json().get("total").asInt()).isEqualTo(55);
    assertThat(first.json().get("next").asInt()).isEqualTo(50);
    Response second = busy.call("tasks.task.list", Map.of("start", 50));
    assertThat(second.result().get("tasks")).hasSize(5);
    assertThat(second.json().has("next")).isFalse();
    Response keyset = busy.call("tasks.task.list", Map.of("start", -1, "order", Map.of("ID", "ASC")));
    assertThat(keyset.result().get("tasks")).hasSize(50);
    assertThat(keyset.json().has("next")).isFalse();
  }

  @Test
  void counters_count_the_overdue_tasks_of_the_user_by_role() {
    JsonNode mine = worker.call("tasks.task.counters.get", Map.of()).result();
    assertThat(mine.get("expired").get("counter").asLong()).isEqualTo(1);
    assertThat(mine.get("expired").get("code").asLong()).isEqualTo(6291456);
    assertThat(mine.get("new_comments").get("code").asLong()).isEqualTo(12582912);
    JsonNode asOriginator = boss.call("tasks.task.counters.get", Map.of("type", "view_role_originator")).result();
    assertThat(asOriginator.get("expired").get("counter").asLong()).isEqualTo(1);
    JsonNode asAuditor = worker.call("tasks.task.counters.get", Map.of("type", "view_role_auditor")).result();
    assertThat(asAuditor.get("expired").get("counter").asLong()).isZero();
    Response someoneElse = outsider.call("tasks.task.counters.get", Map.of("userId", worker.id()));
    assertThat(someoneElse.result().isArray() && someoneElse.result().isEmpty()).isTrue();
  }
}
