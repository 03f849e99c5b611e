package dev.b24tasks.store;

/** The store could not do what was asked; never carries bound parameter values in its message. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
