package dev.b24tasks.binding;

import static dev.b24tasks.binding.Manifest.optional;
import static dev.b24tasks.binding.Manifest.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.ParamDecoder;
import dev.b24tasks.rest.RestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionalBinderTest {
  static final Manifest DEFER = Manifest.of("ctaskitem", "defer", required("taskId", ArgType.INTEGER));
  static final Manifest DELEGATE =
      Manifest.of("ctaskitem", "delegate", required("taskId", ArgType.INTEGER), required("userId", ArgType.INTEGER));
  static final Manifest LIST = Manifest.of("ctaskitem", "list", optional("arOrder", ArgType.ARRAY),
      optional("arFilter", ArgType.ARRAY), optional("arParams", ArgType.ARRAY), optional("arSelect", ArgType.ARRAY));
  static final Manifest GETDATA = Manifest.of("ctaskitem", "getdata", required("taskId", ArgType.INTEGER),
      optional("isReturnEscapedData", ArgType.BOOLEAN, BooleanNode.FALSE));

  /** The values a request would bind, decoded exactly as the gateway decodes them. */
  static List<JsonNode> json(String body) {
    return new Params(ParamDecoder.decode(null, "application/json", body.getBytes(StandardCharsets.UTF_8)))
        .positional();
  }

  static List<JsonNode> form(String body) {
    return new Params(ParamDecoder.decode(null, "application/x-www-form-urlencoded",
        body.getBytes(StandardCharsets.UTF_8))).positional();
  }

  static String error(Manifest m, List<JsonNode> values) {
    RestException e = catchThrowableOfType(RestException.class, () -> PositionalBinder.bind(m, values));
    assertThat(e).as("binding should fail").isNotNull();
    assertThat(e.code()).isEqualTo("ERROR_CORE");
    assertThat(e.status()).isEqualTo(400);
    return e.description("en");
  }

  @Test
  void names_are_ignored_and_every_spelling_of_the_first_argument_binds_it() {
    for (List<JsonNode> values : List.of(json("[13]"), json("{\"TASKID\":13}"), json("{\"taskId\":13}"),
        json("{\"0\":13}"), json("{\"whatever\":\"13\"}"), form("0=13"), form("TASKID=13"))) {
      assertThat(PositionalBinder.bind(DEFER, values).integer(0)).isEqualTo(13);
    }
  }

  @Test
  void order_decides_not_names() {
    Args a = PositionalBinder.bind(DELEGATE, json("{\"USERID\":3,\"TASKID\":13}"));
    assertThat(a.integer(0)).isEqualTo(3);
    assertThat(a.integer(1)).isEqualTo(13);
  }

  @Test
  void a_missing_mandatory_argument_is_the_not_given_text() {
    assertThat(error(DEFER, json("{}"))).isEqualTo(
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) expected by method ctaskitem::defer(), but not given.; "
            + "256/TE/WRONG_ARGUMENTS<br>");
    assertThat(error(DELEGATE, json("[13]"))).contains("Param #1 (userId) expected by method ctaskitem::delegate()");
  }

  @Test
  void a_wrongly_typed_argument_is_the_expected_type_text() {
    String expected = "TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ctaskitem::defer() expected to be "
        + "of type \"integer\", but given something else.; 256/TE/WRONG_ARGUMENTS<br>";
    assertThat(error(DEFER, json("[\"abc\"]"))).isEqualTo(expected);
    assertThat(error(DEFER, json("[1.5]"))).isEqualTo(expected);
    assertThat(error(DEFER, json("[[13]]"))).isEqualTo(expected);
    assertThat(error(DEFER, json("[null]"))).isEqualTo(expected);
    assertThat(error(DEFER, json("[true]"))).isEqualTo(expected);
    assertThat(error(LIST, json("[\"ID\"]"))).contains("Param #0 (arOrder)").contains("type \"array\"");
    assertThat(error(GETDATA, json("[1, \"yes\"]"))).contains("Param #1 (isReturnEscapedData)")
        .contains("type \"boolean\"");
  }

  @Test
  void lax_integers_accept_numeric_strings_and_negative_numbers() {
    assertThat(PositionalBinder.bind(DEFER, json("[\" 42 \"]")).integer(0)).isEqualTo(42);
    assertThat(PositionalBinder.bind(DEFER, json("[-1]")).integer(0)).isEqualTo(-1);
  }

  @Test
  void booleans_accept_zero_one_and_true_false() {
    for (String b : List.of("0", "1", "\"0\"", "\"1\"", "true", "false")) {
      PositionalBinder.bind(GETDATA, json("[1," + b + "]"));
    }
    assertThat(PositionalBinder.bind(GETDATA, json("[1,\"1\"]")).bool(1)).isTrue();
  }

  @Test
  void an_optional_argument_left_out_takes_its_default_or_stays_absent() {
    Args a = PositionalBinder.bind(GETDATA, json("[7]"));
    assertThat(a.has(1)).isTrue();
    assertThat(a.bool(1)).isFalse();
    Args l = PositionalBinder.bind(LIST, json("[{\"ID\":\"desc\"}]"));
    assertThat(l.map(0).get("ID").asText()).isEqualTo("desc");
    assertThat(l.has(1)).isFalse();
    assertThat(l.map(1).isEmpty()).isTrue();
  }

  @Test
  void empty_array_placeholders_bind_as_empty_arrays_and_keep_later_positions() {
    Args a = PositionalBinder.bind(LIST, form("ORDER[]=&FILTER[ID]=5&PARAMS[]=&SELECT[]=ID&SELECT[]=TITLE"));
    assertThat(a.map(0).isEmpty()).isTrue();
    assertThat(a.map(1).get("ID").asText()).isEqualTo("5");
    assertThat(a.map(2).isEmpty()).isTrue();
    assertThat(a.list(3)).extracting(JsonNode::asText).containsExactly("ID", "TITLE");
  }

  @Test
  void extra_arguments_beyond_the_manifest_are_ignored() {
    assertThat(PositionalBinder.bind(DEFER, json("[5, 6, {\"x\":1}]")).integer(0)).isEqualTo(5);
  }

  @Test
  void a_mandatory_parameter_after_an_optional_one_is_a_programming_error() {
    RuntimeException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> Manifest.of("x", "y", optional("a", ArgType.ARRAY), required("b", ArgType.INTEGER)));
    assertThat(e).hasMessageContaining("mandatory b");
  }

  @Test
  void forbidden_keys_use_bitrix_wording() {
    assertThat(PositionalBinder.forbiddenKey(LIST, 0, "IS_COMPLETED").description("en")).isEqualTo(
        "TASKS_ERROR_EXCEPTION_#256; Param #0 (arOrder) for method ctaskitem::list() must not contain key "
            + "\"IS_COMPLETED\".; 256/TE/WRONG_ARGUMENTS<br>");
    assertThat(Json.object()).isNotNull();
  }
}
