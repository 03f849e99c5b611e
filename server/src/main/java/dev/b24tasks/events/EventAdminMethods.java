package dev.b24tasks.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrator's view of event delivery (scope {@code b24tasks}): {@code b24tasks.event.log},
 * {@code b24tasks.event.redeliver} and {@code b24tasks.outgoing.add|list|delete}.
 */
final class EventAdminMethods {
  private final Database db;
  private final Directory directory;
  private final Apps apps;
  private final OutgoingWebhooks outgoing;
  private final Clock clock;
  private final ZoneId zone;
  private final Runnable poke;

  EventAdminMethods(Database db, Directory directory, Apps apps, OutgoingWebhooks outgoing, Clock clock, ZoneId zone,
      Runnable poke) {
    this.db = db;
    this.directory = directory;
    this.apps = apps;
    this.outgoing = outgoing;
    this.clock = clock;
    this.zone = zone;
    this.poke = poke;
  }

  void register(MethodRegistry r) {
    r.named("b24tasks.event.log", "b24tasks", this::log);
    r.named("b24tasks.event.redeliver", "b24tasks", this::redeliver);
    r.named("b24tasks.outgoing.add", "b24tasks", this::add);
    r.namedRead("b24tasks.outgoing.list", "b24tasks", this::list);
    r.named("b24tasks.outgoing.delete", "b24tasks", this::delete);
  }

  private void admin(Call call) {
    if (!directory.isAdmin(call.userId())) throw RestException.of(RestError.ACCESS_DENIED);
  }

  private String iso(Instant i) {
    return i == null ? null : Wire.date(i, zone);
  }

  /** The newest attempts first; filters {@code eventId}, {@code handlerId}, {@code event}, {@code outcome}; limit. */
  Object log(Call call) {
    admin(call);
    Params p = call.params();
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (p.optLong("eventId").isPresent()) {
      where.append(" AND event_id = ?");
      args.add(p.optLong("eventId").getAsLong());
    }
    if (p.optLong("handlerId").isPresent()) {
      where.append(" AND handler_id = ?");
      args.add(p.optLong("handlerId").getAsLong());
    }
    p.optString("event").filter(s -> !s.isBlank()).ifPresent(s -> {
      where.append(" AND event_name = ?");
      args.add(s.trim().toUpperCase(java.util.Locale.ROOT));
    });
    p.optString("outcome").filter(s -> !s.isBlank()).ifPresent(s -> {
      where.append(" AND outcome = ?");
      args.add(s.trim());
    });
    long limit = Math.max(1, Math.min(500, p.optLong("limit").orElse(50)));
    return db.read(tx -> tx.query("SELECT id, event_id, event_name, handler_id, handler, app_id, auth_user_id,"
        + " data::text AS data, enqueued_at, attempted_at, attempt, http_status, duration_ms, answer, error, outcome, node"
        + " FROM event_deliveries" + where + " ORDER BY id DESC LIMIT " + limit, rs -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong("id"));
          m.put("eventId", rs.getLong("event_id"));
          m.put("event", rs.getString("event_name"));
          m.put("handlerId", rs.getLong("handler_id"));
          m.put("handler", rs.getString("handler"));
          m.put("appId", rs.getLong("app_id"));
          m.put("userId", rs.getLong("auth_user_id"));
          m.put("data", EventDelivery.json(rs.getString("data")));
          m.put("enqueuedAt", iso(Sql.instant(rs, "enqueued_at")));
          m.put("attemptedAt", iso(Sql.instant(rs, "attempted_at")));
          m.put("attempt", rs.getInt("attempt"));
          m.put("httpStatus", rs.getObject("http_status"));
          m.put("durationMs", rs.getInt("duration_ms"));
          m.put("answer", rs.getString("answer"));
          m.put("error", rs.getString("error"));
          m.put("outcome", rs.getString("outcome"));
          m.put("node", rs.getString("node"));
          return m;
        }, args.toArray()));
  }

  /** Queues an event from the log again, to the same handler with the same data; the attempt count goes on. */
  Object redeliver(Call call) {
    admin(call);
    long eventId = call.params().requireLong("eventId");
    Object queued = db.tx(tx -> {
      Optional<Object[]> last = tx.queryOne("SELECT event_name, handler_id, handler, app_id, auth_user_id, data::text,"
          + " (SELECT max(attempt) FROM event_deliveries x WHERE x.event_id = d.event_id AND x.handler_id = d.handler_id)"
          + " FROM event_deliveries d WHERE event_id = ? ORDER BY id DESC LIMIT 1",
          rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
              rs.getString(6), rs.getInt(7)}, eventId);
      if (last.isEmpty()) {
        throw RestException.literal("ERROR_NOT_FOUND", 400, "No delivery of event " + eventId + " in the log");
      }
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
      return Map.of("eventId", eventId, "queued", true);
    });
    poke.run();
    return queued;
  }

  private Map<String, Object> view(OutgoingWebhooks.Outgoing o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("url", o.url());
    m.put("events", o.events());
    m.put("applicationToken", o.applicationToken());
    m.put("title", o.title());
    m.put("createdAt", iso(o.createdAt()));
    return m;
  }

  /** {@code url}, {@code events} (array or comma list), {@code title}. */
  Object add(Call call) {
    admin(call);
    Params p = call.params();
    String url = p.optString("url").map(String::trim).orElse("");
    if (url.isEmpty()) throw EventErrors.argument("Argument 'URL' is null or empty");
    JsonNode ev = p.get("events");
    List<String> events = new ArrayList<>();
    if (ev != null && Params.isArrayLike(ev)) {
      for (JsonNode e : Params.values(ev)) events.add(e.asText());
    } else if (ev != null && !ev.isNull()) {
      events.addAll(List.of(ev.asText().split(",")));
    }
    return view(outgoing.create(url, events, p.optString("title").orElse(null)));
  }

  Object list(Call call) {
    admin(call);
    return outgoing.list().stream().map(this::view).toList();
  }

  Object delete(Call call) {
    admin(call);
    long id = call.params().requireLong("id");
    if (!outgoing.delete(id)) {
      throw RestException.literal("ERROR_NOT_FOUND", 400, "No outgoing webhook " + id);
    }
    return true;
  }
}
