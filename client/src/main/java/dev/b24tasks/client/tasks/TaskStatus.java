package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.annotation.JsonValue;

/** A task's real status ({@code STATUS}, {@code REAL_STATUS}), with its wire code. */
public enum TaskStatus {
  /** 1: new (legacy portals only). */
  NEW(1),
  /** 2: pending, waiting to be started; a new task's status. */
  PENDING(2),
  /** 3: in progress. */
  IN_PROGRESS(3),
  /** 4: completed by the responsible person, awaiting the creator's review ("task control"). */
  SUPPOSEDLY_COMPLETED(4),
  /** 5: completed. */
  COMPLETED(5),
  /** 6: deferred. */
  DEFERRED(6),
  /** 7: declined (legacy). */
  DECLINED(7);

  private final int code;

  TaskStatus(int code) {
    this.code = code;
  }

  /** The wire code, 1 to 7. */
  @JsonValue
  public int code() {
    return code;
  }

  /** The REST 3.0 name: {@code pending}, {@code in_progress}, {@code supposedly_completed}… */
  public String v3Name() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The status of a REST 3.0 name ({@code in_progress}); null for an unknown one. */
  public static TaskStatus ofV3(String name) {
    for (TaskStatus s : values()) if (s.v3Name().equalsIgnoreCase(name)) return s;
    return null;
  }

  /** The status of a wire code; null for an unknown or meta code (-1 overdue, -2 unviewed, -3 almost overdue). */
  public static TaskStatus of(long code) {
    for (TaskStatus s : values()) if (s.code == code) return s;
    return null;
  }
}
