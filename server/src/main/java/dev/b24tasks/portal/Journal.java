package dev.b24tasks.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.rest.GatewayHook;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.RestResponse;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The request journal: every REST call the gateway serves, with its secrets masked, in a bounded ring
 * ({@code b24_portal.journal}, an unlogged table: one INSERT per call, in the call's own transaction, no WAL). The ring keeps the
 * newest {@code size} entries younger than {@code maxAge}; any node trims it now and then.
 */
public final class Journal {
  public static final int PAGE = 50;
  static final int ANSWER_BYTES = 1024;
  static final int PARAMS_CHARS = 4096;
  private static final int TRIM_EVERY = 256;
  private static final String MASK = "***";

  /** Parameter and answer keys whose values are secrets (case-insensitive, anywhere in the tree). */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(auth|password|secret|token|code|^url|url_https|^path|signature|key)$");
  /** The same keys in an answer's JSON text, with their string values. */
  private static final Pattern SECRET_IN_ANSWER = Pattern.compile(
      "(\"(?i:[a-z_]*(?:auth|password|secret|token|code)|url|url_https|path|application_token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private final Database db;
  private final PortalClock clock;
  private final int size;
  private final Duration maxAge;
  private final AtomicLong written = new AtomicLong();
  private volatile String node;

  /** One entry, as listed. */
  public record Entry(long id, Instant at, String node, String credentialKind, Long credentialId, Long userId,
      String method, String params, int status, String error, long durationMicros, String answer) {}

  public Journal(Database db, PortalClock clock, int size, Duration maxAge, String node) {
    this.db = db;
    this.clock = clock;
    this.size = size;
    this.maxAge = maxAge;
    this.node = node;
  }

  /** Names this node in new entries, e.g. {@code host:port} once it listens. */
  public void node(String name) {
    this.node = name;
  }

  /** Records one call; a journal that cannot be written never fails the call. */
  void record(GatewayHook.Exchange x, RestResponse response) {
    Caller caller = x.caller();
    String kind = null;
    Long credentialId = null;
    if (caller != null) {
      String key = caller.credentialKey();
      int colon = key.indexOf(':');
      kind = colon < 0 ? key : key.substring(0, colon);
      try {
        credentialId = colon < 0 ? null : Long.parseLong(key.substring(colon + 1));
      } catch (NumberFormatException e) {
        credentialId = null;
      }
    }
    String params = x.params() == null ? null : paramsText(x.params());
    String method = x.method() == null ? "" : x.method();
    if (method.length() > 200) method = method.substring(0, 200);
    int status = x.cut() == GatewayHook.Cut.NONE ? response.status() : 0;
    String error = x.cut() == GatewayHook.Cut.NONE ? response.errorCode()
        : x.cut() == GatewayHook.Cut.BEFORE ? "CUT_BEFORE" : "CUT_AFTER";
    Object[] row = {OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), node, kind, credentialId,
        caller == null ? null : caller.userId(), method, params, status, error, x.elapsedNanos() / 1000,
        answer(response.body())};
    try {
      // inside the call's transaction when it has one (written with its work, or after its rollback), else alone
      if (db.inTransaction()) {
        db.tx(tx -> {
          tx.atCommit(INSERT, row); // sent with the call's COMMIT, in one round trip
          return null;
        });
      }
      else insertAlone(row);
    } catch (SQLException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Journal.class).warn("The request journal could not be written: {}",
          e.getMessage());
      return;
    }
    if (written.incrementAndGet() % Math.min(TRIM_EVERY, size) == 0) trimLater();
  }

  private static final String INSERT = "INSERT INTO b24_portal.journal (at, node, credential_kind, credential_id, "
      + "user_id, method, params, status, error, duration_us, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A call that never reached a transaction (refused before it: bad path, credentials, a fault): one auto-commit INSERT. */
  private void insertAlone(Object[] row) throws SQLException {
    try (Connection c = db.connection();
        PreparedStatement st = c.prepareStatement(INSERT)) {
      for (int i = 0; i < row.length; i++) {
        if (row[i] == null) st.setNull(i + 1, Types.NULL);
        else st.setObject(i + 1, row[i]);
      }
      st.executeUpdate();
    }
  }

  /** Trims on a thread of its own, so no call waits for the ring's housekeeping (or holds its row locks). */
  private void trimLater() {
    Thread.ofVirtual().name("portal-journal-trim").start(() -> {
      try {
        trim();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Journal.class).debug("Trimming the journal failed: {}", e.getMessage());
      }
    });
  }

  /** Keeps the newest {@code size} entries younger than the maximum age. */
  public int trim() {
    return db.tx(tx -> tx.update("DELETE FROM b24_portal.journal WHERE id <= (SELECT max(id) FROM "
        + "b24_portal.journal) - ? OR logged_at < now() - make_interval(secs => ?)", (long) size,
        (double) maxAge.toSeconds()));
  }

  public int clear() {
    return db.tx(tx -> tx.update("DELETE FROM b24_portal.journal"));
  }

  /** Filter of {@code journal.list}: any of method (a name or a pattern with *), user, status, time bounds. */
  public record Filter(String method, Long userId, Integer status, String error, Instant from, Instant to) {}

  /** A page of entries, newest first, and how many match in all. */
  public record Page(List<Entry> entries, long total) {}

  public Page list(Filter f, int start) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    // the ring's bounds hold for what is listed at once; the rows beyond them are deleted now and then
    where.add("id > (SELECT COALESCE(max(id), 0) FROM b24_portal.journal) - ?");
    args.add((long) size);
    where.add("logged_at >= now() - make_interval(secs => ?)");
    args.add((double) maxAge.toSeconds());
    if (f.method() != null) {
      where.add("lower(method) LIKE ?");
      args.add(f.method().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
          .replace('*', '%'));
    }
    if (f.userId() != null) {
      where.add("user_id = ?");
      args.add(f.userId());
    }
    if (f.status() != null) {
      where.add("status = ?");
      args.add(f.status());
    }
    if (f.error() != null) {
      where.add("error = ?");
      args.add(f.error());
    }
    if (f.from() != null) {
      where.add("at >= ?");
      args.add(f.from());
    }
    if (f.to() != null) {
      where.add("at <= ?");
      args.add(f.to());
    }
    String w = " WHERE " + String.join(" AND ", where);
    return db.read(tx -> {
      long total = tx.queryLong("SELECT count(*) FROM b24_portal.journal" + w, args.toArray());
      List<Object> pageArgs = new ArrayList<>(args);
      pageArgs.add(PAGE);
      pageArgs.add(start);
      List<Entry> rows = tx.query("SELECT * FROM b24_portal.journal" + w + " ORDER BY id DESC LIMIT ? OFFSET ?",
          rs -> new Entry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("node"),
              rs.getString("credential_kind"), Sql.longOrNull(rs, "credential_id"), Sql.longOrNull(rs, "user_id"),
              rs.getString("method"), rs.getString("params"), rs.getInt("status"), rs.getString("error"),
              rs.getLong("duration_us"), rs.getString("answer")), pageArgs.toArray());
      return new Page(rows, total);
    });
  }

  /** Replaces the values of secret-looking keys, anywhere in the tree. */
  static JsonNode mask(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      for (String name : new ArrayList<>(obj.properties().stream().map(Map.Entry::getKey).toList())) {
        JsonNode v = obj.get(name);
        if (SECRET_KEY.matcher(name).matches() && !v.isContainerNode()) obj.put(name, MASK);
        else mask(v);
      }
    } else if (node instanceof ArrayNode arr) {
      for (JsonNode v : arr) mask(v);
    }
    return node;
  }

  /** The answer's first kilobyte, secrets masked (webhook codes, tokens, URLs carrying them). */
  static String answer(byte[] body) {
    if (body == null) return null;
    String head = new String(body, 0, Math.min(body.length, 4 * ANSWER_BYTES), StandardCharsets.UTF_8);
    // the expression is run only on an answer that has a key it could match (most answers have none: a task's keys
    // end in none of these); the search for them is a few scans of the kilobytes, the expression was a third of a
    // tasks.task.get's samples
    String masked = mayHoldSecrets(head) ? SECRET_IN_ANSWER.matcher(head).replaceAll("$1\"" + MASK + "\"") : head;
    return truncate(masked, ANSWER_BYTES);
  }

  /** The ends of the keys {@link #SECRET_IN_ANSWER} masks, each followed by the key's closing quote. */
  private static final String[] SECRET_KEY_ENDS = {"auth\"", "password\"", "secret\"", "token\"", "code\"", "url\"",
      "url_https\"", "path\""};

  static boolean mayHoldSecrets(String head) {
    String lower = head.toLowerCase(Locale.ROOT);
    for (String end : SECRET_KEY_ENDS) if (lower.contains(end)) return true;
    return false;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  static Map<String, Object> describe(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", e.id());
    m.put("TIME", e.at() == null ? null : e.at().toString());
    m.put("NODE", e.node());
    m.put("CREDENTIAL_KIND", e.credentialKind());
    m.put("CREDENTIAL_ID", e.credentialId());
    m.put("USER_ID", e.userId());
    m.put("METHOD", e.method());
    m.put("PARAMS", parse(e.params()));
    m.put("STATUS", e.status());
    m.put("ERROR", e.error());
    m.put("DURATION_MS", e.durationMicros() / 1000.0);
    m.put("ANSWER", e.answer());
    return m;
  }

  private static Object parse(String json) {
    if (json == null) return null;
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      return json; // cut at its size limit: shown as text
    }
  }


  /** The parameters as JSON, secrets masked; a value JSON cannot write plainly (1e10000) never breaks the call. */
  private static String paramsText(com.fasterxml.jackson.databind.node.ObjectNode params) {
    try {
      return truncate(new String(Json.write(mask(params.deepCopy())), StandardCharsets.UTF_8), PARAMS_CHARS);
    } catch (IllegalStateException e) {
      return "(parameters that cannot be written as JSON)";
    }
  }
}
