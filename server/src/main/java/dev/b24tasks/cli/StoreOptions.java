package dev.b24tasks.cli;

import dev.b24tasks.config.Settings;
import dev.b24tasks.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the store is, shared by {@code serve} and the administrative commands. The embedded PostgreSQL in
 * {@code --data} can be opened by one process at a time: stop the server first, or point both at --database.
 * (backup, restore and reset go through the running server's embedded PostgreSQL when there is one.)
 */
public final class StoreOptions {
  @Option(names = "--data", description = "Data folder (embedded PostgreSQL, TLS certificate). Default: ${DEFAULT-VALUE}")
  Path data = Path.of("data");

  @Option(names = "--database", description = "JDBC URL of an external PostgreSQL; default: the embedded one")
  String database;

  @Option(names = "--database-user", description = "User for --database")
  String databaseUser;

  @Option(names = "--database-password", description = "Password for --database")
  String databasePassword;

  /** Settings naming this store, for {@link dev.b24tasks.store.Database#open}. */
  Settings applyTo(Settings s) {
    s.dataDir = data;
    s.databaseUrl = database;
    s.databaseUser = databaseUser;
    s.databasePassword = databasePassword;
    return s;
  }

  /**
   * Opens the store for backup, restore or reset. When a server is running on the data folder, its embedded
   * PostgreSQL is used through its port (two PostgreSQL servers cannot share a folder); otherwise the embedded
   * one is started here.
   */
  Database open(boolean migrate) {
    Settings s = applyTo(new Settings());
    s.databasePoolSize = 2;
    if (database == null || database.isBlank()) {
      Integer port = runningEmbeddedPort(data.resolve("pg"));
      if (port != null) {
        s.databaseUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        s.databaseUser = "postgres";
      }
    }
    return Database.open(s, migrate);
  }

  /** The port of a live postmaster in {@code pgDir} (line 4 of postmaster.pid), or null when none runs there. */
  static Integer runningEmbeddedPort(Path pgDir) {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) return null;
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() < 4) return null;
      long pid = Long.parseLong(lines.get(0).trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Integer.parseInt(lines.get(3).trim()) : null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }
}
