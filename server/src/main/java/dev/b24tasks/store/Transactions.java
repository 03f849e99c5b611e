package dev.b24tasks.store;

import java.sql.Connection;
import java.sql.SQLException;
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

  private static final int MAX_ATTEMPTS = 8;

  private final DataSource dataSource;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T run(Tx.Work<T> work, boolean readOnly) {
    Tx open = current.get();
    if (open != null) {
      try {
        return work.run(open);
      } catch (SQLException e) {
        throw new StoreException("Database error: " + e.getMessage(), e);
      }
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        Tx tx = new Tx(c);
        c.setAutoCommit(false);
        current.set(tx);
        try {
          T result = work.run(tx);
          c.commit();
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
        if (cause != null && RETRYABLE.contains(cause.getSQLState()) && attempt < MAX_ATTEMPTS) {
          log.debug("Retrying a transaction after SQLSTATE {} (attempt {})", cause.getSQLState(), attempt);
          backoff(attempt);
          continue;
        }
        if (e instanceof StoreException se) throw se;
        throw new StoreException("Database error: " + e.getMessage(), e);
      }
    }
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
