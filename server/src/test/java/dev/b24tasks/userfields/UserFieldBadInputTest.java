package dev.b24tasks.userfields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Odd shapes and values at the user-field methods and at UF_ keys of tasks: a 4xx or a 200, never a 500. */
class UserFieldBadInputTest extends CastTest {
  static final String[] METHODS = {"task.item.userfield.add", "task.item.userfield.update",
      "task.item.userfield.delete", "task.item.userfield.get", "task.item.userfield.getlist"};
  static final String[] BODIES = {"{}", "[]", "{\"PARAMS\":\"x\"}", "{\"PARAMS\":[1,2]}", "{\"ID\":[1],\"DATA\":\"x\"}",
      "{\"ID\":{\"a\":1},\"DATA\":{\"SETTINGS\":[1]}}", "{\"ID\":\"99999999999999999999999\"}",
      "{\"ORDER\":\"x\",\"FILTER\":[1]}", "{\"ORDER\":{\"SORT\":{\"a\":1}},\"FILTER\":{\"ID\":{\"x\":[1]}}}",
      "{\"PARAMS\":{\"USER_TYPE_ID\":{\"a\":1},\"FIELD_NAME\":[\"X\"]}}",
      "{\"PARAMS\":{\"USER_TYPE_ID\":\"datetime\",\"FIELD_NAME\":\"ODD_DATE\",\"SORT\":1e30,"
          + "\"SETTINGS\":{\"DEFAULT_VALUE\":{\"TYPE\":[1],\"VALUE\":\"99999-99-99\"}},\"EDIT_FORM_LABEL\":{\"en\":{\"x\":1}}}}",
      "{\"PARAMS\":{\"USER_TYPE_ID\":\"double\",\"FIELD_NAME\":\"ODD_NUMBER\",\"SETTINGS\":{\"PRECISION\":-5,"
          + "\"DEFAULT_VALUE\":\"1e400\"},\"MULTIPLE\":[\"Y\"],\"LABEL\":{\"x\":1}}}"};

  @Test
  void odd_calls_get_an_answer_below_500() throws Exception {
    for (String method : METHODS) {
      for (String body : BODIES) {
        Response r = server.admin().call(method, Json.MAPPER.readTree(body));
        assertThat(r.status()).as(method + " " + body + " -> " + r).isLessThan(500);
        Response mine = creator.call(method, Json.MAPPER.readTree(body));
        assertThat(mine.status()).as(method + " " + body + " -> " + mine).isLessThan(500);
      }
    }
  }

  @Test
  void odd_values_on_tasks_get_an_answer_below_500() throws Exception {
    for (String type : List.of("string", "integer", "double", "boolean", "datetime", "date")) {
      server.admin().call("task.item.userfield.add", Map.of("PARAMS", Map.of("USER_TYPE_ID", type,
          "FIELD_NAME", "UF_ODD_" + type.toUpperCase(), "MULTIPLE", "Y")));
    }
    String[] values = {"null", "\"\"", "[]", "{}", "[[1]]", "{\"a\":{\"b\":1}}", "\"1e400\"", "1e308",
        "\"99999999999999999999\"", "\"9999999-01-01T00:00:00\"", "\"2026-13-45\"", "true", "-0", "\"  \"",
        "[null, \"x\", 3]"};
    long id = task("odd values", Map.of());
    for (String type : List.of("STRING", "INTEGER", "DOUBLE", "BOOLEAN", "DATETIME", "DATE")) {
      for (String v : values) {
        JsonNode fields = Json.MAPPER.readTree("{\"UF_ODD_" + type + "\":" + v + "}");
        Response r = creator.call("tasks.task.update", Map.of("taskId", id, "fields", fields));
        assertThat(r.status()).as(type + " " + v + " -> " + r).isLessThan(500);
        Response list = creator.call("tasks.task.list", Map.of("filter", Json.MAPPER.readTree(
            "{\">=UF_ODD_" + type + "\":" + v + ", \"%UF_ODD_" + type + "\":" + v + "}")));
        assertThat(list.status()).as("filter " + type + " " + v + " -> " + list).isEqualTo(200);
      }
    }
    Response got = creator.call("tasks.task.get", Map.of("taskId", id, "select", List.of("UF_*")));
    assertThat(got.status()).isEqualTo(200);
  }
}
