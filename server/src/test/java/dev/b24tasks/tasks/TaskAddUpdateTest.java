package dev.b24tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tasks.task.add / update / delete / getFields: values, validation texts, the update rules, history. */
class TaskAddUpdateTest {
  @RegisterExtension static TestServer server = new TestServer(s -> s.timeZone = java.time.ZoneId.of("Europe/Berlin"));

  static People.Person anna;
  static People.Person boris;

  @BeforeAll
  static void people() {
    People p = new People(server);
    anna = p.create("Anna");
    boris = p.create("Boris");
  }

  @Test
  void a_new_task_has_the_documented_defaults_and_dates_in_the_callers_offset() {
    Response r = anna.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "  Plan  ", "RESPONSIBLE_ID",
        boris.id(), "DEADLINE", "2030-06-01T12:00:00", "STATUS", 1)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode t = r.result().get("task");
    assertThat(t.get("title").asText()).isEqualTo("Plan");
    assertThat(t.get("status").asText()).isEqualTo("2"); // 1 is mapped to 2
    assertThat(t.get("priority").asText()).isEqualTo("1");
    assertThat(t.get("createdBy").asText()).isEqualTo(Long.toString(anna.id()));
    assertThat(t.get("statusChangedBy").isNull()).isTrue();
    assertThat(t.get("closedBy").isNull()).isTrue();
    assertThat(t.get("deadline").asText()).isEqualTo("2030-06-01T12:00:00+02:00"); // Berlin summer time
    assertThat(t.get("guid").asText()).matches("\\{[0-9a-f-]{36}\\}");
    assertThat(t.get("auditorsData").isArray()).isTrue();
    assertThat(t.get("checklist").isArray()).isTrue();
    assertThat(t.get("group").isArray()).isTrue();
    assertThat(t.get("notViewed").asText()).isEqualTo("N");
  }

  @Test
  void validation_errors_are_error_core_with_the_documented_texts() {
    assertError(anna.call("tasks.task.add", Map.of("fields", Map.of("RESPONSIBLE_ID", boris.id()))),
        "ERROR_CORE", "Task title is not specified<br>");
    assertError(anna.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "x"))),
        "ERROR_CORE", "Responsible person not specified<br>");
    assertError(anna.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "x", "RESPONSIBLE_ID", 987654))),
        "ERROR_CORE", "User specified in the \"Responsible\" field not found<br>");
    assertError(anna.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "x", "RESPONSIBLE_ID", boris.id(),
        "STATUS", 7))), "ERROR_CORE", "Incorrect status<br>");
    assertError(anna.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "x", "RESPONSIBLE_ID", boris.id(),
        "PARENT_ID", 987654))), "ERROR_CORE", "Task specified in the \"Parent Task\" field not found<br>");
    assertError(anna.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "x", "RESPONSIBLE_ID", boris.id(),
        "START_DATE_PLAN", "2030-01-02", "END_DATE_PLAN", "2030-01-01"))), "ERROR_CORE",
        "The end date in scheduling is earlier than the start date<br>");
    assertError(anna.call("tasks.task.add", Map.of()), "100", "Could not find value for parameter {fields}");
  }

  @Test
  void update_follows_the_rule_of_the_fields_given_and_logs_what_changed() {
    long id = anna.addTask(Map.of("TITLE", "Draft", "RESPONSIBLE_ID", boris.id()));
    assertError(boris.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "Mine now"))),
        "0", "Action on the task is not allowed");
    // the responsible may change only the status (taskchangestatusrule)
    Response status = boris.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("STATUS", 3)));
    assertThat(status.result().get("task").get("status").asText()).isEqualTo("3");
    assertThat(status.result().get("task").get("dateStart").isNull()).isFalse();

    Map<String, Object> fields = new java.util.LinkedHashMap<>(); // history rows follow the order given
    fields.put("TITLE", "Final");
    fields.put("PRIORITY", 2);
    fields.put("AUDITORS", List.of(anna.id()));
    Response renamed = anna.call("tasks.task.update", Map.of("taskId", id, "fields", fields));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    JsonNode t = renamed.result().get("task");
    assertThat(t.get("title").asText()).isEqualTo("Final");
    assertThat(t.get("priority").asText()).isEqualTo("2");

    List<String> changes = new ArrayList<>();
    anna.call("tasks.task.history.list", Map.of("taskId", id, "order", Map.of("createdDate", "asc")))
        .result().get("list").forEach(e -> changes.add(e.get("field").asText() + ":"
            + e.get("value").get("from").asText() + ">" + e.get("value").get("to").asText()));
    assertThat(changes).containsExactly("NEW:null>null", "STATUS:2>3", "TITLE:Draft>Final", "PRIORITY:1>2",
        "AUDITORS:null>" + anna.id());
  }

  @Test
  void an_update_that_changes_nothing_succeeds_without_writing() {
    long id = anna.addTask(Map.of("TITLE", "Same", "RESPONSIBLE_ID", boris.id()));
    Response r = anna.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "Same")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(anna.call("tasks.task.history.list", Map.of("taskId", id)).result().get("list")).hasSize(1);
  }

  @Test
  void delete_is_for_the_creator_and_leaves_nothing_to_read() {
    long id = anna.addTask(Map.of("TITLE", "Temporary", "RESPONSIBLE_ID", boris.id()));
    Response denied = boris.call("tasks.task.delete", Map.of("taskId", id));
    assertError(denied, "1048582", "No access to delete the task");
    Response ok = anna.call("tasks.task.delete", Map.of("taskId", id));
    assertThat(ok.result().get("task").asBoolean()).isTrue();
    assertThat(anna.call("tasks.task.get", Map.of("taskId", id)).result().isArray()).isTrue();
  }

  @Test
  void get_fields_describes_status_with_its_values_and_default() {
    JsonNode fields = anna.call("tasks.task.getFields", null).result().get("fields");
    assertThat(fields.get("TITLE").get("required").asBoolean()).isTrue();
    assertThat(fields.get("STATUS").get("default").asInt()).isEqualTo(2);
    List<String> statuses = new ArrayList<>();
    fields.get("STATUS").get("values").fieldNames().forEachRemaining(statuses::add);
    assertThat(statuses).containsExactly("2", "3", "4", "5", "6");
  }

  static void assertError(Response r, String code, String description) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo(code);
    assertThat(r.errorDescription()).isEqualTo(description);
  }
}
