package dev.b24tasks.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.StatementCounter;
import dev.b24tasks.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A console page is one transaction, as a REST call is: counted over real HTTP with a statement-counting pool,
 * the board (by status, by a workgroup's Kanban stages, "My plan"), the task page and a change each take one pool
 * checkout and one commit, and the board costs the same with 3 tasks as with 30 (it loads sets, not rows).
 */
class ConsolePageCostTest {
  static final StatementCounter counter = new StatementCounter();
  static final String PW = "page-cost-pw";

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    s.dataSourceWrapper = counter;
  });

  static Org org;
  static long anna;
  static long boris;
  static long few;
  static long many;
  static long taskId;
  static ConsoleClient b;

  @BeforeAll
  static void data() {
    org = new Org(server);
    anna = org.user("Anna", "Cost");
    boris = org.user("Boris", "Cost");
    few = org.group("Few", anna, boris);
    many = org.group("Many", anna, boris);
    for (int i = 0; i < 33; i++) {
      long group = i < 3 ? few : many;
      long id = org.as(anna).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Task " + i, "RESPONSIBLE_ID",
          i % 2 == 0 ? anna : boris, "GROUP_ID", group, "AUDITORS", List.of(boris)))).result().get("task").get("id")
          .asLong();
      if (i == 0) taskId = id;
      org.as(anna).call("task.commentitem.add", Map.of("0", id, "1", Map.of("POST_MESSAGE", "note " + i)));
    }
    server.app().console.passwords().set(anna, PW);
    b = new ConsoleClient(server.baseUrl());
    String email = server.admin().call("user.get", Map.of("ID", anna)).result().get(0).get("EMAIL").asText();
    assertThat(b.signIn(email, PW).statusCode()).isEqualTo(303);
    // the groups' boards get their default stages on their first reading (a write), not during a count
    assertThat(b.get("/console/board?group=" + few).statusCode()).isEqualTo(200);
    assertThat(b.get("/console/board?group=" + many).statusCode()).isEqualTo(200);
  }

  record Cost(int checkouts, int commits, int statements, String log) {}

  static Cost cost(Supplier<HttpResponse<String>> page) {
    counter.reset();
    HttpResponse<String> r = page.get();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new Cost(counter.checkouts(), counter.commits(), counter.statements(), counter.log());
  }

  static void onePage(Cost c) {
    assertThat(c.checkouts()).as("pool checkouts\n" + c.log()).isEqualTo(1);
    assertThat(c.commits()).as("commits\n" + c.log()).isEqualTo(1);
  }

  @Test
  void theBoardIsOneTransactionWhateverItsSize() {
    Cost all = cost(() -> b.get("/console/board"));
    onePage(all);
    Cost small = cost(() -> b.get("/console/board?group=" + few + "&view=status"));
    Cost large = cost(() -> b.get("/console/board?group=" + many + "&view=status"));
    onePage(small);
    onePage(large);
    assertThat(large.statements()).as(small.log() + "\n----\n" + large.log()).isEqualTo(small.statements());
  }

  @Test
  void theKanbanBoardOfAGroupIsOneTransactionWhateverItsSize() {
    Cost small = cost(() -> b.get("/console/board?group=" + few));
    Cost large = cost(() -> b.get("/console/board?group=" + many));
    onePage(small);
    onePage(large);
    assertThat(large.statements()).as(small.log() + "\n----\n" + large.log()).isEqualTo(small.statements());
  }

  @Test
  void myPlanIsOneTransaction() {
    b.get("/console/board?view=plan"); // the plan's default stages are made on its first reading
    onePage(cost(() -> b.get("/console/board?view=plan")));
  }

  @Test
  void theTaskPageIsOneTransaction() {
    b.get("/console/tasks/" + taskId); // the first opening records the view
    onePage(cost(() -> b.get("/console/tasks/" + taskId)));
  }

  @Test
  void aChangeIsOneTransactionToo() {
    String csrf = b.csrf();
    counter.reset();
    HttpResponse<String> r = b.post("/console/tasks/" + taskId + "/comments", Map.of("_csrf", csrf, "message", "one"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(counter.checkouts()).as(counter.log()).isEqualTo(1);
    assertThat(counter.commits()).as(counter.log()).isEqualTo(1);
  }
}
