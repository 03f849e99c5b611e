package dev.b24tasks.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in transactions, one connection per thread. Nested calls on the same thread join the open
 * transaction, so a feature service may call another feature's service inside its own transaction (and never
 * takes a second pool connection while holding one, which could starve the pool under load).
 */
final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  /**
   * SQLSTATEs after which the whole transaction may simply be run again.
   * 40001 serialization_failure: concurrent update under REPEATABLE READ / SERIALIZABLE, and CockroachDB's
   *       "restart transaction".
   * 40P01 deadlock_detected: PostgreSQL aborted one of two transactions waiting on each other.
   */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  static final int MAX_ATTEMPTS = 8;

  /** SQLSTATE of a statement cancelled by statement_timeout. */
  static final String QUERY_CANCELED = "57014";

  private final DataSource dataSource;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  /** {@code SET LOCAL statement_timeout …} run first in every transaction, or null for no limit. */
  private final String timeLimit;
  /** What every call's transaction reads first, in the round trip of its time limit (see {@link Database#prologue}). */
  private volatile Prologue prologue;

  /** A query whose one row every call's transaction hands to {@code apply} before its work runs. */
  record Prologue(String select, Tx.RowMapper<?> apply) {}

  Transactions(DataSource dataSource, long statementTimeoutMillis) {
    this.dataSource = dataSource;
    this.timeLimit = statementTimeoutMillis > 0 ? "SET LOCAL statement_timeout = " + statementTimeoutMillis : null;
  }

  <T> T run(Tx.Work<T> work, boolean readOnly) {
    return run(work, readOnly, false);
  }

  void prologue(Prologue p) {
    this.prologue = p;
  }

  /** The transaction open on this thread, or null. */
  Tx current() {
    return current.get();
  }

  /**
   * {@code call} true opens the one transaction of a whole REST call: units inside it join it without savepoints
   * (a failing unit fails the call, and the call rolls back as a whole), so a call costs no statement beyond its
   * own SQL and one commit.
   */
  <T> T run(Tx.Work<T> work, boolean readOnly, boolean call) {
    Tx open = current.get();
    if (open != null) return joined(open, work, readOnly || open.callScoped());
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        Tx tx = new Tx(c, call);
        c.setAutoCommit(false);
        current.set(tx);
        try {
          // every statement of the call has a time limit: a runaway query ends with SQLSTATE 57014, not a hung
          // call; a call's transaction also reads the prologue's row in the same round trip
          Prologue p = call ? prologue : null;
          if (p != null) begin(tx, p);
          else if (timeLimit != null) tx.execute(timeLimit);
          T result = work.run(tx);
          tx.commit();
          runAfterCommit(tx);
          return result;
        } catch (Throwable t) {
          rollbackQuietly(c);
          throw t;
        } finally {
          current.remove();
          c.setAutoCommit(true);
        }
      } catch (SQLException | StoreException e) {
        SQLException cause = sqlCause(e);
        // Set.of(...).contains(null) throws: a pool time-out carries no SQLSTATE
        boolean retryable = cause != null && cause.getSQLState() != null && RETRYABLE.contains(cause.getSQLState());
        if (retryable && attempt < MAX_ATTEMPTS) {
          log.debug("Retrying a transaction after SQLSTATE {} (attempt {})", cause.getSQLState(), attempt);
          backoff(attempt);
          continue;
        }
        if (retryable) {
          log.warn("A transaction lost to concurrent ones {} times (SQLSTATE {}); giving up", attempt,
              cause.getSQLState());
          throw new StoreException("Transaction conflict after " + attempt + " attempts", e, true);
        }
        if (e instanceof StoreException se) throw se;
        throw new StoreException("Database error: " + e.getMessage(), e);
      }
    }
  }

  /** What the committed transaction asked to run afterwards; one failing action never stops the others. */
  private static void runAfterCommit(Tx tx) {
    for (Runnable r : tx.takeAfterCommit()) {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("An after-commit action failed", e);
      }
    }
  }

  /** The time limit and the prologue's query as one message: one round trip, however many statements. */
  private void begin(Tx tx, Prologue p) throws SQLException {
    try (Statement st = tx.connection().createStatement()) {
      boolean rows = st.execute(timeLimit == null ? p.select() : timeLimit + "; " + p.select());
      while (!rows && st.getUpdateCount() != -1) rows = st.getMoreResults();
      if (!rows) return;
      try (ResultSet rs = st.getResultSet()) {
        if (rs.next()) p.apply().map(rs);
      }
    }
  }

  /**
   * A unit of work inside an already open transaction. A writing one runs under a savepoint, so when it fails
   * (a refused call inside a larger unit, e.g. an idempotent call) it leaves nothing behind and the outer
   * transaction stays usable. Serialization failures still reach the outermost unit, which retries everything.
   */
  private static <T> T joined(Tx open, Tx.Work<T> work, boolean readOnly) {
    Savepoint sp = null;
    int mark = open.afterCommitMark();
    try {
      if (!readOnly) sp = open.connection().setSavepoint();
      T result = work.run(open);
      if (sp != null) open.connection().releaseSavepoint(sp);
      return result;
    } catch (SQLException e) {
      if (sp != null) {
        rollbackQuietly(open.connection(), sp);
        open.dropAfterCommit(mark);
      }
      throw new StoreException("Database error: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      if (sp != null) {
        rollbackQuietly(open.connection(), sp);
        open.dropAfterCommit(mark);
      }
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c, Savepoint sp) {
    try {
      c.rollback(sp);
    } catch (SQLException e) {
      log.debug("Rollback to savepoint failed: {}", e.getMessage());
    }
  }

  static boolean retryable(Throwable e) {
    SQLException cause = sqlCause(e);
    return cause != null && cause.getSQLState() != null && RETRYABLE.contains(cause.getSQLState());
  }

  private static SQLException sqlCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql) return sql;
    }
    return null;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.warn("Rollback failed: {}", e.getMessage());
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
