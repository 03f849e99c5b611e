package dev.b24tasks.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.events.EventReceiver;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's integration and portal pages over real HTTP: event deliveries (with redelivery), outgoing
 * webhooks, applications, a workgroup's Kanban stages, portal reset and demo seeding. Each new form needs the
 * session's token and an administrator, shows what people typed escaped, and changes the portal only through the
 * feature's service (checked over REST).
 */
class ConsoleAdminPagesTest {
  @RegisterExtension static TestServer server = new TestServer();
  /** A portal of its own for reset and seeding. */
  @RegisterExtension static TestServer fresh = new TestServer();

  static final String PW = "admin-pages-pw";
  static final String EVIL = "<script>alert(1)</script>\"'";
  static final String EVIL_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final Pattern TOKEN = Pattern.compile("id=\"new-outgoing-token\" class=\"url\">([0-9a-f]{32})<");
  static final Pattern SECRET = Pattern.compile("id=\"new-client-secret\">([A-Za-z0-9]+)<");

  static Org org;
  static long anna;
  static long boris;
  static long carl;
  static EventReceiver receiver;

  @BeforeAll
  static void organisation() {
    org = new Org(server);
    anna = org.user("Anna", "Admin-pages");
    boris = org.user("Boris", "Admin-pages");
    carl = org.user("Carl", "Admin-pages");
    for (long u : new long[] {1, anna, boris, carl}) server.app().console.passwords().set(u, PW);
    receiver = new EventReceiver();
  }

  @AfterAll
  static void stop() {
    if (receiver != null) receiver.close();
  }

  static ConsoleClient signedIn(TestServer on, long user) {
    ConsoleClient b = new ConsoleClient(on.baseUrl());
    String email = on.admin().call("user.get", Map.of("ID", user)).result().get(0).get("EMAIL").asText();
    assertThat(b.signIn(email, PW).statusCode()).isEqualTo(303);
    return b;
  }

  @Test
  void theNewPagesAreForAdministratorsAndEveryFormNeedsTheToken() {
    int outgoing = server.admin().call("b24tasks.outgoing.list", Map.of()).result().size();
    int apps = server.admin().call("b24tasks.app.list", Map.of()).result().size();
    ConsoleClient anne = signedIn(server, anna);
    for (String page : List.of("/console/admin/events", "/console/admin/outgoing", "/console/admin/apps")) {
      assertThat(anne.get(page).statusCode()).as(page).isEqualTo(403);
    }
    String hers = anne.csrf();
    assertThat(anne.post("/console/admin/outgoing", Map.of("_csrf", hers, "url", receiver.url("/anna"),
        "event", "ONTASKADD")).statusCode()).isEqualTo(403);
    assertThat(anne.post("/console/admin/apps", Map.of("_csrf", hers, "name", "Hers", "handler",
        "https://app.example/", "scope", "task")).statusCode()).isEqualTo(403);

    ConsoleClient admin = signedIn(server, 1);
    Map<String, Map<String, String>> forms = Map.of(
        "/console/admin/outgoing", Map.of("url", receiver.url("/forged"), "event", "ONTASKADD"),
        "/console/admin/apps", Map.of("name", "Forged", "handler", "https://app.example/", "scope", "task"),
        "/console/admin/events/redeliver", Map.of("eventId", "1"),
        "/console/admin/portal/reset", Map.of("confirm", "Y"),
        "/console/admin/portal/seed", Map.of("confirm", "Y"));
    forms.forEach((path, form) -> {
      assertThat(admin.post(path, form).statusCode()).as(path + " without a token").isEqualTo(403);
      var withForged = new java.util.HashMap<>(form);
      withForged.put("_csrf", "forged");
      assertThat(admin.post(path, withForged).statusCode()).as(path + " with a forged token").isEqualTo(403);
    });
    assertThat(server.admin().call("b24tasks.outgoing.list", Map.of()).result()).hasSize(outgoing);
    assertThat(server.admin().call("b24tasks.app.list", Map.of()).result()).hasSize(apps);
    assertThat(server.admin().call("user.get", Map.of("ID", anna)).result()).hasSize(1); // no reset
  }

  @Test
  void anOutgoingWebhookItsDeliveriesAndARedelivery() throws Exception {
    ConsoleClient admin = signedIn(server, 1);
    String csrf = admin.csrf();
    // a URL that is no handler and no event at all are refused with the feature's words
    HttpResponse<String> bad = admin.post("/console/admin/outgoing", Map.of("_csrf", csrf, "url", "ftp://x.example/"));
    assertThat(bad.statusCode()).isEqualTo(400);
    HttpResponse<String> made = admin.post("/console/admin/outgoing", Map.of("_csrf", csrf,
        "url", receiver.url("/outgoing"), "title", EVIL, "event", "ONTASKADD"));
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.body()).contains(EVIL_SHOWN).doesNotContain("<script>alert(1)");
    String token = ConsoleClient.find(TOKEN, made.body());
    JsonNode listed = server.admin().call("b24tasks.outgoing.list", Map.of()).result();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("applicationToken").asText()).isEqualTo(token);

    receiver.answer(r -> 503); // the handler is down: the portal will try again
    long task = org.as(anna).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Fires ONTASKADD",
        "RESPONSIBLE_ID", anna))).result().get("task").get("id").asLong();
    EventReceiver.Received first = receiver.next("/outgoing");
    assertThat(first.event()).isEqualTo("ONTASKADD");
    assertThat(first.auth().get("application_token").asText()).isEqualTo(token);
    long eventId = waitForLog(1).get(0).get("eventId").asLong();

    String page = admin.get("/console/admin/events").body();
    // the handler URL, who it is, the outcome, the HTTP status, the payload and the handler's answer
    assertThat(page).contains("ONTASKADD").contains(receiver.url("/outgoing")).contains("outgoing webhook")
        .contains("HTTP 503").contains(">failed<").contains("\"FIELDS_AFTER\":{\"ID\":" + task + "}")
        .contains("answer 503");
    assertThat(admin.get("/console/admin/events?outcome=delivered").body()).contains("No deliveries match.");
    assertThat(admin.get("/console/admin/events?event=ONTASKADD&outcome=failed").body())
        .contains("data-event=\"" + eventId + "\"");
    assertThat(admin.get("/console/admin/events?outcome=%3Cx%3E&eventId=abc").statusCode()).isEqualTo(200);
    // by sender: 0 is the outgoing webhooks, an application's id its own handlers
    assertThat(admin.get("/console/admin/events?app=0").body()).contains("data-event=\"" + eventId + "\"");
    assertThat(admin.get("/console/admin/events?app=77").body()).contains("No deliveries match.");
    assertThat(admin.get("/console/admin/events?app=%3Cb%3E").body()).contains("data-event=\"" + eventId + "\"")
        .doesNotContain("<b>");

    receiver.answer(r -> 200);
    HttpResponse<String> again = admin.post("/console/admin/events/redeliver", Map.of("_csrf", csrf,
        "eventId", Long.toString(eventId)));
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(again.headers().firstValue("location")).hasValue("/console/admin/events?done=" + eventId);
    assertThat(receiver.next("/outgoing").event()).isEqualTo("ONTASKADD");
    JsonNode log = waitForLog(2);
    assertThat(log.get(0).get("outcome").asText()).isEqualTo("delivered");
    assertThat(log.get(0).get("attempt").asInt()).isGreaterThan(1);
    assertThat(admin.post("/console/admin/events/redeliver", Map.of("_csrf", csrf, "eventId", "999999"))
        .statusCode()).isEqualTo(400);

    long id = listed.get(0).get("id").asLong();
    assertThat(admin.post("/console/admin/outgoing/" + id + "/delete", Map.of("_csrf", csrf)).statusCode())
        .isEqualTo(303);
    assertThat(server.admin().call("b24tasks.outgoing.list", Map.of()).result()).isEmpty();
    assertThat(admin.post("/console/admin/outgoing/" + id + "/delete", Map.of("_csrf", csrf)).statusCode())
        .isEqualTo(400);
  }

  /** The delivery log over REST once it has {@code n} rows for the outgoing handler (delivery runs on workers). */
  static JsonNode waitForLog(int n) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode log = server.admin().call("b24tasks.event.log", Map.of("event", "ONTASKADD")).result();
      if (log.size() >= n && (n < 2 || log.get(0).get("outcome").asText().equals("delivered"))) return log;
      Thread.sleep(50); // polling for the workers' commit, not waiting for time to pass
    }
    throw new AssertionError("the delivery log never had " + n + " rows");
  }

  @Test
  void anApplicationIsRegisteredWithItsSecretShownOnceThenUninstalledAndDeleted() {
    ConsoleClient admin = signedIn(server, 1);
    String csrf = admin.csrf();
    assertThat(admin.post("/console/admin/apps", Map.of("_csrf", csrf, "name", "No URL", "handler", "javascript:x",
        "scope", "task")).body()).contains("The handler path must be an http(s) URL.");
    assertThat(admin.post("/console/admin/apps", Map.of("_csrf", csrf, "name", "No scope", "handler",
        "https://app.example/", "scope", "b24tasks")).statusCode()).isEqualTo(400);
    HttpResponse<String> made = admin.post("/console/admin/apps", Map.of("_csrf", csrf, "name", EVIL,
        "handler", "https://app.example/handler", "apiOnly", "Y", "scope", "task"));
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.body()).contains(EVIL_SHOWN).doesNotContain("<script>alert(1)");
    String secret = ConsoleClient.find(SECRET, made.body());
    JsonNode app = server.admin().call("b24tasks.app.list", Map.of()).result().get(0);
    assertThat(app.get("INSTALLED").asText()).isEqualTo("Y");
    assertThat(app.get("SCOPE").toString()).isEqualTo("[\"task\"]");
    String list = admin.get("/console/admin/apps").body();
    assertThat(list).contains(app.get("CLIENT_ID").asText()).doesNotContain(secret).contains("installed");

    long id = app.get("ID").asLong();
    assertThat(admin.post("/console/admin/apps/" + id + "/uninstall", Map.of("_csrf", csrf)).statusCode())
        .isEqualTo(303);
    assertThat(server.admin().call("b24tasks.app.list", Map.of()).result().get(0).get("INSTALLED").asText())
        .isEqualTo("N");
    assertThat(admin.post("/console/admin/apps/" + id + "/install", Map.of("_csrf", csrf)).statusCode())
        .isEqualTo(303);
    assertThat(server.admin().call("b24tasks.app.list", Map.of()).result().get(0).get("INSTALLED").asText())
        .isEqualTo("Y");
    assertThat(admin.post("/console/admin/apps/" + id + "/delete", Map.of("_csrf", csrf)).statusCode())
        .isEqualTo(303);
    assertThat(server.admin().call("b24tasks.app.list", Map.of()).result()).isEmpty();
    assertThat(admin.post("/console/admin/apps/" + id + "/delete", Map.of("_csrf", csrf)).statusCode())
        .isEqualTo(400);
    assertThat(admin.post("/console/admin/apps/x/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(400);
  }

  @Test
  void signingInGoesBackOnlyToTheConsoleOrAnAuthorizationRequest() {
    ConsoleClient b = new ConsoleClient(server.baseUrl());
    String email = server.admin().call("user.get", Map.of("ID", anna)).result().get(0).get("EMAIL").asText();
    String form = ConsoleClient.find(Pattern.compile("name=\"_form\" value=\"([^\"]+)\""),
        b.get("/console/signin?next=" + URLEncoder.encode("/oauth/authorize/?client_id=x", StandardCharsets.UTF_8))
            .body());
    HttpResponse<String> back = b.post("/console/signin", Map.of("_form", form, "email", email, "password", PW,
        "next", "/oauth/authorize/?client_id=x"));
    assertThat(back.headers().firstValue("location")).hasValue("/oauth/authorize/?client_id=x");
    for (String elsewhere : List.of("https://evil.example/", "//evil.example/", "/oauth/token/?x=1", "/rest/1/x/")) {
      ConsoleClient c = new ConsoleClient(server.baseUrl());
      String f = ConsoleClient.find(Pattern.compile("name=\"_form\" value=\"([^\"]+)\""), c.get("/console/signin").body());
      HttpResponse<String> r = c.post("/console/signin", Map.of("_form", f, "email", email, "password", PW,
          "next", elsewhere));
      assertThat(r.headers().firstValue("location")).as(elsewhere).hasValue("/console/");
    }
    // the sign-in page escapes what it is given to go back to
    assertThat(new ConsoleClient(server.baseUrl()).get("/console/signin?next="
        + URLEncoder.encode("/console/\"><script>x</script>", StandardCharsets.UTF_8)).body())
        .doesNotContain("<script>x").contains("value=\"/console/&#34;>&lt;script>x&lt;/script>\"");
  }

  @Test
  void aStaleCookieOfTheOldPathBeforeTheSessionDoesNotSignAnyoneOut() {
    ConsoleClient b = signedIn(server, anna);
    String live = b.cookies.get(Console.SESSION_COOKIE);
    ConsoleClient bare = new ConsoleClient(server.baseUrl());
    // a browser sends the cookie of the longer path (/console, of earlier versions) first
    HttpResponse<String> r = bare.get("/console/board", "Cookie", Console.SESSION_COOKIE + "=stale-old-path; "
        + Console.SESSION_COOKIE + "=" + live);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(server.app().console.sessionUser(Console.SESSION_COOKIE + "=stale; " + Console.SESSION_COOKIE + "="
        + live)).hasValue(anna);
    assertThat(server.app().console.sessionUser(Console.SESSION_COOKIE + "=stale")).isEmpty();
    assertThat(server.app().console.sessionUser(null)).isEmpty();
  }

  @Test
  void aWorkgroupBoardShowsItsStagesAndACardMovesBetweenThemUnderTheGroupsRules() {
    long group = org.group("Stage group", anna, boris);
    long task = org.as(anna).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Staged " + EVIL,
        "RESPONSIBLE_ID", boris, "GROUP_ID", group))).result().get("task").get("id").asLong();
    ConsoleClient b = signedIn(server, boris);
    String board = b.get("/console/board?group=" + group).body();
    JsonNode stages = org.as(boris).call("task.stages.get", Map.of("entityId", group)).result();
    List<String> ids = new java.util.ArrayList<>();
    stages.fieldNames().forEachRemaining(ids::add);
    assertThat(ids).hasSize(3);
    for (String id : ids) assertThat(board).contains("data-column=\"stage-" + id + "\"");
    assertThat(board).contains("Staged " + EVIL_SHOWN).doesNotContain("Staged <script>");
    // by status on request
    assertThat(b.get("/console/board?group=" + group + "&view=status").body()).contains("data-column=\"pending\"")
        .doesNotContain("data-column=\"stage-");

    String csrf = b.csrf();
    HttpResponse<String> moved = b.post("/console/tasks/" + task + "/stage", Map.of("stage", ids.get(1),
        "group", Long.toString(group)), "X-CSRF-Token", csrf, "HX-Request", "true");
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(moved.body()).contains("id=\"board\"");
    assertThat(stageOf(task)).isEqualTo(ids.get(1));
    assertThat(moved.body()).containsPattern("(?s)data-column=\"stage-" + ids.get(1) + "\".*data-task=\"" + task + "\"");

    // an outsider cannot see the group's board, so she cannot move its card either
    ConsoleClient outsider = signedIn(server, carl);
    HttpResponse<String> refused = outsider.post("/console/tasks/" + task + "/stage", Map.of("stage", ids.get(2),
        "group", Long.toString(group)), "X-CSRF-Token", outsider.csrf(), "HX-Request", "true");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("board-flash");
    assertThat(stageOf(task)).isEqualTo(ids.get(1));
    assertThat(outsider.get("/console/board?group=" + group).body()).doesNotContain("data-column=\"stage-");
    // no token, no move
    assertThat(b.post("/console/tasks/" + task + "/stage", Map.of("stage", ids.get(2))).statusCode()).isEqualTo(403);
    assertThat(stageOf(task)).isEqualTo(ids.get(1));
  }

  @Test
  void myPlanIsTheViewersOwnKanbanBoard() {
    long mine = org.as(boris).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Plan me",
        "RESPONSIBLE_ID", boris))).result().get("task").get("id").asLong();
    ConsoleClient b = signedIn(server, boris);
    String board = b.get("/console/board?view=plan").body();
    JsonNode plan = org.as(boris).call("task.stages.get", Map.of("entityId", 0)).result();
    List<String> ids = new java.util.ArrayList<>();
    plan.fieldNames().forEachRemaining(ids::add);
    assertThat(ids).hasSize(2);
    assertThat(board).contains("Not Planned").contains("I Will Do It This Week")
        .containsPattern("(?s)data-column=\"stage-" + ids.get(0) + "\".*data-task=\"" + mine + "\".*data-column=\"stage-"
            + ids.get(1) + "\"");
    HttpResponse<String> moved = b.post("/console/tasks/" + mine + "/stage", Map.of("stage", ids.get(1),
        "view", "plan"), "X-CSRF-Token", b.csrf(), "HX-Request", "true");
    assertThat(moved.body()).containsPattern("(?s)data-column=\"stage-" + ids.get(1) + "\".*data-task=\"" + mine + "\"");
    // in the last column, and only there
    assertThat(moved.body().split("data-task=\"" + mine + "\"", -1)).hasSize(2);
    // his plan is his: Anna cannot move the task in it (a stage of another's plan)
    ConsoleClient a = signedIn(server, anna);
    HttpResponse<String> refused = a.post("/console/tasks/" + mine + "/stage", Map.of("stage", ids.get(0),
        "view", "plan"), "X-CSRF-Token", a.csrf(), "HX-Request", "true");
    assertThat(refused.body()).contains("board-flash");
    assertThat(b.get("/console/board?view=plan").body())
        .containsPattern("(?s)data-column=\"stage-" + ids.get(1) + "\".*data-task=\"" + mine + "\"");
  }

  static String stageOf(long task) {
    return server.admin().call("tasks.task.get", Map.of("taskId", task)).result().get("task").get("stageId").asText();
  }

  @Test
  void aResetKeepsTheAdministratorSignedInAndSeedingMakesTheDemoCompanyOnce() {
    Org other = new Org(fresh);
    long olga = other.user("Olga", "Fresh");
    fresh.app().console.passwords().set(1, PW);
    fresh.app().console.passwords().set(olga, PW);
    ConsoleClient admin = signedIn(fresh, 1);
    ConsoleClient her = signedIn(fresh, olga);
    String csrf = admin.csrf();

    HttpResponse<String> unconfirmed = admin.post("/console/admin/portal/reset", Map.of("_csrf", csrf));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("Tick the box to confirm the reset.");
    assertThat(fresh.admin().call("user.get", Map.of("ID", olga)).result()).hasSize(1);

    HttpResponse<String> seeded = admin.post("/console/admin/portal/seed", Map.of("_csrf", csrf, "confirm", "Y"));
    assertThat(seeded.headers().firstValue("location")).hasValue("/console/admin/portal?done=portal.seed.done");
    assertThat(admin.get("/console/admin/portal?done=portal.seed.done").body()).contains("The demo company is seeded.");
    assertThat(fresh.admin().call("user.get", Map.of("EMAIL", "olga.smirnova@demo.b24-tasks.local")).result())
        .hasSize(1);
    assertThat(admin.post("/console/admin/portal/seed", Map.of("_csrf", csrf, "confirm", "Y")).headers()
        .firstValue("location")).hasValue("/console/admin/portal?done=portal.seed.there");

    HttpResponse<String> reset = admin.post("/console/admin/portal/reset", Map.of("_csrf", csrf, "confirm", "Y"));
    assertThat(reset.statusCode()).isEqualTo(303);
    assertThat(admin.get("/console/admin/portal?done=portal.reset.done").body()).contains("The portal is reset.");
    // she is gone, with her session; the administrator keeps his session and his password
    assertThat(fresh.admin().call("user.get", Map.of("ID", olga)).result()).isEmpty();
    assertThat(her.get("/console/board").statusCode()).isEqualTo(303);
    assertThat(admin.get("/console/board").statusCode()).isEqualTo(200);
    assertThat(signedIn(fresh, 1).get("/console/admin/portal").statusCode()).isEqualTo(200);
    assertThat(fresh.admin().call("tasks.task.list", Map.of()).result().get("tasks")).isEmpty();
  }
}
