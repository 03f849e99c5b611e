package dev.b24tasks.cli;

import dev.b24tasks.ops.Snapshot;
import dev.b24tasks.store.Database;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code b24-tasks backup --out FILE}: a consistent copy of the store, also while a server is running. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write a consistent backup of the store to a file (works while the server runs).")
public final class BackupCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--out", required = true, description = "Backup file to write, e.g. b24-tasks.backup")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
    Snapshot.Summary summary;
    try (Database db = store.open(true);
        OutputStream file = Files.newOutputStream(tmp)) {
      summary = Snapshot.backup(db.dataSource(), file);
    }
    // a half-written file never takes the name of a backup
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    long rows = summary.rows().values().stream().mapToLong(Long::longValue).sum();
    System.out.println("Backed up schema version " + summary.schemaVersion() + ", " + summary.rows().size()
        + " tables, " + rows + " rows, to " + out);
    return 0;
  }
}
