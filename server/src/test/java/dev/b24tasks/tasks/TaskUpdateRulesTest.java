package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit's minor findings on tasks.task.update and delegate, over HTTP against the real database:
 * PrepareMembers on a change of responsible (m6), delegating to the current responsible (m8), the keys of
 * {@code fields} (m14) and who may change the creator (m19).
 */
class TaskUpdateRulesTest {
  @RegisterExtension static TestServer server = new TestServer();
  @RegisterExtension static TestServer classic = new TestServer(s -> s.noopTransitionsSucceed = true);

  static Org org;
  static long head;
  static long staff;
  static long outsider;
  static long other;

  @BeforeAll
  static void people() {
    org = new Org(server);
    long sales = org.department("Sales", Org.ROOT);
    head = org.user("Olga", "Head", sales);
    org.head(sales, head);
    staff = org.user("Sam", "Staff", sales);
    long support = org.department("Support", Org.ROOT);
    outsider = org.user("Otto", "Support", support);
    other = org.user("Ida", "Other", support);
  }

  static long add(RestClient as, Map<String, Object> fields) {
    Response r = as.call("tasks.task.add", Map.of("fields", fields));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task").get("id").asLong();
  }

  static JsonNode update(RestClient as, long id, Map<String, Object> fields) {
    Response r = as.call("tasks.task.update", Map.of("taskId", id, "fields", fields));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("task");
  }

  static JsonNode get(RestClient as, long id) {
    return as.call("tasks.task.get", Map.of("taskId", id)).result().get("task");
  }

  // ---- m6: PrepareMembers -------------------------------------------------------------------------------

  @Test
  void a_new_responsible_outside_the_creators_departments_turns_add_in_report_off() {
    RestClient olga = org.as(head);
    long id = add(olga, Map.of("TITLE", "report", "RESPONSIBLE_ID", head, "ADD_IN_REPORT", "Y"));
    // Sam is in a department Olga heads: the flag stays
    JsonNode t = update(olga, id, Map.of("RESPONSIBLE_ID", staff, "TITLE", "report 2"));
    assertThat(t.get("addInReport").asText()).isEqualTo("Y");
    // Otto is not, so PrepareMembers sets N, with other fields (a general update) ...
    t = update(olga, id, Map.of("RESPONSIBLE_ID", outsider, "TITLE", "report 3"));
    assertThat(t.get("addInReport").asText()).isEqualTo("N");
    assertThat(t.get("status").asText()).isEqualTo("2");
    // ... and on the delegate path, even over an ADD_IN_REPORT given in the same call
    update(olga, id, Map.of("ADD_IN_REPORT", "Y"));
    Response r = olga.call("tasks.task.delegate", Map.of("taskId", id, "userId", other));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().get("task").get("addInReport").asText()).isEqualTo("N");
    t = update(olga, id, Map.of("RESPONSIBLE_ID", outsider, "ADD_IN_REPORT", "Y"));
    assertThat(t.get("addInReport").asText()).isEqualTo("N");
  }

  @Test
  void the_creators_departments_include_her_own_and_a_creator_given_in_the_same_update_counts() {
    RestClient olga = org.as(head);
    long id = add(olga, Map.of("TITLE", "mine", "RESPONSIBLE_ID", staff, "ADD_IN_REPORT", "Y"));
    // Olga heads Sales and is in it: taking the task herself keeps the flag
    JsonNode t = update(olga, id, Map.of("RESPONSIBLE_ID", head, "TITLE", "mine 2"));
    assertThat(t.get("addInReport").asText()).isEqualTo("Y");
    // Otto's task handed to Sam with Olga as its new creator: Sam is in her department, so the flag stays
    RestClient admin = org.admin();
    long other = add(admin, Map.of("TITLE", "his", "CREATED_BY", outsider, "RESPONSIBLE_ID", outsider,
        "ADD_IN_REPORT", "Y"));
    t = update(admin, other, Map.of("CREATED_BY", head, "RESPONSIBLE_ID", staff));
    assertThat(t.get("addInReport").asText()).isEqualTo("Y");
  }

  @Test
  void a_status_given_with_a_new_responsible_is_kept_and_the_members_bookkeeping_still_runs() {
    RestClient admin = org.admin();
    long id = add(admin, Map.of("TITLE", "both", "RESPONSIBLE_ID", head, "ADD_IN_REPORT", "Y"));
    JsonNode t = update(admin, id, Map.of("RESPONSIBLE_ID", outsider, "STATUS", 3));
    assertThat(t.get("status").asText()).isEqualTo("3");
    assertThat(t.get("responsibleId").asText()).isEqualTo(Long.toString(outsider));
    assertThat(t.get("addInReport").asText()).isEqualTo("N");
    assertThat(t.get("auditors").size()).isZero(); // not the delegate path: no auditor appended
  }

  // ---- m8: delegating to the current responsible -------------------------------------------------------

  @Test
  void delegating_to_the_current_responsible_keeps_the_status_in_both_transition_modes() {
    for (TestServer s : List.of(server, classic)) {
      RestClient admin = s.admin();
      long id = add(admin, Map.of("TITLE", "busy", "RESPONSIBLE_ID", 1));
      assertThat(admin.call("tasks.task.start", Map.of("taskId", id)).status()).isEqualTo(200);
      Response r = admin.call("tasks.task.delegate", Map.of("taskId", id, "userId", 1));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.result().get("task").get("status").asText()).isEqualTo("3");
      JsonNode t = get(admin, id);
      assertThat(t.get("status").asText()).isEqualTo("3");
      assertThat(t.get("auditors").size()).isZero();
    }
  }

  // ---- m14: the keys of fields -----------------------------------------------------------------------------

  @Test
  void camel_case_and_lower_case_field_keys_are_ignored_and_a_leading_tilde_is_stripped() {
    RestClient admin = org.admin();
    Response r = admin.call("tasks.task.add", Map.of("fields", Map.of("title", "lower", "responsibleId", 1)));
    assertThat(r.status()).as(r.toString()).isEqualTo(400); // no TITLE given: the portal's CheckFields error
    assertThat(r.errorDescription()).contains("Task title is not specified");
    long id = add(admin, Map.of("~TITLE", "tilde", "RESPONSIBLE_ID", 1));
    assertThat(get(admin, id).get("title").asText()).isEqualTo("tilde");
    // ignored silently: the call succeeds and changes nothing
    Map<String, Object> ignored = new LinkedHashMap<>();
    ignored.put("title", "renamed");
    ignored.put("Title", "renamed");
    ignored.put("responsibleId", head);
    JsonNode t = update(admin, id, ignored);
    assertThat(t.get("title").asText()).isEqualTo("tilde");
    assertThat(t.get("responsibleId").asText()).isEqualTo("1");
    assertThat(update(admin, id, Map.of("~TITLE", "renamed")).get("title").asText()).isEqualTo("renamed");
  }

  // ---- m19: who may change the creator -----------------------------------------------------------------

  @Test
  void only_an_administrator_or_the_responsible_who_may_edit_changes_the_creator() {
    RestClient olga = org.as(head);
    // Olga created the task and Otto is responsible: she may edit it, but she is not its responsible
    long id = add(olga, Map.of("TITLE", "whose", "RESPONSIBLE_ID", outsider));
    Response r = olga.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("CREATED_BY", other)));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(get(olga, id).get("createdBy").asText()).isEqualTo(Long.toString(head));
    // the responsible may not edit the task (TASK_ASSIGNEE_EDIT is not granted): refused too
    r = org.as(outsider).call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("CREATED_BY", outsider)));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    // Olga making herself the responsible in the same update is the (new) responsible who may edit
    JsonNode t = update(olga, id, Map.of("CREATED_BY", staff, "RESPONSIBLE_ID", head));
    assertThat(t.get("createdBy").asText()).isEqualTo(Long.toString(staff));
    // an administrator always may; other fields stay under the edit rule alone
    t = update(org.admin(), id, Map.of("CREATED_BY", other));
    assertThat(t.get("createdBy").asText()).isEqualTo(Long.toString(other));
  }
}
