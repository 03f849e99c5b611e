package dev.b24tasks.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.b24tasks.testing.Org;
import dev.b24tasks.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console in Debian's Chromium, driven by Playwright for Java (no browser download: the system one). People
 * sign in with their passwords and move a task through defer, renew, start, complete and approve on the board,
 * each as the person the rules allow; an outsider sees nothing of it. Screenshots of every page go to
 * {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
  static final String PW = "s3cret-pass";

  @RegisterExtension static TestServer server = new TestServer();

  static BrowserKit kit;
  static Browser browser;
  static Org org;
  static long olga;
  static long anna;
  static long boris;
  static long carl;
  static long taskId;
  static final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    kit = BrowserKit.launch(consoleErrors);
    browser = kit.browser;
    org = new Org(server);
    long sales = org.department("Sales", Org.ROOT);
    olga = org.user("Olga", "Head", "Head of sales", sales);
    org.head(sales, olga);
    anna = org.user("Anna", "Smith", "Account manager", sales);
    boris = org.user("Boris", "Petrov", "Analyst", sales);
    carl = org.user("Carl", "Outsider", "Engineer", org.department("Engineering", Org.ROOT));
    org.group("Launch", anna, boris);
    for (long u : new long[] {1, olga, anna, boris, carl}) server.app().console.passwords().set(u, PW);
    org.as(anna).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Prepare price list", "RESPONSIBLE_ID",
        boris, "DEADLINE", "2020-01-01T10:00:00+00:00")));
    org.as(olga).call("tasks.task.add", Map.of("fields", Map.of("TITLE", "Hire a second analyst",
        "RESPONSIBLE_ID", olga, "PRIORITY", 2)));
  }

  @AfterAll
  static void stop() {
    if (kit != null) kit.close();
  }

  static String email(long id) {
    return server.admin().call("user.get", Map.of("ID", id)).result().get(0).get("EMAIL").asText();
  }

  /** A fresh browser profile, signed in as {@code user}. */
  static Page signedIn(long user, int width, int height) {
    return kit.signedIn(server.baseUrl(), email(user), PW, width, height);
  }

  static Page signedIn(long user) {
    return signedIn(user, 1440, 900);
  }

  static void shot(Page page, String name) {
    BrowserKit.shot(page, name);
  }

  static Locator card(Page page, String column) {
    return page.locator("[data-column=" + column + "] [data-task=\"" + taskId + "\"]");
  }

  static void press(Page page, String column, String button) {
    card(page, column).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button).setExact(true))
        .click();
  }

  static List<String> buttons(Page page, String column) {
    return card(page, column).locator(".actions > button, .actions summary").allInnerTexts();
  }

  @Test
  @Order(1)
  void theSignInPageAndAWrongPassword() {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    Page page = ctx.newPage();
    page.navigate(server.baseUrl() + "/console/board");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    shot(page, "01-signin");
    page.getByLabel("E-mail").fill(email(anna));
    page.getByLabel("Password").fill("not her password");
    page.getByLabel("Password").press("Enter");
    assertThat(page.locator("#signin-error")).hasText("Wrong e-mail or password.");
    shot(page, "02-signin-wrong");
    ctx.close();
  }

  @Test
  @Order(2)
  void annaCreatesATaskWithResultCheckForBoris() {
    Page page = signedIn(anna);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New task")).click();
    page.getByLabel("Title").fill("Quarterly report for the board");
    page.getByLabel("Description").fill("Numbers for Q4, with <b>tags</b> kept as text.");
    page.getByLabel("Responsible").selectOption(String.valueOf(boris));
    page.getByLabel("Check result after completion").check();
    page.getByLabel("Important").check();
    page.getByLabel("Deadline").fill("2030-06-30T17:00");
    shot(page, "03-new-task");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create task")).click();
    assertThat(page.locator("#task-title")).hasText("Quarterly report for the board");
    taskId = Long.parseLong(page.locator("article.task-page").getAttribute("data-task"));
    assertThat(page.locator(".description")).hasText("Numbers for Q4, with <b>tags</b> kept as text.");
    assertThat(page.locator("#task-responsible")).containsText("Boris Petrov");
    assertThat(page.locator(".task-side")).containsText("Jun 30, 2030");
    page.context().close();
  }

  @Test
  @Order(3)
  void borisDefersRenewsStartsAndCompletesOnTheBoard() {
    Page page = signedIn(boris);
    page.evaluate("window.__sameDocument = 'yes'");
    assertThat(card(page, "pending")).isVisible();
    assertThat(card(page, "pending").locator(".title")).hasText("Quarterly report for the board");
    assertThat(buttons(page, "pending")).containsExactly("Start", "Complete", "Defer", "Delegate");
    shot(page, "04-board-boris");
    // the list method's filters, applied in place
    page.getByLabel("Overdue").check();
    assertThat(card(page, "pending")).hasCount(0);
    assertThat(page.locator("[data-column=pending] .task-card")).hasCount(1);
    assertThat(page.locator("[data-column=pending] .task-card .title")).hasText("Prepare price list");
    page.getByLabel("Overdue").uncheck();
    page.getByLabel("Role").selectOption("O");
    assertThat(page.locator(".task-card")).hasCount(0);
    page.getByLabel("Role").selectOption("R");
    page.getByLabel("Search").fill("quarterly");
    assertThat(page.locator(".task-card")).hasCount(1);
    page.getByLabel("Search").fill("");
    assertThat(page.locator("[data-column=pending] .task-card")).hasCount(2);

    press(page, "pending", "Defer");
    assertThat(card(page, "deferred")).isVisible();
    assertThat(buttons(page, "deferred")).containsExactly("Complete", "Renew", "Delegate");
    press(page, "deferred", "Renew");
    assertThat(card(page, "pending")).isVisible();
    press(page, "pending", "Start");
    assertThat(card(page, "progress")).isVisible();
    assertThat(buttons(page, "progress")).containsExactly("Pause", "Complete", "Delegate");
    press(page, "progress", "Complete");
    // task control: completing as the responsible sends it to the creator for approval
    assertThat(card(page, "control")).isVisible();
    assertThat(buttons(page, "control")).containsExactly("Renew", "Delegate");
    assertThat(card(page, "control").getByText("Approve")).hasCount(0);
    // all of it without a page load
    assertThat(page.evaluate("window.__sameDocument")).isEqualTo("yes");
    shot(page, "05-board-boris-after-complete");
    assertThat(status()).isEqualTo("4");
    page.context().close();
  }

  @Test
  @Order(4)
  void carlSeesNothingOfItAndMayNotAct() {
    Page page = signedIn(carl);
    assertThat(page.locator("[data-task=\"" + taskId + "\"]")).hasCount(0);
    assertThat(page.getByText("Quarterly report")).hasCount(0);
    shot(page, "06-board-carl");
    page.navigate(server.baseUrl() + "/console/tasks/" + taskId);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
    shot(page, "07-task-hidden-from-carl");
    // a hand-made request with his own valid token is still refused by the rules
    Object answer = page.evaluate("async (id) => { const token = JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token'];"
        + " const r = await fetch('/console/tasks/' + id + '/approve', {method: 'POST', headers: {'X-CSRF-Token': token,"
        + " 'Content-Type': 'application/x-www-form-urlencoded'}, body: 'back=task'}); return r.status; }", String.valueOf(taskId));
    assertThat(answer).isEqualTo(400);
    assertThat(status()).isEqualTo("4");
    page.context().close();
    // the only errors of his session: the 404 of the hidden task and the 400 of the refused request
    assertThat(consoleErrors).hasSize(2).allMatch(e -> e.startsWith("Failed to load resource"));
    consoleErrors.clear();
  }

  @Test
  @Order(5)
  void annaApprovesOnTheBoardAndReadsTheTaskPage() {
    Page page = signedIn(anna);
    assertThat(buttons(page, "control")).containsExactly("Complete", "Approve", "Return for rework", "Delegate");
    press(page, "control", "Approve");
    assertThat(card(page, "done")).isVisible();
    assertThat(status()).isEqualTo("5");
    shot(page, "08-board-anna-approved");

    card(page, "done").locator(".title").click();
    assertThat(page.locator("#task-status")).hasText("Completed");
    Locator history = page.locator("table.history tbody tr");
    assertThat(history.filter(new Locator.FilterOptions().setHasText("Deferred"))).not().hasCount(0);
    assertThat(page.locator("table.history")).containsText("In progress → Awaiting control");
    assertThat(page.locator("table.history")).containsText("Awaiting control → Completed");

    // a comment, time spent, a checklist item ticked: each through its feature's service
    page.getByPlaceholder("Write a comment").fill("Approved, thanks <script>alert('x')</script>");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment")).click();
    assertThat(page.locator(".comment-text").last()).hasText("Approved, thanks <script>alert('x')</script>");
    page.getByPlaceholder("New checklist item").fill("Send to the board");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
    Locator item = page.getByLabel("Send to the board");
    item.check();
    assertThat(page.locator("#checklist .done")).hasText("Send to the board");
    page.reload();
    assertThat(page.getByLabel("Send to the board")).isChecked();
    shot(page, "09-task-page");
    page.context().close();
  }

  @Test
  @Order(6)
  void borisLogsTimeAndDelegatesWithThePeoplePicker() {
    Page page = signedIn(boris);
    page.navigate(server.baseUrl() + "/console/tasks/" + taskId);
    page.getByLabel("Minutes").fill("95");
    page.getByLabel("What was done").fill("Collected the figures");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log time")).click();
    assertThat(page.locator("#elapsed h2 .count")).hasText("1 h 35 min");
    // Boris may not edit Anna's task: no edit form
    assertThat(page.locator("#edit")).hasCount(0);

    // a new task of his own, delegated on the board
    page.navigate(server.baseUrl() + "/console/tasks/new");
    page.getByLabel("Title").fill("Check the competitors' prices");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create task")).click();
    long own = Long.parseLong(page.locator("article.task-page").getAttribute("data-task"));
    page.navigate(server.baseUrl() + "/console/board");
    Locator c = page.locator("[data-column=pending] [data-task=\"" + own + "\"]");
    c.locator("summary").click();
    c.getByPlaceholder("Find a person").fill("Olg");
    assertThat(c.locator(".picks label")).hasCount(1);
    c.getByLabel("Olga Head").check();
    shot(page, "10-delegate-picker");
    c.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delegate")).click();
    // delegated away: still his to see (he became an observer), now Olga's
    assertThat(page.locator("[data-column=pending] [data-task=\"" + own + "\"] .who")).containsText("Olga Head");
    page.context().close();
  }

  @Test
  @Order(7)
  void thePeopleAndAdministrationPages() {
    Page page = signedIn(1);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).click();
    assertThat(page.locator(".tree")).containsText("Sales");
    assertThat(page.locator(".tree .dep").filter(new Locator.FilterOptions().setHasText("Sales")))
        .containsText("Olga Head");
    assertThat(page.locator(".groups")).containsText("Launch");
    shot(page, "11-people");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks").setExact(true)).click();
    page.getByLabel("Calls as").selectOption(String.valueOf(anna));
    page.getByLabel("Name").fill("Reporting script");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create webhook")).click();
    String url = page.locator("#new-webhook-url").innerText();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/rest/" + anna + "/[A-Za-z0-9]+/");
    shot(page, "12-webhook-created");
    // the URL works, once shown; then revoked it stops
    String code = url.replaceAll(".*/rest/\\d+/([^/]+)/", "$1");
    assertThat(server.as(anna, code).call("user.current", Map.of()).status()).isEqualTo(200);
    page.navigate(server.baseUrl() + "/console/admin/webhooks");
    assertThat(page.locator("#new-webhook-url")).hasCount(0);
    page.locator(".hooks li").filter(new Locator.FilterOptions().setHasText("Reporting script"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
    assertThat(page.locator(".hooks")).not().containsText("Reporting script");
    shot(page, "13-webhooks");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
    shot(page, "14-admin-users");

    // the request journal: every REST call, filtered; a refused one with its status and error code
    org.as(carl).call("tasks.task.approve", Map.of("taskId", taskId));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal")).click();
    page.getByLabel("Method").fill("tasks.task.add");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    Locator rows = page.locator("table.journal tbody tr");
    assertThat(rows).hasCount(2);
    Locator oldest = rows.last();
    oldest.locator("summary").click();
    assertThat(oldest.locator("pre").first()).containsText("Prepare price list");
    shot(page, "15-journal");
    page.getByLabel("Method").fill("");
    page.getByLabel("Status").fill("400");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    assertThat(rows.first()).containsText("tasks.task.approve");
    assertThat(rows.first()).containsText("Carl Outsider");

    // the test portal's controls: the clock, snapshots
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Portal")).click();
    page.getByLabel("Set the time").fill("2031-01-01T09:00");
    page.locator("select[name=mode]").selectOption("fixed");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set clock")).click();
    assertThat(page.locator("#portal-mode")).hasText("fixed");
    assertThat(page.locator("#portal-time")).containsText("Jan 1, 2031, 9:00");
    assertThat(server.admin().call("server.time", Map.of()).result().asText()).startsWith("2031-01-01");
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("before-import");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save snapshot")).click();
    assertThat(page.locator(".snapshots")).containsText("before-import");
    shot(page, "15b-portal");
    page.locator("select[name=mode]").selectOption("real");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set clock")).click();
    assertThat(page.locator("#portal-mode")).hasText("real time");
    page.context().close();
  }

  @Test
  @Order(8)
  void russianAndAPhoneSizedScreen() {
    Page page = signedIn(olga, 390, 844);
    page.navigate(server.baseUrl() + "/console/account");
    page.locator("select[name=language]").selectOption("ru");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).first().click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ваша учётная запись")))
        .isVisible();
    shot(page, "16-account-ru-phone");
    page.navigate(server.baseUrl() + "/console/board");
    assertThat(page.locator("#h-pending")).containsText("Новые");
    // the page fits the screen: no sideways scrolling on a phone
    assertThat(BrowserKit.scrollsSideways(page)).isFalse();
    shot(page, "17-board-ru-phone");
    page.context().close();
  }

  @Test
  @Order(9)
  void theBoardWorksFromTheKeyboard() {
    Page page = signedIn(olga);
    // tab from the top: the skip link first, then the menu
    page.keyboard().press("Tab");
    assertThat(page.locator(":focus")).hasText("К содержимому");
    Locator own = page.locator("[data-column=pending] .task-card").filter(new Locator.FilterOptions()
        .setHasText("Hire a second analyst"));
    own.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Начать")).focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("[data-column=progress] .task-card").filter(new Locator.FilterOptions()
        .setHasText("Hire a second analyst"))).isVisible();
    // the keyboard stays on the card that moved
    assertThat(page.locator(":focus")).hasText("Hire a second analyst");
    shot(page, "18-board-olga-ru");
    page.context().close();
    assertThat(consoleErrors).isEmpty();
  }

  static String status() {
    return server.admin().call("tasks.task.get", Map.of("taskId", taskId)).result().get("task").get("status")
        .asText();
  }
}
