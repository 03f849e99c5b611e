package dev.b24tasks.rest;

import static dev.b24tasks.rest.ParamDecodingTest.bytes;
import static dev.b24tasks.rest.ParamDecodingTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code batch}: command forms, references, errors, limits and the exact response shape (batch.md). */
class BatchTest {
  @RegisterExtension static TestServer server = new TestServer(s -> {}, ProbeMethods::register);

  @Test
  void named_commands_answer_with_the_five_collections_and_an_outer_time() {
    Map<String, Object> cmd = new LinkedHashMap<>();
    cmd.put("now", "server.time");
    cmd.put("rows", "test.list?start=0");
    cmd.put("echo", "test.echo?fields[TITLE]=$result[now]&first=$result[rows][0][ID]&n=$result_total[rows]");
    Response r = server.admin().call("batch", Map.of("halt", 0, "cmd", cmd));
    assertThat(r.status()).isEqualTo(200);
    assertThat(names(r.json())).containsExactly("result", "time");
    JsonNode b = r.result();
    assertThat(names(b)).containsExactly("result", "result_error", "result_total", "result_next", "result_time");
    assertThat(names(b.get("result"))).containsExactly("now", "rows", "echo");
    assertThat(b.get("result_error").isArray()).isTrue();
    assertThat(b.get("result_error")).isEmpty();
    assertThat(b.at("/result_total/rows").asLong()).isEqualTo(120);
    assertThat(names(b.get("result_total"))).containsExactly("rows");
    assertThat(b.at("/result_next/rows").asLong()).isEqualTo(3);
    assertThat(names(b.at("/result_time/now")))
        .containsExactly("start", "finish", "duration", "processing", "date_start", "date_finish");
    JsonNode echoed = b.at("/result/echo/params");
    assertThat(echoed.at("/fields/TITLE").asText()).isEqualTo(b.at("/result/now").asText());
    assertThat(echoed.get("first").asText()).isEqualTo("7");
    assertThat(echoed.get("n").asText()).isEqualTo("120");
    assertThat(r.json().at("/time/start").isNumber()).isTrue();
  }

  @Test
  void successful_batches_serialize_empty_collections_as_php_empty_arrays() {
    Response r = server.admin().call("batch", Map.of("cmd", Map.of("a", "server.time")));
    String body = r.body();
    assertThat(body).contains("\"result_error\":[]").contains("\"result_total\":[]").contains("\"result_next\":[]");
  }

  @Test
  void a_list_of_commands_answers_with_lists() {
    Response r = server.admin().call("batch", Map.of("cmd", List.of("server.time", "test.echo?x=$result[0]")));
    JsonNode b = r.result();
    assertThat(b.get("result").isArray()).isTrue();
    assertThat(b.get("result")).hasSize(2);
    assertThat(b.at("/result/1/params/x").asText()).isEqualTo(b.at("/result/0").asText());
    assertThat(b.get("result_time").isArray()).isTrue();
  }

  @Test
  void failing_commands_fill_result_error_and_halt_stops_at_the_first() {
    List<String> cmds = List.of("server.time", "no.such.method", "batch?cmd[x]=server.time", "test.task");
    Response run = server.admin().call("batch", Map.of("halt", false, "cmd", cmds));
    assertThat(run.status()).isEqualTo(200);
    JsonNode b = run.result();
    assertThat(b.at("/result_error/1/error").asText()).isEqualTo("ERROR_METHOD_NOT_FOUND");
    assertThat(b.at("/result_error/2/error").asText()).isEqualTo("ERROR_BATCH_METHOD_NOT_ALLOWED");
    assertThat(b.at("/result_error/2/error_description").asText()).isEqualTo("Method is not allowed for batch usage");
    assertThat(names(b.get("result"))).containsExactly("0", "3"); // gaps make PHP write an object
    assertThat(b.get("result_time").isArray()).isTrue(); // keys 0..3 without gaps make a list
    assertThat(b.get("result_time")).hasSize(4);

    Response halted = server.admin().form("batch",
        "halt=1&cmd[a]=server.time&cmd[b]=no.such.method&cmd[c]=server.time");
    JsonNode h = halted.result();
    assertThat(halted.status()).isEqualTo(200);
    assertThat(names(h.get("result"))).containsExactly("a");
    assertThat(names(h.get("result_error"))).containsExactly("b");
    assertThat(names(h.get("result_time"))).containsExactly("a", "b");
  }

  @Test
  void more_than_fifty_commands_is_400_error_batch_length_exceeded() {
    List<String> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) fifty.add("server.time");
    assertThat(server.admin().call("batch", Map.of("cmd", fifty)).result().get("result")).hasSize(50);
    fifty.add("server.time");
    Response r = server.admin().call("batch", Map.of("cmd", fifty));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("ERROR_BATCH_LENGTH_EXCEEDED");
    assertThat(r.errorDescription()).isEqualTo("Max batch length exceeded");
  }

  @Test
  void js_sdk_commands_use_rfc3986_escapes_and_crest_commands_use_plus() {
    String js = "{\"halt\":1,\"cmd\":[\"test.echo?taskId=1&fields%5BTITLE%5D=a%20b%26c"
        + "&fields%5BACCOMPLICES%5D%5B0%5D=2&fields%5BACCOMPLICES%5D%5B1%5D=3\"]}";
    JsonNode p = server.admin().call("batch", js).result().at("/result/0/params");
    assertThat(p.get("taskId").asText()).isEqualTo("1");
    assertThat(p.at("/fields/TITLE").asText()).isEqualTo("a b&c");
    assertThat(p.at("/fields/ACCOMPLICES/1").asText()).isEqualTo("3");

    // CRest: http_build_query of the command, then of the whole body: "a+b" inside, "%2B" outside.
    Response crest = server.admin().raw("POST", "/rest/1/" + TestServer.ADMIN_CODE + "/batch.json",
        "application/x-www-form-urlencoded", bytes("cmd%5Bd%5D=test.echo%3Ft%3Da%2Bb%26u%255B0%255D%3Dx&halt=0"));
    JsonNode q = crest.result().at("/result/d/params");
    assertThat(q.get("t").asText()).isEqualTo("a b");
    assertThat(q.at("/u/0").asText()).isEqualTo("x");
  }

  @Test
  void sub_commands_run_as_the_same_caller_with_its_scopes() {
    String code = server.app().auth.createWebhook(1, List.of("user"), null, null, "user only");
    Response r = server.as(1, code).call("batch", Map.of("cmd", Map.of("t", "test.task", "u", "user.current")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().at("/result_error/t/error").asText()).isEqualTo("insufficient_scope");
    assertThat(r.result().at("/result/u/ID").asText()).isEqualTo("1");
  }

  @Test
  void telemetry_and_auth_inside_a_command_are_not_parameters() {
    Response r = server.admin().call("batch",
        Map.of("cmd", Map.of("e", "test.echo?auth=x&bx24_request_id=1&y=2")));
    assertThat(names(r.result().at("/result/e/params"))).containsExactly("y");
  }

  @Test
  void the_xml_form_of_batch_answers_xml() {
    Response r = server.admin().raw("POST", "/rest/1/" + TestServer.ADMIN_CODE + "/batch.xml",
        "application/x-www-form-urlencoded", bytes("cmd[a]=server.time"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).startsWith("<?xml").contains("<result><result><a>");
  }
}
