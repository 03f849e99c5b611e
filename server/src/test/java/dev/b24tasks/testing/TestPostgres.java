package dev.b24tasks.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL the tests run on, one per test JVM, chosen in this order: {@code TEST_PG_URL} (a JDBC URL with
 * rights to create databases), a server on 127.0.0.1:5432 that lets user postgres in, else an embedded one.
 * {@code TEST_PG_LOCAL} (or {@code -Dtest.pg.local}) moves that probe to another {@code host:port}, or turns it
 * off with {@code none}: a machine without PostgreSQL can be played on one that has it. Every test server gets a
 * database of its own.
 */
public final class TestPostgres {
  private static String adminUrl;
  private static String description;

  private TestPostgres() {}

  /** A JDBC URL of a new, empty database. */
  public static synchronized String newDatabase() {
    if (adminUrl == null) init();
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database on " + description, e);
    }
    return withDatabase(adminUrl, name);
  }

  /** Drops a database made by {@link #newDatabase()}. */
  public static synchronized void dropDatabase(String url) {
    String name = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // a left-over test database is harmless
    }
  }

  /** Which server the tests use, for logs. */
  public static synchronized String description() {
    if (adminUrl == null) init();
    return description;
  }

  /** The admin JDBC URL (database postgres). */
  public static synchronized String adminUrl() {
    if (adminUrl == null) init();
    return adminUrl;
  }

  static String withDatabase(String url, String db) {
    return url.replaceFirst("(jdbc:postgresql://[^/]+/)([^/?]*)", "$1" + db);
  }

  private static void init() {
    choose();
    System.err.println("Test PostgreSQL: " + description);
  }

  private static void choose() {
    String env = System.getenv("TEST_PG_URL");
    if (env != null && !env.isBlank()) {
      adminUrl = env;
      description = "TEST_PG_URL " + env.replaceAll("password=[^&]*", "password=***");
      return;
    }
    String probe = System.getProperty("test.pg.local", System.getenv().getOrDefault("TEST_PG_LOCAL", "127.0.0.1:5432"));
    if (!probe.isBlank() && !probe.equals("none")) {
      String host = probe.substring(0, probe.lastIndexOf(':'));
      int port = Integer.parseInt(probe.substring(probe.lastIndexOf(':') + 1));
      String local = "jdbc:postgresql://" + probe + "/postgres?user=postgres";
      if (reachable(host, port) && canConnect(local)) {
        adminUrl = local;
        description = "external PostgreSQL on " + probe;
        return;
      }
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(Files.createTempDirectory("b24-tasks-test-pg"))
          .setCleanDataDirectory(true)
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is going away anyway
        }
      }));
      adminUrl = pg.getJdbcUrl("postgres", "postgres");
      description = "embedded PostgreSQL " + adminUrl;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean reachable(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canConnect(String url) {
    try (Connection c = DriverManager.getConnection(url)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
