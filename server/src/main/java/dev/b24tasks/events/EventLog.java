package dev.b24tasks.events;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The delivery log and the outbox as an administrator reads them ({@code b24tasks.event.log}, the console's
 * event deliveries page): every attempt with its handler, app, HTTP status, error and payload; what still waits
 * in the outbox; and a redelivery of a logged event to the same handler with the same data.
 */
public final class EventLog {
  /** One delivery attempt. {@code data}: the payload's JSON text; {@code httpStatus} null when none came back. */
  public record Delivery(long id, long eventId, String event, long handlerId, String handler, long appId,
      long userId, String data, Instant enqueuedAt, Instant attemptedAt, int attempt, Integer httpStatus,
      int durationMs, String answer, String error, String outcome, String node) {}

  /** An event still in the outbox (not delivered yet, or waiting for its next retry). */
  public record Pending(long id, long eventId, String event, String handler, long appId, int attempts,
      Instant createdAt, Instant nextAttemptAt) {}

  /** Filters of the log; null filters nothing. {@code limit} 1…500. */
  public record Filter(Long eventId, Long handlerId, String event, String outcome, Long appId, int limit) {}

  private final Database db;
  private final Apps apps;
  private final Clock clock;
  private final Runnable poke;

  EventLog(Database db, Apps apps, Clock clock, Runnable poke) {
    this.db = db;
    this.apps = apps;
    this.clock = clock;
    this.poke = poke;
  }

  /** The newest attempts first. */
  public List<Delivery> deliveries(Filter f) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (f.eventId() != null) {
      where.append(" AND event_id = ?");
      args.add(f.eventId());
    }
    if (f.handlerId() != null) {
      where.append(" AND handler_id = ?");
      args.add(f.handlerId());
    }
    if (f.event() != null && !f.event().isBlank()) {
      where.append(" AND event_name = ?");
      args.add(f.event().trim().toUpperCase(Locale.ROOT));
    }
    if (f.outcome() != null && !f.outcome().isBlank()) {
      where.append(" AND outcome = ?");
      args.add(f.outcome().trim());
    }
    if (f.appId() != null) {
      where.append(" AND app_id = ?");
      args.add(f.appId());
    }
    int limit = Math.max(1, Math.min(500, f.limit()));
    return db.read(tx -> tx.query("SELECT id, event_id, event_name, handler_id, handler, app_id, auth_user_id,"
        + " data::text AS data, enqueued_at, attempted_at, attempt, http_status, duration_ms, answer, error, outcome, node"
        + " FROM event_deliveries" + where + " ORDER BY id DESC LIMIT " + limit, EventLog::delivery, args.toArray()));
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(rs.getLong("id"), rs.getLong("event_id"), rs.getString("event_name"), rs.getLong("handler_id"),
        rs.getString("handler"), rs.getLong("app_id"), rs.getLong("auth_user_id"), rs.getString("data"),
        Sql.instant(rs, "enqueued_at"), Sql.instant(rs, "attempted_at"), rs.getInt("attempt"),
        (Integer) rs.getObject("http_status"), rs.getInt("duration_ms"), rs.getString("answer"), rs.getString("error"),
        rs.getString("outcome"), rs.getString("node"));
  }

  /** The outbox, oldest first (at most {@code limit} rows), and how many rows it holds in all. */
  public record Outbox(List<Pending> rows, long total) {}

  public Outbox outbox(int limit) {
    return db.read(tx -> new Outbox(tx.query("SELECT id, event_id, event_name, handler, app_id, attempts, created_at,"
        + " next_attempt_at FROM event_outbox ORDER BY id LIMIT " + Math.max(1, Math.min(500, limit)),
        rs -> new Pending(rs.getLong("id"), rs.getLong("event_id"), rs.getString("event_name"), rs.getString("handler"),
            rs.getLong("app_id"), rs.getInt("attempts"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "next_attempt_at"))), tx.queryLong("SELECT count(*) FROM event_outbox")));
  }

  /**
   * Queues a logged event again, to the same handler with the same data (its latest attempt's); the attempt count
   * goes on. False when the log has no delivery of {@code eventId}.
   */
  public boolean redeliver(long eventId) {
    boolean queued = db.tx(tx -> {
      Optional<Object[]> last = tx.queryOne("SELECT event_name, handler_id, handler, app_id, auth_user_id, data::text,"
          + " (SELECT max(attempt) FROM event_deliveries x WHERE x.event_id = d.event_id AND x.handler_id = d.handler_id)"
          + " FROM event_deliveries d WHERE event_id = ? ORDER BY id DESC LIMIT 1",
          rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
              rs.getString(6), rs.getInt(7)}, eventId);
      if (last.isEmpty()) return false;
      Object[] r = last.get();
      String name = (String) r[0];
      long appId = (Long) r[3];
      String token = appId > 0 ? apps.app(appId).map(Apps.App::applicationToken).orElse(null)
          : tx.queryOne("SELECT o.application_token FROM event_handlers h JOIN outgoing_webhooks o ON o.id ="
              + " h.outgoing_id WHERE h.id = ?", rs -> rs.getString(1), r[1]).orElse(null);
      Instant now = clock.instant();
      tx.update("INSERT INTO event_outbox (event_id, event_name, handler_id, handler, app_id, auth_user_id, send_tokens,"
          + " application_token, session_ttl, data, created_at, next_attempt_at, attempts)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)", eventId, name, r[1], r[2], appId, r[4],
          appId > 0 && !EventCatalogue.WITHOUT_TOKENS.contains(name), token, EventOutbox.SESSION_TTL - 1, r[5], now,
          now, r[6]);
      tx.queryOne("SELECT pg_notify(?, '')", rs -> true, EventOutbox.CHANNEL);
      return true;
    });
    if (queued) poke.run();
    return queued;
  }
}
