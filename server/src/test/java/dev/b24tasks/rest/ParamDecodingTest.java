package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How query strings and bodies become one parameter tree, seen through the test-only {@code test.echo}. */
class ParamDecodingTest {
  @RegisterExtension static TestServer server = new TestServer(s -> {}, ProbeMethods::register);

  private static final String ECHO = "/rest/1/" + TestServer.ADMIN_CODE + "/test.echo";

  @Test
  void query_and_json_body_merge_into_one_ordered_tree_and_the_body_wins() {
    Response r = server.admin().raw("POST", ECHO + "?a=1&b=query&bx24_request_id=0282-abc&bx24_sdk_ver=2.2.0"
        + "&bx24_sdk_type=b24-js-sdk", "application/json", bytes("{\"b\":\"body\",\"z\":3,\"m\":{\"y\":1,\"x\":2}}"));
    assertThat(r.status()).isEqualTo(200);
    JsonNode p = r.result().get("params");
    assertThat(names(p)).containsExactly("a", "b", "z", "m");
    assertThat(p.get("a").asText()).isEqualTo("1");
    assertThat(p.get("b").asText()).isEqualTo("body");
    assertThat(p.get("z").isNumber()).isTrue();
    assertThat(names(p.get("m"))).containsExactly("y", "x");
  }

  @Test
  void telemetry_parameters_are_not_method_parameters_but_the_request_id_is_kept() {
    Response r = server.admin().get("test.echo?bx24_request_id=0282-abc&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk&x=1");
    assertThat(names(r.result().get("params"))).containsExactly("x");
    assertThat(r.result().get("requestId").asText()).isEqualTo("0282-abc");
  }

  @Test
  void form_bodies_nest_php_brackets() {
    Response r = server.admin().form("test.echo", "fields[TITLE]=My%20company&fields[PHONE][0][VALUE]=112233"
        + "&fields[PHONE][0][VALUE_TYPE]=WORK&select[]=ID&select[]=NAME&0=13&filter[%3E%3DDEADLINE]=2025-01-01");
    assertThat(r.status()).isEqualTo(200);
    JsonNode p = r.result().get("params");
    assertThat(p.at("/fields/TITLE").asText()).isEqualTo("My company");
    assertThat(p.at("/fields/PHONE/0/VALUE").asText()).isEqualTo("112233");
    assertThat(p.at("/fields/PHONE/0/VALUE_TYPE").asText()).isEqualTo("WORK");
    assertThat(p.at("/select/0").asText()).isEqualTo("ID");
    assertThat(p.at("/select/1").asText()).isEqualTo("NAME");
    assertThat(p.get("0").asText()).isEqualTo("13");
    assertThat(p.get("filter").get(">=DEADLINE").asText()).isEqualTo("2025-01-01");
    assertThat(names(p)).containsExactly("fields", "select", "0", "filter");
  }

  @Test
  void plus_and_percent_20_are_both_spaces_and_percent_2b_is_a_plus() {
    Response r = server.admin().form("test.echo", "a=x+y&b=x%20y&c=x%2By");
    JsonNode p = r.result().get("params");
    assertThat(p.get("a").asText()).isEqualTo("x y");
    assertThat(p.get("b").asText()).isEqualTo("x y");
    assertThat(p.get("c").asText()).isEqualTo("x+y");
    Response q = server.admin().get("test.echo?a=x+y&b=x%20y");
    assertThat(q.result().at("/params/a").asText()).isEqualTo("x y");
    assertThat(q.result().at("/params/b").asText()).isEqualTo("x y");
  }

  @Test
  void a_form_body_wins_over_the_query_too() {
    Response r = server.admin().raw("POST", ECHO + "?k=query&q=1", "application/x-www-form-urlencoded",
        bytes("k=body"));
    assertThat(r.result().at("/params/k").asText()).isEqualTo("body");
    assertThat(r.result().at("/params/q").asText()).isEqualTo("1");
  }

  @Test
  void multipart_form_data_nests_like_a_form() {
    String boundary = "----b24boundary";
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"fields[TITLE]\"\r\n\r\nЗадача one\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"select[]\"\r\n\r\nID\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
        + "hello\r\n"
        + "--" + boundary + "--\r\n";
    Response r = server.admin().raw("POST", ECHO, "multipart/form-data; boundary=" + boundary, bytes(body));
    assertThat(r.status()).isEqualTo(200);
    JsonNode p = r.result().get("params");
    assertThat(p.at("/fields/TITLE").asText()).isEqualTo("Задача one");
    assertThat(p.at("/select/0").asText()).isEqualTo("ID");
    assertThat(p.at("/file/name").asText()).isEqualTo("a.txt");
    assertThat(p.at("/file/content").asText()).isEqualTo("aGVsbG8=");
  }

  @Test
  void a_json_list_body_is_the_positional_form() {
    Response r = server.admin().call("test.echo", "[13, {\"ID\":\"desc\"}]");
    JsonNode p = r.result().get("params");
    assertThat(names(p)).containsExactly("0", "1");
    assertThat(p.get("0").asInt()).isEqualTo(13);
    assertThat(p.at("/1/ID").asText()).isEqualTo("desc");
  }

  @Test
  void numeric_strings_are_accepted_where_numbers_are_expected() {
    Response form = server.admin().form("test.list", "start=50");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("total").asLong()).isEqualTo(120);
    assertThat(form.json().get("next").asLong()).isEqualTo(53);
    Response json = server.admin().call("test.list", "{\"start\":\"50\"}");
    assertThat(json.json().get("next").asLong()).isEqualTo(53);
    Response number = server.admin().call("test.list", "{\"start\":50}");
    assertThat(number.json().get("next").asLong()).isEqualTo(53);
    Response last = server.admin().get("test.list?start=117");
    assertThat(last.json().has("next")).isFalse();
    assertThat(names(last.json())).containsExactly("result", "total", "time");
  }

  @Test
  void a_json_body_sent_as_text_plain_or_without_type_is_still_read() {
    Response r = server.admin().raw("POST", ECHO, "text/plain", bytes("{\"a\":1}"));
    assertThat(r.result().at("/params/a").asInt()).isEqualTo(1);
    Response none = server.admin().raw("POST", ECHO, null, bytes("a=2"));
    assertThat(none.result().at("/params/a").asText()).isEqualTo("2");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
