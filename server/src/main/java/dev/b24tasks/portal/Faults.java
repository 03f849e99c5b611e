package dev.b24tasks.portal;

import dev.b24tasks.auth.Caller;
import dev.b24tasks.rest.GatewayHook;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Faults on demand: rules in {@code b24_portal.faults} that make matching calls slow, fail with one of the
 * cloud's errors, or lose their connection before or after the write commits. Shared by all nodes: every node
 * keeps a copy of the rules and reloads it when the portal state's fault version changes (checked per call), and
 * whether a rule fires is decided under its row lock from its counter of matching calls and its seed, so the
 * sequence of failures is the same whichever nodes the calls land on.
 */
public final class Faults {
  /** The errors a fault can answer with; the two cuts close the connection instead. */
  enum Kind {
    QUERY_LIMIT_EXCEEDED("QUERY_LIMIT_EXCEEDED"),
    OPERATION_TIME_LIMIT("OPERATION_TIME_LIMIT"),
    EXPIRED_TOKEN("expired_token"),
    INTERNAL_SERVER_ERROR("INTERNAL_SERVER_ERROR"),
    CUT_BEFORE("CUT_BEFORE"),
    CUT_AFTER("CUT_AFTER");

    final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    static Kind parse(String s) {
      for (Kind k : values()) if (k.wire.equalsIgnoreCase(s)) return k;
      return null;
    }

    static String names() {
      List<String> out = new ArrayList<>();
      for (Kind k : values()) out.add(k.wire);
      return String.join(", ", out);
    }
  }

  /** One rule, as stored. */
  public record Fault(long id, String pattern, Long userId, String error, int latencyMs, Integer times,
      double probability, long seed, long seen, long fired) {
    boolean matches(String lowerMethod, long user) {
      if (userId != null && userId != user) return false;
      return regex(pattern).matcher(lowerMethod).matches()
          && (pattern.indexOf('*') < 0 || !lowerMethod.startsWith("b24tasks."));
    }
  }

  /** What one call is to suffer. */
  record Decision(int latencyMs, Kind kind) {}

  private final Database db;
  private final PortalState state;
  private volatile long loadedVersion = -1;
  private volatile List<Fault> rules = List.of();

  public Faults(Database db, PortalState state) {
    this.db = db;
    this.state = state;
  }

  /** {@code tasks.task.*} as a regular expression over lower-case method names. */
  static Pattern regex(String pattern) {
    StringBuilder sb = new StringBuilder();
    for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
      if (!sb.isEmpty() || pattern.startsWith("*")) sb.append(".*");
      sb.append(Pattern.quote(part));
    }
    return Pattern.compile(sb.toString().replace("\\Q\\E", ""));
  }

  /**
   * Adds a rule. {@code methods} are the served method names, so a pattern that matches none of them is refused.
   * Returns its id.
   */
  public long add(String pattern, Long userId, String error, int latencyMs, Integer times, Double probability,
      Long seed, Collection<String> methods) {
    if (pattern == null || pattern.isBlank() || !pattern.matches("[A-Za-z0-9_.*]{1,200}")) {
      throw PortalErrors.invalid("FAULT_BAD_METHOD", pattern);
    }
    Pattern re = regex(pattern);
    boolean wild = pattern.indexOf('*') >= 0;
    if (methods.stream().noneMatch(m -> re.matcher(m).matches() && (!wild || !m.startsWith("b24tasks.")))) {
      throw PortalErrors.invalid("FAULT_NO_MATCH", pattern);
    }
    if (pattern.toLowerCase(Locale.ROOT).startsWith("b24tasks.fault.")) throw PortalErrors.invalid("FAULT_ON_FAULTS");
    String stored = null;
    if (error != null && !error.isBlank()) {
      Kind k = Kind.parse(error.trim());
      if (k == null) throw PortalErrors.invalid("FAULT_BAD_ERROR", error, Kind.names());
      stored = k.wire;
    }
    if (latencyMs < 0 || latencyMs > 60_000) throw PortalErrors.invalid("FAULT_BAD_LATENCY", latencyMs);
    if (stored == null && latencyMs == 0) throw PortalErrors.invalid("FAULT_NOTHING");
    if (times != null && times < 1) throw PortalErrors.invalid("FAULT_BAD_TIMES", times);
    double p = probability == null ? 1.0 : probability;
    if (!(p > 0 && p <= 1)) throw PortalErrors.invalid("FAULT_BAD_PROBABILITY", probability);
    String errorCode = stored;
    long id = db.tx(tx -> {
      long made = tx.insert("INSERT INTO b24_portal.faults (method_pattern, user_id, error, latency_ms, times, "
          + "probability, seed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", pattern, userId, errorCode,
          latencyMs, times, p, seed == null ? 0L : seed, state.realNow());
      state.bumpFaults();
      return made;
    });
    loadedVersion = -1;
    return id;
  }

  public List<Fault> list() {
    return db.read(tx -> tx.query("SELECT * FROM b24_portal.faults ORDER BY id", Faults::row));
  }

  /** Removes one rule, or all with {@code id} null; returns how many went. An unknown id is a 400. */
  public int clear(Long id) {
    int n = db.tx(tx -> {
      int gone = id == null ? tx.update("DELETE FROM b24_portal.faults")
          : tx.update("DELETE FROM b24_portal.faults WHERE id = ?", id);
      if (id != null && gone == 0) throw PortalErrors.invalid("FAULT_NOT_FOUND", id);
      state.bumpFaults();
      return gone;
    });
    loadedVersion = -1;
    return n;
  }

  /**
   * What this call suffers: nothing (null) unless a rule matches it and fires. Costs nothing when no rule
   * matches (the rules are kept on the node and reloaded when the portal state says they changed).
   */
  Decision decide(Caller caller, String method) {
    List<Fault> current = current();
    if (current.isEmpty()) return null;
    String lower = method.toLowerCase(Locale.ROOT);
    List<Long> candidates = new ArrayList<>();
    for (Fault f : current) if (f.matches(lower, caller.userId())) candidates.add(f.id());
    if (candidates.isEmpty()) return null;
    return db.tx(tx -> {
      Decision d = null;
      List<Fault> locked = tx.query("SELECT * FROM b24_portal.faults WHERE id = ANY(?) ORDER BY id FOR UPDATE",
          Faults::row, candidates);
      for (Fault f : locked) {
        long seen = f.seen() + 1;
        boolean fires = d == null && (f.times() == null || f.fired() < f.times())
            && (f.probability() >= 1 || chance(f.seed(), seen) < f.probability());
        tx.update("UPDATE b24_portal.faults SET seen = ?, fired = fired + ? WHERE id = ?", seen, fires ? 1 : 0,
            f.id());
        if (fires) d = new Decision(f.latencyMs(), f.error() == null ? null : Kind.parse(f.error()));
      }
      return d;
    });
  }

  /** Sleeps, throws the error, or says which cut to make. */
  GatewayHook.Cut apply(Decision d) {
    if (d == null) return GatewayHook.Cut.NONE;
    if (d.latencyMs() > 0) {
      try {
        Thread.sleep(d.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (d.kind() == null) return GatewayHook.Cut.NONE;
    return switch (d.kind()) {
      case QUERY_LIMIT_EXCEEDED -> throw RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
      case OPERATION_TIME_LIMIT -> throw RestException.of(RestError.OPERATION_TIME_LIMIT);
      case EXPIRED_TOKEN -> throw RestException.of(RestError.EXPIRED_TOKEN);
      case INTERNAL_SERVER_ERROR -> throw RestException.of(RestError.INTERNAL_SERVER_ERROR);
      case CUT_BEFORE -> GatewayHook.Cut.BEFORE;
      case CUT_AFTER -> GatewayHook.Cut.AFTER;
    };
  }

  /** The rules, reloaded (with the version they are of) when the portal state says they changed. */
  private List<Fault> current() {
    long v = state.faultsVersion();
    if (loadedVersion < 0 || v > loadedVersion) {
      Loaded l = db.read(tx -> new Loaded(tx.queryLong("SELECT faults_version FROM b24_portal.state WHERE id = 1"),
          tx.query("SELECT * FROM b24_portal.faults ORDER BY id", Faults::row)));
      rules = l.rules();
      loadedVersion = l.version();
    }
    state.usedFaults(loadedVersion);
    return rules;
  }

  private record Loaded(long version, List<Fault> rules) {}

  /** A number in [0, 1) from the seed and the count of matching calls: SplitMix64. */
  static double chance(long seed, long n) {
    long z = seed + n * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private static Fault row(ResultSet rs) throws SQLException {
    int times = rs.getInt("times");
    Integer t = rs.wasNull() ? null : times;
    return new Fault(rs.getLong("id"), rs.getString("method_pattern"), Sql.longOrNull(rs, "user_id"),
        rs.getString("error"), rs.getInt("latency_ms"), t, rs.getDouble("probability"), rs.getLong("seed"),
        rs.getLong("seen"), rs.getLong("fired"));
  }

  static Map<String, Object> describe(Fault f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", f.id());
    m.put("METHOD", f.pattern());
    m.put("USER_ID", f.userId());
    m.put("ERROR", f.error());
    m.put("LATENCY_MS", f.latencyMs());
    m.put("TIMES", f.times());
    m.put("PROBABILITY", f.probability());
    m.put("SEED", f.seed());
    m.put("MATCHED", f.seen());
    m.put("FIRED", f.fired());
    m.put("REMAINING", f.times() == null ? null : Math.max(0, f.times() - f.fired()));
    return m;
  }
}
