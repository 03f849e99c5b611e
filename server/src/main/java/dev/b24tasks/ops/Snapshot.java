package dev.b24tasks.ops;

import dev.b24tasks.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent copy of the store's data, as a zip: {@code manifest.properties} (format, schema version, tables and
 * their columns in load order) and one {@code COPY} text file per table.
 *
 * <p>Why not pg_dump: the embedded PostgreSQL ships without it, a pg_dump must not be older than the server (18
 * embedded, often 15 or 16 outside), and a dump carries the server version's DDL. The schema is ours anyway: a
 * restore rebuilds it with the Flyway migrations up to the backup's version, loads the rows, and migrates on. So a
 * backup of the embedded 18 restores into an external 15 and back, and into a PostgreSQL-compatible engine.
 */
public final class Snapshot {
  static final String FORMAT = "b24-tasks-backup-1";

  /** Tables of transient state that a backup leaves out: replies kept for retries and rate-limit buckets. */
  static final List<String> TRANSIENT = List.of("flyway_schema_history", "request_replies", "rate_buckets");

  /** What a backup held. */
  public record Summary(String schemaVersion, Map<String, Long> rows) {}

  private Snapshot() {}

  /** Writes every table in one REPEATABLE READ snapshot, so the copy is what some instant of the store held. */
  public static Summary backup(DataSource dataSource, OutputStream target) throws IOException, SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      try {
        String version = Schema.version(c);
        List<String> tables = Schema.loadOrder(c, Schema.tables(c, TRANSIENT));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("schema_version", version);
        manifest.setProperty("created_at", Instant.now().toString());
        manifest.setProperty("tables", String.join(",", tables));
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : tables) {
          columns.put(table, Schema.columns(c, table));
          manifest.setProperty("columns." + table, String.join(",", columns.get(table)));
        }
        // The manifest comes first, so a restore can stream the tables straight from the file.
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("manifest.properties"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        manifest.store(text, "b24-tasks backup");
        zip.write(text.toByteArray());
        zip.closeEntry();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
          zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
          long n = copy.copyOut("COPY " + Schema.quote(table) + " (" + Schema.quoteAll(columns.get(table))
              + ") TO STDOUT", new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                }

                @Override
                public void close() {
                  // the zip stays open for the next table
                }
              });
          zip.closeEntry();
          rows.put(table, n);
        }
        zip.finish();
        c.commit();
        return new Summary(version, rows);
      } catch (IOException | SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Loads a backup into an empty store: migrates it to the backup's schema version, copies the rows in, sets the
   * id sequences past the highest ids, and migrates on to this build's version. All rows load in one transaction.
   */
  public static Summary restore(DataSource dataSource, InputStream in) throws IOException, SQLException {
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry first = zip.getNextEntry();
      Properties manifest = new Properties();
      if (first != null && first.getName().equals("manifest.properties")) {
        manifest.load(new StringReader(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1)));
      }
      if (!FORMAT.equals(manifest.getProperty("format"))) {
        throw new IllegalArgumentException("Not a b24-tasks backup: it does not start with a " + FORMAT + " manifest");
      }
      String version = manifest.getProperty("schema_version");
      prepareEmptyStore(dataSource, version);
      Map<String, Long> rows = new LinkedHashMap<>();
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          List<String> tables = List.of(manifest.getProperty("tables", "").split(",")).stream()
              .filter(t -> !t.isBlank()).toList();
          CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
          try (Statement st = c.createStatement()) {
            // rows a migration may have seeded are replaced by the backup's
            if (!tables.isEmpty()) st.execute("TRUNCATE " + Schema.quoteAll(tables));
          }
          for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            String table = e.getName().replaceFirst("^tables/(.*)\\.copy$", "$1");
            if (!tables.contains(table)) throw new IllegalArgumentException("Unexpected entry " + e.getName());
            List<String> columns = List.of(manifest.getProperty("columns." + table).split(","));
            long n = copy.copyIn("COPY " + Schema.quote(table) + " (" + Schema.quoteAll(columns) + ") FROM STDIN",
                new FilterInputStream(zip) {
                  @Override
                  public void close() {
                    // the zip stays open for the next table
                  }
                });
            rows.put(table, n);
          }
          Schema.advanceSequences(c, tables);
          c.commit();
        } catch (IOException | SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
      Database.flyway(dataSource).migrate();
      return new Summary(version, rows);
    }
  }

  /** Refuses a store that has tables; builds the schema of the backup's version with our migrations. */
  private static void prepareEmptyStore(DataSource dataSource, String version) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<String> existing = Schema.tables(c, List.of());
      if (!existing.isEmpty()) {
        throw new IllegalStateException("The target store is not empty (it has " + existing.size() + " tables, e.g. "
            + existing.get(0) + "). Restore into a fresh data folder or an empty database.");
      }
    }
    Database.flywayConfig(dataSource).target(MigrationVersion.fromVersion(version)).load().migrate();
    if (!version.equals(currentVersion(dataSource))) {
      throw new IllegalStateException("This build cannot rebuild schema version " + version + " of the backup; "
          + "restore it with the build that made it, or a newer one.");
    }
  }

  private static String currentVersion(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return Schema.version(c);
    }
  }

  /** Rows per table of a summary, for the command line. */
  static List<String> describe(Summary s) {
    List<String> out = new ArrayList<>();
    s.rows().forEach((t, n) -> out.add(String.format("  %-32s %d", t, n)));
    return out;
  }
}
