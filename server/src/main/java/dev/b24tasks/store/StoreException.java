package dev.b24tasks.store;

/** The store could not do what was asked; never carries bound parameter values in its message. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean conflict;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  StoreException(String message, Throwable cause, boolean conflict) {
    super(message, cause);
    this.conflict = conflict;
  }

  /** The SQLSTATE PostgreSQL reported (e.g. 23505 unique violation, 57014 statement timeout), or null. */
  public String sqlState() {
    for (Throwable c = getCause(); c != null; c = c.getCause()) {
      if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
    }
    return null;
  }

  /**
   * True when the transaction kept losing to concurrent ones (serialization failures or deadlocks) until its
   * retries ran out: nothing of it was written, and the same call may simply be sent again.
   */
  public boolean conflict() {
    return conflict;
  }
}
