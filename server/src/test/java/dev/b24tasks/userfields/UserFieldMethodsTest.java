package dev.b24tasks.userfields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.CastTest;
import dev.b24tasks.testing.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** task.item.userfield.* over HTTP: who may do what, the shapes the docs show, the portal's errors. */
class UserFieldMethodsTest extends CastTest {
  static Response ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  static void refused(Response r, String code, String description) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).as(r.toString()).isEqualTo(code);
    assertThat(r.errorDescription()).as(r.toString()).isEqualTo(description);
  }

  static long add(Map<String, Object> params) {
    return ok(server.admin().call("task.item.userfield.add", Map.of("PARAMS", params))).result().asLong();
  }

  @Test
  void an_administrator_adds_a_field_and_everyone_reads_it_as_the_docs_show() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("USER_TYPE_ID", "string");
    p.put("FIELD_NAME", "uf_task_client_request");
    p.put("XML_ID", "UF_TASK_CLIENT_REQUEST");
    p.put("EDIT_FORM_LABEL", Map.of("de", "Kundenanfrage", "en", "Client request"));
    p.put("LABEL", "Client request");
    p.put("SORT", 220);
    p.put("MULTIPLE", "N");
    p.put("MANDATORY", "N");
    p.put("SETTINGS", Map.of("DEFAULT_VALUE", "Clarify the goal", "ROWS", 10));
    long id = add(p);
    assertThat(id).isGreaterThanOrEqualTo(100);

    Response got = ok(stranger.call("task.item.userfield.get", Map.of("ID", id)));
    assertThat(got.json().get("total").asInt()).isZero();
    JsonNode f = got.result();
    List<String> keys = new ArrayList<>();
    f.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ID", "ENTITY_ID", "FIELD_NAME", "USER_TYPE_ID", "XML_ID", "SORT", "MULTIPLE",
        "MANDATORY", "SHOW_FILTER", "SHOW_IN_LIST", "EDIT_IN_LIST", "IS_SEARCHABLE", "SETTINGS", "EDIT_FORM_LABEL",
        "LIST_COLUMN_LABEL", "LIST_FILTER_LABEL", "ERROR_MESSAGE", "HELP_MESSAGE");
    assertThat(f.get("ID").asText()).isEqualTo(Long.toString(id));
    assertThat(f.get("ENTITY_ID").asText()).isEqualTo("TASKS_TASK");
    assertThat(f.get("FIELD_NAME").asText()).isEqualTo("UF_TASK_CLIENT_REQUEST");
    assertThat(f.get("SORT").isTextual()).isTrue();
    assertThat(f.get("SORT").asText()).isEqualTo("220");
    assertThat(f.get("SHOW_IN_LIST").asText()).isEqualTo("Y");
    assertThat(f.get("IS_SEARCHABLE").asText()).isEqualTo("N");
    assertThat(f.get("SETTINGS").toString()).isEqualTo(
        "{\"SIZE\":20,\"ROWS\":10,\"REGEXP\":\"\",\"MIN_LENGTH\":0,\"MAX_LENGTH\":0,\"DEFAULT_VALUE\":\"Clarify the goal\"}");
    // every portal language gets a label: the given ones, else LABEL
    assertThat(f.get("EDIT_FORM_LABEL").get("de").asText()).isEqualTo("Kundenanfrage");
    assertThat(f.get("EDIT_FORM_LABEL").get("ru").asText()).isEqualTo("Client request");
    assertThat(f.get("LIST_COLUMN_LABEL").get("en").asText()).isEqualTo("Client request");

    // the list: the three built-in fields, then the new one; rows without the label sets
    Response list = ok(stranger.call("task.item.userfield.getlist", Map.of("ORDER", Map.of("SORT", "ASC"))));
    assertThat(list.json().get("total").asInt()).isZero();
    List<String> names = new ArrayList<>();
    list.result().forEach(r -> names.add(r.get("FIELD_NAME").asText()));
    assertThat(names).startsWith("UF_CRM_TASK", "UF_MAIL_MESSAGE", "UF_TASK_WEBDAV_FILES").contains("UF_TASK_CLIENT_REQUEST");
    assertThat(list.result().get(0).has("EDIT_FORM_LABEL")).isFalse();
    assertThat(list.result().get(2).get("SETTINGS").get("UF_TO_SAVE_ALLOW_EDIT").asText()).isEmpty();
    assertThat(list.result().get(1).get("SETTINGS").isArray()).as("PHP's empty array").isTrue();
    Response one = ok(stranger.call("task.item.userfield.getlist",
        Map.of("FILTER", Map.of("USER_TYPE_ID", "string", "FIELD_NAME", List.of("UF_TASK_CLIENT_REQUEST", "UF_X")))));
    assertThat(one.result().size()).isEqualTo(1);
    assertThat(one.result().get(0).get("ID").asText()).isEqualTo(Long.toString(id));
  }

  @Test
  void only_a_portal_administrator_changes_the_fields() {
    long id = add(Map.of("USER_TYPE_ID", "double", "FIELD_NAME", "ADMIN_ONLY"));
    refused(creator.call("task.item.userfield.add", Map.of("PARAMS", Map.of("USER_TYPE_ID", "string",
        "FIELD_NAME", "UF_NOT_MINE"))), "ERROR_CORE", "Access denied.");
    refused(creator.call("task.item.userfield.update", Map.of("ID", id, "DATA", Map.of("SORT", 5))),
        "ERROR_CORE", "Access denied.");
    refused(creator.call("task.item.userfield.delete", Map.of("ID", id)), "ERROR_CORE", "Access denied.");
    assertThat(ok(creator.call("task.item.userfield.get", Map.of("ID", id))).result().get("SORT").asText())
        .isEqualTo("100");
    // the built-in fields are not the API's to change
    refused(server.admin().call("task.item.userfield.delete", Map.of("ID", 3)), "ERROR_CORE", "Access denied.");
  }

  @Test
  void the_name_gets_its_prefix_and_the_portals_checks() {
    long id = add(Map.of("USER_TYPE_ID", "boolean", "FIELD_NAME", "legal_review", "MULTIPLE", "Y"));
    JsonNode f = ok(server.admin().call("task.item.userfield.get", Map.of("ID", id))).result();
    assertThat(f.get("FIELD_NAME").asText()).isEqualTo("UF_LEGAL_REVIEW");
    assertThat(f.get("MULTIPLE").asText()).as("yes/no is never multiple").isEqualTo("N");
    assertThat(f.get("SETTINGS").toString())
        .isEqualTo("{\"DEFAULT_VALUE\":0,\"DISPLAY\":\"CHECKBOX\",\"LABEL\":[\"\",\"\"],\"LABEL_CHECKBOX\":\"\"}");
    assertThat(f.get("EDIT_FORM_LABEL").get("en").asText()).as("no LABEL: the name").isEqualTo("UF_LEGAL_REVIEW");

    refused(server.admin().call("task.item.userfield.add", Map.of("PARAMS", Map.of("XML_ID", "x"))), "ERROR_CORE",
        "The 'USER_TYPE_ID' field is not found.\nThe 'FIELD_NAME' field is not found.");
    refused(server.admin().call("task.item.userfield.add", Map.of("PARAMS",
        Map.of("USER_TYPE_ID", "boolean", "FIELD_NAME", "LEGAL_REVIEW"))), "ERROR_CORE",
        "The field UF_LEGAL_REVIEW for the object TASKS_TASK already exists.<br>");
    refused(server.admin().call("task.item.userfield.add", Map.of("PARAMS",
        Map.of("USER_TYPE_ID", "string", "FIELD_NAME", "UF_TASK_WEBDAV_FILES"))), "ERROR_CORE",
        "The field UF_TASK_WEBDAV_FILES for the object TASKS_TASK already exists.<br>");
    refused(server.admin().call("task.item.userfield.add", Map.of("PARAMS",
        Map.of("USER_TYPE_ID", "colour", "FIELD_NAME", "UF_"))), "ERROR_CORE",
        "The field name must be at least 4 characters long, the prefix included.<br>Invalid user type specified.<br>");
    Response bad = server.admin().call("task.item.userfield.add", Map.of("PARAMS",
        Map.of("USER_TYPE_ID", "string", "FIELD_NAME", "ПОЛЕ")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorDescription()).contains("Latin letters");
    assertThat(server.admin().call("task.item.userfield.add", Map.of("PARAMS",
        Map.of("USER_TYPE_ID", "string", "FIELD_NAME", "X".repeat(48)))).status()).isEqualTo(400);
    // the flat form: the field's keys without PARAMS
    long flat = ok(server.admin().call("task.item.userfield.add", Map.of("USER_TYPE_ID", "date",
        "FIELD_NAME", "FLAT_DATE"))).result().asLong();
    assertThat(ok(server.admin().call("task.item.userfield.get", Map.of("ID", flat))).result().get("USER_TYPE_ID")
        .asText()).isEqualTo("date");
  }

  @Test
  void update_changes_what_the_portal_lets_it_change() {
    long id = add(Map.of("USER_TYPE_ID", "double", "FIELD_NAME", "BUDGET", "SETTINGS", Map.of("PRECISION", 2),
        "LABEL", "Budget"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("XML_ID", "budget");
    data.put("SORT", 300);
    data.put("MANDATORY", "Y");
    data.put("MULTIPLE", "Y");
    data.put("EDIT_FORM_LABEL", Map.of("en", "Project budget"));
    data.put("SETTINGS", Map.of("DEFAULT_VALUE", "12.345"));
    assertThat(ok(server.admin().call("task.item.userfield.update", Map.of("ID", id, "DATA", data))).result()
        .asBoolean()).isTrue();
    JsonNode f = ok(server.admin().call("task.item.userfield.get", Map.of("ID", id))).result();
    assertThat(f.get("XML_ID").asText()).isEqualTo("budget");
    assertThat(f.get("SORT").asText()).isEqualTo("300");
    assertThat(f.get("MANDATORY").asText()).isEqualTo("Y");
    assertThat(f.get("MULTIPLE").asText()).as("kept: CUserTypeEntity::Update drops it").isEqualTo("N");
    assertThat(f.get("EDIT_FORM_LABEL").get("en").asText()).isEqualTo("Project budget");
    assertThat(f.get("EDIT_FORM_LABEL").get("de").asText()).as("the languages not given are blank").isEmpty();
    assertThat(f.get("LIST_COLUMN_LABEL").get("de").asText()).as("a set not given is kept").isEqualTo("Budget");
    assertThat(f.get("SETTINGS").get("PRECISION").asInt()).isEqualTo(2);
    assertThat(f.get("SETTINGS").get("DEFAULT_VALUE").asDouble()).isEqualTo(12.35);
    // positional, as the router passes the values in order
    ok(server.admin().call("task.item.userfield.update", List.of(id, Map.of("MANDATORY", "N"))));
    assertThat(ok(server.admin().call("task.item.userfield.get", List.of(id))).result().get("MANDATORY").asText())
        .isEqualTo("N");
  }

  @Test
  void the_errors_of_ids_are_the_portals() {
    refused(server.admin().call("task.item.userfield.get", Map.of()), "ERROR_CORE", "No parameters found.");
    refused(server.admin().call("task.item.userfield.get", Map.of("ID", "abc")), "ERROR_CORE",
        "ID is not defined or invalid.");
    refused(server.admin().call("task.item.userfield.get", Map.of("ID", 99999)), "ERROR_NOT_FOUND",
        "The entity with ID '99999' is not found.");
    refused(server.admin().call("task.item.userfield.delete", Map.of()), "ERROR_CORE",
        "TASKS_ERROR_EXCEPTION_#0; Invalid arguments for Bitrix\\Tasks\\Integration\\Rest\\Task\\UserField::delete; 0/TE");
    refused(server.admin().call("task.item.userfield.update", Map.of("ID", 5)), "ERROR_CORE",
        "TASKS_ERROR_EXCEPTION_#0; Invalid arguments for Bitrix\\Tasks\\Integration\\Rest\\Task\\UserField::update; 0/TE");
    refused(server.admin().call("task.item.userfield.update", Map.of("ID", -1, "DATA", Map.of("SORT", 1))),
        "ERROR_CORE", "ID is not defined or invalid.");
    refused(server.admin().call("task.item.userfield.delete", Map.of("ID", 99999)), "ERROR_NOT_FOUND",
        "The entity with ID '99999' is not found.");
    JsonNode builtIn = ok(server.admin().call("task.item.userfield.get", Map.of("ID", 3))).result();
    assertThat(builtIn.get("FIELD_NAME").asText()).isEqualTo("UF_TASK_WEBDAV_FILES");
  }

  @Test
  void types_and_fields_describe_themselves() {
    Response types = ok(stranger.call("task.item.userfield.gettypes", Map.of()));
    assertThat(types.json().get("total").asInt()).isZero();
    assertThat(types.result().get(0).toString()).isEqualTo("{\"ID\":\"string\",\"title\":\"String\"}");
    assertThat(types.result().get(2).toString()).isEqualTo("{\"ID\":\"double\",\"title\":\"Number\"}");
    assertThat(types.result().size()).isEqualTo(16);
    JsonNode fields = ok(stranger.call("task.item.userfield.getfields", Map.of())).result();
    assertThat(fields.get("ID").toString()).isEqualTo("{\"type\":\"int\",\"title\":\"ID\",\"isReadOnly\":true}");
    assertThat(fields.get("ENTITY_ID").toString())
        .isEqualTo("{\"type\":\"string\",\"title\":\"Entity\",\"isImmutable\":true}");
    assertThat(fields.get("LIST").get("isMultiple").asBoolean()).isTrue();
    assertThat(fields.size()).isEqualTo(19);
  }
}
