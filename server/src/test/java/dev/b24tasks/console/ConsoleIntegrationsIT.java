package dev.b24tasks.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.b24tasks.events.EventReceiver;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.TestServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The integrator's pages of the console in Debian's Chromium: an administrator registers an application (its
 * secret shown once), a person goes through the app's authorization URL, signs in on the console and lands on
 * the app's redirect URL with a code that the app exchanges for a token over REST; an outgoing webhook and the
 * event deliveries it gets (payload, HTTP status, redelivery); a workgroup's Kanban stages on the board, a card
 * moved with the mouse and with the keyboard; seeding the demo company and resetting the portal; each new page on
 * a phone-sized screen. Screenshots go to {@code target/console-screenshots/} (20-…).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIntegrationsIT {
  static final String PW = "integrations-pw";

  @RegisterExtension static TestServer server = new TestServer();

  static BrowserKit kit;
  static Org org;
  static long anna;
  static long boris;
  static long group;
  static long staged;
  static String clientId;
  static String clientSecret;
  static HttpServer app;
  static final BlockingQueue<Map<String, String>> redirects = new LinkedBlockingQueue<>();
  static EventReceiver receiver;
  static final List<String> errors = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    kit = BrowserKit.launch(errors);
    org = new Org(server);
    anna = org.user("Anna", "Smith", "Account manager");
    boris = org.user("Boris", "Petrov", "Analyst");
    group = org.group("Launch", anna, boris);
    for (long u : new long[] {1, anna, boris}) server.app().console.passwords().set(u, PW);
    staged = org.as(anna).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Print the flyers",
        "RESPONSIBLE_ID", boris, "GROUP_ID", group))).result().get("task").get("id").asLong();
    // the application's own server: its redirect URL answers a page and remembers what it was given
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/handler", ex -> {
      Map<String, String> q = new LinkedHashMap<>();
      String raw = ex.getRequestURI().getRawQuery();
      if (raw != null) {
        for (String pair : raw.split("&")) {
          int eq = pair.indexOf('=');
          q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      redirects.add(q);
      byte[] page = "<!DOCTYPE html><title>Time tracker</title><h1>The app got a code</h1>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, page.length);
      ex.getResponseBody().write(page);
      ex.close();
    });
    app.createContext("/", ex -> { // the browser's favicon request
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    app.start();
    receiver = new EventReceiver();
  }

  @AfterAll
  static void stop() {
    if (kit != null) kit.close();
    if (app != null) app.stop(0);
    if (receiver != null) receiver.close();
  }

  static String email(long id) {
    return server.admin().call("user.get", Map.of("ID", id)).result().get(0).get("EMAIL").asText();
  }

  static Page admin(int width, int height) {
    return kit.signedIn(server.baseUrl(), email(1), PW, width, height);
  }

  static void go(Page page, String link) {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link).setExact(true)).click();
  }

  static void press(Page page, String button) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
  }

  @Test
  @Order(1)
  void anAdministratorRegistersAnApplicationAndSeesItsSecretOnce() {
    Page page = admin(1440, 900);
    go(page, "Applications");
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Time tracker");
    page.getByLabel("Handler path (redirect URL)").fill("http://127.0.0.1:" + app.getAddress().getPort() + "/handler");
    page.locator("input[name=scope][value=user]").check();
    BrowserKit.shot(page, "20-apps-new");
    press(page, "Create application");
    assertThat(page.locator(".flash")).containsText("Application Time tracker created.");
    clientId = page.locator("#new-client-id").innerText();
    clientSecret = page.locator("#new-client-secret").innerText();
    assertThat(clientId).startsWith("local.");
    assertThat(clientSecret).hasSizeGreaterThan(20);
    Locator row = page.locator("[data-app]").filter(new Locator.FilterOptions().setHasText("Time tracker"));
    assertThat(row).containsText("installed");
    assertThat(row).containsText("task");
    BrowserKit.shot(page, "21-apps-created");
    // shown once: the list alone never has it
    go(page, "Applications");
    assertThat(page.locator("#new-client-secret")).hasCount(0);
    assertThat(page.content()).doesNotContain(clientSecret);
    page.context().close();
  }

  @Test
  @Order(2)
  void theAppsAuthorizationUrlSignsInOnTheConsoleAndRedirectsWithACodeThatBecomesAToken() throws Exception {
    Page page = kit.fresh(1280, 800);
    String authorize = server.baseUrl() + "/oauth/authorize/?client_id=" + URLEncoder.encode(clientId,
        StandardCharsets.UTF_8) + "&state=st-42";
    page.navigate(authorize);
    assertThat(page).hasURL(Pattern.compile(".*/console/signin\\?next=%2Foauth%2Fauthorize.*"));
    BrowserKit.shot(page, "22-oauth-signin");
    BrowserKit.signIn(page, email(anna), PW);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The app got a code"))).isVisible();
    Map<String, String> got = redirects.poll(30, TimeUnit.SECONDS);
    assertThat(got).isNotNull().containsEntry("state", "st-42").containsKey("code").containsKey("member_id");
    assertThat(page).hasURL(Pattern.compile("http://127\\.0\\.0\\.1:" + app.getAddress().getPort() + "/handler\\?code=.*"));
    BrowserKit.shot(page, "23-oauth-redirected");

    // the app exchanges the code for Anna's token and calls REST with it
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth/token/?"
        + "grant_type=authorization_code&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + "&client_secret=" + clientSecret + "&code=" + got.get("code"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode pair = Json.MAPPER.readTree(token.body());
    assertThat(pair.get("user_id").asLong()).isEqualTo(anna);
    HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
        + "/rest/user.current.json?auth=" + pair.get("access_token").asText())).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(me.body()).get("result").get("ID").asText()).isEqualTo(Long.toString(anna));

    // signed in now: the next authorization goes straight to the app
    page.navigate(authorize.replace("st-42", "st-43"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The app got a code"))).isVisible();
    assertThat(redirects.poll(30, TimeUnit.SECONDS)).containsEntry("state", "st-43");
    page.context().close();
  }

  @Test
  @Order(3)
  void anOutgoingWebhookAndTheDeliveriesItGets() throws Exception {
    Page page = admin(1440, 900);
    go(page, "Outgoing webhooks");
    page.getByLabel("Handler URL").fill(receiver.url("/flyers"));
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Flyer printer");
    press(page, "Create outgoing webhook");
    String token = page.locator("#new-outgoing-token").innerText();
    assertThat(token).matches("[0-9a-f]{32}");
    assertThat(page.locator("[data-outgoing]")).containsText("Flyer printer");
    BrowserKit.shot(page, "24-outgoing-created");

    receiver.answer(r -> 500); // the printer is down
    long task = org.as(anna).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Order paper",
        "RESPONSIBLE_ID", anna))).result().get("task").get("id").asLong();
    EventReceiver.Received first = receiver.next("/flyers");
    assertThat(first.auth().get("application_token").asText()).isEqualTo(token);
    go(page, "Event deliveries");
    Locator rows = page.locator("table.deliveries tbody tr");
    for (int i = 0; i < 100 && rows.count() == 0; i++) page.reload(); // the worker logs right after the POST
    assertThat(rows.first()).containsText("ONTASKADD");
    assertThat(rows.first()).containsText(receiver.url("/flyers"));
    assertThat(rows.first()).containsText("HTTP 500");
    rows.first().locator("summary").click();
    assertThat(rows.first().locator("pre").first()).containsText("\"ID\":" + task);
    BrowserKit.shot(page, "25-event-deliveries");
    page.getByLabel("Outcome").selectOption("delivered");
    press(page, "Apply");
    assertThat(page.locator("section:has(#h-deliveries)")).containsText("No deliveries match.");

    receiver.answer(r -> 200);
    page.getByLabel("Outcome").selectOption("");
    press(page, "Apply");
    String eventId = rows.first().getAttribute("data-event");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Redeliver event " + eventId)).click();
    assertThat(page.locator(".flash")).containsText("Event " + eventId + " is queued again");
    assertThat(receiver.next("/flyers").event()).isEqualTo("ONTASKADD");
    page.getByLabel("Outcome").selectOption("delivered");
    press(page, "Apply");
    for (int i = 0; i < 100 && rows.count() == 0; i++) page.reload();
    assertThat(rows.first()).containsText("delivered");
    assertThat(rows.first().locator("td").nth(3)).hasText("2"); // the attempt count goes on
    BrowserKit.shot(page, "26-event-redelivered");
    page.context().close();
  }

  @Test
  @Order(4)
  void aWorkgroupsKanbanStagesOnTheBoardWithTheMouseAndTheKeyboard() {
    Page page = kit.signedIn(server.baseUrl(), email(boris), PW, 1440, 900);
    page.evaluate("window.__sameDocument = 'yes'");
    page.locator("#filters select[name=group]").selectOption(String.valueOf(group));
    assertThat(page.locator("#board.by-stage")).isVisible();
    Locator columns = page.locator("#board [data-column^=stage-]");
    assertThat(columns).hasCount(3);
    assertThat(columns.first().locator("[data-task=\"" + staged + "\"]")).isVisible();
    Locator card = page.locator("[data-task=\"" + staged + "\"]");
    card.getByLabel("Stage").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setIndex(1));
    card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
    assertThat(columns.nth(1).locator("[data-task=\"" + staged + "\"]")).isVisible();
    String second = columns.nth(1).getAttribute("data-column").substring("stage-".length());
    assertThat(server.admin().call("tasks.task.get", Map.of("taskId", staged)).result().get("task").get("stageId")
        .asText()).isEqualTo(second);
    BrowserKit.shot(page, "27-board-stages");

    // the keyboard: the stage list, the arrow key, Tab to Move, Enter
    Locator select = page.locator("[data-task=\"" + staged + "\"] select[name=stage]");
    select.focus();
    page.keyboard().press("ArrowDown");
    page.keyboard().press("Tab");
    assertThat(page.locator(":focus")).hasText("Move");
    page.keyboard().press("Enter");
    assertThat(columns.nth(2).locator("[data-task=\"" + staged + "\"]")).isVisible();
    assertThat(page.evaluate("window.__sameDocument")).isEqualTo("yes");
    // and back to the status columns on request
    page.locator("#filters select[name=view]").selectOption("status");
    assertThat(page.locator("#board [data-column=pending] [data-task=\"" + staged + "\"]")).isVisible();
    // "My plan": his own two stages; the card moves into "I Will Do It This Week" there, not on the group's board
    page.locator("#filters select[name=view]").selectOption("plan");
    assertThat(columns).hasCount(2);
    assertThat(columns.first()).containsText("Not Planned");
    Locator planned = page.locator("[data-task=\"" + staged + "\"]");
    planned.getByLabel("Stage").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
    planned.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
    assertThat(columns.nth(1).locator("[data-task=\"" + staged + "\"]")).isVisible();
    assertThat(columns.nth(1)).containsText("I Will Do It This Week");
    BrowserKit.shot(page, "27b-board-my-plan");
    page.context().close();
  }

  @Test
  @Order(5)
  void theNewPagesOnAPhoneSizedScreen() {
    Page page = admin(390, 844);
    int n = 28;
    for (String path : List.of("/console/admin/events", "/console/admin/outgoing", "/console/admin/apps",
        "/console/admin/portal", "/console/board?group=" + group)) {
      page.navigate(server.baseUrl() + path);
      assertThat(BrowserKit.scrollsSideways(page)).as(path).isFalse();
      BrowserKit.shot(page, n++ + "-phone-" + path.replaceAll(".*/", "").replaceAll("\\?.*", "-stages"));
    }
    // the skip link is the first stop of the keyboard and takes it to the page
    page.keyboard().press("Tab");
    assertThat(page.locator(":focus")).hasText("Skip to content");
    page.context().close();
  }

  @Test
  @Order(6)
  void seedingTheDemoCompanyAndResettingThePortal() {
    Page page = admin(1440, 900);
    go(page, "Portal");
    // the confirmation box is required: without it the browser does not send the form
    press(page, "Seed the demo company");
    assertThat(page).hasURL(Pattern.compile(".*/console/admin/portal$"));
    page.getByLabel("Add the demo company to this portal").check();
    press(page, "Seed the demo company");
    assertThat(page.locator(".flash")).hasText("The demo company is seeded.");
    assertThat(server.admin().call("user.get", Map.of("EMAIL", "helen.carter@demo.b24-tasks.local")).result())
        .hasSize(1);
    assertThat(page.locator("#demo-there")).hasText("The demo company is already on this portal.");
    go(page, "Board");
    assertThat(page.locator(".task-card")).not().hasCount(0);
    go(page, "Portal");
    page.getByLabel("I understand that everything else on this portal is deleted").check();
    BrowserKit.shot(page, "33-portal-reset");
    press(page, "Reset the portal");
    assertThat(page.locator(".flash")).hasText("The portal is reset.");
    // still signed in, on an empty portal
    go(page, "Board");
    assertThat(page.locator(".task-card")).hasCount(0);
    go(page, "Applications");
    assertThat(page.locator("[data-app]")).hasCount(0);
    assertThat(server.admin().call("user.get", Map.of("ID", anna)).result()).isEmpty();
    BrowserKit.shot(page, "34-after-reset");
    page.context().close();
    assertThat(errors).isEmpty();
  }
}
