package dev.b24tasks.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.ops.Schema;
import dev.b24tasks.rest.Json;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named snapshots of the whole portal, restored in one transaction. A snapshot is a copy of every table of the
 * portal's schema (read from the catalog, so tables a new feature adds are included without being named here)
 * in a schema of its own, {@code b24_snap_<id>}, plus the values of every sequence. A restore empties the
 * portal's tables, copies the rows back, sets the sequences, and bumps the portal generation, so every node drops
 * its caches before its next call.
 *
 * <p>Why table copies in one transaction and not {@code CREATE DATABASE … TEMPLATE}: a template copy needs no
 * other session on the source database, and restoring means dropping the database every node is connected to;
 * neither works while the servers run. A copy inside one transaction is atomic, lets other nodes carry on (they
 * wait on the table locks for the few milliseconds it takes), needs no right beyond owning the schema, and
 * measured faster for portals of this size (see the README).
 *
 * <p>Left out, as in a backup: Flyway's history, the replies kept for idempotent retries and the rate-limit
 * buckets. The portal controls (clock, faults, journal, snapshots) live in {@code b24_portal} and are not part
 * of any snapshot.
 */
public final class Snapshots {
  static final List<String> TRANSIENT = List.of("flyway_schema_history", "request_replies", "rate_buckets");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final Database db;
  private final PortalState state;

  /** One saved snapshot, as listed. */
  public record Info(String name, Instant createdAt, String schemaVersion, int tables, long rows) {}

  public Snapshots(Database db, PortalState state) {
    this.db = db;
    this.state = state;
  }

  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) throw PortalErrors.invalid("SNAPSHOT_BAD_NAME", name);
    return name;
  }

  /** Saves the portal as {@code name}, replacing a snapshot of that name. Consistent: writers wait meanwhile. */
  public Info save(String name) {
    checkName(name);
    return db.tx(tx -> {
      Connection c = tx.connection();
      List<String> tables = Schema.tables(c, TRANSIENT);
      // SHARE locks: concurrent writes wait, so every table is copied as of one moment
      if (!tables.isEmpty()) tx.execute("LOCK TABLE " + Schema.quoteAll(tables) + " IN SHARE MODE");
      String version = Schema.version(c);
      Optional<Long> old = tx.queryOne("SELECT id FROM b24_portal.snapshots WHERE name = ? FOR UPDATE",
          rs -> rs.getLong(1), name);
      if (old.isPresent()) {
        tx.execute("DROP SCHEMA IF EXISTS " + schemaOf(old.get()) + " CASCADE");
        tx.update("DELETE FROM b24_portal.snapshots WHERE id = ?", old.get());
      }
      Instant at = state.realNow();
      long id = tx.insert("INSERT INTO b24_portal.snapshots (name, created_at, schema_version, tables, sequences, "
          + "row_count) VALUES (?, ?, ?, ?, '{}', 0) RETURNING id", name, at, version, tables.toArray(String[]::new));
      String schema = schemaOf(id);
      tx.execute("CREATE SCHEMA " + schema);
      long rows = 0;
      try (Statement st = c.createStatement()) {
        for (String t : tables) {
          rows += st.executeUpdate("CREATE TABLE " + schema + "." + Schema.quote(t) + " AS TABLE " + Schema.quote(t));
        }
      }
      tx.update("UPDATE b24_portal.snapshots SET sequences = ?, row_count = ? WHERE id = ?",
          new String(Json.write(sequences(tx)), java.nio.charset.StandardCharsets.UTF_8), rows, id);
      return new Info(name, at, version, tables.size(), rows);
    });
  }

  /** A saved snapshot's row: where its tables are, which tables and sequences it holds, and when it was made. */
  private record Saved(long id, String schemaVersion, String[] tables, String sequences, Instant createdAt,
      long rowCount) {}

  /** Puts the portal back as it was saved; false when there is no snapshot of that name. */
  public Info restore(String name) {
    checkName(name);
    return db.tx(tx -> {
      Connection c = tx.connection();
      Saved snap = tx.queryOne("SELECT id, schema_version, tables, sequences, created_at, row_count "
              + "FROM b24_portal.snapshots WHERE name = ? FOR SHARE",
          rs -> new Saved(rs.getLong(1), rs.getString(2), Sql.strings(rs, "tables"), rs.getString(4),
              Sql.instant(rs, "created_at"), rs.getLong(6)), name)
          .orElseThrow(() -> PortalErrors.invalid("SNAPSHOT_NOT_FOUND", name));
      String version = Schema.version(c);
      if (!version.equals(snap.schemaVersion())) {
        throw PortalErrors.invalid("SNAPSHOT_OLD_SCHEMA", name, snap.schemaVersion(), version);
      }
      String schema = schemaOf(snap.id());
      List<String> saved = List.of(snap.tables());
      List<String> current = Schema.tables(c, TRANSIENT);
      // The rows were consistent when saved: with the right to skip the foreign-key triggers, the tables are
      // emptied with DELETE (a few ms for a small portal; TRUNCATE makes new files for every table and index and
      // took ten times as long) and filled in any order. Without it, TRUNCATE and the foreign keys' order.
      boolean skipChecks = replicaRole(c);
      if (skipChecks) {
        try (Statement st = c.createStatement()) {
          for (String t : current) st.addBatch("DELETE FROM " + Schema.quote(t));
          st.executeBatch();
        }
      } else if (!current.isEmpty()) {
        tx.execute("TRUNCATE " + Schema.quoteAll(current));
      }
      Map<String, String> columns = insertableColumns(tx);
      try (Statement st = c.createStatement()) {
        for (String t : skipChecks ? saved : Schema.loadOrder(c, saved)) {
          String cols = columns.get(t);
          if (cols == null) continue;
          st.addBatch("INSERT INTO " + Schema.quote(t) + " (" + cols + ") SELECT " + cols + " FROM " + schema + "."
              + Schema.quote(t));
        }
        st.executeBatch();
      }
      if (skipChecks) tx.execute("SET LOCAL session_replication_role = origin");
      setSequences(tx, snap.sequences());
      state.bumpGeneration();
      return new Info(name, snap.createdAt(), version, saved.size(), snap.rowCount());
    });
  }

  /**
   * Turns the foreign-key (and other) triggers off for this transaction, when this user may: a superuser (the
   * embedded store), or one granted {@code SET ON PARAMETER session_replication_role}.
   */
  private static boolean replicaRole(Connection c) throws SQLException {
    Savepoint sp = c.setSavepoint();
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCAL session_replication_role = replica");
      c.releaseSavepoint(sp);
      return true;
    } catch (SQLException e) {
      c.rollback(sp);
      return false;
    }
  }

  public List<Info> list() {
    return db.read(tx -> tx.query("SELECT name, created_at, schema_version, cardinality(tables), row_count "
        + "FROM b24_portal.snapshots ORDER BY name",
        rs -> new Info(rs.getString(1), Sql.instant(rs, "created_at"), rs.getString(3), rs.getInt(4), rs.getLong(5))));
  }

  /** Deletes a snapshot; unknown names are a 400. */
  public void delete(String name) {
    checkName(name);
    db.tx(tx -> {
      long id = tx.queryOne("DELETE FROM b24_portal.snapshots WHERE name = ? RETURNING id", rs -> rs.getLong(1), name)
          .orElseThrow(() -> PortalErrors.invalid("SNAPSHOT_NOT_FOUND", name));
      tx.execute("DROP SCHEMA IF EXISTS " + schemaOf(id) + " CASCADE");
      return null;
    });
  }

  private static String schemaOf(long id) {
    return "b24_snap_" + id;
  }

  /** Every sequence of the portal's schema: name -> last value, or null when never used. */
  private static ObjectNode sequences(Tx tx) throws SQLException {
    ObjectNode out = Json.object();
    tx.query("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()", rs -> {
      long v = rs.getLong(2);
      if (rs.wasNull()) out.putNull(rs.getString(1));
      else out.put(rs.getString(1), v);
      return null;
    });
    return out;
  }

  private static void setSequences(Tx tx, String json) throws SQLException {
    JsonNode saved;
    try {
      saved = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> names = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<Boolean> called = new ArrayList<>();
    saved.properties().forEach(e -> {
      names.add(e.getKey());
      values.add(e.getValue().isNull() ? 1L : e.getValue().asLong());
      called.add(!e.getValue().isNull());
    });
    if (names.isEmpty()) return;
    Connection c = tx.connection();
    Array n = c.createArrayOf("text", names.toArray());
    Array v = c.createArrayOf("bigint", values.toArray());
    Array k = c.createArrayOf("boolean", called.toArray());
    try (PreparedStatement st = c.prepareStatement("SELECT setval(quote_ident(current_schema()) || '.' || "
        + "quote_ident(s.name), s.value, s.called) FROM unnest(?::text[], ?::bigint[], ?::boolean[]) "
        + "AS s(name, value, called) JOIN pg_sequences p ON p.schemaname = current_schema() "
        + "AND p.sequencename = s.name")) {
      st.setArray(1, n);
      st.setArray(2, v);
      st.setArray(3, k);
      st.executeQuery().close();
    }
  }

  /** Per table of the portal's schema, its columns a row may be written to (not generated ones), quoted. */
  private static Map<String, String> insertableColumns(Tx tx) throws SQLException {
    Map<String, String> out = new HashMap<>();
    tx.query("SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a "
        + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
        + "AND a.attgenerated = '' GROUP BY c.relname", rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  /** Rows per snapshot, for {@code list}. */
  static Map<String, Object> describe(Info i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("NAME", i.name());
    m.put("CREATED_AT", i.createdAt() == null ? null : i.createdAt().toString());
    m.put("SCHEMA_VERSION", i.schemaVersion());
    m.put("TABLES", i.tables());
    m.put("ROWS", i.rows());
    return m;
  }
}
