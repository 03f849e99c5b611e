package dev.b24tasks.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Secrets;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Json;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox, on every node: each worker claims a few due rows ({@code FOR UPDATE SKIP LOCKED}, so no two
 * nodes take the same row), POSTs them to their handlers in the portal's wire format, logs every attempt and
 * deletes the row in the same transaction. A node killed mid-way never commits that transaction, so its rows are
 * delivered again by whoever claims them next: at least once. Workers wake on {@code pg_notify} from any node's
 * commit and look every half second for rows whose retry is due.
 */
final class EventDelivery implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
  static final String USER_AGENT = "Bitrix24 Webhook Engine";
  private static final int WORKERS = 2;
  private static final int BATCH = 16;
  private static final int ANSWER_BYTES = 512;
  private static final Duration IDLE_POLL = Duration.ofMillis(500);
  /** Which process delivered, for the log: pid@host. */
  static final String NODE = ProcessHandle.current().pid() + "@" + host();

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  private final Database db;
  private final Apps apps;
  private final Clock clock;
  private final Settings settings;
  private final EventMetrics metrics;
  private final HttpClient http;
  private final Duration timeout;
  private final LinkedBlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();
  private final ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private volatile Connection listening;

  EventDelivery(Database db, Apps apps, Clock clock, Settings settings, EventMetrics metrics) {
    this.db = db;
    this.apps = apps;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.timeout = Duration.ofMillis(Math.max(1, (long) (settings.eventTimeoutSeconds * 1000)));
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).executor(posts).build();
  }

  void start() {
    running = true;
    threads.add(Thread.ofPlatform().daemon().name("b24-events-listen").start(this::listen));
    for (int i = 0; i < WORKERS; i++) {
      int n = i;
      threads.add(Thread.ofPlatform().daemon().name("b24-events-" + i).start(() -> work(n == 0)));
    }
  }

  /** Wakes the local workers (a redelivery, a test). */
  void poke() {
    for (int i = 0; i < WORKERS; i++) wake.offer(Boolean.TRUE);
  }

  private void listen() {
    while (running) {
      try (Connection c = db.connection()) {
        listening = c;
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + EventOutbox.CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          var got = pg.getNotifications(1000);
          if (got != null && got.length > 0) poke();
        }
      } catch (SQLException | RuntimeException e) {
        if (!running || db.isClosed()) return;
        log.debug("Event notifications lost their connection: {}", e.getMessage());
        pause(Duration.ofSeconds(1));
      } finally {
        listening = null;
      }
    }
  }

  private void work(boolean housekeeper) {
    Instant lastHousekeeping = Instant.EPOCH;
    while (running) {
      try {
        int n = deliverOnce();
        if (housekeeper && Duration.between(lastHousekeeping, clock.instant()).abs().toMinutes() >= 1) {
          housekeeping();
          lastHousekeeping = clock.instant();
        }
        if (n < BATCH) wake.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running || db.isClosed()) return;
        log.warn("Event delivery failed: {}", e.toString());
        pause(Duration.ofSeconds(1));
      }
    }
  }

  /** One row as claimed. */
  record Row(long id, long eventId, String name, long handlerId, String url, long appId, long authUser,
      boolean tokens, String applicationToken, int ttl, String data, Instant createdAt, int attempts,
      String mergeKey) {}

  /** What came of one POST. */
  record Result(Row row, Integer status, long millis, String answer, String error, boolean skipped) {
    boolean ok() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /** Claims up to a batch of due rows, delivers them, logs and settles them; returns how many it claimed. */
  int deliverOnce() {
    return db.tx(tx -> {
      Instant now = clock.instant();
      List<Row> rows = tx.query("SELECT id, event_id, event_name, handler_id, handler, app_id, auth_user_id,"
          + " send_tokens, application_token, session_ttl, data::text, created_at, attempts, merge_key FROM event_outbox"
          + " WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
          rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
              rs.getLong(7), rs.getBoolean(8), rs.getString(9), rs.getInt(10), rs.getString(11),
              Sql.instant(rs, "created_at"), rs.getInt(13), rs.getString(14)), now);
      if (rows.isEmpty()) return 0;
      // Tokens are issued in transactions of their own (other threads), committed before the handler can use them.
      List<Future<Result>> sent = new ArrayList<>();
      for (Row r : rows) sent.add(posts.submit(() -> post(r)));
      for (Future<Result> f : sent) settle(tx, join(f));
      return rows.size();
    });
  }

  private static Result join(Future<Result> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering events", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private Result post(Row r) {
    long start = System.nanoTime();
    String body;
    try {
      Map<String, Object> auth = auth(r);
      if (auth == null) return new Result(r, null, 0, "", "the application is not installed", true);
      body = PhpForm.encode(wire(r, auth));
    } catch (RuntimeException e) {
      log.warn("Cannot prepare event {} for handler {}: {}", r.eventId(), r.handlerId(), e.toString());
      return new Result(r, null, 0, "", "cannot prepare the auth block: " + e.getMessage(), false);
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(r.url())).timeout(timeout)
          .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", USER_AGENT)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String answer;
      try (InputStream in = response.body()) {
        answer = new String(in.readNBytes(ANSWER_BYTES), StandardCharsets.UTF_8);
      }
      return new Result(r, response.statusCode(), millisSince(start), answer, null, false);
    } catch (IOException | IllegalArgumentException e) {
      return new Result(r, null, millisSince(start), "", e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(r, null, millisSince(start), "", "interrupted", false);
    }
  }

  /** The body's keys in the portal's order: event, event_handler_id, data, ts, auth. */
  static Map<String, Object> wire(Row r, Map<String, Object> auth) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", r.name());
    body.put("event_handler_id", r.handlerId());
    body.put("data", json(r.data()));
    body.put("ts", r.createdAt().getEpochSecond());
    body.put("auth", auth);
    return body;
  }

  /** Stored JSON (the outbox's own writing) as a tree. */
  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored JSON", e);
    }
  }

  /** The auth block, or null when an app's event finds the app uninstalled (it is then dropped). */
  private Map<String, Object> auth(Row r) {
    if (r.appId() > 0 && !EventCatalogue.ONAPPUNINSTALL.equals(r.name())) {
      var app = apps.app(r.appId());
      if (app.isEmpty() || !app.get().installed()) return null;
    }
    Map<String, Object> auth;
    if (r.tokens() && r.authUser() > 0) {
      auth = new LinkedHashMap<>(apps.authBlock(r.appId(), r.authUser()));
      if (!EventCatalogue.WITH_REFRESH_TOKEN.contains(r.name())) auth.remove("refresh_token");
      Object token = auth.get("access_token");
      if (token != null) remember(token.toString(), r.ttl());
    } else {
      auth = new LinkedHashMap<>(apps.portal());
    }
    if (r.applicationToken() != null) auth.put("application_token", r.applicationToken());
    return auth;
  }

  /** Event\Session: calls made with this token may fire events only {@code ttl} more levels deep. */
  private void remember(String accessToken, int ttl) {
    db.tx(tx -> tx.update("INSERT INTO event_sessions (token_hash, ttl, created_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (token_hash) DO UPDATE SET ttl = excluded.ttl, created_at = excluded.created_at",
        Secrets.hashHex(accessToken), ttl, clock.instant()));
  }

  private void settle(Tx tx, Result res) throws SQLException {
    Row r = res.row();
    Instant now = clock.instant();
    int attempt = r.attempts() + 1;
    String outcome;
    if (res.skipped()) {
      outcome = "skipped";
    } else if (res.ok()) {
      outcome = "delivered";
      metrics.delivered.increment();
      metrics.lag.record(Duration.between(r.createdAt(), now).abs());
    } else if (attempt <= settings.eventRetries) {
      outcome = "retry";
      metrics.retried.increment();
    } else {
      outcome = "failed";
      metrics.failed.increment();
    }
    if (!res.skipped()) metrics.duration.record(Duration.ofMillis(res.millis()));
    tx.update("INSERT INTO event_deliveries (event_id, event_name, handler_id, handler, app_id, auth_user_id, data,"
        + " enqueued_at, attempted_at, attempt, http_status, duration_ms, answer, error, outcome, node, merge_key)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.eventId(), r.name(), r.handlerId(),
        r.url(), r.appId(), r.authUser(), r.data(), r.createdAt(), now, attempt, res.status(),
        (int) Math.min(res.millis(), Integer.MAX_VALUE), res.answer().replace("\u0000", ""), res.error(), outcome,
        NODE, r.mergeKey());
    if (outcome.equals("retry")) {
      tx.updateOne("UPDATE event_outbox SET attempts = ?, next_attempt_at = ? WHERE id = ?", attempt,
          now.plus(backoff(attempt)), r.id());
    } else {
      tx.updateOne("DELETE FROM event_outbox WHERE id = ?", r.id());
    }
  }

  /** 1 s, 2 s, 4 s, … at most 5 minutes. */
  static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempt - 1, 20)));
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void housekeeping() {
    Instant now = clock.instant();
    db.tx(tx -> {
      tx.update("DELETE FROM event_deliveries WHERE attempted_at < ?", now.minus(Duration.ofDays(settings.eventLogDays)));
      tx.update("DELETE FROM event_sessions WHERE created_at < ?", now.minus(Duration.ofDays(1)));
      return null;
    });
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : threads) t.interrupt();
    Connection c = listening;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    posts.shutdownNow();
  }
}
