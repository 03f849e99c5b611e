package dev.b24tasks.rest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REST 3.0 over real HTTP (reference/bitrix-events-and-v3.md §B): routing, the envelope, typed task items, select,
 * filter, order, pagination and cursor, the batch with references, Idempotency-Key, and every error of §B.3.
 */
class RestV3Test {
  @RegisterExtension static TestServer server = new TestServer(s -> s.timeZone = java.time.ZoneId.of("Europe/Berlin"));

  static Org org;
  static long olga;
  static long pavel;
  static long stranger;
  static RestClient asOlga;
  static RestClient asPavel;
  static RestClient asStranger;

  @BeforeAll
  static void people() {
    org = new Org(server);
    olga = org.user("Olga", "Petrova");
    pavel = org.user("Pavel", "Ivanov");
    stranger = org.user("Sergey", "Stranger");
    asOlga = org.as(olga);
    asPavel = org.as(pavel);
    asStranger = org.as(stranger);
  }

  static long add(RestClient as, String title, long creator, long responsible) {
    Response r = as.v3("tasks.task.add", Map.of("fields", Map.of("title", title, "creatorId", creator,
        "responsibleId", responsible)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result().get("item").get("id").asLong();
  }

  static void v3Error(Response r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.json().get("error").get("code").asText()).as(r.toString()).isEqualTo("BITRIX_REST_V3_" + code);
    assertThat(r.json().has("result")).isFalse();
    assertThat(r.json().has("time")).isFalse();
  }

  @Test
  void add_answers_the_typed_item_with_the_default_keys_in_the_documented_order() {
    Response r = asOlga.v3("tasks.task.add", Map.of("fields", Map.of("title", "Launch plan", "creatorId", olga,
        "responsibleId", pavel, "deadline", "2030-12-31T23:59:59+02:00", "priority", "high", "needsControl", true)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode item = r.result().get("item");
    assertThat(item.get("id").isInt() || item.get("id").isLong()).isTrue();
    assertThat(item.get("title").asText()).isEqualTo("Launch plan");
    assertThat(item.get("status").asText()).isEqualTo("pending");
    assertThat(item.get("priority").asText()).isEqualTo("high");
    assertThat(item.get("needsControl").isBoolean()).isTrue();
    assertThat(item.get("needsControl").asBoolean()).isTrue();
    assertThat(item.get("deadline").asText()).isEqualTo("2030-12-31T22:59:59+01:00"); // the caller's zone
    assertThat(item.get("mark").asText()).isEqualTo("none");
    assertThat(item.get("rights").get("edit").isBoolean()).isTrue();
    List<String> keys = new ArrayList<>();
    item.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).startsWith("id", "title", "description", "deadline", "needsControl", "startPlan")
        .endsWith("inMute", "dependsOn", "scenarios").doesNotContain("creator", "responsible");
    JsonNode time = r.json().get("time");
    assertThat(time.get("operating_reset_at").asLong()).isPositive();
    assertThat(time.get("operating").asDouble()).isGreaterThanOrEqualTo(0);
    // the classic dialect sees the same task
    Response classic = asOlga.call("tasks.task.get", Map.of("taskId", item.get("id").asLong()));
    assertThat(classic.result().get("task").get("title").asText()).isEqualTo("Launch plan");
    assertThat(classic.result().get("task").get("priority").asText()).isEqualTo("2");
  }

  @Test
  void get_with_a_dotted_select_adds_the_related_object_and_unknown_own_fields_are_left_out() {
    long id = add(asOlga, "Related", olga, pavel);
    Response r = asOlga.v3("tasks.task.get", Map.of("id", id, "select",
        List.of("responsible.name", "responsible.email")));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode item = r.result().get("item");
    assertThat(item.get("responsible").get("name").asText()).isEqualTo("Pavel Ivanov");
    assertThat(item.get("responsible").has("email")).isTrue();
    assertThat(item.has("title")).isTrue(); // with only related fields asked for, the base set comes along

    Response own = asOlga.v3("tasks.task.get", Map.of("id", id, "select", List.of("id", "title", "noSuchField")));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    own.result().get("item").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "title");

    v3Error(asOlga.v3("tasks.task.get", Map.of("id", id, "select", List.of("responsible.shoeSize"))), 400,
        "EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION");
    Response unknown = asOlga.v3("tasks.task.get", Map.of("id", id, "select", List.of("status.name")));
    v3Error(unknown, 400, "EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION");
    assertThat(unknown.json().get("error").get("message").asText()).isEqualTo("Unknown field `status` for entity `TaskDto`");
  }

  @Test
  void every_field_of_field_list_comes_back_when_selected() {
    long id = add(asOlga, "Coverage", olga, pavel);
    Response fields = asOlga.v3("tasks.task.field.list", Map.of("select", List.of("name")));
    assertThat(fields.status()).as(fields.toString()).isEqualTo(200);
    assertThat(fields.result().get("items").size()).isGreaterThan(60);
    for (JsonNode f : fields.result().get("items")) {
      String name = f.get("name").asText();
      Response r = asOlga.v3("tasks.task.get", Map.of("id", id, "select", List.of("id", name)));
      assertThat(r.status()).as(name + " " + r).isEqualTo(200);
      assertThat(r.result().get("item").has(name)).as(name).isTrue();
    }
    Response one = asOlga.v3("tasks.task.field.get", Map.of("name", "id"));
    assertThat(one.result().get("item").get("filterable").asBoolean()).isTrue();
    v3Error(asOlga.v3("tasks.task.field.get", Map.of("name", "nope")), 400, "REALISATION_EXCEPTION_FIELDNOTFOUNDEXCEPTION");
    v3Error(asOlga.v3("tasks.task.field.list", Map.of("select", List.of("colour"))), 400,
        "EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION");
  }

  @Test
  void a_hidden_task_is_entity_not_found_exactly_like_a_missing_one() {
    long id = add(asOlga, "Private", olga, olga);
    Response hidden = asStranger.v3("tasks.task.get", Map.of("id", id));
    Response missing = asStranger.v3("tasks.task.get", Map.of("id", 99_999_999));
    v3Error(hidden, 400, "EXCEPTION_ENTITYNOTFOUNDEXCEPTION");
    v3Error(missing, 400, "EXCEPTION_ENTITYNOTFOUNDEXCEPTION");
    assertThat(hidden.json().get("error").get("message").asText()).isEqualTo("Record with ID = `" + id + "` not found");
    for (String m : List.of("tasks.task.update", "tasks.task.delete", "tasks.task.access.get")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id);
      if (m.endsWith("update")) body.put("fields", Map.of("title", "x"));
      v3Error(asStranger.v3(m, body), 400, "EXCEPTION_ENTITYNOTFOUNDEXCEPTION");
    }
  }

  @Test
  void update_and_delete_answer_result_true_and_run_the_classic_rules() {
    long id = add(asOlga, "To change", olga, pavel);
    Response u = asOlga.v3("tasks.task.update", Map.of("id", id, "fields", Map.of("title", "Changed")));
    assertThat(u.status()).as(u.toString()).isEqualTo(200);
    assertThat(u.result().get("result").asBoolean()).isTrue();
    assertThat(asOlga.v3("tasks.task.get", Map.of("id", id, "select", List.of("title"))).result().get("item")
        .get("title").asText()).isEqualTo("Changed");
    // history is written as for a classic update
    Response h = asOlga.call("tasks.task.history.list", Map.of("taskId", id));
    assertThat(h.body()).contains("TITLE");
    // the responsible may not delete the creator's task
    v3Error(asPavel.v3("tasks.task.delete", Map.of("id", id)), 403, "EXCEPTION_ACCESSDENIEDEXCEPTION");
    Response d = asOlga.v3("tasks.task.delete", Map.of("id", id));
    assertThat(d.result().get("result").asBoolean()).isTrue();
    v3Error(asOlga.v3("tasks.task.get", Map.of("id", id)), 400, "EXCEPTION_ENTITYNOTFOUNDEXCEPTION");
  }

  @Test
  void access_get_is_a_flat_object_of_rights() {
    long id = add(asOlga, "Rights", olga, pavel);
    Response r = asPavel.v3("tasks.task.access.get", Map.of("id", id));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode rights = r.result().get("result");
    assertThat(rights.get("read").asBoolean()).isTrue();
    assertThat(rights.get("start").asBoolean()).isTrue();
    assertThat(rights.get("remove").asBoolean()).isFalse();
  }

  @Test
  void validation_errors_name_the_field_as_the_php_sdk_expects() {
    Response r = asOlga.v3("tasks.task.add", Map.of("fields", Map.of("title", "X", "creatorId", 1,
        "responsibleId", -1)));
    v3Error(r, 400, "EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    JsonNode v = r.json().get("error").get("validation");
    assertThat(v.size()).isPositive();
    assertThat(v.get(0).get("field").asText()).isEqualTo("task.responsible.id");
    assertThat(v.get(0).get("message").asText()).isNotBlank();

    Response missing = asOlga.v3("tasks.task.add", Map.of("fields", Map.of("title", "X", "creatorId", olga)));
    v3Error(missing, 400, "EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    assertThat(missing.json().get("error").get("validation").get(0).get("field").asText()).isEqualTo("responsibleId");

    Response type = asOlga.v3("tasks.task.get", Map.of("id", "12"));
    v3Error(type, 400, "EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    assertThat(type.json().get("error").get("validation").get(0).get("message").asText())
        .isEqualTo("Field `id` requires data type `int` for this request");
    v3Error(asOlga.v3("tasks.task.get", Map.of()), 400, "EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    v3Error(asOlga.v3("tasks.task.add", Map.of("fields", Map.of("title", "X", "creatorId", olga,
        "responsibleId", olga, "deadline", "soon"))), 400, "EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
  }

  @Test
  void list_filters_by_id_with_every_operator_and_groups_orders_and_pages() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) ids.add(add(asPavel, "Page " + i, pavel, pavel));
    long lo = ids.get(0);
    long hi = ids.get(6);
    Response between = asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", "between", List.of(lo, hi))),
        "order", Map.of("id", "desc"), "select", List.of("id", "title")));
    assertThat(between.status()).as(between.toString()).isEqualTo(200);
    assertThat(idsOf(between)).containsExactly(ids.reversed().toArray(Long[]::new));
    assertThat(between.json().has("total")).isFalse();

    Response in = asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", List.of(ids.get(1), ids.get(3))))));
    assertThat(idsOf(in)).containsExactly(ids.get(1), ids.get(3));
    assertThat(in.result().get("items").get(0).size()).isEqualTo(1); // list selects id only by default

    Response or = asPavel.v3("tasks.task.list", Map.of("filter", List.of(
        Map.of("logic", "or", "conditions", List.of(List.of("id", "=", lo), List.of("id", ">=", ids.get(5)))),
        Map.of("type", "condition", "leftOperand", "id", "operator", "!=", "rightOperand", ids.get(5)))));
    assertThat(idsOf(or)).containsExactly(lo, hi);

    Response negative = asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", ">=", lo),
        Map.of("type", "filter", "logic", "and", "negative", true, "conditions", List.of(List.of("id", ">", ids.get(1)))))));
    assertThat(idsOf(negative)).containsExactly(lo, ids.get(1));

    Response page2 = asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", ">=", lo)),
        "pagination", Map.of("page", 2, "limit", 3)));
    assertThat(idsOf(page2)).containsExactly(ids.get(3), ids.get(4), ids.get(5));
    Response page0 = asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", ">=", lo)),
        "pagination", Map.of("page", 0, "limit", 2)));
    assertThat(idsOf(page0)).containsExactly(lo, ids.get(1));
    Response clamped = asPavel.v3("tasks.task.list", Map.of("pagination", Map.of("limit", 5000)));
    assertThat(clamped.result().get("items").size()).isLessThanOrEqualTo(50);

    Response cursor = asPavel.v3("tasks.task.list", Map.of("cursor", Map.of("field", "id", "value", ids.get(4),
        "order", "asc", "limit", 10)));
    assertThat(idsOf(cursor)).containsExactly(ids.get(5), ids.get(6));
    // others' tasks never show
    assertThat(idsOf(asStranger.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", "in", ids)))))).isEmpty();
  }

  @Test
  void list_misuse_gets_the_documented_errors() {
    v3Error(asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("title", "=", "x")))), 400,
        "EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("shoeSize", "=", 1)))), 400,
        "EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", "like", 1)))), 400,
        "EXCEPTION_UNKNOWNFILTEROPERATOREXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("filter", Map.of("id", 1))), 400, "EXCEPTION_INVALIDFILTEREXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", "between", List.of(1))))), 400,
        "EXCEPTION_INVALIDFILTEREXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("order", List.of("id"))), 400, "EXCEPTION_INVALIDORDEREXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("order", Map.of("id", "sideways"))), 400,
        "EXCEPTION_INVALIDORDEREXCEPTION");
    Response pagination = asPavel.v3("tasks.task.list", Map.of("pagination", Map.of("limit", "abc")));
    v3Error(pagination, 400, "EXCEPTION_INVALIDPAGINATIONEXCEPTION");
    assertThat(pagination.json().get("error").get("message").asText())
        .isEqualTo("Unable to recognize the pagination parameter `{\"limit\":\"abc\"}`");
    v3Error(asPavel.v3("tasks.task.list", Map.of("pagination", Map.of("limit", 0))), 400,
        "EXCEPTION_INVALIDPAGINATIONEXCEPTION");
    v3Error(asPavel.v3("tasks.task.list", Map.of("select", "id")), 400, "EXCEPTION_INVALIDSELECTEXCEPTION");
    Response cursorInFilter = asPavel.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", ">", 1)),
        "cursor", Map.of("field", "id", "value", 1)));
    v3Error(cursorInFilter, 400, "EXCEPTION_INVALIDFILTEREXCEPTION");
    assertThat(cursorInFilter.json().get("error").get("message").asText())
        .isEqualTo("Cursor field `id` cannot be used at filter.");
  }

  @Test
  void transport_rules_paths_bodies_methods_and_credentials() {
    String base = server.baseUrl();
    // the classic gateway does not serve a v3-only shape, and the v3 gateway does not serve classic methods
    v3Error(asOlga.v3("server.time", Map.of()), 400, "EXCEPTION_METHODNOTFOUNDEXCEPTION");
    Response form = asOlga.raw("POST", "/rest/api/" + webhook(asOlga) + "tasks.task.get", "application/x-www-form-urlencoded",
        "id=1".getBytes(StandardCharsets.UTF_8));
    v3Error(form, 400, "EXCEPTION_INVALIDJSONEXCEPTION");
    Response broken = asOlga.raw("POST", "/rest/api/" + webhook(asOlga) + "tasks.task.get", "application/json",
        "{\"id\":".getBytes(StandardCharsets.UTF_8));
    v3Error(broken, 400, "EXCEPTION_INVALIDJSONEXCEPTION");
    v3Error(asOlga.raw("PUT", "/rest/api/" + webhook(asOlga) + "tasks.task.get", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8)), 400, "EXCEPTION_WRONGHTTPREQUESTMETHODEXCEPTION");
    // trailing slash, query string ignored
    long id = add(asOlga, "Paths", olga, olga);
    Response slash = asOlga.raw("POST", "/rest/api/" + webhook(asOlga) + "tasks.task.get/?id=999", "application/json",
        ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
    assertThat(slash.status()).as(slash.toString()).isEqualTo(200);
    assertThat(slash.result().get("item").get("id").asLong()).isEqualTo(id);
    // GET works for a call without parameters
    Response doc = asOlga.raw("GET", "/rest/api/" + webhook(asOlga) + "documentation", null, null);
    assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
    assertThat(doc.json().get("openapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.json().has("result")).isFalse();
    assertThat(doc.json().get("paths").has("/tasks.task.get")).isTrue();
    // a wrong webhook is the classic 401
    Response bad = new RestClient(base, olga, "wrong").v3("tasks.task.get", Map.of("id", id));
    assertThat(bad.status()).isEqualTo(401);
    // a token in the body (OAuth form)
    Response token = server.admin().call("b24tasks.token.add", Map.of("USER_ID", olga));
    String access = token.result().get("access_token").asText();
    Response viaToken = asOlga.raw("POST", "/rest/api/tasks.task.get", "application/json",
        ("{\"id\":" + id + ",\"auth\":\"" + access + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(viaToken.status()).as(viaToken.toString()).isEqualTo(200);
    // a webhook without the task scope
    RestClient userOnly = org.as(olga, List.of("user"));
    v3Error(userOnly.v3("tasks.task.get", Map.of("id", id)), 403, "EXCEPTION_INSUFFICIENTSCOPEEXCEPTION");
  }

  @Test
  void a_batch_runs_in_order_resolves_references_and_stops_at_the_first_failure() {
    long a = add(asOlga, "Batch A", olga, pavel);
    Response r = asOlga.v3("batch", List.of(
        Map.of("method", "tasks.task.get", "query", Map.of("id", a, "select", List.of("id", "title")), "as", "first"),
        Map.of("method", "tasks.task.update", "query", Map.of("id", Map.of("$ref", "first.id"),
            "fields", Map.of("title", "Batch A2"))),
        Map.of("method", "tasks.task.list", "query", Map.of("filter", List.of(List.of("id", "=",
            Map.of("$ref", "first.id"))))),
        Map.of("method", "tasks.task.list", "query", Map.of("filter", List.of(List.of("id", ">=", a))), "as", "many"),
        Map.of("method", "tasks.task.list", "query", Map.of("filter", List.of(List.of("id", "in",
            Map.of("$refArray", "many.id")))))));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode rows = r.result();
    assertThat(rows.size()).isEqualTo(5);
    assertThat(rows.get(0).get("item").get("id").asLong()).isEqualTo(a);
    assertThat(rows.get(1).get("result").asBoolean()).isTrue();
    assertThat(rows.get(2).get("items").get(0).get("id").asLong()).isEqualTo(a);
    assertThat(rows.get(4).get("items").get(0).get("id").asLong()).isEqualTo(a);
    Response notArray = asOlga.v3("batch", List.of(
        Map.of("method", "tasks.task.get", "query", Map.of("id", a), "as", "one"),
        Map.of("method", "tasks.task.list", "query", Map.of("filter", List.of(List.of("id", "in",
            Map.of("$refArray", "one.id")))))));
    v3Error(notArray, 400, "EXCEPTION_INVALIDSELECTEXCEPTION");
    assertThat(notArray.json().get("error").get("message").asText()).isEqualTo("Path 'one' must point to an array or iterable");
    assertThat(r.json().get("time").get("operating_reset_at").asLong()).isPositive();

    // the JS SDK's object form with numeric keys
    Response object = asOlga.v3("batch", Map.of("0", Map.of("method", "tasks.task.get", "query", Map.of("id", a))));
    assertThat(object.status()).as(object.toString()).isEqualTo(200);
    assertThat(object.result().get(0).get("item").get("title").asText()).isEqualTo("Batch A2");

    // all or nothing: the failing command is the whole answer, later ones do not run
    Response failing = asOlga.v3("batch", List.of(
        Map.of("method", "tasks.task.update", "query", Map.of("id", a, "fields", Map.of("title", "Batch A3"))),
        Map.of("method", "tasks.task.get", "query", Map.of("id", -1)),
        Map.of("method", "tasks.task.update", "query", Map.of("id", a, "fields", Map.of("title", "never")))));
    v3Error(failing, 400, "EXCEPTION_ENTITYNOTFOUNDEXCEPTION");
    assertThat(asOlga.v3("tasks.task.get", Map.of("id", a, "select", List.of("title"))).result().get("item")
        .get("title").asText()).isEqualTo("Batch A3");

    Response badRef = asOlga.v3("batch", List.of(Map.of("method", "tasks.task.get", "query",
        Map.of("id", Map.of("$ref", "nobody.id")))));
    v3Error(badRef, 400, "EXCEPTION_INVALIDSELECTEXCEPTION");
    assertThat(badRef.json().get("error").get("message").asText()).isEqualTo("Path 'nobody.id' not found in context");
    v3Error(asOlga.v3("batch", List.of(Map.of("method", "tasks.task.get", "query", Map.of("id", a), "as", "x"),
        Map.of("method", "tasks.task.get", "query", Map.of("id", a), "as", "x"))), 400, "EXCEPTION_INVALIDSELECTEXCEPTION");
    v3Error(asOlga.v3("batch", Map.of("cmd", Map.of("a", "tasks.task.get?id=1"))), 400,
        "EXCEPTION_INVALIDSELECTEXCEPTION");
    v3Error(asOlga.v3("batch", List.of(Map.of("method", "tasks.task.get", "query", Map.of("id", a)),
        Map.of("method", "tasks.task.list", "query", Map.of("filter", List.of(List.of("id", "in",
            Map.of("$refArray", "0"))))))), 400, "EXCEPTION_INVALIDSELECTEXCEPTION");
  }

  @Test
  void an_idempotency_key_replays_the_stored_answer_and_refuses_another_body() {
    String body = "{\"fields\":{\"title\":\"Once\",\"creatorId\":" + olga + ",\"responsibleId\":" + olga + "}}";
    Response first = asOlga.v3("tasks.task.add", body, "Idempotency-Key", "key-1");
    Response again = asOlga.v3("tasks.task.add", body, "Idempotency-Key", "key-1");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.result().get("item").get("id").asLong()).isEqualTo(first.result().get("item").get("id").asLong());
    assertThat(first.headers().firstValue("Idempotency-Key")).contains("key-1");
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    Response count = asOlga.v3("tasks.task.list", Map.of("filter", List.of(List.of("id", ">=",
        first.result().get("item").get("id").asLong()))));
    assertThat(idsOf(count)).hasSize(1);
    Response other = asOlga.v3("tasks.task.add", body.replace("Once", "Twice"), "Idempotency-Key", "key-1");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("error").get("code").asText())
        .isEqualTo("BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION");
    Response bad = asOlga.v3("tasks.task.add", body, "Idempotency-Key", "x".repeat(256));
    v3Error(bad, 400, "EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION");
    // a failed write is not stored: the same key may be used again
    Response failed = asOlga.v3("tasks.task.add", "{\"fields\":{\"title\":\"X\"}}", "Idempotency-Key", "key-2");
    assertThat(failed.status()).isEqualTo(400);
    Response retried = asOlga.v3("tasks.task.add", "{\"fields\":{\"title\":\"X\"}}", "Idempotency-Key", "key-2");
    assertThat(retried.status()).isEqualTo(400);
    // reads ignore the key
    Response read = asOlga.v3("tasks.task.get", Map.of("id", first.result().get("item").get("id").asLong()),
        "Idempotency-Key", "key-3");
    assertThat(read.headers().firstValue("Idempotency-Key")).isEmpty();
  }

  @Test
  void messages_follow_the_portal_language() {
    // the test server's language is English; the Russian bundle has every key the English one has
    java.util.Properties en = load("en");
    java.util.Properties ru = load("ru");
    assertThat(ru.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
  }

  private static java.util.Properties load(String lang) {
    try (var in = RestV3Test.class.getResourceAsStream("/i18n/v3_" + lang + ".properties")) {
      java.util.Properties p = new java.util.Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String webhook(RestClient c) {
    return c.webhookPath().substring("/rest/".length());
  }

  private static List<Long> idsOf(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    for (JsonNode i : r.result().get("items")) out.add(i.get("id").asLong());
    return out;
  }
}
