package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.annotation.JsonValue;

/** A task's priority ({@code PRIORITY}). */
public enum Priority {
  /** 0. */
  LOW(0),
  /** 1, the default. */
  MEDIUM(1),
  /** 2. */
  HIGH(2);

  private final int code;

  Priority(int code) {
    this.code = code;
  }

  /** The wire code. */
  @JsonValue
  public int code() {
    return code;
  }

  /** The REST 3.0 name: {@code low}, {@code average}, {@code high}. */
  public String v3Name() {
    return this == MEDIUM ? "average" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The priority of a REST 3.0 name; {@link #MEDIUM} for anything unknown. */
  public static Priority ofV3(String name) {
    for (Priority p : values()) if (p.v3Name().equalsIgnoreCase(name)) return p;
    return MEDIUM;
  }

  /** The priority of a wire code; {@link #MEDIUM} for anything unknown. */
  public static Priority of(long code) {
    for (Priority p : values()) if (p.code == code) return p;
    return MEDIUM;
  }
}
