package dev.b24tasks.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.rest.Method;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the gateway over real HTTP: random bodies and content types, PHP bracket keys,
 * nesting, numbers, NUL and invalid UTF-8, random method names and random parameters for every registered
 * method. Whatever is sent: never a 5xx, always a Bitrix-style envelope ({@code result}, or {@code error} with
 * {@code error_description}), never a stack trace or SQL, an answer within a bound proportional to the body, and a
 * refused call leaves the store exactly as it was.
 *
 * <p>Each property has a fixed seed; the number of tries comes from {@code jqwik.tries.default}
 * (src/test/resources/junit-platform.properties: 40 in the normal run). A longer run:
 * {@code ./mvnw -B -pl server test -Dtest=GatewayFuzzTest -Djqwik.tries.default=2000}.
 */
class GatewayFuzzTest {
  static final TestServer server = new TestServer(s -> {
    s.maxBodyBytes = 256 * 1024;
    s.authFailureBurst = 0; // the throttle has its own test; here a fuzzed credential must not lock the fuzzer out
  });
  static RestClient fuzzer;
  static String fuzzerPath;
  static List<String> methods;
  static String fingerprintSql;

  /** Not methods of the product, or destructive of the fuzzer's own access. */
  static final List<String> SKIPPED = List.of();

  @BeforeContainer
  static void start() {
    server.start();
    var app = server.app();
    long id = app.directory.createUser("fuzzer@example.com", "Fuzz", "Er", false);
    app.auth.createWebhook(id, Scopes.ALL, "fuzzercode", null, "fuzz");
    fuzzer = server.as(id, "fuzzercode");
    fuzzerPath = "/rest/" + id + "/fuzzercode/";
    // something to act on: tasks of the fuzzer and of the administrator, with a checklist, a comment, time
    for (int i = 0; i < 3; i++) {
      server.admin().call("tasks.task.add", Map.of("fields", Map.of("TITLE", "admin " + i, "RESPONSIBLE_ID", 1)));
      long task = fuzzer.call("tasks.task.add", Map.of("fields", Map.of("TITLE", "mine " + i, "RESPONSIBLE_ID", id)))
          .result().get("task").get("id").asLong();
      fuzzer.call("task.checklistitem.add", List.of(task, Map.of("TITLE", "step")));
      fuzzer.call("task.commentitem.add", List.of(task, Map.of("POST_MESSAGE", "note")));
      fuzzer.call("task.elapseditem.add", List.of(task, Map.of("SECONDS", 60)));
    }
    methods = new ArrayList<>();
    for (Method m : app.registry.methods()) methods.add(m.name());
    List<String> tables = app.db.read(tx -> tx.query("SELECT table_name FROM information_schema.tables "
        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
        + "('request_replies', 'rate_buckets', 'flyway_schema_history') ORDER BY table_name", rs -> rs.getString(1)));
    List<String> parts = new ArrayList<>();
    for (String t : tables) {
      parts.add("SELECT '" + t + "' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') FROM \""
          + t + "\" x");
    }
    fingerprintSql = "SELECT string_agg(f, '|') FROM (" + String.join(" UNION ALL ", parts) + ") s(f)";
  }

  @AfterContainer
  static void stop() {
    server.stop();
  }

  static String fingerprint() {
    return server.app().db.read(tx -> tx.queryOne(fingerprintSql, rs -> rs.getString(1)).orElse(""));
  }

  // ---- properties ----------------------------------------------------------------------------------------

  @Property(seed = "20261201")
  void random_bodies_and_content_types_get_an_envelope(@ForAll("methodNames") String method,
      @ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body) {
    send(method, contentType, body);
  }

  @Property(seed = "20261202")
  void php_bracket_forms_get_an_envelope(@ForAll("methodNames") String method, @ForAll("forms") String form) {
    send(method, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "20261203")
  void json_trees_get_an_envelope(@ForAll("methodNames") String method, @ForAll("jsonObjects") String json) {
    send(method, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "20261204")
  void every_registered_method_with_random_parameters_gets_an_envelope(@ForAll("registered") String method,
      @ForAll("namedParams") String json, @ForAll boolean asForm, @ForAll("forms") String form) {
    if (asForm) send(method, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    else send(method, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** One call with every assertion of the suite. */
  static void send(String method, String contentType, byte[] body) {
    String before = fingerprint();
    long started = System.nanoTime();
    Response r = fuzzer.raw("POST", fuzzerPath + encodePath(method), contentType, body);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    String what = method + " " + contentType + " " + preview(body) + " -> " + r;
    assertThat(r.status()).as(what).isLessThan(500);
    assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQLState")
        .doesNotContain("org.postgresql").doesNotContain("jdbc:");
    // a hang detector, not a benchmark: generous on a busy machine, and it grows with the body
    assertThat(tookMillis).as(what).isLessThan(15_000 + body.length / 10);
    JsonNode json = r.json();
    if (r.body().startsWith("<")) return; // an .xml method name answers the same envelope in XML
    assertThat(json).as(what).isNotNull();
    boolean ok = json.has("result");
    if (!ok) {
      assertThat(json.has("error") && json.has("error_description")).as(what).isTrue();
      assertThat(fingerprint()).as("a refused call changed the store: " + what).isEqualTo(before);
    }
  }

  private static String encodePath(String method) {
    StringBuilder sb = new StringBuilder();
    for (byte b : method.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  private static String preview(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return body.length > 300 ? s + "…(" + body.length + " bytes)" : s;
  }

  // ---- generators ----------------------------------------------------------------------------------------

  static final List<String> NAMES = List.of("fields", "filter", "select", "order", "taskId", "id", "TASKID",
      "userId", "users", "cmd", "halt", "start", "auth", "bx24_request_id", "ORDER", "FILTER", "SELECT", "PARAMS",
      "NAV_PARAMS", "nPageSize", "iNumPage", "TITLE", "RESPONSIBLE_ID", "PARENT_ID", "STATUS", "DEADLINE",
      "AUDITORS", "ACCOMPLICES", "CREATED_BY", "GROUP_ID", "POST_MESSAGE", "SECONDS", "COMMENT_TEXT", "IS_COMPLETE",
      "ID", "USER_ID", "EMAIL", "UF_DEPARTMENT", "NAME", "CODE", "SCOPE", ">ID", "%TITLE", "!STATUS", "::SUBFILTER-1",
      "0", "1", "2", "3");

  static final List<String> VALUES = List.of("1", "2", "3", "4", "5", "6", "7", "0", "-1", "23", "9999999",
      "18446744073709551617", "99999999999999999999", "-9223372036854775809", "1e10000", "1.5", "NaN", "Y", "N",
      "", " ", "true", "false", "null", "[]", "{}", "Ω≈ç√", "$result[a][b]", "$result[0]", "2026-12-01T10:00:00+03:00",
      "+999999-01-01T00:00:00+00:00", "01.12.2026", "'; DROP TABLE tasks; --", "%", "_", "\\", "\"", "<b>x</b>",
      "[B]bold[/B]", "tasks.task.add?fields[TITLE]=x&fields[RESPONSIBLE_ID]=1", "user.current", "x".repeat(3000));

  @Provide
  Arbitrary<String> methodNames() {
    Arbitrary<String> registered = Arbitraries.of(methods);
    Arbitrary<String> mangled = Combinators.combine(Arbitraries.of(methods), Arbitraries.of("", ".json", ".xml", "/",
        ".JSON", "x", "%00", "..", " ")).as((m, s) -> (s.equals("%00") ? m + "\u0000" : m + s));
    Arbitrary<String> random = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz.ABCXYZ_-0123456789")
        .ofMinLength(1).ofMaxLength(40);
    return Arbitraries.frequencyOf(Tuple.of(6, registered), Tuple.of(2, mangled), Tuple.of(2, random));
  }

  @Provide
  Arbitrary<String> registered() {
    return Arbitraries.of(methods);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fz",
        "multipart/form-data", "text/plain", "application/xml", "application/json; charset=latin1", "image/png",
        "APPLICATION/JSON", "application/vnd.api+json");
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> json = jsonObjects().map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> form = forms().map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> multipart = Combinators.combine(keys(), values()).as((k, v) -> k + "\u0001" + v).list()
        .ofMaxSize(8).map(GatewayFuzzTest::multipart);
    Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
        new byte[] {'a', '=', (byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        "{\"taskId\":1e999999999}".getBytes(StandardCharsets.UTF_8), "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            .repeat(3).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(Tuple.of(2, raw), Tuple.of(2, text), Tuple.of(3, json), Tuple.of(3, form),
        Tuple.of(2, multipart), Tuple.of(1, invalidUtf8));
  }

  private static byte[] multipart(List<String> pairs) {
    StringBuilder sb = new StringBuilder();
    for (String p : pairs) {
      String[] kv = p.split("\u0001", 2);
      sb.append("--fz\r\nContent-Disposition: form-data; name=\"").append(kv[0].replace("\"", ""))
          .append(kv[0].hashCode() % 3 == 0 ? "\"; filename=\"f.txt" : "").append("\"\r\n\r\n").append(kv[1])
          .append("\r\n");
    }
    return sb.append("--fz--\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<String> forms() {
    Arbitrary<String> pair = Combinators.combine(keys(), formValues()).as((k, v) -> k + "=" + v);
    return pair.list().ofMaxSize(12).map(l -> String.join("&", l));
  }

  /** PHP bracket keys: a name and up to five bracket segments, some of them malformed. */
  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("[]", "[0]", "[1]", "[-1]", "[", "]", "[[", "[]]",
        "[99999999999999999999]", "[TITLE]", "[ID]", "[%00]", "[%5B]"), Arbitraries.of(NAMES).map(n -> "[" + n + "]"));
    return Combinators.combine(Arbitraries.of(NAMES), segment.list().ofMaxSize(5))
        .as((n, segs) -> n + String.join("", segs));
  }

  @Provide
  Arbitrary<String> formValues() {
    return Arbitraries.oneOf(Arbitraries.of(VALUES).map(GatewayFuzzTest::formEncode),
        Arbitraries.of("%00", "%zz", "%E0%A4%A", "%", "+", "%2B", "%C3%28", "%ED%A0%80"));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(VALUES);
  }

  private static String formEncode(String v) {
    return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /** JSON objects written by hand, so that numbers like 1e10000 and escapes like \u0000 appear as sent. */
  @Provide
  Arbitrary<String> jsonObjects() {
    return jsonValue(4).list().ofMaxSize(6).flatMap(vals -> Arbitraries.of(NAMES).list().ofSize(vals.size())
        .map(keys -> {
          StringBuilder sb = new StringBuilder("{");
          for (int i = 0; i < vals.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(keys.get(i).replace("\"", "")).append("\":").append(vals.get(i));
          }
          return sb.append('}').toString();
        }));
  }

  @Provide
  Arbitrary<String> namedParams() {
    return jsonObjects();
  }

  private Arbitrary<String> jsonValue(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.of("1", "2", "5", "0", "-1", "18446744073709551617", "1e10000", "-1e-10000", "0.5", "1E308",
            "true", "false", "null", "9223372036854775807", "4294967298", "65538"),
        Arbitraries.of(VALUES).map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"'),
        Arbitraries.of("\"a\\u0000b\"", "\"\\ud800\"", "\"\\uFFFF\"", "\"\\n\\t\\r\"", "\"\\/\""));
    if (depth == 0) return scalar;
    Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(5)
        .map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> object = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
        .flatMap(vals -> Arbitraries.of(NAMES).list().ofSize(vals.size()).map(keys -> {
          StringBuilder sb = new StringBuilder("{");
          for (int i = 0; i < vals.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(keys.get(i).replace("\"", "")).append("\":").append(vals.get(i));
          }
          return sb.append('}').toString();
        }));
    return Arbitraries.frequencyOf(Tuple.of(5, scalar), Tuple.of(2, array), Tuple.of(2, object));
  }
}
