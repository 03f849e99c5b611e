package dev.b24tasks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * C1: decoding runs before the caller is known, so it is linear and capped, and a request whose credential is in
 * the path is authenticated before its body is decoded at all.
 */
class DecodingLimitsTest {
  @RegisterExtension static TestServer server = new TestServer(s -> {}, ProbeMethods::register);

  private static RestClient c() {
    return server.admin();
  }

  private static String repeat(String part, int n) {
    StringBuilder sb = new StringBuilder(part.length() * n);
    for (int i = 0; i < n; i++) sb.append(part);
    return sb.toString();
  }

  private static void assertRefused(Response r, String text) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("INVALID_REQUEST");
    assertThat(r.errorDescription()).contains(text);
  }

  @Test
  void an_array_up_to_the_width_cap_is_decoded_with_php_indexes() {
    Response r = c().form("test.echo", repeat("a[]=x&", ParamDecoder.MAX_ARRAY_WIDTH - 2) + "a[7]=seven&a[]=last");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    var a = r.result().get("params").get("a");
    assertThat(a.size()).isEqualTo(ParamDecoder.MAX_ARRAY_WIDTH - 1);
    assertThat(a.get("7").asText()).isEqualTo("seven"); // a repeated key keeps the last value
    assertThat(a.get(Integer.toString(ParamDecoder.MAX_ARRAY_WIDTH - 2)).asText()).isEqualTo("last");
  }

  @Test
  void one_key_more_than_the_width_cap_is_a_400() {
    assertRefused(c().form("test.echo", repeat("a[]=&", ParamDecoder.MAX_ARRAY_WIDTH + 1)), "Too many keys");
    assertRefused(c().call("test.echo", "{\"a\":[" + repeat("1,", ParamDecoder.MAX_ARRAY_WIDTH) + "1]}"),
        "Too many keys");
  }

  @Test
  void more_values_than_the_parameter_cap_is_a_400_in_every_encoding() {
    assertRefused(c().form("test.echo", splitAcross(ParamDecoder.MAX_PARAMETERS + 1)), "Too many parameters");
    assertThat(c().form("test.echo", splitAcross(ParamDecoder.MAX_PARAMETERS)).status()).isEqualTo(200);
    StringBuilder json = new StringBuilder("{");
    for (int k = 0; k < 3; k++) {
      json.append(k == 0 ? "" : ",").append("\"k").append(k).append("\":[")
          .append(repeat("1,", ParamDecoder.MAX_PARAMETERS / 3 + 10)).append("1]");
    }
    assertRefused(c().call("test.echo", json.append("}").toString()), "Too many parameters");
    String boundary = "b0undary";
    String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"p[]\"\r\n\r\nv\r\n";
    StringBuilder mp = new StringBuilder();
    for (int k = 0; k < 3; k++) mp.append(repeat(part.replace("p[]", "p" + k + "[]"), ParamDecoder.MAX_PARAMETERS / 3 + 10));
    mp.append("--").append(boundary).append("--\r\n");
    assertRefused(c().raw("POST", "/rest/1/" + TestServer.ADMIN_CODE + "/test.echo",
        "multipart/form-data; boundary=" + boundary, mp.toString().getBytes(StandardCharsets.UTF_8)), "Too many parameters");
  }

  /** {@code n} values spread over arrays narrower than the width cap. */
  private static String splitAcross(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append("g").append(i / 1000).append("[]=&");
    return sb.toString();
  }

  @Test
  void the_quadratic_body_of_the_audit_is_refused_at_once() {
    // 80,000 appends took 95 s of CPU before decoding was linear; the client's 60 s time-out guards the build
    Response r = c().form("test.echo", repeat("a[]=&", 80_000));
    assertRefused(r, "Too many keys");
  }

  @Test
  void a_webhook_request_is_authenticated_before_its_body_is_decoded() {
    String body = repeat("a[]=&", 2_000) + "bad=%zz";
    // with the right code the body is read, and its bad escape refused
    assertRefused(c().form("test.echo", body), "percent-encoding");
    // with a wrong code nothing of the body is looked at: the answer is the authentication failure
    Response r = c().as(1, "wrong-code-1").form("test.echo", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("NO_AUTH_FOUND");
    // the same holds for a token in the query string or the Authorization header
    r = c().raw("POST", "/rest/test.echo?auth=nosuchtoken", "application/x-www-form-urlencoded",
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    r = c().raw("POST", "/rest/test.echo", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
        "Authorization", "Bearer nosuchtoken");
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
  }
}
