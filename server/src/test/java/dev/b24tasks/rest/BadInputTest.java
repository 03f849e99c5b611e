package dev.b24tasks.rest;

import static dev.b24tasks.rest.ParamDecodingTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.ProbeMethods;
import dev.b24tasks.testing.RawHttp;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a client sends, the answer is a Bitrix-style envelope with a 4xx: no 500, no stack trace, no hang. */
class BadInputTest {
  @RegisterExtension
  static TestServer server = new TestServer(s -> s.maxBodyBytes = 4096, ProbeMethods::register);

  private static final String ECHO = "/rest/1/" + TestServer.ADMIN_CODE + "/test.echo";

  private static RestClient c() {
    return server.admin();
  }

  private static void assertEnvelope(Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.json()).as(r.toString()).isNotNull();
    assertThat(r.error()).isNotBlank();
    assertThat(r.errorDescription()).isNotNull();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformed_json_bodies_are_400() {
    for (String body : new String[] {"{\"a\":", "{a:1}", "{\"a\":1,}", "[1,2", "nul"}) {
      Response r = c().call("test.echo", body);
      assertEnvelope(r, 400);
      assertThat(r.error()).isEqualTo("INVALID_REQUEST");
    }
    Response badUtf8 = c().raw("POST", ECHO, "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
        (byte) 0x28, '"', '}'});
    assertEnvelope(badUtf8, 400);
  }

  @Test
  void a_json_body_that_is_a_bare_string_number_or_boolean_is_400() {
    for (String body : new String[] {"\"abc\"", "42", "true"}) assertEnvelope(c().call("test.echo", body), 400);
  }

  @Test
  void bad_percent_encoding_in_a_form_body_the_query_or_the_path_is_400() {
    assertEnvelope(c().form("test.echo", "a=%zz"), 400);
    assertEnvelope(c().form("test.echo", "a=%E0%A4%A"), 400);
    String query = RawHttp.exchange(server.app().port(),
        "GET " + ECHO + "?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
    assertThat(query).startsWith("HTTP/1.1 400").contains("\"error\":\"INVALID_REQUEST\"");
    String path = RawHttp.exchange(server.app().port(),
        "GET /rest/1/" + TestServer.ADMIN_CODE + "/test%zzecho HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", null);
    assertThat(path).startsWith("HTTP/1.1 4").contains("\"error\":");
  }

  @Test
  void bodies_over_the_limit_are_413_whether_declared_or_chunked() throws Exception {
    byte[] big = new byte[5000];
    java.util.Arrays.fill(big, (byte) 'a');
    Response declared = c().raw("POST", ECHO, "application/x-www-form-urlencoded", big);
    assertEnvelope(declared, 413);
    assertThat(declared.errorDescription()).isEqualTo("Request body is larger than 4096 bytes");

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + ECHO))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("\"error\":\"INVALID_REQUEST\"");
    assertThat(c().get("server.time").status()).as("the server still answers").isEqualTo(200);
  }

  @Test
  void absurd_nesting_in_json_and_in_form_keys_is_400() {
    assertEnvelope(c().call("test.echo", "[".repeat(1000) + "]".repeat(1000)), 400);
    assertEnvelope(c().call("test.echo", "{\"a\":".repeat(100) + "1" + "}".repeat(100)), 400);
    assertEnvelope(c().form("test.echo", "a" + "[x]".repeat(500) + "=1"), 400);
    assertEnvelope(c().form("test.echo", "a" + "[]".repeat(500) + "=1"), 400);
  }

  @Test
  void unsupported_content_types_are_415_and_broken_multipart_is_400() {
    Response xml = c().raw("POST", ECHO, "application/xml", bytes("<a>1</a>"));
    assertEnvelope(xml, 415);
    assertThat(xml.errorDescription()).contains("application/xml");
    assertEnvelope(c().raw("POST", ECHO, "application/octet-stream", new byte[] {1, 2, 3}), 415);
    assertEnvelope(c().raw("POST", ECHO, "multipart/form-data", bytes("x")), 400);
    assertEnvelope(c().raw("POST", ECHO, "multipart/form-data; boundary=zz", bytes("no delimiter here")), 400);
    assertEnvelope(c().raw("POST", ECHO, "multipart/form-data; boundary=zz",
        bytes("--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated")), 400);
  }

  @Test
  void a_handler_exception_is_500_internal_server_error_without_the_exception_text() {
    Response r = c().get("test.boom");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.error()).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(r.errorDescription()).isEqualTo("Internal server error");
    assertThat(r.body()).doesNotContain("secret").doesNotContain("hunter2").doesNotContain("IllegalState")
        .doesNotContain("postgresql");
  }

  @Test
  void an_empty_or_null_body_is_no_parameters() throws IOException {
    assertThat(c().call("test.echo", "").status()).isEqualTo(200);
    assertThat(c().call("test.echo", "null").status()).isEqualTo(200);
    assertThat(c().call("test.echo", "  ").status()).isEqualTo(200);
  }
}
