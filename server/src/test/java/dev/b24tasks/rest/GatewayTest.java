package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The URL forms, envelopes and system errors of the classic REST gateway, over real HTTP. */
class GatewayTest {
  @RegisterExtension static TestServer server = new TestServer();

  @Test
  void a_webhook_call_answers_with_the_success_envelope_and_a_full_time_block() {
    Response r = server.admin().call("server.time", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    var time = r.json().get("time");
    assertThat(time).isNotNull();
    assertThat(fieldNames(time))
        .containsExactly("start", "finish", "duration", "processing", "date_start", "date_finish",
            "operating_reset_at", "operating");
    assertThat(time.get("finish").asDouble()).isGreaterThanOrEqualTo(time.get("start").asDouble());
    assertThat(time.get("operating_reset_at").asLong()).isGreaterThan(time.get("start").asLong());
    assertThat(fieldNames(r.json())).containsExactly("result", "time");
  }

  @Test
  void json_suffix_trailing_slash_and_method_case_do_not_matter() {
    RestClient c = server.admin();
    assertThat(c.call("server.time.json", null).status()).isEqualTo(200);
    assertThat(c.call("SERVER.Time/", null).status()).isEqualTo(200);
    assertThat(c.get("server.time.json").status()).isEqualTo(200);
  }

  @Test
  void a_wrong_webhook_code_is_401_no_auth_found() {
    Response r = server.as(1, "wrong").call("server.time", null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("NO_AUTH_FOUND");
    assertThat(r.errorDescription()).isEqualTo("Wrong authorization data");
    assertThat(r.json().has("result")).isFalse();
    assertThat(r.json().has("time")).isFalse();
  }

  @Test
  void an_unknown_method_is_404_error_method_not_found() {
    Response r = server.admin().call("no.such.method", null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("ERROR_METHOD_NOT_FOUND");
  }

  @Test
  void malformed_json_is_a_400_envelope_not_a_500() {
    Response r = server.admin().call("server.time", "{\"taskId\": ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("INVALID_REQUEST");
    assertThat(r.body()).doesNotContain("Exception");
  }

  @Test
  void a_body_nested_too_deep_is_refused_with_400() {
    String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
    Response r = server.admin().call("server.time", deep);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void method_get_tells_whether_a_method_exists() {
    Response r = server.admin().call("method.get", Map.of("name", "server.time"));
    assertThat(r.result().get("isExisting").asBoolean()).isTrue();
    assertThat(r.result().get("isAvailable").asBoolean()).isTrue();
    Response none = server.admin().call("method.get", Map.of("name", "nothing.here"));
    assertThat(none.result().get("isExisting").asBoolean()).isFalse();
  }

  @Test
  void the_xml_form_wraps_the_same_tree_in_a_response_element() {
    Response r = server.admin().raw("POST", "/rest/1/" + TestServer.ADMIN_CODE + "/server.time.xml", null,
        "".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).startsWith("<?xml").contains("<response><result>").contains("<time><start>");
  }

  @Test
  void health_answers_up() {
    Response r = server.admin().raw("GET", "/health", null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("UP");
  }

  static java.util.List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode n) {
    java.util.List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
