package dev.b24tasks.userfields;

import static dev.b24tasks.userfields.UserFieldMethodsTest.ok;
import static dev.b24tasks.userfields.UserFieldMethodsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Custom fields' values on tasks: written by add and update (both APIs), typed, read back when selected. */
class UserFieldValuesTest extends CastTest {
  static long budgetField;

  @BeforeAll
  static void fields() {
    budgetField = add("double", "UF_BUDGET", Map.of("SETTINGS", Map.of("PRECISION", 2), "LABEL", "Budget"));
    add("string", "UF_CLIENT", Map.of());
    add("string", "UF_TAGS_X", Map.of("MULTIPLE", "Y"));
    add("datetime", "UF_APPROVAL", Map.of());
    add("boolean", "UF_LEGAL", Map.of());
    add("integer", "UF_SEATS", Map.of());
  }

  static long add(String type, String name, Map<String, Object> more) {
    Map<String, Object> p = new LinkedHashMap<>(more);
    p.put("USER_TYPE_ID", type);
    p.put("FIELD_NAME", name);
    return ok(server.admin().call("task.item.userfield.add", Map.of("PARAMS", p))).result().asLong();
  }

  static JsonNode get(long id, List<String> select) {
    return ok(creator.call("tasks.task.get", Map.of("taskId", id, "select", select))).result().get("task");
  }

  @Test
  void values_round_trip_on_add_update_get_and_list() {
    Map<String, Object> uf = new LinkedHashMap<>();
    uf.put("UF_BUDGET", "1250.456");
    uf.put("UF_CLIENT", "Acme");
    uf.put("UF_TAGS_X", List.of("a", "b"));
    uf.put("UF_APPROVAL", "2026-07-01T10:00:00+02:00");
    uf.put("UF_LEGAL", "Y");
    uf.put("UF_SEATS", 12);
    uf.put("UF_NO_SUCH_FIELD", "ignored");
    long id = task("with fields", uf);

    // not returned by default, nor with "*"
    JsonNode plain = ok(creator.call("tasks.task.get", Map.of("taskId", id))).result().get("task");
    assertThat(plain.has("ufBudget")).isFalse();
    assertThat(get(id, List.of("*")).has("ufBudget")).isFalse();

    JsonNode t = get(id, List.of("ID", "UF_BUDGET", "UF_CLIENT", "UF_TAGS_X", "UF_APPROVAL", "UF_LEGAL", "UF_SEATS"));
    assertThat(t.get("ufBudget").asText()).isEqualTo("1250.46");
    assertThat(t.get("ufClient").asText()).isEqualTo("Acme");
    assertThat(t.get("ufTagsX").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(t.get("ufApproval").asText()).isEqualTo("2026-07-01T08:00:00+00:00");
    assertThat(t.get("ufLegal").asText()).isEqualTo("1");
    assertThat(t.get("ufSeats").asText()).isEqualTo("12");
    assertThat(t.has("ufNoSuchField")).isFalse();
    assertThat(t.has("title")).as("the select still narrows").isFalse();

    // UF_* brings every custom field (and the three built-in ones)
    JsonNode all = get(id, List.of("ID", "UF_*"));
    List<String> keys = new ArrayList<>();
    all.fieldNames().forEachRemaining(k -> { if (k.startsWith("uf")) keys.add(k); });
    assertThat(keys).containsExactly("ufCrmTask", "ufTaskWebdavFiles", "ufMailMessage", "ufBudget", "ufClient",
        "ufTagsX", "ufApproval", "ufLegal", "ufSeats");

    // update: one field changed, one cleared; the others stay
    ok(creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("UF_CLIENT", "Globex",
        "UF_TAGS_X", List.of(), "UF_BUDGET", ""))));
    JsonNode after = get(id, List.of("UF_*"));
    assertThat(after.get("ufClient").asText()).isEqualTo("Globex");
    assertThat(after.get("ufTagsX").asBoolean()).as("an empty multiple field is false").isFalse();
    assertThat(after.get("ufTagsX").isBoolean()).isTrue();
    assertThat(after.get("ufBudget").isNull()).as("an empty single field is null").isTrue();
    assertThat(after.get("ufSeats").asText()).isEqualTo("12");
    // each changed field is one history row (the portal tracks every UF_ field); the unchanged ones none
    List<String> history = new ArrayList<>();
    ok(creator.call("tasks.task.history.list", Map.of("taskId", id))).result().get("list").forEach(e -> {
      if (e.get("field").asText().startsWith("UF_")) {
        history.add(e.get("field").asText() + ":" + e.get("value").get("from").asText() + "->"
            + e.get("value").get("to").asText());
      }
    });
    assertThat(history).as("a cleared field: to null").containsExactlyInAnyOrder("UF_CLIENT:Acme->Globex", "UF_TAGS_X:a,b->null",
        "UF_BUDGET:1250.46->null");
    ok(creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("UF_CLIENT", "Globex"))));
    long clientRows = server.app().db.read(tx -> tx.queryLong(
        "SELECT count(*) FROM task_history WHERE task_id = ? AND field = 'UF_CLIENT'", id));
    assertThat(clientRows).as("the same value again writes no row").isEqualTo(1);

    // the list: selected by name, one query for the page
    JsonNode rows = ok(creator.call("tasks.task.list", Map.of("filter", Map.of("ID", id),
        "select", List.of("ID", "UF_CLIENT")))).result().get("tasks");
    assertThat(rows.get(0).get("ufClient").asText()).isEqualTo("Globex");
    assertThat(rows.get(0).has("ufSeats")).isFalse();

    // the legacy API writes the same values
    ok(creator.call("task.item.update", List.of(id, Map.of("UF_SEATS", "40"))));
    assertThat(get(id, List.of("UF_SEATS")).get("ufSeats").asText()).isEqualTo("40");
    long legacy = ok(creator.call("task.item.add", List.of(Map.of("TITLE", "legacy", "RESPONSIBLE_ID",
        responsible.id(), "UF_CLIENT", "Initech")))).result().asLong();
    assertThat(get(legacy, List.of("UF_CLIENT")).get("ufClient").asText()).isEqualTo("Initech");
  }

  @Test
  void a_value_of_the_wrong_type_is_a_4xx_error_and_writes_nothing() {
    Response r = creator.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "bad", "RESPONSIBLE_ID",
        responsible.id(), "UF_BUDGET", "lots")));
    refused(r, "ERROR_CORE", "The value of the field \"Budget\" is not a number<br>");
    refused(creator.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "bad", "RESPONSIBLE_ID",
        responsible.id(), "UF_APPROVAL", "next tuesday"))), "ERROR_CORE",
        "The value of the field \"UF_APPROVAL\" is not a valid date<br>");
    long id = task("good", Map.of("UF_SEATS", 3));
    refused(creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "renamed",
        "UF_SEATS", "many"))), "ERROR_CORE", "The value of the field \"UF_SEATS\" is not a number<br>");
    JsonNode t = get(id, List.of("TITLE", "UF_SEATS"));
    assertThat(t.get("title").asText()).as("the refused update wrote nothing").isEqualTo("good");
    assertThat(t.get("ufSeats").asText()).isEqualTo("3");
    Response legacy = creator.call("task.item.add", List.of(Map.of("TITLE", "legacy", "RESPONSIBLE_ID",
        responsible.id(), "UF_SEATS", "x")));
    refused(legacy, "ERROR_CORE", "The value of the field \"UF_SEATS\" is not a number<br>");
  }

  @Test
  void a_mandatory_field_must_be_given_on_add_and_may_not_be_cleared() {
    long field = add("string", "UF_MUST", Map.of("MANDATORY", "Y", "EDIT_FORM_LABEL", Map.of("en", "Must have")));
    try {
      refused(creator.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "missing", "RESPONSIBLE_ID",
          responsible.id()))), "ERROR_CORE", "Required field \"Must have\" value not entered<br>");
      long id = task("given", Map.of("UF_MUST", "yes"));
      // an update that does not name it is fine; one that clears it is refused
      ok(creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("TITLE", "renamed"))));
      refused(creator.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("UF_MUST", ""))),
          "ERROR_CORE", "Required field \"Must have\" value not entered<br>");
    } finally {
      ok(server.admin().call("task.item.userfield.delete", Map.of("ID", field)));
    }
  }

  @Test
  void a_hidden_task_refuses_custom_values_exactly_as_a_missing_one() {
    long id = task("private", Map.of("UF_CLIENT", "secret"));
    Response hidden = stranger.call("tasks.task.update", Map.of("taskId", id, "fields", Map.of("UF_SEATS", "x")));
    Response missing = stranger.call("tasks.task.update", Map.of("taskId", 999999, "fields",
        Map.of("UF_SEATS", "x")));
    assertThat(hidden.status()).isEqualTo(400);
    assertThat(hidden.body()).isEqualTo(missing.body().replace("999999", Long.toString(id)));
    assertThat(hidden.error()).isEqualTo(missing.error());
    assertThat(hidden.errorDescription()).isEqualTo(missing.errorDescription());
    assertThat(ok(stranger.call("tasks.task.get", Map.of("taskId", id, "select", List.of("UF_CLIENT")))).result()
        .toString()).isEqualTo("[]");
  }

  @Test
  void the_list_filters_by_custom_fields() {
    long small = task("small budget", Map.of("UF_BUDGET", 10, "UF_CLIENT", "Filter Co"));
    long large = task("large budget", Map.of("UF_BUDGET", 5000, "UF_CLIENT", "Filter Co"));
    long none = task("no budget", Map.of("UF_CLIENT", "Filter Co"));
    assertThat(ids(Map.of("UF_CLIENT", "Filter Co", ">UF_BUDGET", 100))).containsExactly(large);
    assertThat(ids(Map.of("UF_CLIENT", "Filter Co", "<=UF_BUDGET", 100))).containsExactly(small);
    assertThat(ids(Map.of("UF_CLIENT", "Filter Co", "UF_BUDGET", List.of(10, 5000)))).containsExactly(small, large);
    assertThat(ids(Map.of("UF_CLIENT", "Filter Co", "UF_BUDGET", ""))).containsExactly(none);
    assertThat(ids(Map.of("UF_CLIENT", "Filter Co", "!UF_BUDGET", 10))).containsExactly(large, none);
    assertThat(ids(Map.of("%UF_CLIENT", "filter", "UF_BUDGET", 10))).containsExactly(small);
  }

  static List<Long> ids(Map<String, Object> filter) {
    List<Long> out = new ArrayList<>();
    ok(creator.call("tasks.task.list", Map.of("filter", filter, "order", Map.of("ID", "asc")))).result().get("tasks")
        .forEach(t -> out.add(t.get("id").asLong()));
    return out;
  }

  @Test
  void get_fields_lists_the_custom_fields_and_deleting_a_field_drops_its_values() {
    JsonNode fields = ok(creator.call("tasks.task.getFields", Map.of())).result().get("fields");
    assertThat(fields.get("UF_CRM_TASK").toString()).isEqualTo("{\"title\":\"CRM Entities\",\"type\":\"crm\"}");
    assertThat(fields.get("UF_MAIL_MESSAGE").toString()).isEqualTo("{\"title\":null,\"type\":\"mail_message\"}");
    assertThat(fields.get("UF_BUDGET").toString()).isEqualTo("{\"title\":\"Budget\",\"type\":\"double\"}");

    long field = add("string", "UF_SHORT_LIVED", Map.of());
    long id = task("short", Map.of("UF_SHORT_LIVED", "soon gone"));
    assertThat(get(id, List.of("UF_SHORT_LIVED")).get("ufShortLived").asText()).isEqualTo("soon gone");
    ok(server.admin().call("task.item.userfield.delete", Map.of("ID", field)));
    assertThat(get(id, List.of("UF_SHORT_LIVED")).has("ufShortLived")).isFalse();
    long left = server.app().db.read(tx -> tx.queryLong(
        "SELECT count(*) FROM task_user_field_values WHERE field_id = ?", field));
    assertThat(left).isZero();
    // a new field of the same name starts empty
    add("string", "UF_SHORT_LIVED", Map.of());
    assertThat(get(id, List.of("UF_SHORT_LIVED")).get("ufShortLived").isNull()).isTrue();
  }
}
