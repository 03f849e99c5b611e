package dev.b24tasks.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The migrations this build carries and whether a database has exactly those applied, so a start on a current
 * schema (every start but the first after an upgrade) does not load and run Flyway at all: one query instead of
 * Flyway's class-path scan, its history table reads and its validation. Anything unusual (no history table, a
 * failed or unknown migration, a migration not yet applied, a class path this cannot list) answers "not current"
 * and Flyway runs as before, refusing a schema from a newer build.
 */
final class Migrations {
  static final String LOCATION = "db/migration";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

  private Migrations() {}

  /** The versions of the migrations on the class path ("1", "10", "21"…), or empty when they cannot be listed. */
  static TreeSet<String> known() {
    TreeSet<String> out = new TreeSet<>();
    try {
      URL url = Migrations.class.getClassLoader().getResource(LOCATION);
      if (url == null) return out;
      List<String> names = new ArrayList<>();
      if (url.getProtocol().equals("jar")) {
        JarURLConnection c = (JarURLConnection) url.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String n = e.nextElement().getName();
            if (n.startsWith(LOCATION + "/")) names.add(n.substring(LOCATION.length() + 1));
          }
        }
      } else if (url.getProtocol().equals("file")) {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      } else {
        return out;
      }
      for (String n : names) {
        Matcher m = VERSIONED.matcher(n);
        if (m.matches()) out.add(normal(m.group(1).replace('_', '.')));
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return new TreeSet<>();
    }
    return out;
  }

  /** True when the database's history holds exactly the known versions, all applied successfully. */
  static boolean current(DataSource ds, TreeSet<String> known) {
    if (known.isEmpty()) return false;
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
        if (!rs.next() || !rs.getBoolean(1)) return false;
      }
      TreeSet<String> applied = new TreeSet<>();
      try (ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
        while (rs.next()) {
          if (!rs.getBoolean(2)) return false;
          applied.add(normal(rs.getString(1)));
        }
      }
      return applied.equals(known);
    } catch (SQLException e) {
      return false;
    }
  }

  /** "1.0" and "1" are one version to Flyway; leading zeros of each part do not count either. */
  private static String normal(String version) {
    String[] parts = version.split("\\.");
    int end = parts.length;
    while (end > 1 && parts[end - 1].replaceFirst("^0+", "").isEmpty()) end--;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < end; i++) {
      if (i > 0) b.append('.');
      String p = parts[i].replaceFirst("^0+(?=.)", "");
      b.append(p);
    }
    return b.toString();
  }
}
