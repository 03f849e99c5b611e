package dev.b24tasks.tasks;

import java.util.Optional;

/**
 * The real status of a task ({@code b_tasks.STATUS}, {@code CTasks::STATE_*}). New tasks start at PENDING; NEW and
 * DECLINED exist only as legacy data. The meta-statuses of lists (overdue, not viewed, almost overdue) are per
 * viewer and computed, see {@link #EXPIRED}, {@link #UNSEEN}, {@link #EXPIRED_SOON}.
 */
public enum Status {
  NEW(1),
  PENDING(2),
  IN_PROGRESS(3),
  SUPPOSEDLY_COMPLETED(4),
  COMPLETED(5),
  DEFERRED(6),
  DECLINED(7);

  /** Meta-status: the deadline has passed (MetaStatus::EXPIRED). */
  public static final int EXPIRED = -1;
  /** Meta-status: the viewer has not opened the task yet (MetaStatus::UNSEEN). */
  public static final int UNSEEN = -2;
  /** Meta-status: the deadline is within a day (MetaStatus::EXPIRED_SOON). */
  public static final int EXPIRED_SOON = -3;

  public final int code;

  Status(int code) {
    this.code = code;
  }

  public static Optional<Status> of(long code) {
    for (Status s : values()) if (s.code == code) return Optional.of(s);
    return Optional.empty();
  }

  public static Status ofCode(int code) {
    return of(code).orElseThrow(() -> new IllegalArgumentException("no task status " + code));
  }

  /** Only COMPLETED counts as closed for the access rules (TaskModel::isClosed); 4 is not closed. */
  public boolean closed() {
    return this == COMPLETED;
  }

  /** 4 and 5: CLOSED_BY/CLOSED_DATE are set when a task enters one of these. */
  public boolean finished() {
    return this == SUPPOSEDLY_COMPLETED || this == COMPLETED;
  }

  public boolean in(Status... options) {
    for (Status s : options) if (s == this) return true;
    return false;
  }
}
