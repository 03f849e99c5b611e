package dev.b24tasks.binding;

import static dev.b24tasks.binding.Manifest.optional;
import static dev.b24tasks.binding.Manifest.required;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Positional binding through the real gateway: every encoding a client uses reaches the binder with the same
 * positions, and SDK telemetry in the query never shifts them. A probe method echoes what it bound.
 */
class PositionalBindingHttpTest {
  static final Manifest PROBE = Manifest.of("ctaskitem", "delegate", required("taskId", ArgType.INTEGER),
      required("userId", ArgType.INTEGER), optional("arParams", ArgType.ARRAY));

  static void probe(MethodRegistry r) {
    r.positional("test.positional", "task", call -> {
      Args a = PositionalBinder.bind(PROBE, call.args());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("taskId", a.integer(0));
      out.put("userId", a.integer(1));
      out.put("params", a.map(2));
      return out;
    });
  }

  @RegisterExtension static TestServer server = new TestServer(s -> {}, PositionalBindingHttpTest::probe);

  static void bound(Response r, long taskId, long userId) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().get("taskId").asLong()).isEqualTo(taskId);
    assertThat(r.result().get("userId").asLong()).isEqualTo(userId);
  }

  @Test
  void json_list_named_object_numeric_keys_and_form_all_bind_by_position() {
    RestClient c = server.admin();
    bound(c.call("test.positional", "[13, 3]"), 13, 3);
    bound(c.call("test.positional", "{\"TASKID\":13,\"USERID\":3}"), 13, 3);
    bound(c.call("test.positional", "{\"taskId\":\"13\",\"userId\":\"3\"}"), 13, 3);
    bound(c.call("test.positional", "{\"0\":13,\"1\":3}"), 13, 3);
    bound(c.form("test.positional", "0=13&1=3"), 13, 3);
    bound(c.form("test.positional", "TASKID=13&USERID=3&PARAMS[]="), 13, 3);
    bound(c.get("test.positional?TASKID=13&USERID=3"), 13, 3);
  }

  @Test
  void sdk_telemetry_in_the_query_never_shifts_a_position() {
    RestClient c = server.admin();
    String telemetry = "?bx24_request_id=0193a1b2-7c3d&bx24_sdk_ver=1.0.0&bx24_sdk_type=b24-js-sdk";
    bound(c.raw("POST", "/rest/1/testcode/test.positional" + telemetry, "application/json",
        "{\"TASKID\":13,\"USERID\":3}".getBytes(StandardCharsets.UTF_8)), 13, 3);
    bound(c.raw("POST", "/rest/1/testcode/test.positional" + telemetry, "application/x-www-form-urlencoded",
        "0=13&1=3".getBytes(StandardCharsets.UTF_8)), 13, 3);
    bound(c.get("test.positional?bx24_sdk_ver=1.0.0&TASKID=13&bx24_request_id=x1&USERID=3&bx24_sdk_type=php"), 13, 3);
  }

  @Test
  void a_text_value_holding_the_method_name_is_skipped_as_the_portal_does() {
    RestClient c = server.admin();
    // a rewritten URL can leave the method's own path among the values: ?test.positional&0=13&1=3 and friends
    bound(c.get("test.positional?path=/rest/test.positional.json&TASKID=13&USERID=3"), 13, 3);
    bound(c.form("test.positional", "method=TEST.POSITIONAL&0=13&1=3"), 13, 3);
    bound(c.call("test.positional", "[\"rest/test.positional\", 13, 3]"), 13, 3);
    // other text is a value like any other (here a wrongly typed first argument)
    assertThat(c.form("test.positional", "method=test.other&0=13&1=3").status()).isEqualTo(400);
  }

  @Test
  void an_oauth_auth_parameter_is_not_a_positional_value() {
    Response r = server.admin().call("test.positional", "{\"auth\":\"tok\",\"TASKID\":13,\"USERID\":3}");
    bound(r, 13, 3);
  }

  @Test
  void a_missing_or_mistyped_argument_is_the_bitrix_wrong_arguments_envelope() {
    Response missing = server.admin().call("test.positional", "[13]");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error()).isEqualTo("ERROR_CORE");
    assertThat(missing.errorDescription()).isEqualTo("TASKS_ERROR_EXCEPTION_#256; Param #1 (userId) expected by "
        + "method ctaskitem::delegate(), but not given.; 256/TE/WRONG_ARGUMENTS<br>");
    Response wrong = server.admin().call("test.positional", "{\"TASKID\":\"abc\",\"USERID\":3}");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.errorDescription()).isEqualTo("TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method "
        + "ctaskitem::delegate() expected to be of type \"integer\", but given something else.; "
        + "256/TE/WRONG_ARGUMENTS<br>");
  }
}
