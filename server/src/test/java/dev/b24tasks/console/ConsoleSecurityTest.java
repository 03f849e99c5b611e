package dev.b24tasks.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.RestClient;
import dev.b24tasks.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's defences over real HTTP against a real server and database: escaping, anti-forgery tokens and
 * origin checks, session fixation, throttled sign-ins, sessions every node accepts, one-time links, and that a
 * hidden task looks like a missing one.
 */
class ConsoleSecurityTest {
  @RegisterExtension static TestServer server = new TestServer();

  static Org org;
  static long anna;
  static long boris;
  static long carl;
  static String annaEmail;
  static String borisEmail;
  static String carlEmail;
  static final String PW = "correct horse 1";

  @BeforeAll
  static void organisation() {
    org = new Org(server);
    anna = org.user("Anna", "Smith");
    boris = org.user("Boris", "Petrov");
    carl = org.user("Carl", "Outsider", org.department("Elsewhere", Org.ROOT));
    annaEmail = email(anna);
    borisEmail = email(boris);
    carlEmail = email(carl);
    for (long u : new long[] {anna, boris, carl}) server.app().console.passwords().set(u, PW);
  }

  static String email(long id) {
    return server.admin().call("user.get", Map.of("ID", id)).result().get(0).get("EMAIL").asText();
  }

  static long task(RestClient as, String title, long responsible) {
    return as.call("tasks.task.add", Map.of("fields", Map.of("TITLE", title, "RESPONSIBLE_ID", responsible)))
        .result().get("task").get("id").asLong();
  }

  static String status(long taskId) {
    return server.admin().call("tasks.task.get", Map.of("taskId", taskId)).result().get("task").get("status")
        .asText();
  }

  ConsoleClient browser() {
    return new ConsoleClient(server.baseUrl());
  }

  @Test
  void titlesAndCommentsAreEscapedEverywhere() {
    String evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
    long id = task(org.as(anna), evil, anna);
    org.as(anna).call("task.commentitem.add", Map.of("0", id, "1", Map.of("POST_MESSAGE", evil)));
    ConsoleClient b = browser();
    assertThat(b.signIn(annaEmail, PW).statusCode()).isEqualTo(303);
    for (String page : new String[] {"/console/board", "/console/tasks/" + id, "/console/board?q=" + ConsoleClient.enc(evil)}) {
      String html = b.get(page).body();
      assertThat(html).as(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
      assertThat(html).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    }
    // a name is escaped as well (the people picker and the people page)
    long mallory = org.user("<b>Mal</b>", "<i>lory</i>");
    assertThat(b.get("/console/pick?pq=Mal").body()).contains("&lt;b&gt;Mal&lt;/b&gt;").doesNotContain("<b>Mal");
    assertThat(b.get("/console/people").body()).contains("&lt;i&gt;lory&lt;/i&gt;").doesNotContain("<i>lory");
    assertThat(mallory).isPositive();
  }

  @Test
  void everyChangeNeedsTheSessionTokenAndOurOrigin() {
    long id = task(org.as(anna), "Guarded", boris);
    ConsoleClient b = browser();
    b.signIn(borisEmail, PW);
    String csrf = b.csrf();
    String origin = server.baseUrl();

    assertThat(b.post("/console/tasks/" + id + "/start", Map.of()).statusCode()).isEqualTo(403);
    assertThat(b.post("/console/tasks/" + id + "/start", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(b.post("/console/tasks/" + id + "/start", Map.of(), "X-CSRF-Token", "forged").statusCode())
        .isEqualTo(403);
    // the right token from another site's page (a cross-site form post) is refused by the origin check
    assertThat(b.post("/console/tasks/" + id + "/start", Map.of("_csrf", csrf), "Origin", "http://evil.example")
        .statusCode()).isEqualTo(403);
    // another user's token is no good in this session
    ConsoleClient other = browser();
    other.signIn(annaEmail, PW);
    assertThat(b.post("/console/tasks/" + id + "/start", Map.of("_csrf", other.csrf())).statusCode()).isEqualTo(403);
    assertThat(status(id)).isEqualTo("2");

    HttpResponse<String> ok = b.post("/console/tasks/" + id + "/start", Map.of("_csrf", csrf, "back", "task"),
        "Origin", origin);
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(status(id)).isEqualTo("3");
    // htmx sends the token as a header
    HttpResponse<String> viaHeader = b.post("/console/tasks/" + id + "/pause", Map.of(), "X-CSRF-Token", csrf,
        "HX-Request", "true", "Origin", origin);
    assertThat(viaHeader.statusCode()).isEqualTo(200);
    assertThat(viaHeader.body()).contains("id=\"board\"");
    assertThat(status(id)).isEqualTo("2");

    // signing out is a change too: without the token the session lives on
    assertThat(b.post("/console/signout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(b.get("/console/board").statusCode()).isEqualTo(200);
    assertThat(b.post("/console/signout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
    assertThat(b.get("/console/board").statusCode()).isEqualTo(303);
  }

  @Test
  void theSignInFormHasItsOwnToken() {
    ConsoleClient b = browser();
    HttpResponse<String> r = b.post("/console/signin", Map.of("email", annaEmail, "password", PW));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(b.cookies).doesNotContainKey(Console.SESSION_COOKIE);
  }

  @Test
  void signingInAlwaysMakesANewSessionAndTheCookieIsHttpOnlyAndSameSite() {
    ConsoleClient b = browser();
    b.cookies.put(Console.SESSION_COOKIE, "attacker-chosen-value");
    HttpResponse<String> r = b.signIn(annaEmail, PW);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("location")).hasValue("/console/");
    String cookie = ConsoleClient.setCookies(r).stream().filter(c -> c.startsWith(Console.SESSION_COOKIE + "="))
        .findFirst().orElseThrow();
    // Path=/: the OAuth authorization page at /oauth/authorize/ signs in with the console's session
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .containsPattern("(?i)Path=/(;|$)");
    String first = b.cookies.get(Console.SESSION_COOKIE);
    assertThat(first).isNotEqualTo("attacker-chosen-value").hasSizeGreaterThan(30);

    // the value an attacker planted signs nobody in
    ConsoleClient attacker = browser();
    attacker.cookies.put(Console.SESSION_COOKIE, "attacker-chosen-value");
    assertThat(attacker.get("/console/board").statusCode()).isEqualTo(303);

    // a second sign-in from the same browser replaces the session: the first token is dead
    b.signIn(annaEmail, PW);
    String second = b.cookies.get(Console.SESSION_COOKIE);
    assertThat(second).isNotEqualTo(first);
    ConsoleClient stolen = browser();
    stolen.cookies.put(Console.SESSION_COOKIE, first);
    assertThat(stolen.get("/console/board").statusCode()).isEqualTo(303);
    assertThat(b.get("/console/board").statusCode()).isEqualTo(200);
  }

  @Test
  void failedSignInsAreThrottledPerAddress() {
    long dora = org.user("Dora", "Guess");
    server.app().console.passwords().set(dora, PW);
    String doraEmail = email(dora);
    ConsoleClient b = browser();
    for (int i = 0; i < SignIns.PER_EMAIL; i++) {
      assertThat(b.signIn(doraEmail, "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> blocked = b.signIn(doraEmail, PW);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.body()).contains("Too many failed attempts");
    assertThat(b.cookies).doesNotContainKey(Console.SESSION_COOKIE);
    // an unknown address answers like a wrong password
    assertThat(browser().signIn("nobody@org.test", PW).statusCode()).isEqualTo(401);
  }

  @Test
  void aSessionIsAcceptedByEveryNodeOnTheDatabase() {
    TestServer second = new TestServer(s -> s.databaseUrl = server.app().settings.databaseUrl);
    second.start();
    try {
      ConsoleClient b = browser();
      b.signIn(annaEmail, PW);
      ConsoleClient onSecond = new ConsoleClient(second.baseUrl());
      onSecond.cookies.putAll(b.cookies);
      HttpResponse<String> page = onSecond.get("/console/board");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Anna Smith");
    } finally {
      second.app().close();
    }
  }

  @Test
  void theOneTimeLinkSignsInOnce() {
    String link = server.app().adminSignInLink();
    assertThat(link).startsWith(server.baseUrl() + "/console/link/");
    String path = link.substring(server.baseUrl().length());
    ConsoleClient b = browser();
    HttpResponse<String> r = b.get(path);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("location")).hasValue("/console/account");
    assertThat(b.get("/console/account").body()).contains("Set a password");
    assertThat(browser().get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void aHiddenTaskLooksLikeAMissingOne() {
    long id = task(org.as(anna), "Private plans", anna);
    ConsoleClient b = browser();
    b.signIn(carlEmail, PW);
    HttpResponse<String> hidden = b.get("/console/tasks/" + id);
    HttpResponse<String> missing = b.get("/console/tasks/99999999");
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(missing.body()).doesNotContain("Private plans");
    assertThat(b.get("/console/board").body()).doesNotContain("Private plans");
    // and acting on it is refused without a trace
    String csrf = b.csrf();
    assertThat(b.post("/console/tasks/" + id + "/complete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(400);
    assertThat(status(id)).isEqualTo("2");
    // admin pages are for administrators
    assertThat(b.get("/console/admin/webhooks").statusCode()).isEqualTo(403);
    assertThat(b.post("/console/admin/users/" + anna + "/password", Map.of("_csrf", csrf, "password", "stolen pw 1"))
        .statusCode()).isEqualTo(403);
  }

  @Test
  void badInputIsA4xxNeverA500() {
    ConsoleClient b = browser();
    b.signIn(annaEmail, PW);
    String csrf = b.csrf();
    assertThat(b.get("/console/tasks/abc").statusCode()).isEqualTo(404);
    assertThat(b.get("/console/tasks/-1").statusCode()).isEqualTo(404);
    assertThat(b.post("/console/tasks/1/fly", Map.of("_csrf", csrf)).statusCode()).isEqualTo(400);
    assertThat(b.post("/console/tasks", Map.of("_csrf", csrf, "title", "")).statusCode()).isEqualTo(400);
    assertThat(b.get("/console/board?deadline=notadate&limit=-5&responsible=x").statusCode()).isEqualTo(200);
    assertThat(b.post("/console/tasks", Map.of("_csrf", csrf, "title", "x".repeat(70_000))).statusCode())
        .isEqualTo(413);
  }
}
