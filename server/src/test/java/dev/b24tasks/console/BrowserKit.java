package dev.b24tasks.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium through Playwright for Java (no browser download: the system one), for the console's browser
 * tests: launching it (or skipping, unless {@code B24_BROWSER_REQUIRED=1}), fresh profiles that record console
 * errors and dialogs, signing in, screenshots under {@code target/console-screenshots/}.
 */
final class BrowserKit implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("B24_CHROMIUM", "/usr/bin/chromium"));
  static final Path SHOTS = Path.of("target", "console-screenshots");

  final Playwright playwright;
  final Browser browser;
  final List<String> errors;

  private BrowserKit(Playwright playwright, Browser browser, List<String> errors) {
    this.playwright = playwright;
    this.browser = browser;
    this.errors = errors;
  }

  /** Starts Chromium, or aborts the test class when it is not installed (fails when it must be). */
  static BrowserKit launch(List<String> errors) throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "Chromium is not installed at " + CHROMIUM + " (Debian: apt-get install chromium)";
      if ("1".equals(System.getenv("B24_BROWSER_REQUIRED"))) throw new IllegalStateException(why);
      Assumptions.abort(why + "; the browser tests are skipped");
    }
    Files.createDirectories(SHOTS);
    Playwright playwright = Playwright.create();
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync")));
    return new BrowserKit(playwright, browser, errors);
  }

  /** A fresh profile (nobody signed in) whose console errors, page errors and dialogs are recorded. */
  Page fresh(int width, int height) {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
        .setLocale("en-GB").setTimezoneId("UTC"));
    ctx.setDefaultTimeout(20_000);
    Page page = ctx.newPage();
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) errors.add(m.text());
    });
    page.onPageError(errors::add);
    page.onDialog(d -> {
      errors.add("dialog: " + d.message());
      d.dismiss();
    });
    return page;
  }

  /** Fills and sends the sign-in form the page shows. */
  static void signIn(Page page, String email, String password) {
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
  }

  /** A fresh profile signed in from the console's front door, on the board. */
  Page signedIn(String base, String email, String password, int width, int height) {
    Page page = fresh(width, height);
    page.navigate(base + "/");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/signin.*"));
    signIn(page, email, password);
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/$"));
    return page;
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** True when the page scrolls sideways (it should not, on a phone). */
  static boolean scrollsSideways(Page page) {
    return Boolean.TRUE.equals(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
