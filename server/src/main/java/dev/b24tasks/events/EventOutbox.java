package dev.b24tasks.events;

import dev.b24tasks.rest.CallContext;
import dev.b24tasks.rest.Json;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes fired events to the outbox (and the offline queue) inside the transaction of the change that fires them:
 * a rolled-back change leaves no row, a committed one always has its rows. {@code pg_notify} (delivered by
 * PostgreSQL only on commit) wakes the delivery workers of every node.
 */
final class EventOutbox {
  /** CRestUtil::HANDLER_SESSION_TTL of current builds (older ones: 3): how deep handler call-backs may chain. */
  static final int SESSION_TTL = 7;
  static final String CHANNEL = "b24tasks_events";

  private final Database db;
  private final Apps apps;
  private final Clock clock;

  EventOutbox(Database db, Apps apps, Clock clock) {
    this.db = db;
    this.apps = apps;
    this.clock = clock;
  }

  private record Handler(long id, long appId, String url, long userId, String connector, boolean offline,
      Integer minTimeout, String outgoingToken) {}

  /** Fires {@code name} to every handler bound for it. */
  void fire(String name, Map<String, Object> data, long actingUser) {
    fire(name, data, actingUser, 0);
  }

  /**
   * Fires {@code name}; {@code onlyApp} > 0 keeps it to that application's handlers (ONAPPTEST, ONAPPINSTALL,
   * ONAPPUNINSTALL reach only the app's own).
   */
  void fire(String name, Map<String, Object> data, long actingUser, long onlyApp) {
    CallContext ctx = CallContext.current();
    db.tx(tx -> {
      int levels = levels(tx, ctx);
      if (levels <= 0) return null; // Event\Session: the call-back chain is as deep as it may go
      List<Handler> handlers = tx.query("SELECT h.id, h.app_id, h.handler, h.user_id, h.connector_id, h.offline,"
          + " h.min_timeout, o.application_token FROM event_handlers h LEFT JOIN outgoing_webhooks o"
          + " ON o.id = h.outgoing_id WHERE h.event_name = ?" + (onlyApp > 0 ? " AND h.app_id = ?" : "")
          + " ORDER BY h.id", rs -> new Handler(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
              rs.getString(5), rs.getBoolean(6), (Integer) rs.getObject(7), rs.getString(8)),
          onlyApp > 0 ? new Object[] {name, onlyApp} : new Object[] {name});
      if (handlers.isEmpty()) return null;
      Map<Long, Optional<Apps.App>> appsById = new HashMap<>();
      Instant now = clock.instant();
      String json = new String(Json.write(data), StandardCharsets.UTF_8);
      String messageId = md5(name + "|" + json);
      boolean queued = false;
      for (Handler h : handlers) {
        String token = h.outgoingToken();
        if (h.appId() > 0) {
          Optional<Apps.App> app = appsById.computeIfAbsent(h.appId(), apps::app);
          // events are not sent to an app before its installation is finished; ONAPPUNINSTALL is sent after
          if (app.isEmpty() || (!app.get().installed() && !EventCatalogue.ONAPPUNINSTALL.equals(name))) continue;
          token = app.get().applicationToken();
        }
        if (h.offline()) {
          if (queueOffline(tx, ctx, h, name, json, messageId, actingUser, now)) {
            queued |= notifyOffline(tx, ctx, h.appId(), actingUser, levels, now);
          }
          continue;
        }
        long authUser = h.userId() > 0 ? h.userId() : actingUser;
        boolean tokens = h.appId() > 0 && !EventCatalogue.WITHOUT_TOKENS.contains(name);
        insert(tx, name, h.id(), h.url(), h.appId(), authUser, tokens, token, levels - 1, json, now,
            ctx == null ? null : ctx.hitId() + "|" + h.id() + "|" + messageId);
        queued = true;
      }
      if (queued) tx.queryOne("SELECT pg_notify(?, '')", rs -> true, CHANNEL);
      return null;
    });
  }

  static void insert(Tx tx, String name, long handlerId, String url, long appId, long authUser, boolean tokens,
      String applicationToken, int ttl, String json, Instant now, String mergeKey) throws SQLException {
    tx.update("INSERT INTO event_outbox (event_id, event_name, handler_id, handler, app_id, auth_user_id, send_tokens,"
        + " application_token, session_ttl, data, created_at, next_attempt_at, merge_key)"
        + " SELECT nextval('event_ids'), ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?"
        // a twin of this hit may already be delivered (a batch's commands commit one by one)
        + " WHERE NOT EXISTS (SELECT 1 FROM event_deliveries WHERE merge_key = ?)"
        + " ON CONFLICT (merge_key) DO NOTHING",
        name, handlerId, url, appId, authUser, tokens, applicationToken, ttl, json, now, now, mergeKey, mergeKey);
  }

  /** How many more levels of handler call-backs may fire events: a fresh hit has all of them. */
  private static int levels(Tx tx, CallContext ctx) throws SQLException {
    if (ctx == null || ctx.tokenHash() == null) return SESSION_TTL;
    return tx.queryOne("SELECT ttl FROM event_sessions WHERE token_hash = ?", rs -> rs.getInt(1), ctx.tokenHash())
        .orElse(SESSION_TTL);
  }

  /**
   * ProviderOffline: merged into an unreserved row with the same MESSAGE_ID ("1000 edits give one record"), and
   * never queued for the app whose own call (with the same auth_connector) made the change. True when queued.
   */
  private static boolean queueOffline(Tx tx, CallContext ctx, Handler h, String name, String json, String messageId,
      long actingUser, Instant now) throws SQLException {
    if (ctx != null && ctx.caller().appId() == h.appId() && ctx.authConnector().equals(h.connector())) return false;
    String additional = new String(Json.write(Map.of("user_id", Long.toString(actingUser))), StandardCharsets.UTF_8);
    tx.update("INSERT INTO event_offline (timestamp_x, message_id, app_id, event_name, event_data, event_additional,"
        + " process_id, connector_id) VALUES (?, ?, ?, ?, ?::json, ?::json, '', ?)"
        + " ON CONFLICT (app_id, connector_id, message_id, process_id) DO UPDATE"
        + " SET timestamp_x = excluded.timestamp_x, event_data = excluded.event_data,"
        + " event_additional = excluded.event_additional",
        now, messageId, h.appId(), name, json, additional, h.connector());
    return true;
  }

  /** ONOFFLINEEVENT to the app's online handlers for it, at most once per {@code minTimeout} seconds each. */
  private boolean notifyOffline(Tx tx, CallContext ctx, long appId, long actingUser, int levels, Instant now)
      throws SQLException {
    boolean queued = false;
    List<Handler> notified = tx.query("SELECT id, app_id, handler, user_id, connector_id, offline, min_timeout"
        + " FROM event_handlers WHERE app_id = ? AND event_name = ? AND NOT offline ORDER BY id",
        rs -> new Handler(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), false,
            (Integer) rs.getObject(7), null), appId, EventCatalogue.ONOFFLINEEVENT);
    Optional<Apps.App> app = notified.isEmpty() ? Optional.empty() : apps.app(appId);
    for (Handler h : notified) {
      int timeout = h.minTimeout() == null ? 1 : h.minTimeout();
      String mergeKey = ctx == null ? null : ctx.hitId() + "|" + h.id() + "|offline";
      if (timeout > 0) {
        int due = tx.update("UPDATE event_handlers SET last_notified_at = ? WHERE id = ?"
            + " AND (last_notified_at IS NULL OR last_notified_at <= ?)", now, h.id(), now.minusSeconds(timeout));
        if (due == 0) continue;
      }
      long authUser = h.userId() > 0 ? h.userId() : actingUser;
      insert(tx, EventCatalogue.ONOFFLINEEVENT, h.id(), h.url(), appId, authUser, true,
          app.map(Apps.App::applicationToken).orElse(null), levels - 1, "[]", now, mergeKey);
      queued = true;
    }
    return queued;
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
