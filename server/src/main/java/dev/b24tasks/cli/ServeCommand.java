package dev.b24tasks.cli;

import dev.b24tasks.App;
import dev.b24tasks.config.Logging;
import dev.b24tasks.config.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code b24-tasks serve}: start the server and keep it running until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the server.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin StoreOptions store = new StoreOptions();

  @Option(names = "--host", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "HTTP port. Default: ${DEFAULT-VALUE}")
  int port = 8080;

  @Option(names = "--tls-port", description = "HTTPS port; -1 turns HTTPS off. Default: ${DEFAULT-VALUE}")
  int tlsPort = 8443;

  @Option(names = "--webhook", description = "USER_ID:CODE of a webhook to create (or keep), e.g. 1:abc123")
  String webhook;

  @Option(names = "--language", description = "Language of error descriptions: en or ru. Default: ${DEFAULT-VALUE}")
  String language = "en";

  @Option(names = "--rate-limit", description = "off, standard (2/s, burst 50) or enterprise (5/s, burst 250). "
      + "Default: ${DEFAULT-VALUE}")
  String rateLimit = "standard";

  @Option(names = "--rate-limit-store", description = "Where rate-limit buckets live: memory, postgres (shared by "
      + "all nodes on --database) or auto (postgres with --database, else memory). Default: ${DEFAULT-VALUE}")
  String rateLimitStore = "auto";

  @Option(names = "--operating-limit", description = "Per-method operating-time budget in seconds over 10 minutes "
      + "(429 OPERATION_TIME_LIMIT once spent); 0 turns it off, cloud portals use 480. Default: ${DEFAULT-VALUE}")
  double operatingLimit = 0;

  @Option(names = "--max-body-bytes", description = "Largest request body accepted (413 beyond). Default: ${DEFAULT-VALUE}")
  long maxBodyBytes = 8L * 1024 * 1024;

  @Option(names = "--max-file-bytes", description = "Largest file Drive accepts, uploaded in a call (fileContent, "
      + "also bounded by --max-body-bytes) or streamed to the uploadUrl (413 beyond). Default: ${DEFAULT-VALUE}")
  long maxFileBytes = 100L * 1024 * 1024;

  @Option(names = "--auth-failure-burst", description = "Failed authentications one client address may make in a "
      + "burst (drained at one a second) before it is answered 503 QUERY_LIMIT_EXCEEDED; 0 turns the throttle off. "
      + "Default: ${DEFAULT-VALUE}")
  int authFailureBurst = 20;

  @Option(names = "--statement-timeout", description = "Longest one SQL statement may run, in milliseconds "
      + "(503 OVERLOAD_LIMIT beyond, nothing written); 0 turns it off. Default: ${DEFAULT-VALUE}")
  long statementTimeout = 30_000;

  @Option(names = "--time-zone", description = "Portal time zone, e.g. Europe/Berlin. Default: the machine's")
  String timeZone;

  @Option(names = "--noop-transitions", description = "A status action that changes nothing (approve of a "
      + "completed task): refuse (current Bitrix24) or succeed (portals before February 2026). Default: ${DEFAULT-VALUE}")
  String noopTransitions = "refuse";

  @Option(names = "--clock", description = "The portal clock, for every node: fixed:<ISO date-time> (time stands "
      + "still), offset:<seconds or ISO duration> (real time shifted) or real. Default: what the database holds")
  String clock;

  @Option(names = "--journal", description = "The request journal (b24tasks.journal.list): on or off. "
      + "Default: ${DEFAULT-VALUE}")
  String journal = "on";

  @Option(names = "--journal-size", description = "Entries the journal keeps at most. Default: ${DEFAULT-VALUE}")
  int journalSize = 10_000;

  @Option(names = "--journal-max-age", description = "Seconds the journal keeps an entry at most. "
      + "Default: ${DEFAULT-VALUE}")
  long journalMaxAge = 86_400;

  @Option(names = "--oauth-dev-user", description = "OAuth dev sign-in: /oauth/authorize/ signs in this user "
      + "and agrees without a form (no login page yet). Default: off (authorization requests are refused)")
  Long oauthDevUser;

  @Option(names = "--oauth-tls-port", description = "HTTPS port answering as oauth.bitrix.info / oauth.bitrix24.tech "
      + "(for clients that hard-code the OAuth host: map those names to this machine, e.g. 443). Default: -1 (off)")
  int oauthTlsPort = -1;

  @Option(names = "--oauth-refresh", description = "Refresh tokens: single-use (a used one is invalid, the older "
      + "docs) or reusable until expiry (the OAuth server's stateless tokens). Default: ${DEFAULT-VALUE}")
  String oauthRefresh = "single-use";

  @Option(names = "--oauth-refresh-days", description = "Refresh-token lifetime in days. Default: ${DEFAULT-VALUE}")
  int oauthRefreshDays = 180;
  @Option(names = "--log-level", description = "error, warn, info, debug or trace. Default: ${DEFAULT-VALUE}")
  String logLevel = "info";

  @Option(names = "--log-format", description = "text (one line per event) or json (one JSON object per line, "
      + "for log collectors). Default: ${DEFAULT-VALUE}")
  String logFormat = "text";

  @Option(names = "--event-retries", description = "Tries again a failed event POST this many times (1 s, 2 s, "
      + "4 s... up to 5 min apart); 0, as on a portal, never retries. Default: ${DEFAULT-VALUE}")
  int eventRetries = 0;

  @Option(names = "--event-timeout", description = "Seconds a handler may take to answer an event POST. "
      + "Default: ${DEFAULT-VALUE}")
  double eventTimeout = 10;

  @Option(names = "--event-log-days", description = "Days the event delivery log is kept. Default: ${DEFAULT-VALUE}")
  int eventLogDays = 7;

  @Option(names = "--config", description = "Config file (key=value, keys as the long option names)")
  Path config;

  @Override
  public Integer call() throws Exception {
    Settings s;
    try {
      Logging.configure(logLevel, logFormat);
      s = settings();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      System.err.println("b24-tasks: " + e.getMessage());
      return 1;
    }
    return start(s);
  }

  /** The settings these options describe. */
  Settings settings() {
    Settings s = store.applyTo(new Settings());
    s.host = host;
    s.port = port;
    s.tlsPort = tlsPort;
    s.webhook = webhook;
    s.language = language;
    s.rateLimit = rateLimit;
    s.rateLimitStore = rateLimitStore;
    s.operatingLimitSeconds = operatingLimit;
    s.maxBodyBytes = maxBodyBytes;
    s.maxFileBytes = maxFileBytes;
    s.authFailureBurst = authFailureBurst;
    s.statementTimeoutMillis = statementTimeout;
    if (!noopTransitions.equals("refuse") && !noopTransitions.equals("succeed")) {
      throw new IllegalArgumentException("--noop-transitions must be succeed or refuse, got " + noopTransitions);
    }
    s.noopTransitionsSucceed = noopTransitions.equals("succeed");
    if (!oauthRefresh.equals("single-use") && !oauthRefresh.equals("reusable")) {
      throw new IllegalArgumentException("--oauth-refresh must be single-use or reusable, got " + oauthRefresh);
    }
    s.oauthRefreshSingleUse = oauthRefresh.equals("single-use");
    if (oauthRefreshDays <= 0) throw new IllegalArgumentException("--oauth-refresh-days must be positive");
    s.oauthRefreshDays = oauthRefreshDays;
    s.oauthDevUser = oauthDevUser;
    s.oauthTlsPort = oauthTlsPort;
    if (timeZone != null && !timeZone.isBlank()) s.timeZone = ZoneId.of(timeZone);
    if (clock != null && !clock.isBlank()) {
      dev.b24tasks.portal.PortalClock.parse(clock, java.time.Instant.now()); // a bad --clock stops here, clearly
      s.clockSpec = clock;
    }
    if (!journal.equals("on") && !journal.equals("off")) {
      throw new IllegalArgumentException("--journal must be on or off, got " + journal);
    }
    s.journal = journal.equals("on");
    if (journalSize < 1) throw new IllegalArgumentException("--journal-size must be at least 1, got " + journalSize);
    if (journalMaxAge < 1) throw new IllegalArgumentException("--journal-max-age must be at least 1, got " + journalMaxAge);
    s.journalSize = journalSize;
    s.journalMaxAgeSeconds = journalMaxAge;
    if (eventRetries < 0) throw new IllegalArgumentException("--event-retries must be 0 or more, got " + eventRetries);
    if (!(eventTimeout > 0)) throw new IllegalArgumentException("--event-timeout must be positive, got " + eventTimeout);
    if (eventLogDays < 1) throw new IllegalArgumentException("--event-log-days must be 1 or more, got " + eventLogDays);
    s.eventRetries = eventRetries;
    s.eventTimeoutSeconds = eventTimeout;
    s.eventLogDays = eventLogDays;
    return s;
  }

  private Integer start(Settings s) throws InterruptedException {
    App app;
    try {
      app = App.start(s);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a start-up problem the user can fix (a busy port, a bad option): the message, not a stack trace
      System.err.println("b24-tasks: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "b24-tasks-shutdown"));
    announce(app, System.out);
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** What Bitrix24's inbound-webhook page shows: the URL to call the REST API with, here for HTTP and HTTPS. */
  static void announce(App app, PrintStream out) {
    // made before the first line is printed: whoever reads the banner may stop the server right after it
    String link = app.adminSignInLink();
    String host = "0.0.0.0".equals(app.settings.host) ? "127.0.0.1" : app.settings.host;
    out.println("b24-tasks is serving http://" + host + ":" + app.port() + "/rest/"
        + (app.tlsPort() > 0 ? " and https://" + host + ":" + app.tlsPort() + "/rest/" : ""));
    if (app.webhookUrl(false) != null) {
      out.println("Webhook to call REST API (user " + app.bootstrap().webhookUser() + ", every scope):");
      out.println("  " + app.webhookUrl(false));
      if (app.webhookUrl(true) != null) out.println("  " + app.webhookUrl(true));
    } else {
      out.println("Make a webhook with: b24-tasks webhook create --user 1 --scopes task,user (with the server stopped)");
    }
    out.println("Web console: http://" + host + ":" + app.port() + "/console/");
    if (link != null) {
      out.println("Sign in as the administrator with this one-time link (valid 24 hours), then set a password:");
      out.println("  " + link);
    }
    if (app.certificatePem() != null) {
      out.println("HTTPS uses a self-signed certificate; trust it with e.g. NODE_EXTRA_CA_CERTS="
          + app.certificatePem().toAbsolutePath());
    }
    if (app.oauthTlsPort() > 0) {
      out.println("OAuth server (oauth.bitrix.info, oauth.bitrix24.tech) on https://" + host + ":" + app.oauthTlsPort()
          + "/oauth/token/; map those names to " + host + " and trust " + app.oauthCertificatePem().toAbsolutePath());
    }
  }
}
