package dev.b24tasks.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Everything a server process is started with. Filled from the command line, the environment and the config
 * file by {@code b24-tasks serve}; tests set the fields directly. Read-only once the server has started.
 */
public final class Settings {
  /** Data folder: the embedded PostgreSQL, the TLS certificate, the config file. */
  public Path dataDir = Path.of("data");
  public String host = "127.0.0.1";
  /** HTTP port; 0 picks a free one. */
  public int port = 8080;
  /** HTTPS port; 0 picks a free one, -1 switches HTTPS off. */
  public int tlsPort = 8443;
  /** "USER_ID:CODE" of a webhook to create (or keep) on start, for scripts and CI; null for a random one. */
  public String webhook;
  /** Portal language of error descriptions: en or ru. */
  public String language = "en";
  /** off, standard (2/s, burst 50) or enterprise (5/s, burst 250). */
  public String rateLimit = "standard";
  /**
   * Where rate-limit buckets live: memory (this process), postgres (shared by every node on the database) or auto
   * (postgres when {@link #databaseUrl} is set, memory for the embedded store, which only one node can use).
   */
  public String rateLimitStore = "auto";
  /** JDBC URL of an external PostgreSQL; null runs the embedded one in {@link #dataDir}. */
  public String databaseUrl;
  public String databaseUser;
  public String databasePassword;
  public int databasePoolSize = 16;
  /** Portal default time zone: task dates are rendered in the caller's zone, or this one. */
  public ZoneId timeZone = ZoneId.systemDefault();
  /** Largest request body accepted, in bytes. */
  public long maxBodyBytes = 8L * 1024 * 1024;
  /** Largest file Drive accepts (disk.*.uploadfile, upload.json); 413 beyond. */
  public long maxFileBytes = 100L * 1024 * 1024;
  /**
   * Per-method operating-time budget over a 10-minute window, in seconds; 0 switches the limit off (the
   * on-premise default). Cloud portals use 480.
   */
  public double operatingLimitSeconds = 0;
  /**
   * Older portals (before the February 2026 "V2" task path) let a transition that changes nothing succeed
   * silently; current ones refuse it. False follows the current behaviour.
   */
  public boolean noopTransitionsSucceed = false;
  /**
   * Failed authentications one client address may make in a burst (drained at one a second) before it is
   * answered 503 QUERY_LIMIT_EXCEEDED; 0 switches the throttle off.
   */
  public int authFailureBurst = 20;
  /**
   * Longest a single SQL statement may run, in milliseconds (PostgreSQL's statement_timeout); a call whose statement
   * runs longer answers 503 and writes nothing. 0 switches the limit off.
   */
  public long statementTimeoutMillis = 30_000;
  /**
   * How often a failed event delivery is tried again, with exponential backoff; 0 (the portal's behaviour) never
   * retries.
   */
  public int eventRetries = 0;
  /** How long a handler may take to answer an event POST, in seconds. */
  public double eventTimeoutSeconds = 10;
  /** How long the delivery log keeps its rows, in days. */
  public int eventLogDays = 7;
  /**
   * Real time, underneath the portal clock (which every component reads: token expiry, limits, task dates);
   * tests may hold it still.
   */
  public Clock clock = Clock.systemUTC();
  /** {@code serve --clock}: {@code fixed:<ISO date-time>}, {@code offset:<seconds or ISO duration>}, {@code real}; null keeps the stored one. */
  public String clockSpec;
  /** The request journal: on, how many entries at most, how old at most (seconds). */
  public boolean journal = true;
  public int journalSize = 10_000;
  public long journalMaxAgeSeconds = 86_400;
  /**
   * Wraps the connection pool as every transaction sees it; the identity in production. Tests install a counting
   * wrapper here to prove how many statements and pool checkouts each call costs.
   */
  public UnaryOperator<DataSource> dataSourceWrapper = UnaryOperator.identity();
  /**
   * OAuth dev sign-in: the user {@code /oauth/authorize/} signs in and agrees as, without a form (this server has
   * no login page yet). Null (the default) refuses authorization requests with a page that says how to set it.
   */
  public Long oauthDevUser;
  /**
   * Refresh tokens are single-use (the older docs: a used one is invalid, chains must not branch); false keeps
   * a used refresh token valid until it expires, as the OAuth server's stateless signed tokens do.
   */
  public boolean oauthRefreshSingleUse = true;
  /**
   * HTTPS port of a listener that answers as the public OAuth server ({@code oauth.bitrix.info},
   * {@code oauth.bitrix24.tech}: its own certificate names them), for clients that hard-code that host; -1 off.
   */
  public int oauthTlsPort = -1;
  /** Lifetime of refresh tokens in days (current docs: 180; older docs 28, the 2017 OAuth server 30). */
  public int oauthRefreshDays = 180;
  /** Print the webhook URLs and other start-up facts to standard output. */
  public boolean announce = true;
}
