package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.MutableClock;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.StatementCounter;
import dev.b24tasks.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one call costs the database, counted over real HTTP with a statement-counting pool: every call is one pool
 * checkout and one transaction, and a page costs a fixed number of statements whatever its size. The tasks have
 * what makes a page expensive row by row: checklists, comments unread by the viewer, accomplices, auditors and
 * workgroups (three of them, so groups are loaded as a set too). The clock stands still, so the credential cache
 * (2 s) never expires during a count and every count is exact. The test portal's controls are on (the request
 * journal writes a row of every call): the portal state is read in the round trip of the transaction's time limit,
 * and the journal row is one INSERT in the call's own transaction, sent with its COMMIT, so neither costs a
 * checkout, a commit or a round trip of its own.
 */
class StatementCountTest {
  static final StatementCounter counter = new StatementCounter();

  @RegisterExtension
  static TestServer server = new TestServer(s -> {
    s.clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    s.dataSourceWrapper = counter;
  });

  static People.Person creator, responsible, accomplice, auditor, newcomer;
  static final List<Long> five = new ArrayList<>();
  static final List<Long> fifty = new ArrayList<>();

  @BeforeAll
  static void page() {
    People people = new People(server);
    creator = people.create("Creator");
    responsible = people.create("Responsible");
    accomplice = people.create("Accomplice");
    auditor = people.create("Auditor");
    newcomer = people.create("Newcomer");
    List<Long> groups = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      Response r = server.admin().call("sonet_group.create", Map.of("NAME", "Group " + g, "OWNER_ID", creator.id()));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      long id = r.result().asLong();
      for (People.Person p : List.of(responsible, accomplice, auditor)) {
        server.admin().call("sonet_group.user.add", Map.of("GROUP_ID", id, "USER_ID", p.id()));
      }
      groups.add(id);
    }
    // one Drive file, attached to every task of the page (UF_TASK_WEBDAV_FILES)
    JsonNode root = creator.call("disk.storage.getlist", Map.of()).result().get(0);
    Response file = creator.call("disk.folder.uploadfile", Map.of("id", root.get("ROOT_OBJECT_ID").asLong(),
        "data", Map.of("NAME", "spec.txt"), "fileContent", List.of("spec.txt", "c3BlYw==")));
    ok(file);
    long fileId = file.result().get("ID").asLong();
    // a custom field with a value on every task of the page (task.item.userfield.*)
    ok(server.admin().call("task.item.userfield.add", Map.of("PARAMS", Map.of("USER_TYPE_ID", "double",
        "FIELD_NAME", "UF_COST", "SETTINGS", Map.of("PRECISION", 2)))));
    // the responsible's "My plan" exists before the tasks: each is pinned into its first stage as it is added
    ok(responsible.call("task.stages.get", Map.of("entityId", 0)));
    for (int i = 0; i < 55; i++) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("UF_TASK_WEBDAV_FILES", List.of("n" + fileId));
      fields.put("UF_COST", i + 0.5);
      fields.put("TITLE", (i < 5 ? "five " : "fifty ") + i);
      fields.put("RESPONSIBLE_ID", responsible.id());
      fields.put("ACCOMPLICES", List.of(accomplice.id()));
      fields.put("AUDITORS", List.of(auditor.id()));
      fields.put("GROUP_ID", groups.get(i % 3));
      fields.put("TASK_CONTROL", "Y");
      long id = creator.addTask(fields);
      (i < 5 ? five : fifty).add(id);
      ok(creator.call("task.checklistitem.add", List.of(id, Map.of("TITLE", "first"))));
      ok(creator.call("task.checklistitem.add", List.of(id, Map.of("TITLE", "second", "IS_COMPLETE", "Y"))));
      ok(creator.call("task.commentitem.add", List.of(id, Map.of("POST_MESSAGE", "unread by the responsible"))));
    }
    // every webhook authenticated once: the credential cache answers from now on (the clock stands still)
    for (People.Person p : List.of(creator, responsible, accomplice, auditor, newcomer)) ok(p.call("server.time", null));
  }

  /** The call's cost: pool checkouts, statements, commits and rollbacks, with the statements' text. */
  record Cost(int checkouts, int statements, int commits, int rollbacks, String log) {}

  static Cost cost(Supplier<Response> call) {
    return cost(call, 200);
  }

  static Cost cost(Supplier<Response> call, int status) {
    counter.reset();
    Response r = call.get();
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    return new Cost(counter.checkouts(), counter.statements(), counter.commits(), counter.rollbacks(), counter.log());
  }

  /**
   * The call's statements without the credential look-up, whose 2 s cache a busy machine may let lapse between two
   * calls that are compared.
   */
  static long withoutLookups(Cost c) {
    long auth = c.log().lines().filter(l -> l.startsWith("SELECT w.id, w.code_hash")
        || l.startsWith("SELECT t.id, t.user_id, t.scopes")).count();
    // a look-up is a short transaction of its own: its SELECT and its time limit
    long limits = c.log().lines().filter(l -> l.startsWith("SET LOCAL statement_timeout")).count();
    return c.statements() - auth - Math.max(0, limits - 1);
  }

  /** The call's own statements (its SQL work), after the checks of what every call costs besides. */
  static long assertOneTransaction(Cost c, int maxStatements) {
    return assertOneTransaction(c, maxStatements, false);
  }

  /**
   * {@code journalApart}: REST 3.0 calls, whose gateway runs its own transaction, get their journal row after it,
   * as one auto-commit INSERT on a connection of the pool the counter does not see (not this call's transaction).
   */
  static long assertOneTransaction(Cost c, int maxStatements, boolean journalApart) {
    // The gateway's credential look-up is its own short read before the call, cached for 2 s of real time: on a
    // slow machine the cache may lapse between two calls, so a look-up is allowed and set apart, not counted.
    long auth = c.log().lines().filter(l -> l.startsWith("SELECT w.id, w.code_hash")
        || l.startsWith("SELECT t.id, t.user_id, t.scopes")).count();
    assertThat(c.checkouts() - auth).as("pool checkouts\n" + c.log()).isEqualTo(1);
    assertThat(c.commits()).as("commits\n" + c.log()).isBetween(1, 1 + (int) auth);
    // SET LOCAL statement_timeout opens every transaction (the hardening's time limit), and the portal state is
    // read in the same round trip: one message, a setting and a primary-key read, not the call's work
    long limits = c.log().lines().filter(l -> l.startsWith("SET LOCAL statement_timeout")).count();
    assertThat(limits).as("time limits\n" + c.log()).isLessThanOrEqualTo(1 + auth);
    assertThat(c.log().lines().filter(l -> l.startsWith("SET LOCAL statement_timeout")
        && l.contains("FROM b24_portal.state")).count()).as("the call's first round trip\n" + c.log()).isEqualTo(1);
    assertThat(c.log().lines().filter(l -> l.contains("b24_portal.state") && !l.startsWith("SET LOCAL")).count())
        .as("no read of the portal state of its own\n" + c.log()).isZero();
    // the journal's row of this call, in this call's transaction
    long journal = c.log().lines().filter(l -> l.startsWith("INSERT INTO b24_portal.journal")).count();
    assertThat(journal).as("journal rows\n" + c.log()).isEqualTo(journalApart ? 0 : 1);
    long work = c.statements() - limits - auth - journal;
    assertThat(work).as("statements\n" + c.log()).isLessThanOrEqualTo(maxStatements);
    return work;
  }

  @Test
  void server_time_is_the_portal_state_and_the_journal_row_in_one_transaction() {
    Cost c = cost(() -> responsible.call("server.time", null));
    assertThat(assertOneTransaction(c, 0)).isZero();
    // besides a credential look-up of its own (the 2-second cache may lapse on a slow machine: its SET LOCAL and read)
    long auth = c.log().lines().filter(l -> l.startsWith("SELECT w.id, w.code_hash")).count();
    assertThat(c.statements() - 2 * auth).as(c.log()).isEqualTo(2);
    assertThat(c.rollbacks()).isZero();
    // two round trips in all: the time limit with the state, and the journal row sent with the COMMIT
    assertThat(c.log().lines().reduce((a, b) -> b).orElse("")).as(c.log()).endsWith("; COMMIT");
  }

  @Test
  void a_refused_call_rolls_its_work_back_and_still_writes_its_journal_row_on_the_same_checkout() {
    long id = five.get(3);
    // the newcomer is no member: the action is refused after the row was read under its lock
    Cost c = cost(() -> newcomer.call("tasks.task.start", Map.of("taskId", id)), 400);
    assertOneTransaction(c, 4);
    assertThat(c.rollbacks()).as("the work is rolled back\n" + c.log()).isEqualTo(1);
    assertThat(c.log().lines().reduce((a, b) -> b).orElse("")).as("the journal row comes after the work\n" + c.log())
        .startsWith("INSERT INTO b24_portal.journal");
  }

  @Test
  void a_task_get_is_one_transaction_of_a_few_statements() {
    long id = five.get(0);
    responsible.task(id); // the first get also records the view; the second is a pure read
    Cost c = cost(() -> responsible.call("tasks.task.get", Map.of("taskId", id)));
    long work = assertOneTransaction(c, 6);
    Cost sent = cost(() -> responsible.call("tasks.task.get", Map.of("taskId", id, "bx24_request_id", "r-1")));
    // compared without the credential look-up, which a busy machine may let lapse between the two calls
    assertThat(assertOneTransaction(sent, 6)).as("a request id changes nothing for a read\n" + sent.log() + "\n\n"
        + c.log()).isEqualTo(work);
  }

  @Test
  void every_status_action_answers_from_its_own_transaction() {
    long id = five.get(1);
    // the locked row with its members, the caller's facts, the group, the write and its history row, the results
    // feature's listener (open results?), the events' handler lookup, and the view's sets (people, checklist items
    // with their members, unread comments): 10; the answer's task is the row as the change left it, built in memory
    // (no second read)
    record Step(People.Person who, String method, Map<String, Object> extra, int bound) {}
    List<Step> steps = List.of(new Step(responsible, "tasks.task.start", Map.of(), 10),
        new Step(responsible, "tasks.task.pause", Map.of(), 10),
        new Step(responsible, "tasks.task.defer", Map.of(), 10),
        new Step(responsible, "tasks.task.renew", Map.of(), 10),
        new Step(responsible, "tasks.task.complete", Map.of(), 10),
        new Step(creator, "tasks.task.disapprove", Map.of(), 10),
        new Step(responsible, "tasks.task.complete", Map.of(), 10),
        new Step(creator, "tasks.task.approve", Map.of(), 10),
        new Step(creator, "tasks.task.renew", Map.of(), 10),
        // the new responsible is looked up, and whether she is in the creator's departments (PrepareMembers'
        // ADD_IN_REPORT), two member lists (responsible, auditors) are rewritten, and the people the change names
        // are pinned into their "My plan" (pinInStage: one statement)
        new Step(creator, "tasks.task.delegate", Map.of("userId", newcomer.id()), 19),
        // the auditors list is rewritten (and its people pinned into their plans)
        new Step(auditor, "tasks.task.stopwatch", Map.of(), 14),
        new Step(auditor, "tasks.task.startwatch", Map.of(), 14));
    int n = 0;
    for (Step s : steps) {
      Map<String, Object> body = new LinkedHashMap<>(s.extra());
      body.put("taskId", id);
      Cost plain = cost(() -> s.who().call(s.method(), body));
      assertOneTransaction(plain, s.bound());
      n++;
    }
    assertThat(n).isEqualTo(steps.size());
    // with the JS SDK's request id the same action takes the same single transaction, plus the stored reply
    long other = five.get(2);
    Cost sdk = cost(() -> responsible.call("tasks.task.start", Map.of("taskId", other, "bx24_request_id", "s-1")));
    assertOneTransaction(sdk, 13); // plus the reply sweep (once a minute) and the events lookup
  }

  @Test
  void a_list_page_costs_the_same_with_5_rows_as_with_50() {
    Cost small = cost(() -> list("five"));
    Cost large = cost(() -> list("fifty"));
    assertThat(rows(list("five"))).isEqualTo(5);
    assertThat(rows(list("fifty"))).isEqualTo(50);
    // the viewer's facts (1), the groups with tasks and her access to them (2), the page with its members and
    // the total (2), and the view's sets (people, checklist items with their members, unread comments: 3)
    assertOneTransaction(small, 8);
    assertOneTransaction(large, 8);
    assertThat(withoutLookups(large)).as("50 rows\n" + large.log() + "\n\n5 rows\n" + small.log())
        .isEqualTo(withoutLookups(small));
  }

  @Test
  void the_attached_files_of_a_page_are_one_query_whatever_its_size() {
    // the list's 8, and the page's attachments (1)
    Response page = selectedPageCosts(List.of("ID", "TITLE", "UF_TASK_WEBDAV_FILES"), 9);
    assertThat(page.result().get("tasks").get(49).get("ufTaskWebdavFiles").size()).isEqualTo(1);
  }

  @Test
  void the_custom_fields_of_a_page_are_one_query_whatever_its_size() {
    // the list's 8, and the fields with the page's values (1)
    Response page = selectedPageCosts(List.of("ID", "TITLE", "UF_COST"), 9);
    assertThat(page.result().get("tasks").get(49).get("ufCost").asText()).isEqualTo("54.5");
  }

  /**
   * The list of the five and of the fifty with {@code select}: each within {@code bound} statements, both the
   * same; answers the fifty's page.
   */
  private static Response selectedPageCosts(List<String> select, int bound) {
    Cost small = cost(() -> responsible.call("tasks.task.list", Map.of("filter", Map.of("%TITLE", "five"),
        "order", Map.of("ID", "asc"), "select", select)));
    Supplier<Response> fifty = () -> responsible.call("tasks.task.list",
        Map.of("filter", Map.of("%TITLE", "fifty"), "order", Map.of("ID", "asc"), "select", select));
    Cost large = cost(fifty);
    Response page = fifty.get();
    assertThat(rows(page)).isEqualTo(50);
    assertOneTransaction(small, bound);
    assertOneTransaction(large, bound);
    assertThat(withoutLookups(large)).as("50 rows\n" + large.log() + "\n\n5 rows\n" + small.log())
        .isEqualTo(withoutLookups(small));
    return page;
  }

  @Test
  void a_plan_stage_in_the_viewers_order_is_one_query_whatever_its_size() {
    long first = Long.parseLong(responsible.call("task.stages.get", Map.of("entityId", 0)).result().properties()
        .iterator().next().getKey());
    java.util.function.Function<String, Supplier<Response>> column = title -> () -> responsible.call(
        "tasks.task.list", Map.of("filter", Map.of("STAGES_ID", first, "%TITLE", title),
            "order", Map.of("SORTING", "asc"), "select", List.of("ID", "TITLE")));
    Cost small = cost(column.apply("five"));
    Cost large = cost(column.apply("fifty"));
    Response page = column.apply("fifty").get();
    assertThat(rows(page)).isEqualTo(50);
    // newest first: each new task went ahead of the plan's others
    assertThat(page.result().get("tasks").get(0).get("id").asLong()).isEqualTo(fifty.get(fifty.size() - 1));
    // the plan's membership and order are part of the list's own query: its 8 statements
    assertOneTransaction(small, 8);
    assertOneTransaction(large, 8);
    assertThat(withoutLookups(large)).as("50 rows\n" + large.log() + "\n\n5 rows\n" + small.log())
        .isEqualTo(withoutLookups(small));
  }

  @Test
  void the_legacy_list_and_getdata_cost_a_fixed_number_of_statements() {
    Cost small = cost(() -> responsible.call("task.item.list", List.of(Map.of("ID", "asc"), Map.of("%TITLE", "five"))));
    Cost large = cost(() -> responsible.call("task.item.list", List.of(Map.of("ID", "asc"), Map.of("%TITLE", "fifty"))));
    assertOneTransaction(small, 8);
    assertOneTransaction(large, 8);
    assertThat(withoutLookups(large)).as(large.log()).isEqualTo(withoutLookups(small));
    Cost items5 = cost(() -> responsible.call("task.items.getlist", List.of(Map.of("ID", "asc"), Map.of("%TITLE", "five"))));
    Cost items50 = cost(() -> responsible.call("task.items.getlist", List.of(Map.of("ID", "asc"), Map.of("%TITLE", "fifty"))));
    assertOneTransaction(items5, 8);
    assertOneTransaction(items50, 8);
    assertThat(withoutLookups(items50)).as(items50.log()).isEqualTo(withoutLookups(items5));
    long id = five.get(3);
    responsible.task(id);
    Cost data = cost(() -> responsible.call("task.item.getdata", List.of(id)));
    assertOneTransaction(data, 6);
  }

  @Test
  void rest_3_calls_are_one_transaction_and_a_page_costs_the_same_whatever_its_size() {
    long id = five.get(4);
    // a first get also records the view and reads the row again; the default set's chatId is one more
    Cost get = cost(() -> responsible.client().v3("tasks.task.get", Map.of("id", id)));
    assertOneTransaction(get, 10, true);
    List<String> select = List.of("id", "title", "checklist", "group", "accomplices", "auditors");
    Cost small = cost(() -> responsible.client().v3("tasks.task.list",
        Map.of("filter", List.of(List.of("id", five)), "select", select)));
    Cost large = cost(() -> responsible.client().v3("tasks.task.list",
        Map.of("filter", List.of(List.of("id", fifty)), "select", select)));
    assertOneTransaction(small, 12, true);
    assertOneTransaction(large, 12, true);
    Response page = responsible.client().v3("tasks.task.list", Map.of("filter", List.of(List.of("id", fifty))));
    assertThat(page.result().get("items").size()).as(page.toString()).isGreaterThan(five.size() * 4);
    assertThat(withoutLookups(large)).as("50 rows\n" + large.log() + "\n\n5 rows\n" + small.log())
        .isEqualTo(withoutLookups(small));
  }

  private static Response list(String title) {
    return responsible.call("tasks.task.list", Map.of("filter", Map.of("%TITLE", title), "order", Map.of("ID", "asc")));
  }

  private static int rows(Response r) {
    JsonNode tasks = r.result().get("tasks");
    return tasks == null ? -1 : tasks.size();
  }

  private static void ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }
}
