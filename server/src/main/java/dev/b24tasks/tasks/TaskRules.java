package dev.b24tasks.tasks;

import static dev.b24tasks.directory.GroupPermission.CREATE_TASKS;
import static dev.b24tasks.directory.GroupPermission.DELETE_TASKS;
import static dev.b24tasks.directory.GroupPermission.EDIT_TASKS;
import static dev.b24tasks.directory.GroupPermission.VIEW_ALL;
import static dev.b24tasks.tasks.Status.COMPLETED;
import static dev.b24tasks.tasks.Status.DEFERRED;
import static dev.b24tasks.tasks.Status.IN_PROGRESS;
import static dev.b24tasks.tasks.Status.NEW;
import static dev.b24tasks.tasks.Status.PENDING;
import static dev.b24tasks.tasks.Status.SUPPOSEDLY_COMPLETED;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may do what: Bitrix24's access rules of the current era ({@code tasks/lib/access/rule/*Rule.php}), one method
 * per rule, the checks in the same order as the decision table of reference/bitrix-task-semantics.md §2.3. The
 * role permissions are Bitrix's defaults (all employees may delegate, add checklist items as assignee, edit their
 * closed tasks as creator and delete as creator; nobody edits as assignee or by department).
 *
 * <p>Two halves, both pure (every fact comes in through the {@link Task} and the {@link Actor}): who may
 * ({@link #allows}), and what each transition writes once allowed ({@link Transition}).
 */
public final class TaskRules {
  private TaskRules() {}

  public static boolean allows(TaskAction action, Actor u, Task t) {
    return switch (action.rule()) {
      case ACCEPT, DECLINE -> false; // TaskAcceptRule / TaskDeclineRule: deprecated, always false
      case START -> start(u, t);
      case PAUSE -> pause(u, t);
      case DEFER -> defer(u, t);
      case COMPLETE -> complete(u, t);
      case APPROVE -> approve(u, t);
      case DISAPPROVE -> disapprove(u, t);
      case RENEW -> renew(u, t);
      case DELEGATE -> delegate(u, t);
      case EDIT -> edit(u, t);
      case REMOVE -> remove(u, t);
      case CREATE -> create(u, t);
      case CHANGE_DEADLINE -> changeDeadline(u, t);
      case CHECKLIST_ADD_ITEMS -> checklistAdd(u, t);
      case CHECKLIST_REORDER -> checklistEdit(u, t);
      case ELAPSEDTIME_ADD -> elapsedTimeAdd(u, t);
      case DAYPLAN_TIMER_TOGGLE -> timeTracking(u, t);
      case RATE -> rate(u, t);
      case ADD_FAVORITE -> favoriteAdd(u, t);
      case DELETE_FAVORITE -> favoriteDelete(u, t);
      case TAKE -> false; // TaskTakeRule: flows only, and this server has no flows
      case EDIT_ORIGINATOR -> false; // TaskChangeDirectorRule: false without a new TaskModel, so false in lists
      case READ -> read(u, t);
      default -> throw new IllegalStateException("no rule for " + action);
    };
  }

  // ---- the status actions ------------------------------------------------------------------------------------

  /** taskstartrule.php */
  static boolean start(Actor u, Task t) {
    if (!t.status().in(NEW, PENDING)) return false; // "Incorrect status"
    if (u.admin()) return true;
    return creator(u, t) || resp(u, t) || acc(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfActive(u, t);
  }

  /** taskpauserule.php */
  static boolean pause(Actor u, Task t) {
    if (t.status() != IN_PROGRESS) return false; // "Incorrect status"
    if (u.admin()) return true;
    return creator(u, t) || resp(u, t) || acc(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfActive(u, t);
  }

  /** taskdeferrule.php: not from 3 (older eras allowed it). */
  static boolean defer(Actor u, Task t) {
    if (!t.status().in(NEW, PENDING)) return false;
    if (u.admin()) return true;
    if (resp(u, t) || creator(u, t) || acc(u, t)) return true;
    return edit(u, t);
  }

  /** taskcompleterule.php: from any status but 5; from 4 only the creator or a manager. */
  static boolean complete(Actor u, Task t) {
    if (t.status() == COMPLETED) return false; // "Task already completed"
    if (u.admin()) return true;
    if (t.status() == SUPPOSEDLY_COMPLETED) return creator(u, t) || mgrOfActive(u, t); // "supposedly completed"
    return creator(u, t) || resp(u, t) || acc(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfActive(u, t);
  }

  /** taskapproverule.php */
  static boolean approve(Actor u, Task t) {
    if (t.status() != SUPPOSEDLY_COMPLETED) return false; // "Task is already completed" (sic)
    if (u.admin()) return true;
    return creator(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfCreator(u, t);
  }

  /** taskdisapproverule.php: the same as approve. */
  static boolean disapprove(Actor u, Task t) {
    return approve(u, t);
  }

  /** taskrenewrule.php: the executor may take back a task awaiting control. */
  static boolean renew(Actor u, Task t) {
    if (t.status() == SUPPOSEDLY_COMPLETED && !creator(u, t) && (resp(u, t) || acc(u, t))) return true;
    if (!t.status().in(COMPLETED, DEFERRED)) return false; // "Incorrect status"
    if (u.admin()) return true;
    if (creator(u, t) || resp(u, t) || acc(u, t)) return true;
    return edit(u, t);
  }

  /**
   * taskdelegaterule.php + AssignTrait::canAssign. With the default role permissions every intranet user may be
   * assigned (all four relation permissions are granted), so canAssign only matters for extranet users (user.add
   * with EXTRANET makes them); that extranet limit is not modelled (README), and the service checks that the new
   * responsible exists.
   */
  static boolean delegate(Actor u, Task t) {
    if (t.status() == COMPLETED) return false; // "Task already completed"
    if (u.admin()) return true;
    return creator(u, t)
        || resp(u, t) // && perm(TASK_ASSIGNEE_DELEGATE): granted to all employees by default
        || mgrOfActive(u, t)
        || u.groupAllows(EDIT_TASKS);
  }

  // ---- editing and the rest --------------------------------------------------------------------------------

  /** taskeditrule.php with the default permissions (creator may edit closed tasks; no assignee/department edit). */
  static boolean edit(Actor u, Task t) {
    if (u.admin()) return true;
    if (u.groupAllows(EDIT_TASKS)) return true;
    if (creator(u, t)) return true; // open, or closed with TASK_CLOSED_DIRECTOR_EDIT (granted)
    return mgrOfCreator(u, t);
  }

  /** taskremoverule.php: status-independent. */
  static boolean remove(Actor u, Task t) {
    if (u.admin()) return true;
    if (creator(u, t)) return true; // one-person task, or TASK_DIRECTOR_DELETE (granted)
    if (mgrOfCreator(u, t)) return true;
    return u.groupAllows(DELETE_TASKS);
  }

  /** taskcreaterule.php: may create tasks in this task's group. */
  static boolean create(Actor u, Task t) {
    if (u.admin()) return true;
    if (t.groupId() == 0) return true;
    return u.groupTakesTasks() && u.groupAllows(CREATE_TASKS);
  }

  /** taskdeadlinerule.php ("changeDeadline" and its copy "edit.plan"). */
  static boolean changeDeadline(Actor u, Task t) {
    if (u.admin()) return true;
    if (mgrOfCreator(u, t)) return true;
    if ((resp(u, t) || u.managerOf(t.responsibleId())) && t.allowChangeDeadline()) return true;
    return edit(u, t);
  }

  /** checklistaddrule.php ("checklistAddItems" and "checklist.add"). */
  static boolean checklistAdd(Actor u, Task t) {
    if (u.admin()) return true;
    if (!read(u, t)) return false;
    if (resp(u, t) || acc(u, t)) return true; // TASK_ASSIGNEE_CHECKLIST_ADD: granted
    return checklistEdit(u, t);
  }

  /** checklisteditrule.php with no item ("checklist.reorder"). */
  static boolean checklistEdit(Actor u, Task t) {
    if (u.admin()) return true;
    if (!read(u, t)) return false;
    if (creator(u, t) || mgrOfCreator(u, t)) return true;
    // no item: its owner is 0, never the user; TASK_ASSIGNEE_CHECKLIST_EDIT is not granted by default
    return u.groupAllows(EDIT_TASKS);
  }

  /** taskelapsedtimerule.php: status-independent. */
  static boolean elapsedTimeAdd(Actor u, Task t) {
    return resp(u, t) || acc(u, t) || mgrOfActive(u, t) || edit(u, t);
  }

  /** tasktimetrackingrule.php ("dayplan.timer.toggle"). */
  static boolean timeTracking(Actor u, Task t) {
    if (!t.allowTimeTracking()) return false;
    if (t.status().finished()) return false;
    if (u.admin()) return true;
    return resp(u, t) || acc(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfActive(u, t);
  }

  /** taskraterule.php */
  static boolean rate(Actor u, Task t) {
    return u.admin() || creator(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfCreator(u, t);
  }

  /** taskfavoriteaddrule.php */
  static boolean favoriteAdd(Actor u, Task t) {
    return read(u, t) && !u.favorite();
  }

  /** taskfavoritedeleterule.php */
  static boolean favoriteDelete(Actor u, Task t) {
    return read(u, t) && u.favorite();
  }

  /**
   * taskchangedirectorrule.php on an update that changes CREATED_BY, given the responsible the update leaves: an
   * administrator, or that responsible herself when she may edit the task (the extranet part is not modelled).
   */
  static boolean changeDirector(Actor u, Task t, long newResponsible) {
    if (u.admin()) return true;
    if (u.userId() != newResponsible) return false;
    return edit(u, t);
  }

  /** taskchangestatusrule.php: tasks.task.update with only STATUS; no status precondition. */
  public static boolean changeStatus(Actor u, Task t) {
    if (u.admin()) return true;
    return creator(u, t) || resp(u, t) || acc(u, t) || u.groupAllows(EDIT_TASKS) || mgrOfActive(u, t);
  }

  /** taskreadrule.php: members, the group's view_all, and managers (the department view of chiefs). */
  static boolean read(Actor u, Task t) {
    if (u.admin() || t.isMember(u.userId()) || u.groupAllows(VIEW_ALL)) return true;
    for (long m : t.allMembers()) if (u.managerOf(m)) return true;
    return false;
  }

  // ---- primitives (§2.1) ---------------------------------------------------------------------------------

  private static boolean creator(Actor u, Task t) {
    return t.isCreator(u.userId());
  }

  private static boolean resp(Actor u, Task t) {
    return t.isResponsible(u.userId());
  }

  private static boolean acc(Actor u, Task t) {
    return t.isAccomplice(u.userId());
  }

  private static boolean mgrOfCreator(Actor u, Task t) {
    return u.managerOf(t.createdBy());
  }

  /** SubordinateTrait::isSubordinateTask: a manager of the creator, the responsible or an accomplice. */
  private static boolean mgrOfActive(Actor u, Task t) {
    for (long m : t.activeMembers()) if (u.managerOf(m)) return true;
    return false;
  }

  // ---- what each transition writes ----------------------------------------------------------------------

  /**
   * What each action writes (reference/bitrix-task-semantics.md §3.1) plus the bookkeeping of every update (§3.2).
   * Pure: the rule has already allowed the action; these only compute the new field values.
   */
  public static final class Transition {
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
     * Delegating to the current responsible changes nothing (PrepareMembers acts only on a change): the status
     * stays. {@code inCreatorsDepartments}: see {@link #members}.
     */
    public static TaskChange delegate(Task t, long u, long newResponsible, boolean inCreatorsDepartments,
        Instant now) {
      if (newResponsible == t.responsibleId()) {
        return stamp(new TaskChange(), u, now);
      }
      TaskChange c = members(status(t, PENDING, u, now), newResponsible, inCreatorsDepartments);
      long old = t.responsibleId();
      Set<Long> auditors = new LinkedHashSet<>(t.auditors());
      boolean changed = auditors.add(old);
      changed |= auditors.remove(newResponsible);
      if (changed) c.set(TaskField.AUDITORS, auditors);
      return c;
    }

    /**
     * A general update that changes the responsible among other fields (PrepareMembers): STATUS 2 unless a status
     * is given ({@code status} null: none), but no auditor appended; only an update of RESPONSIBLE_ID alone is a
     * delegation.
     */
    public static TaskChange reassign(Task t, long u, long newResponsible, Status status,
        boolean inCreatorsDepartments, Instant now) {
      TaskChange c = status(t, status == null ? PENDING : status, u, now);
      return members(c, newResponsible, inCreatorsDepartments);
    }

    /**
     * PrepareMembers on a change of responsible: the new one, DECLINE_REASON cleared, and ADD_IN_REPORT N unless the
     * new responsible is in a department under the creator ({@code inCreatorsDepartments}).
     */
    static TaskChange members(TaskChange c, long newResponsible, boolean inCreatorsDepartments) {
      c.set(TaskField.RESPONSIBLE_ID, newResponsible);
      c.set(TaskField.DECLINE_REASON, null);
      if (!inCreatorsDepartments) c.set(TaskField.ADD_IN_REPORT, false);
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
}
