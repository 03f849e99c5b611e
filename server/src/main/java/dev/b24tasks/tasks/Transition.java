package dev.b24tasks.tasks;

import static dev.b24tasks.tasks.Status.COMPLETED;
import static dev.b24tasks.tasks.Status.DEFERRED;
import static dev.b24tasks.tasks.Status.IN_PROGRESS;
import static dev.b24tasks.tasks.Status.PENDING;
import static dev.b24tasks.tasks.Status.SUPPOSEDLY_COMPLETED;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What each action writes (reference/bitrix-task-semantics.md §3.1) plus the bookkeeping of every update (§3.2).
 * Pure: the rule has already allowed the action; these only compute the new field values.
 */
public final class Transition {
  private Transition() {}

  public static TaskChange start(Task t, long u, Instant now) {
    return status(t, IN_PROGRESS, u, now);
  }

  public static TaskChange pause(Task t, long u, Instant now) {
    return status(t, PENDING, u, now);
  }

  public static TaskChange defer(Task t, long u, Instant now) {
    return status(t, DEFERRED, u, now);
  }

  /** renew always gives 2 (era 2 onwards), from 4, 5 or 6. */
  public static TaskChange renew(Task t, long u, Instant now) {
    return status(t, PENDING, u, now);
  }

  /** approve: 4 -> 5; MARK is never touched. */
  public static TaskChange approve(Task t, long u, Instant now) {
    return status(t, COMPLETED, u, now);
  }

  /** disapprove sends the task back to 2 (not 3). */
  public static TaskChange disapprove(Task t, long u, Instant now) {
    return status(t, PENDING, u, now);
  }

  /**
   * complete: 5 when there is no task control, when the creator is the responsible or is the one completing, and
   * when an administrator or the creator's manager closes a task awaiting control; otherwise 4, awaiting the
   * creator's control (StatusResolver::resolveForComplete).
   */
  public static TaskChange complete(Task t, Actor u, Instant now) {
    return status(t, completeTarget(t, u), u.userId(), now);
  }

  static Status completeTarget(Task t, Actor u) {
    if (!t.taskControl() || t.createdBy() == t.responsibleId() || t.createdBy() == u.userId()) return COMPLETED;
    if (t.status() == SUPPOSEDLY_COMPLETED && (u.admin() || u.managerOf(t.createdBy()))) return COMPLETED;
    return SUPPOSEDLY_COMPLETED;
  }

  /**
   * delegate: a new responsible, status 2; the old responsible is appended to the auditors unless she already is
   * one (the classic rule, CTaskItem L2921-2966: a creator or accomplice who was responsible becomes an auditor
   * too), and the new responsible is no longer an auditor. The delegate seed page shows exactly this: task 8017,
   * created by and assigned to 503 with auditors 61, 103, 547, delegated to 547, has auditors 61, 103, 503.
   */
  public static TaskChange delegate(Task t, long u, long newResponsible, Instant now) {
    TaskChange c = status(t, PENDING, u, now);
    c.set(TaskField.RESPONSIBLE_ID, newResponsible);
    long old = t.responsibleId();
    Set<Long> auditors = new LinkedHashSet<>(t.auditors());
    boolean changed = old != newResponsible && auditors.add(old);
    changed |= auditors.remove(newResponsible);
    if (changed) c.set(TaskField.AUDITORS, auditors);
    c.set(TaskField.DECLINE_REASON, null);
    return c;
  }

  /**
   * A general update that changes the responsible among other fields (PrepareMembers): STATUS 2 and DECLINE_REASON
   * cleared, but no auditor appended; only an update of RESPONSIBLE_ID alone is a delegation.
   */
  public static TaskChange reassign(Task t, long u, long newResponsible, Instant now) {
    TaskChange c = status(t, PENDING, u, now);
    c.set(TaskField.RESPONSIBLE_ID, newResponsible);
    c.set(TaskField.DECLINE_REASON, null);
    return c;
  }

  /** A new status with the bookkeeping of PrepareStatus/PrepareChangedBy. */
  static TaskChange status(Task t, Status to, long u, Instant now) {
    TaskChange c = new TaskChange();
    c.set(TaskField.STATUS, to);
    stamp(c, u, now);
    c.set(TaskField.STATUS_CHANGED_DATE, now); // set even when the value does not change
    if (to != t.status()) {
      c.set(TaskField.STATUS_CHANGED_BY, u);
      if (to.finished()) {
        c.set(TaskField.CLOSED_BY, u); // 4 -> 5 overwrites with the approver
        c.set(TaskField.CLOSED_DATE, now);
      } else {
        c.set(TaskField.CLOSED_BY, 0L); // a reopened task shows closedBy "0" (seed examples), a new one null
        c.set(TaskField.CLOSED_DATE, null);
        if (to == IN_PROGRESS) c.set(TaskField.DATE_START, now); // every (re)start overwrites DATE_START
      }
    }
    return c;
  }

  /** CHANGED_BY / CHANGED_DATE, written by every update. */
  public static TaskChange stamp(TaskChange c, long u, Instant now) {
    c.set(TaskField.CHANGED_BY, u);
    c.set(TaskField.CHANGED_DATE, now);
    return c;
  }
}
