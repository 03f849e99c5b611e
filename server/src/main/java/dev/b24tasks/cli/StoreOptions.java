package dev.b24tasks.cli;

import dev.b24tasks.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the store is, shared by {@code serve} and the administrative commands. The embedded PostgreSQL in
 * {@code --data} can be opened by one process at a time: stop the server first, or point both at --database.
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
}
