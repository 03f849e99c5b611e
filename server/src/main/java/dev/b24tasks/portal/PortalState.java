package dev.b24tasks.portal;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one row of {@code b24_portal.state} that every node reads at the start of every REST call (one primary-key
 * SELECT, on an auto-commit connection): the clock setting, a generation that a snapshot restore or a reset bumps
 * (each node then drops its caches), and a version of the fault table (each node then reloads its faults). Nothing
 * is kept in a node that another node could change without this row telling it.
 */
public final class PortalState {
  private static final String READ =
      "SELECT clock_fixed, clock_offset_ms, generation, faults_version FROM b24_portal.state WHERE id = 1";

  private final Database db;
  private final PortalClock clock;
  private final List<Runnable> onGeneration = new CopyOnWriteArrayList<>();
  private volatile long generation = -1;
  private volatile long faultsVersion = -1;

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

  /** Reads the row and applies it: the clock, cache drops. Called before each REST call. */
  public void refresh() {
    try (Connection c = db.connection();
        PreparedStatement st = c.prepareStatement(READ);
        ResultSet rs = st.executeQuery()) {
      if (!rs.next()) return;
      Timestamp fixed = rs.getTimestamp(1);
      PortalClock.Setting s = new PortalClock.Setting(fixed == null ? null : fixed.toInstant(), rs.getLong(2));
      if (!s.equals(clock.setting())) clock.apply(s);
      long g = rs.getLong(3);
      faultsVersion = rs.getLong(4);
      if (g != generation) {
        boolean first = generation < 0;
        generation = g;
        if (!first) onGeneration.forEach(Runnable::run);
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot read the portal state: " + e.getMessage(), e);
    }
  }

  /**
   * Also refreshes twice a second in the background, for work that runs outside REST calls (deliveries, sweeps):
   * it sees another node's clock change within half a second. Stops when the store closes.
   */
  public void refreshInBackground() {
    Thread.ofVirtual().name("portal-state").start(() -> {
      while (!db.isClosed()) {
        try {
          Thread.sleep(500);
          if (!db.isClosed()) refresh();
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // the store is closing or briefly away: the next call refreshes anyway
        }
      }
    });
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
