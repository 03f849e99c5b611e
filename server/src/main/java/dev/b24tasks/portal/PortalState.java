package dev.b24tasks.portal;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;

/**
 * The one row of {@code b24_portal.state}: the clock setting, a generation that a snapshot restore or a reset bumps
 * (each node then drops its caches), and a version of the fault table (each node then reloads its faults). Each
 * node keeps it in memory and is told of every change through the database: a trigger notifies the channel
 * {@code b24_portal_state} when an update commits, and a listener thread with a connection of its own reads the row
 * again (V160). A REST call also reads the row inside its own transaction, in the same round trip as the
 * transaction's time limit ({@link Database#prologue}), so its work runs on the state the database holds, and a call
 * whose earlier steps (authentication, faults) ran on an older state is done again ({@link #check}). While the
 * listener has no connection, every call reads the row first, as before. Nothing is kept in a node that another node
 * could change without this row telling it.
 */
public final class PortalState {
  static final String CHANNEL = "b24_portal_state";
  private static final String READ =
      "SELECT clock_fixed, clock_offset_ms, generation, faults_version, version FROM b24_portal.state WHERE id = 1";
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalState.class);

  /** The row as read. */
  record Row(PortalClock.Setting clock, long generation, long faultsVersion, long version) {}

  private final Database db;
  private final PortalClock clock;
  private final List<Runnable> onGeneration = new CopyOnWriteArrayList<>();
  private volatile long generation = -1;
  private volatile long faultsVersion = -1;
  private volatile Row current;
  private volatile boolean listening;
  private volatile boolean running;
  /** What this thread's request ran on before its transaction: the clock, the caches' generation, the fault rules. */
  private final ThreadLocal<Used> begun = new ThreadLocal<>();
  /** The row this thread's call transaction read first ({@link Database#prologue}). */
  private final ThreadLocal<Row> seen = new ThreadLocal<>();

  /** What a request used before its call transaction (faults: the version of the rules it decided with, or -1). */
  private static final class Used {
    final PortalClock.Setting clock;
    final long generation;
    long faults = -1;

    Used(PortalClock.Setting clock, long generation) {
      this.clock = clock;
      this.generation = generation;
    }
  }

  public PortalState(Database db, PortalClock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Runs {@code dropCaches} on this node whenever any node restores a snapshot or resets the portal. */
  public void onGenerationChange(Runnable dropCaches) {
    onGeneration.add(dropCaches);
  }

  Database db() {
    return db;
  }

  public PortalClock clock() {
    return clock;
  }

  long faultsVersion() {
    return faultsVersion;
  }

  /** Reads the row (one auto-commit primary-key read) and applies it: the clock, cache drops. */
  public void refresh() {
    try (Connection c = db.connection()) {
      read(c);
    } catch (SQLException e) {
      throw new StoreException("Cannot read the portal state: " + e.getMessage(), e);
    }
  }

  private void read(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(READ);
        ResultSet rs = st.executeQuery()) {
      if (rs.next()) apply(row(rs));
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    Timestamp fixed = rs.getTimestamp(1);
    return new Row(new PortalClock.Setting(fixed == null ? null : fixed.toInstant(), rs.getLong(2)), rs.getLong(3),
        rs.getLong(4), rs.getLong(5));
  }

  /** Applies a row read anywhere (the listener, a call's transaction); callbacks run once per new generation. */
  private synchronized void apply(Row r) {
    Row had = current;
    if (had != null && r.version() < had.version()) return; // read before a change this node already applied
    if (!r.clock().equals(clock.setting())) clock.apply(r.clock());
    faultsVersion = r.faultsVersion();
    long g = r.generation();
    if (g != generation) {
      boolean first = generation < 0;
      generation = g;
      if (!first) onGeneration.forEach(Runnable::run);
    }
    current = r;
  }

  /**
   * Before a REST request: nothing to read while the listener is connected (the state in memory is the one the
   * database last announced); otherwise the row is read now. Remembers what the request starts on.
   */
  void beforeRequest() {
    if (!listening || current == null) refresh();
    begun.set(new Used(clock.setting(), generation));
  }

  /** The version of the fault rules this request's faults were decided with. */
  void usedFaults(long version) {
    Used u = begun.get();
    if (u != null) u.faults = version;
  }

  /**
   * First thing in the request's call transaction, after the prologue applied the row the transaction reads: when
   * what ran before (authentication on the clock, caches of a generation, faults of a version of the rules) is not
   * what the transaction shows, it is done again ({@link dev.b24tasks.rest.GatewayHook.Redo}). Only the request's
   * first transaction asks (a batch's later commands run on the state they read).
   */
  void check() {
    Used u = begun.get();
    begun.remove();
    Row r = seen.get();
    seen.remove();
    if (u == null || r == null) return;
    if (!u.clock.equals(r.clock()) || u.generation != r.generation() || (u.faults >= 0 && u.faults != r.faultsVersion())) {
      throw new dev.b24tasks.rest.GatewayHook.Redo();
    }
  }

  /** Forgets what {@link #beforeRequest} remembered (the request ended without a call transaction). */
  void endRequest() {
    begun.remove();
    seen.remove();
  }

  /**
   * Keeps the state fresh: every call's transaction reads the row ({@link Database#prologue}), and a listener thread
   * reads it whenever the database announces a change, for work outside calls (deliveries, sweeps, the credential
   * check before a call). Stops when the store closes.
   */
  public void follow() {
    db.prologue(READ, rs -> {
      Row r = row(rs);
      seen.set(r);
      apply(r);
      return null;
    });
    running = true;
    Thread.ofPlatform().daemon().name("portal-state").start(this::listen);
  }

  private void listen() {
    while (running && !db.isClosed()) {
      try (Connection c = db.dedicatedConnection()) {
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + CHANNEL);
        }
        // what changed before LISTEN took effect is read now; after it, every change is announced
        read(c);
        listening = true;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running && !db.isClosed()) {
          pg.getNotifications(1000);
          // a change is read at once; without one, once a second anyway (one primary-key read on this connection)
          read(c);
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running || db.isClosed()) return;
        log.debug("Portal state notifications lost their connection: {}", e.getMessage());
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          return;
        }
      } finally {
        listening = false;
      }
    }
  }

  /** Stops the listener (the store closes anyway; this makes it quick). */
  void stop() {
    running = false;
  }

  /** Stores a clock setting for every node; this node follows at once. */
  public PortalClock.Setting setClock(PortalClock.Setting s) {
    db.tx(tx -> tx.update("UPDATE b24_portal.state SET clock_fixed = ?, clock_offset_ms = ? WHERE id = 1",
        s.fixed(), s.offsetMillis()));
    clock.apply(s);
    return s;
  }

  /**
   * Shifts the clock by {@code millis} atomically (two nodes advancing at once both count): a fixed clock moves
   * its instant, a running one its offset.
   */
  public PortalClock.Setting advanceClock(long millis) {
    PortalClock.Setting s = db.tx(tx -> tx.queryOne("UPDATE b24_portal.state SET "
        + "clock_fixed = clock_fixed + make_interval(secs => ?::float8 / 1000), "
        + "clock_offset_ms = CASE WHEN clock_fixed IS NULL THEN clock_offset_ms + ? ELSE clock_offset_ms END "
        + "WHERE id = 1 RETURNING clock_fixed, clock_offset_ms",
        rs -> new PortalClock.Setting(rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
            rs.getLong(2)), (double) millis, millis).orElseThrow());
    clock.apply(s);
    return s;
  }

  /** Tells every node to drop its caches (joins the caller's transaction, so it commits with the change). */
  public void bumpGeneration() {
    db.tx(tx -> tx.update("UPDATE b24_portal.state SET generation = generation + 1 WHERE id = 1"));
  }

  /** Drops this node's caches now, without waiting for its next call. */
  public void dropLocalCaches() {
    onGeneration.forEach(Runnable::run);
  }

  void bumpFaults() {
    db.tx(tx -> tx.update("UPDATE b24_portal.state SET faults_version = faults_version + 1 WHERE id = 1"));
  }

  /** The real time now, for records that must not depend on the portal clock. */
  Instant realNow() {
    return clock.realInstant();
  }
}
