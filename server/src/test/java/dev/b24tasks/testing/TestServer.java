package dev.b24tasks.testing;

import dev.b24tasks.App;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.MethodRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on free ports and a database of its own, for one test class:
 * {@code @RegisterExtension static TestServer server = new TestServer();}. The administrator (user 1) calls
 * through the webhook {@code 1:testcode}, which has every scope.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
  public static final String ADMIN_CODE = "testcode";

  private final Consumer<Settings> customizer;
  private final Consumer<MethodRegistry> methods;
  private App app;
  private String databaseUrl;

  public TestServer() {
    this(s -> {});
  }

  /** A server whose settings the test adjusts (language, limits, HTTPS…). */
  public TestServer(Consumer<Settings> customizer) {
    this(customizer, registry -> {});
  }

  /** A server with test-only methods registered beside the real ones (echo, failing, scoped probes). */
  public TestServer(Consumer<Settings> customizer, Consumer<MethodRegistry> methods) {
    this.customizer = customizer;
    this.methods = methods;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  public void start() {
    databaseUrl = TestPostgres.newDatabase();
    Settings s = nodeSettings(databaseUrl);
    s.databasePoolSize = 8;
    customizer.accept(s);
    app = App.start(s, methods);
  }

  public void stop() {
    if (app != null) app.close();
    app = null;
    if (databaseUrl != null) TestPostgres.dropDatabase(databaseUrl);
  }

  /** Settings of one more node on {@code databaseUrl}: free HTTP port, no HTTPS, no rate limit, a temp data folder. */
  public static Settings nodeSettings(String databaseUrl) {
    Settings s = new Settings();
    try {
      s.dataDir = Files.createTempDirectory("b24-tasks-node");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s.port = 0;
    s.tlsPort = -1;
    s.webhook = "1:" + ADMIN_CODE;
    s.rateLimit = "off";
    s.announce = false;
    s.databaseUrl = databaseUrl;
    s.databasePoolSize = 4;
    return s;
  }

  /** A second node serving this server's database (close it when done), as another process would. */
  public App secondNode() {
    return App.start(nodeSettings(databaseUrl));
  }

  public App app() {
    return app;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A client calling as the administrator's webhook. */
  public RestClient admin() {
    return new RestClient(baseUrl(), 1, ADMIN_CODE);
  }

  /** A client calling as {@code userId} through the webhook {@code code}. */
  public RestClient as(long userId, String code) {
    return new RestClient(baseUrl(), userId, code);
  }
}
