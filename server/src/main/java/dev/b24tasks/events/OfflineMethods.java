package dev.b24tasks.events;

import static dev.b24tasks.events.EventErrors.argument;
import static dev.b24tasks.events.EventErrors.keys;
import static dev.b24tasks.events.EventErrors.requireApp;
import static dev.b24tasks.events.EventErrors.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.auth.Secrets;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.CallContext;
import dev.b24tasks.rest.FilterKey;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code event.offline.get|list|clear|error} (eventoffline.php): the app's offline queue, read with a reservation
 * ({@code process_id}) so parallel readers get disjoint rows, cleared or marked erroneous by that reservation.
 */
final class OfflineMethods {
  private static final Map<String, String> GET_FIELDS = Map.of("ID", "id", "TIMESTAMP_X", "timestamp_x",
      "EVENT_NAME", "event_name", "MESSAGE_ID", "message_id");
  private static final Map<String, String> LIST_FIELDS;

  static {
    Map<String, String> m = new LinkedHashMap<>(GET_FIELDS);
    m.put("PROCESS_ID", "process_id");
    m.put("ERROR", "error");
    LIST_FIELDS = Map.copyOf(m);
  }


  private final Database db;
  private final Directory directory;
  private final ZoneId zone;

  OfflineMethods(Database db, Directory directory, ZoneId zone) {
    this.db = db;
    this.directory = directory;
    this.zone = zone;
  }

  void register(MethodRegistry r) {
    r.named("event.offline.get", "basic", this::get);
    r.namedRead("event.offline.list", "basic", this::list);
    r.named("event.offline.clear", "basic", this::clear);
    r.named("event.offline.error", "basic", this::error);
  }

  /** WRONG_AUTH_TYPE first, then administrators only. */
  private Caller admin(Call call) {
    Caller c = requireApp(call);
    if (!directory.isAdmin(c.userId())) throw EventErrors.denied(null);
    return c;
  }

  private static String connector() {
    CallContext ctx = CallContext.current();
    return ctx == null ? "" : ctx.authConnector();
  }

  /** A WHERE fragment and its arguments. */
  private record Where(String sql, List<Object> args) {}

  private Where filter(JsonNode filter, Map<String, String> fields) {
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (filter == null || filter.isNull() || (filter.isTextual() && filter.asText().isEmpty())) {
      return new Where("", args);
    }
    if (!filter.isObject() && !(filter.isArray() && filter.isEmpty())) throw argument("The filter is not an array.");
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      FilterKey key = FilterKey.parse(e.getKey().trim());
      String field = key.field().toUpperCase(Locale.ROOT);
      if (!fields.containsKey(field)) throw argument("Filter field not allowed: " + field);
      String op = key.operation().isEmpty() ? "=" : key.operation();
      // EventOfflineTable: = > < >= <= only, no negation
      if (key.not() || !List.of("=", ">", "<", ">=", "<=").contains(op)) {
        throw argument("Filter operation not allowed: " + key.prefix());
      }
      JsonNode v = e.getValue();
      if (v == null || v.isContainerNode()) throw argument("Filter field not allowed: " + field);
      String column = fields.get(field);
      sql.append(" AND ").append(column).append(' ').append(op).append(" ?");
      args.add(value(field, v));
    }
    return new Where(sql.toString(), args);
  }

  private static Object value(String field, JsonNode v) {
    switch (field) {
      case "ID":
        return Params.phpInt(v);
      case "ERROR":
        return Params.phpInt(v) != 0;
      case "TIMESTAMP_X":
        try {
          return OffsetDateTime.parse(v.asText().trim()).toInstant();
        } catch (DateTimeParseException e) {
          throw argument("Filter value is not a date: TIMESTAMP_X");
        }
      default:
        return v.asText();
    }
  }

  private String order(JsonNode order, Map<String, String> fields, String byDefault) {
    if (order == null || order.isNull() || (order.isTextual() && order.asText().isEmpty())) return byDefault;
    if (!order.isObject() && !(order.isArray() && order.isEmpty())) throw argument("The order is not an array.");
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : order.properties()) {
      String field = e.getKey().trim().toUpperCase(Locale.ROOT);
      if (!fields.containsKey(field)) throw argument("Order field not allowed: " + field);
      String dir = text(e.getValue()).toUpperCase(Locale.ROOT);
      if (!dir.equals("ASC") && !dir.equals("DESC")) throw argument("Order direction should be one of {ASC|DESC}");
      parts.add(fields.get(field) + " " + dir);
    }
    if (parts.isEmpty()) return byDefault;
    parts.add("id ASC");
    return String.join(", ", parts);
  }

  private Map<String, Object> item(ResultSet rs, boolean listing) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(rs.getLong("id")));
    m.put("TIMESTAMP_X", Wire.date(Sql.instant(rs, "timestamp_x"), zone));
    m.put("EVENT_NAME", rs.getString("event_name"));
    m.put("EVENT_DATA", EventDelivery.json(rs.getString("event_data")));
    m.put("EVENT_ADDITIONAL", EventDelivery.json(rs.getString("event_additional")));
    m.put("MESSAGE_ID", rs.getString("message_id"));
    if (listing) {
      m.put("PROCESS_ID", rs.getString("process_id"));
      m.put("ERROR", rs.getBoolean("error") ? "1" : "0");
    }
    return m;
  }

  private static final String COLUMNS = "id, timestamp_x, event_name, event_data::text AS event_data,"
      + " event_additional::text AS event_additional, message_id, process_id, error";

  Object get(Call call) {
    Caller c = admin(call);
    Map<String, JsonNode> q = keys(call, false);
    Where where = filter(q.get("filter"), GET_FIELDS);
    String order = order(q.get("order"), GET_FIELDS, "timestamp_x ASC, id ASC");
    long limit = 50;
    if (q.containsKey("limit")) {
      limit = Params.phpInt(q.get("limit"));
      if (limit <= 0) throw argument("Value must be positive integer");
    }
    boolean clear = !q.containsKey("clear") || Params.phpInt(q.get("clear")) != 0;
    String given = text(q.get("process_id"));
    boolean error = q.containsKey("error") && Params.phpInt(q.get("error")) != 0;
    String process = given.isEmpty() ? Secrets.newCode(32) : given;
    String connector = connector();
    long theLimit = limit;
    List<Map<String, Object>> events = db.tx(tx -> {
      List<Object> args = new ArrayList<>(List.of(process, c.appId(), connector, error));
      args.addAll(where.args());
      args.add(process);
      // markEvents: an atomic reservation, so parallel readers get disjoint sets
      tx.update("UPDATE event_offline SET process_id = ? WHERE id IN (SELECT e.id FROM event_offline e"
          + " WHERE app_id = ? AND connector_id = ? AND process_id = '' AND error = ?" + where.sql()
          + " AND NOT EXISTS (SELECT 1 FROM event_offline x WHERE x.app_id = e.app_id AND x.connector_id ="
          + " e.connector_id AND x.message_id = e.message_id AND x.process_id = ?)"
          + " ORDER BY " + order + " LIMIT " + theLimit + " FOR UPDATE SKIP LOCKED)", args.toArray());
      List<Map<String, Object>> rows = tx.query("SELECT " + COLUMNS + " FROM event_offline WHERE app_id = ?"
          + " AND process_id = ? ORDER BY " + order + " LIMIT " + theLimit, rs -> item(rs, false), c.appId(), process);
      if (clear && !rows.isEmpty()) {
        tx.update("DELETE FROM event_offline WHERE app_id = ? AND process_id = ?", c.appId(), process);
      }
      return rows;
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("process_id", clear && given.isEmpty() ? null : process);
    out.put("events", events);
    return out;
  }

  Object list(Call call) {
    Caller c = admin(call);
    Map<String, JsonNode> q = keys(call, false);
    Where where = filter(q.get("filter"), LIST_FIELDS);
    String order = order(q.get("order"), LIST_FIELDS, "id ASC");
    long start = q.containsKey("start") ? Math.max(0, Params.phpInt(q.get("start"))) : 0;
    List<Object> args = new ArrayList<>(List.of(c.appId(), connector()));
    args.addAll(where.args());
    String base = " FROM event_offline WHERE app_id = ? AND connector_id = ?" + where.sql();
    return db.read(tx -> {
      List<Map<String, Object>> rows = tx.query("SELECT " + COLUMNS + base + " ORDER BY " + order + " LIMIT "
          + Page.SIZE + " OFFSET " + start, rs -> item(rs, true), args.toArray());
      long total = tx.queryLong("SELECT count(*)" + base, args.toArray());
      return Page.of(rows, start, rows.size(), total);
    });
  }

  private static String process(Map<String, JsonNode> q) {
    String process = text(q.get("process_id"));
    if (process.isEmpty()) throw argument("Argument 'PROCESS_ID' is null or empty");
    return process;
  }

  private static List<String> messageIds(JsonNode v) {
    if (v == null || !Params.isArrayLike(v)) throw argument("Value must be array of MESSAGE_ID values");
    List<String> out = new ArrayList<>();
    for (JsonNode m : Params.values(v)) {
      if (m.isContainerNode() || m.asText().length() != 32) throw argument("Value must be array of MESSAGE_ID values");
      out.add(m.asText());
    }
    return out;
  }

  Object clear(Call call) {
    Caller c = admin(call);
    Map<String, JsonNode> q = keys(call, false);
    String process = process(q);
    String sql = "DELETE FROM event_offline WHERE app_id = ? AND process_id = ?";
    Object[] args;
    if (q.containsKey("message_id")) {
      sql += " AND message_id = ANY (?)";
      args = new Object[] {c.appId(), process, messageIds(q.get("message_id")).toArray(String[]::new)};
    } else if (q.containsKey("id")) {
      JsonNode ids = q.get("id");
      if (!Params.isArrayLike(ids)) throw argument("Value must be array of integers");
      List<Long> list = new ArrayList<>();
      for (JsonNode id : Params.values(ids)) {
        var n = Params.asLong(id);
        if (n.isEmpty() || n.getAsLong() <= 0) throw argument("Value must be array of integers");
        list.add(n.getAsLong());
      }
      sql += " AND id = ANY (?)";
      args = new Object[] {c.appId(), process, list};
    } else {
      args = new Object[] {c.appId(), process};
    }
    String theSql = sql;
    db.tx(tx -> tx.update(theSql, args));
    return true;
  }

  /** Other processes' copies go, this batch's rows become ERROR=1 and unreserved, duplicates are removed. */
  Object error(Call call) {
    Caller c = admin(call);
    Map<String, JsonNode> q = keys(call, false);
    String process = process(q);
    List<String> ids = messageIds(q.get("message_id"));
    if (ids.isEmpty()) return true;
    String[] messages = ids.toArray(String[]::new);
    String connector = connector();
    db.tx(tx -> {
      tx.update("DELETE FROM event_offline WHERE app_id = ? AND connector_id = ? AND message_id = ANY (?)"
          + " AND NOT error AND process_id <> ?", c.appId(), connector, messages, process);
      tx.update("DELETE FROM event_offline WHERE app_id = ? AND connector_id = ? AND message_id = ANY (?)"
          + " AND process_id = '' AND message_id IN (SELECT message_id FROM event_offline WHERE app_id = ?"
          + " AND process_id = ?)", c.appId(), connector, messages, c.appId(), process);
      tx.update("UPDATE event_offline SET error = true, process_id = '' WHERE app_id = ? AND process_id = ?"
          + " AND message_id = ANY (?)", c.appId(), process, messages);
      return null;
    });
    return true;
  }
}
