package dev.b24tasks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.b24tasks.config.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one store: PostgreSQL, either embedded in the data folder (the default) or external. Owns the pool, runs the
 * migrations and hands out transactions. Features write their own SQL against {@link Tx}.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final EmbeddedPostgres embedded;
  private EmbeddedFolder folder;
  private final HikariDataSource pool;
  private final Transactions transactions;

  private Database(EmbeddedPostgres embedded, HikariDataSource pool, DataSource seen, long statementTimeoutMillis) {
    this.embedded = embedded;
    this.pool = pool;
    this.transactions = new Transactions(seen, statementTimeoutMillis);
  }

  /** Starts (or connects to) the store named by the settings and brings its schema up to date. */
  public static Database open(Settings settings) {
    return open(settings, true);
  }

  /**
   * Starts (or connects to) the store; {@code migrate} false leaves the schema as it is, for a restore that must
   * first bring it to the version of its backup.
   */
  public static Database open(Settings settings, boolean migrate) {
    EmbeddedPostgres embedded = null;
    EmbeddedFolder folder = null;
    String url = settings.databaseUrl;
    String user = settings.databaseUser;
    String password = settings.databasePassword;
    if (url == null || url.isBlank()) {
      try {
        folder = EmbeddedFolder.claim(settings.dataDir.resolve("pg"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot lock the data folder " + settings.dataDir, e);
      }
      try {
        long t0 = System.nanoTime();
        embedded = startEmbedded(settings.dataDir.resolve("pg"));
        log.info("Embedded PostgreSQL up in {} ms", (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException e) {
        folder.close();
        throw e;
      }
      url = embedded.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = null;
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) config.setUsername(user);
    if (password != null) config.setPassword(password);
    config.setMaximumPoolSize(settings.databasePoolSize);
    config.setMinimumIdle(Math.min(4, settings.databasePoolSize));
    config.setPoolName("b24-tasks");
    config.setAutoCommit(true);
    // Connections that wait longer than this for the pool report a clear error instead of hanging a request.
    config.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (embedded != null) closeQuietly(embedded);
      if (folder != null) folder.close();
      throw new StoreException("Cannot connect to the database at " + url + ": " + e.getMessage(), e);
    }
    Database db = new Database(embedded, pool, settings.dataSourceWrapper.apply(pool), settings.statementTimeoutMillis);
    db.folder = folder;
    try {
      long t0 = System.nanoTime();
      if (migrate) db.migrate();
      log.info("Schema ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static EmbeddedPostgres startEmbedded(Path dir) {
    try {
      Files.createDirectories(dir);
      log.info("Starting the embedded PostgreSQL in {}", dir.toAbsolutePath());
      return EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          // group commit: a commit waits up to 1 ms for others to share its WAL flush when at least two other
          // transactions are open (bench/run.sh: 0.31-0.35 WAL flushes per write instead of 0.55-0.70, and more
          // writes per second on the same cores); durability is unchanged, each commit still waits for its flush.
          // -Db24tasks.commitDelay=0 switches it off.
          .setServerConfig("commit_delay", System.getProperty("b24tasks.commitDelay", "1000"))
          .setServerConfig("commit_siblings", System.getProperty("b24tasks.commitSiblings", "2"))
          // many short calls at once: parallel workers for one query only add processes and CPU to each call
          .setServerConfig("max_parallel_workers_per_gather", "0")
          .setServerConfig("max_connections", "200")
          // After a crash PostgreSQL replays its WAL before it accepts connections; on a busy machine that takes
          // longer than zonky's default 10 s wait.
          .setPGStartupWait(Duration.ofMinutes(2))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir, e);
    }
  }

  private void migrate() {
    // A current schema needs nothing from Flyway: one query says so, and Flyway is not even loaded.
    if (Migrations.current(pool, Migrations.known())) {
      log.debug("Schema current; no migration to run");
      return;
    }
    Flyway flyway = flyway(pool);
    refuseFutureSchema(flyway);
    flyway.migrate();
  }

  /** Flyway as this build configures it: our migrations, and no tolerance for migrations it does not know. */
  public static Flyway flyway(DataSource dataSource) {
    return flywayConfig(dataSource).load();
  }

  /** The configuration behind {@link #flyway}, for a restore that migrates to a given version first. */
  public static FluentConfiguration flywayConfig(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        // Flyway ignores applied migrations newer than the code by default ("*:future"); we do not.
        .ignoreMigrationPatterns("*:missing");
  }

  /**
   * A schema migrated by a newer build is refused before anything runs: old code on a new schema would write
   * rows the new code does not expect, or miss columns it must fill.
   */
  public static void refuseFutureSchema(Flyway flyway) {
    MigrationInfo[] future = Arrays.stream(flyway.info().applied())
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .toArray(MigrationInfo[]::new);
    if (future.length == 0) return;
    MigrationInfo newest = future[future.length - 1];
    MigrationInfo[] known = flyway.info().all();
    String ours = Arrays.stream(known)
        .filter(m -> m.getType() != null && m.getState() != MigrationState.FUTURE_SUCCESS
            && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
        .reduce((a, b) -> b)
        .map(m -> m.getVersion().getVersion())
        .orElse("none");
    throw new StoreException("The database schema is at version " + newest.getVersion().getVersion() + " (\""
        + newest.getDescription() + "\"), newer than this build of b24-tasks knows (" + ours + "). Run the newer "
        + "b24-tasks that migrated it, or restore a backup made with this version.", null);
  }

  public DataSource dataSource() {
    return pool;
  }

  /** True once {@link #close} ran: background jobs stop. */
  public boolean isClosed() {
    return pool.isClosed();
  }

  /** Runs {@code work} in one transaction, retried on serialization failures and deadlocks. */
  public <T> T tx(Tx.Work<T> work) {
    return transactions.run(work, false);
  }

  /**
   * Runs one whole REST call in one transaction and one pool connection: every unit the call's services run joins
   * it, so the answer of a write is read from the state it wrote, before the commit.
   */
  public <T> T call(Tx.Work<T> work) {
    return transactions.run(work, false, true);
  }

  /**
   * Makes every call's transaction ({@link #call}) read one row of {@code select} first and hand it to
   * {@code apply} before the call's work runs, in the same round trip as the transaction's time limit: shared state
   * that a call must see as the database holds it (a feature's settings) costs the call no statement of its own.
   * One prologue per store; a second replaces the first.
   */
  public void prologue(String select, Tx.RowMapper<?> apply) {
    transactions.prologue(new Transactions.Prologue(select, apply));
  }

  /**
   * {@code load} once per transaction under {@code key} (see {@link Tx#memo}); outside a transaction it simply
   * runs. For facts about the caller that every rule and view of one call asks again.
   */
  public <T> T memo(Object key, Tx.Work<T> load) {
    return read(tx -> tx.memo(key, load));
  }

  /**
   * True when {@code e} is a deadlock or a serialization failure: the transaction may simply be run again (the
   * outermost unit of {@link #tx}/{@link #call} does so by itself when the exception reaches it).
   */
  public static boolean retryable(StoreException e) {
    return Transactions.retryable(e);
  }

  /** True when this thread is inside a transaction of this store (a unit of work would join it). */
  public boolean inTransaction() {
    return transactions.current() != null;
  }

  /** Runs read-only {@code work}; joins the caller's transaction when there is one on this thread. */
  /**
   * Runs {@code action} after the transaction open on this thread commits (dropped if it rolls back), or at once
   * when none is open.
   */
  public void afterCommit(Runnable action) {
    Tx open = transactions.current();
    if (open == null) action.run();
    else open.afterCommit(action);
  }

  public <T> T read(Tx.Work<T> work) {
    return transactions.run(work, true);
  }

  /**
   * A connection of its own, outside the pool, for a thread that holds one for as long as the server runs (a
   * LISTEN): it takes no connection from the calls. The caller closes it.
   */
  public Connection dedicatedConnection() throws SQLException {
    java.util.Properties p = new java.util.Properties();
    if (pool.getUsername() != null) p.setProperty("user", pool.getUsername());
    if (pool.getPassword() != null) p.setProperty("password", pool.getPassword());
    return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), p);
  }

  /** A plain connection, outside any transaction helper: for administrative jobs. */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) closeQuietly(embedded);
    if (folder != null) folder.close();
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
    }
  }
}
