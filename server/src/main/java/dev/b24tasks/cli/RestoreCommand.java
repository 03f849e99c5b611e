package dev.b24tasks.cli;

import dev.b24tasks.ops.Snapshot;
import dev.b24tasks.store.Database;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code b24-tasks restore --from FILE}: loads a backup into a fresh data folder or an empty PostgreSQL. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore a backup into a fresh data folder or an empty external database.")
public final class RestoreCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--from", required = true, description = "Backup file written by the backup command")
  Path from;

  @Override
  public Integer call() throws Exception {
    Snapshot.Summary summary;
    try (Database db = store.open(false);
        InputStream file = Files.newInputStream(from)) {
      summary = Snapshot.restore(db.dataSource(), file);
    }
    long rows = summary.rows().values().stream().mapToLong(Long::longValue).sum();
    System.out.println("Restored schema version " + summary.schemaVersion() + ", " + summary.rows().size()
        + " tables, " + rows + " rows, from " + from);
    return 0;
  }
}
