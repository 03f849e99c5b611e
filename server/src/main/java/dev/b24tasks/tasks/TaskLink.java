package dev.b24tasks.tasks;

import java.time.Instant;
import java.util.Optional;

/**
 * The tasks feature as the checklist, comment and elapsed-time families use it: read access, the task rules'
 * verdicts and the task's counters all come from {@link TaskService}, so none of them is decided twice. Calls
 * made inside a family's transaction join it.
 */
public final class TaskLink {
  private final TaskService tasks;

  public TaskLink(TaskService tasks) {
    this.tasks = tasks;
  }

  /** The task as {@code userId} may see it; empty when it does not exist or she may not read it. */
  public Optional<TaskFacts> readable(long userId, long taskId) {
    return tasks.get(userId, taskId).map(t -> tasks.taskFacts(tasks.facts(userId), t));
  }

  /** The zone the user's dates are shown in, from the facts her call already gathered. */
  public java.time.ZoneId zoneOf(long userId) {
    return tasks.zoneOf(userId);
  }

  /** The workgroup of a task {@code userId} may read (0: none); empty when she may not read it. */
  public Optional<Long> readableGroup(long userId, long taskId) {
    return tasks.get(userId, taskId).map(Task::groupId);
  }

  /** Kanban: the task's STAGE_ID on its group's board, with history and change listeners. */
  public void moveToStage(long userId, long taskId, long stageId) {
    tasks.moveToStage(userId, taskId, stageId);
  }

  /**
   * Kanban order inside a group's stages: the task before ({@code before}) or after the target, by SORTING; a
   * target of 0 puts it first.
   */
  public boolean placeInGroup(long groupId, long taskId, long targetId, boolean before) {
    return tasks.placeInGroup(groupId, taskId, targetId, before);
  }

  /** The tasks {@code userId} has a part in (creator, responsible, accomplice, auditor), newest first. */
  public java.util.List<Long> memberTasks(long userId) {
    return tasks.memberTasks(userId);
  }

  public boolean anyInStage(long groupId, long stageId) {
    return tasks.anyInStage(groupId, stageId);
  }

  /** The group's tasks without a stage are pinned to {@code stageId} (a stage is about to become the first). */
  public void stageUnstaged(long groupId, long stageId) {
    tasks.stageUnstaged(groupId, stageId);
  }

  /** Whether the task is completed (status 5), as {@code userId} sees it; false when she may not read it. */
  public boolean completed(long userId, long taskId) {
    return tasks.get(userId, taskId).map(t -> t.status() == Status.COMPLETED).orElse(false);
  }

  /** A comment was added ({@code delta} 1, bumping {@code activityDate}) or removed (-1). */
  public void commentsChanged(long taskId, int delta, Instant activityAt) {
    tasks.commentsChanged(taskId, delta, activityAt);
  }

  /**
   * Something the task shows changed elsewhere (its Gantt links): the change listeners hear an update of the task
   * (ONTASKUPDATE, as the portal fires it for dependency add/delete), in the caller's transaction.
   */
  public void changedBy(long userId, long taskId) {
    tasks.changedElsewhere(taskId, userId);
  }

  /** The task's elapsed-time records now sum to {@code seconds}: {@code timeSpentInLogs}, {@code durationFact}. */
  public void timeSpentChanged(long taskId, long userId, long seconds) {
    tasks.setTimeSpent(taskId, userId, seconds, Math.round(seconds / 60.0));
  }
}
