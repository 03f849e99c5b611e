package dev.b24tasks.tasks;

/**
 * A task call that cannot go on. DENIED covers "not found", "not visible" and "not allowed" alike, because Bitrix24
 * answers all three the same way; INVALID carries the message key of a field validation error (ERROR_CORE).
 * The methods layer turns these into the code each method documents.
 */
public final class TaskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Kind { DENIED, INVALID }

  private final Kind kind;
  private final String key;
  private final transient Object[] args;

  private TaskException(Kind kind, String key, Object... args) {
    super(kind + " " + key, null, false, false);
    this.kind = kind;
    this.key = key;
    this.args = args;
  }

  public static TaskException denied() {
    return new TaskException(Kind.DENIED, "ACTION_NOT_ALLOWED");
  }

  public static TaskException invalid(String key, Object... args) {
    return new TaskException(Kind.INVALID, key, args);
  }

  public Kind kind() {
    return kind;
  }

  /** Message key in the {@code tasks} bundle. */
  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }
}
