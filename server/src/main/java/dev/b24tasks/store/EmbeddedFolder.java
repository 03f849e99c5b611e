package dev.b24tasks.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's claim on the embedded PostgreSQL of a data folder: an OS file lock next to it, which the kernel
 * releases when the server dies, however it dies. pg_ctl starts PostgreSQL detached from the JVM, so after a
 * SIGKILL of the server its PostgreSQL keeps running and keeps the folder. The next server to take the lock knows
 * no server owns that PostgreSQL any more and stops it (a crash, as far as the data is concerned: PostgreSQL
 * replays its WAL on the next start, and nothing committed is lost).
 */
final class EmbeddedFolder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedFolder.class);

  private final FileChannel channel;
  private final FileLock lock;

  private EmbeddedFolder(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static EmbeddedFolder claim(Path pgDir) throws IOException {
    Files.createDirectories(pgDir.toAbsolutePath().getParent());
    Path lockFile = pgDir.resolveSibling(pgDir.getFileName() + ".lock");
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      throw new StoreException("Another b24-tasks process uses the data folder " + pgDir.getParent()
          + "; stop it first, or give this one its own --data.", null);
    }
    stopOrphan(pgDir);
    return new EmbeddedFolder(channel, lock);
  }

  /** Stops a PostgreSQL still running in {@code pgDir} from a server that is gone (we hold the lock now). */
  private static void stopOrphan(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) return;
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) return;
    Optional<ProcessHandle> pg = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    if (pg.isEmpty()) return;
    log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a server that ended without stopping it",
        pg.get().pid());
    // SIGTERM: PostgreSQL's smart shutdown, quick since the dead server's connections are gone.
    pg.get().destroy();
    if (!awaitExit(pg.get(), Duration.ofSeconds(60))) {
      pg.get().destroyForcibly();
      awaitExit(pg.get(), Duration.ofSeconds(30));
    }
  }

  private static boolean awaitExit(ProcessHandle p, Duration max) {
    Instant deadline = Instant.now().plus(max);
    while (p.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !p.isAlive();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      log.debug("Releasing the data folder lock: {}", e.getMessage());
    }
  }
}
