package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hand-run measurement, not part of the build (its name does not end in Test): 100,000 tasks among 200 people,
 * then filtered, ordered list calls over HTTP, timed and printed. Run with
 * {@code ./mvnw -o verify -Dtest=TaskListScaleCheck -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class TaskListScaleCheck {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void list_over_100k_tasks() throws Exception {
    var app = server.app();
    app.db.tx(tx -> {
      tx.update("INSERT INTO users (email, login, name, last_name) SELECT 'u' || g || '@x', 'u' || g || '@x',"
          + " 'User' || g, 'L' || g FROM generate_series(1, 200) g");
      tx.update("INSERT INTO tasks (title, status, group_id, created_by, created_date, responsible_id, changed_by,"
          + " changed_date, activity_date, deadline, guid, priority)"
          + " SELECT 'Task ' || g, 2 + (g % 5), g % 20, 2 + (g % 200), now() - (g || ' minutes')::interval,"
          + " 2 + ((g * 7) % 200), 1, now(), now(), now() + ((g % 1000) - 500 || ' hours')::interval,"
          + " '{' || gen_random_uuid() || '}', g % 3 FROM generate_series(1, 100000) g");
      tx.update("INSERT INTO task_members (task_id, user_id, role) SELECT id, created_by, 'O' FROM tasks");
      tx.update("INSERT INTO task_members (task_id, user_id, role) SELECT id, responsible_id, 'R' FROM tasks");
      tx.update("INSERT INTO task_members (task_id, user_id, role) SELECT id, 2 + ((id * 13) % 200), 'A'"
          + " FROM tasks WHERE id % 3 = 0 ON CONFLICT DO NOTHING");
      tx.execute("ANALYZE");
      return null;
    });
    long user = 50;
    app.auth.createWebhook(user, dev.b24tasks.auth.Scopes.ALL, "scalecode", null, "scale");
    RestClient member = server.as(user, "scalecode");
    RestClient admin = server.admin();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      var page = app.tasks.list(user, dev.b24tasks.rest.Json.MAPPER.valueToTree(Map.of("RESPONSIBLE_ID", user,
          "!STATUS", 5)), dev.b24tasks.rest.Json.MAPPER.valueToTree(Map.of("DEADLINE", "asc")), 0, 50, true);
      long t1 = System.nanoTime();
      app.tasks.view(user).rows(page.tasks(), null);
      long t2 = System.nanoTime();
      System.out.printf("SCALE service.list %dms, view %dms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
    for (int i = 0; i < 3; i++) {
      long a = System.nanoTime();
      app.tasks.facts(user);
      long b = System.nanoTime();
      app.db.read(tx -> tx.query("WITH RECURSIVE g(id) AS (SELECT min(group_id) FROM tasks WHERE group_id > 0"
          + " UNION ALL SELECT (SELECT min(group_id) FROM tasks WHERE group_id > 0 AND group_id > g.id) FROM g WHERE g.id IS NOT NULL)"
          + " SELECT id FROM g WHERE id IS NOT NULL", rs -> rs.getLong(1)));
      long c = System.nanoTime();
      for (long g = 1; g < 20; g++) app.directory.groupAllows(g, user, dev.b24tasks.directory.GroupPermission.VIEW_ALL);
      long d = System.nanoTime();
      System.out.printf("SCALE facts %dms distinct %dms groupAllows %dms%n", (b - a) / 1_000_000, (c - b) / 1_000_000,
          (d - c) / 1_000_000);
    }
    app.db.read(tx -> {
      var q = new TaskQuery(user, java.time.ZoneOffset.UTC, java.time.Instant.now())
          .visibleTo(java.util.Set.of(user), List.of())
          .filter(TaskFilterInput.filter(dev.b24tasks.rest.Json.MAPPER.valueToTree(
              Map.of("RESPONSIBLE_ID", user, "!STATUS", 5)), java.time.ZoneOffset.UTC))
          .order(TaskFilterInput.order(dev.b24tasks.rest.Json.MAPPER.valueToTree(Map.of("DEADLINE", "asc"))));
      List<Object> args = new java.util.ArrayList<>(List.of(user, user, user));
      args.addAll(q.pageArgs());
      for (String sql : List.of("EXPLAIN ANALYZE " + q.pageSql(0, 50))) {
        tx.query(sql, rs -> { System.out.println("PLAN " + rs.getString(1)); return null; }, args.toArray());
      }
      tx.query("EXPLAIN ANALYZE " + q.countSql(), rs -> { System.out.println("PLAN " + rs.getString(1)); return null; },
          q.countArgs().toArray());
      return null;
    });
    measure("member: RESPONSIBLE_ID=me, !STATUS=5, order DEADLINE asc", member, Map.of(
        "filter", Map.of("RESPONSIBLE_ID", user, "!STATUS", 5), "order", Map.of("DEADLINE", "asc"),
        "select", List.of("ID", "TITLE", "STATUS", "DEADLINE")));
    measure("member: all visible, default order", member, Map.of("select", List.of("ID", "TITLE")));
    measure("member: STATUS=-1 (overdue), order CREATED_DATE desc", member,
        Map.of("filter", Map.of("STATUS", -1), "order", Map.of("CREATED_DATE", "desc")));
    measure("admin: STATUS=3, GROUP_ID=7, order DEADLINE desc", admin,
        Map.of("filter", Map.of("STATUS", 3, "GROUP_ID", 7), "order", Map.of("DEADLINE", "desc")));
    measure("admin: %TITLE=Task 99, order ID asc, start=-1", admin,
        Map.of("filter", Map.of("%TITLE", "Task 99"), "order", Map.of("ID", "asc"), "start", -1));
  }

  static void measure(String what, RestClient client, Map<String, Object> body) {
    for (int i = 0; i < 3; i++) client.call("tasks.task.list", body); // warm-up
    long best = Long.MAX_VALUE;
    long sum = 0;
    int n = 10;
    Response last = null;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      last = client.call("tasks.task.list", body);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      best = Math.min(best, ms);
      sum += ms;
    }
    assertThat(last.status()).as(last.toString()).isEqualTo(200);
    System.out.printf("SCALE %-60s rows=%d total=%s best=%dms mean=%dms%n", what, last.result().get("tasks").size(),
        last.json().has("total") ? last.json().get("total").asText() : "-", best, sum / n);
  }
}
