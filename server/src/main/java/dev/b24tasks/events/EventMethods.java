package dev.b24tasks.events;

import static dev.b24tasks.events.EventErrors.argument;
import static dev.b24tasks.events.EventErrors.denied;
import static dev.b24tasks.events.EventErrors.keys;
import static dev.b24tasks.events.EventErrors.requireApp;
import static dev.b24tasks.events.EventErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.CallContext;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code event.bind}, {@code event.unbind}, {@code event.get}, {@code events}, {@code event.test} (scope basic). */
final class EventMethods {
  private final Database db;
  private final Directory directory;
  private final Apps apps;
  private final EventOutbox outbox;
  private final Clock clock;

  EventMethods(Database db, Directory directory, Apps apps, EventOutbox outbox, Clock clock) {
    this.db = db;
    this.directory = directory;
    this.apps = apps;
    this.outbox = outbox;
    this.clock = clock;
  }

  void register(MethodRegistry r) {
    r.named("event.bind", "basic", this::bind);
    r.named("event.unbind", "basic", this::unbind);
    r.namedRead("event.get", "basic", this::get);
    r.named("events", "basic", this::events);
    r.named("event.test", "basic", this::test);
  }

  private Set<String> appScopes(Caller c) {
    return apps.app(c.appId()).map(Apps.App::scopes).orElse(c.scopes());
  }

  private static String connector() {
    CallContext ctx = CallContext.current();
    return ctx == null ? "" : ctx.authConnector();
  }

  /** Checks in the order of api/event.php: auth type, AUTH_TYPE, EVENT, EVENT_TYPE, offline admin, HANDLER, URL, scope. */
  Object bind(Call call) {
    Caller c = requireApp(call);
    Map<String, JsonNode> q = keys(call, true);
    boolean admin = directory.isAdmin(c.userId());
    long authType = q.containsKey("AUTH_TYPE") ? Params.phpInt(q.get("AUTH_TYPE")) : 0;
    if (authType > 0 && authType != c.userId() && !admin) {
      throw denied("Event binding with AUTH_TYPE requires administrator access rights");
    }
    long userId = authType > 0 ? authType : admin ? 0 : c.userId();
    String event = text(q.get("EVENT")).toUpperCase(Locale.ROOT);
    if (event.isEmpty()) throw argument("Argument 'EVENT' is null or empty");
    boolean offline = offline(q);
    if (offline && !admin) throw denied("Offline events binding requires administrator access rights");
    String handler = "";
    if (offline) {
      userId = 0;
    } else {
      handler = text(q.get("HANDLER"));
      if (handler.isEmpty()) throw argument("Argument 'HANDLER' is null or empty");
      EventErrors.checkHandlerUrl(handler);
    }
    if (!EventCatalogue.forScopes(appScopes(c)).contains(event)) throw EventErrors.eventNotFound();
    if (offline && event.equals(EventCatalogue.ONOFFLINEEVENT)) {
      throw argument("Offline event cannot be registered for this event.");
    }
    Integer minTimeout = null;
    JsonNode options = q.get("OPTIONS");
    if (event.equals(EventCatalogue.ONOFFLINEEVENT) && options != null && options.has("minTimeout")) {
      minTimeout = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Params.phpInt(options.get("minTimeout"))));
    }
    long bindUser = userId;
    String theHandler = handler;
    Integer theTimeout = minTimeout;
    int made = db.tx(tx -> tx.update("INSERT INTO event_handlers (app_id, event_name, handler, user_id, connector_id,"
        + " offline, min_timeout, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", c.appId(), event,
        theHandler, bindUser, connector(), offline, theTimeout, clock.instant()));
    if (made == 0) throw EventErrors.core("Unable to set event handler: Handler already binded");
    return true;
  }

  private static boolean offline(Map<String, JsonNode> q) {
    String type = q.containsKey("EVENT_TYPE") ? text(q.get("EVENT_TYPE")).toLowerCase(Locale.ROOT) : "online";
    if (!type.equals("online") && !type.equals("offline")) throw argument("Value must be one of {online|offline}");
    return type.equals("offline");
  }

  Object unbind(Call call) {
    Caller c = requireApp(call);
    Map<String, JsonNode> q = keys(call, true);
    boolean admin = directory.isAdmin(c.userId());
    String event = text(q.get("EVENT")).toUpperCase(Locale.ROOT);
    if (event.isEmpty()) throw argument("Argument 'EVENT' is null or empty");
    boolean offline = offline(q);
    if (offline && !admin) throw denied("Offline events unbinding requires administrator access rights");
    String handler = offline ? "" : text(q.get("HANDLER"));
    if (!offline && handler.isEmpty()) throw argument("Argument 'HANDLER' is null or empty");
    JsonNode authType = q.get("AUTH_TYPE");
    // api/event.php compares with !== intval(user id): only a JSON integer equal to one's own id passes
    if (authType != null && !admin && !(authType.isIntegralNumber() && authType.asLong() == c.userId())) {
      throw denied("Event unbinding with AUTH_TYPE requires administrator access rights");
    }
    StringBuilder sql = new StringBuilder(
        "DELETE FROM event_handlers WHERE app_id = ? AND event_name = ? AND handler = ? AND offline = ?");
    List<Object> args = new ArrayList<>(List.of(c.appId(), event, handler, offline));
    if (offline) {
      sql.append(" AND connector_id = ?");
      args.add(connector());
    } else if (authType != null) {
      sql.append(" AND user_id = ?");
      args.add(Params.phpInt(authType));
    } else if (!admin) {
      sql.append(" AND user_id = ?");
      args.add(c.userId());
    }
    int n = db.tx(tx -> tx.update(sql.toString(), args.toArray()));
    return Map.of("count", n);
  }

  Object get(Call call) {
    Caller c = requireApp(call);
    boolean admin = directory.isAdmin(c.userId());
    return db.read(tx -> tx.query("SELECT event_name, handler, user_id, connector_id, offline FROM event_handlers"
        + " WHERE app_id = ?" + (admin ? "" : " AND user_id = ?") + " ORDER BY id", rs -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("event", rs.getString(1));
          if (rs.getBoolean(5)) {
            item.put("connector_id", rs.getString(4));
            item.put("offline", 1);
          } else {
            item.put("handler", rs.getString(2));
            item.put("auth_type", Long.toString(rs.getLong(3)));
            item.put("offline", 0);
          }
          return item;
        }, admin ? new Object[] {c.appId()} : new Object[] {c.appId(), c.userId()}));
  }

  /** {@code SCOPE} wins over {@code FULL}; by default the app's scopes and the global events. */
  Object events(Call call) {
    Caller c = requireApp(call);
    Map<String, JsonNode> q = keys(call, true);
    if (q.containsKey("SCOPE") && !q.get("SCOPE").isNull()) {
      String scope = text(q.get("SCOPE")).toLowerCase(Locale.ROOT);
      return EventCatalogue.BY_SCOPE.getOrDefault(scope, List.of());
    }
    if (Params.truthy(q.get("FULL"))) return EventCatalogue.all();
    return EventCatalogue.forScopes(appScopes(c));
  }

  /** ONAPPTEST to the app's own handlers, with the call's parameters as QUERY. */
  Object test(Call call) {
    Caller c = requireApp(call);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("QUERY", call.params().root().deepCopy());
    data.put("LANGUAGE_ID", call.language());
    outbox.fire(EventCatalogue.ONAPPTEST, data, c.userId(), c.appId());
    return 1;
  }
}
