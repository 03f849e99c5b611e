package dev.b24tasks.tasks;

import java.util.Optional;

/**
 * What a user may do to a task, in the order {@code tasks.task.getaccess} lists the keys (translateAllowedActionNames).
 * Each carries its getaccess key, the camelCase key of the task's {@code action} object and, where one exists, the
 * legacy numeric id of {@code task.item.getallowedactions}. Several keys are copies of one rule (EDIT.PLAN of
 * CHANGE_DEADLINE, CHECKLIST.ADD of CHECKLIST_ADD_ITEMS, FAVORITE.* of *_FAVORITE): {@link #rule()} names it.
 */
public enum TaskAction {
  ACCEPT("ACCEPT", "accept", 0x01),
  DECLINE("DECLINE", "decline", 0x02),
  COMPLETE("COMPLETE", "complete", 0x03),
  APPROVE("APPROVE", "approve", 0x04),
  DISAPPROVE("DISAPPROVE", "disapprove", 0x05),
  START("START", "start", 0x06),
  PAUSE("PAUSE", "pause", 0x11),
  DELEGATE("DELEGATE", "delegate", 0x07),
  REMOVE("REMOVE", "remove", 0x08),
  EDIT("EDIT", "edit", 0x09),
  DEFER("DEFER", "defer", 0x0A),
  RENEW("RENEW", "renew", 0x0B),
  CREATE("CREATE", "create", 0x0C),
  CHANGE_DEADLINE("CHANGE_DEADLINE", "changeDeadline", 0x0D),
  CHECKLIST_ADD_ITEMS("CHECKLIST_ADD_ITEMS", "checklistAddItems", 0x0E),
  ADD_FAVORITE("ADD_FAVORITE", "addFavorite", 0x13),
  DELETE_FAVORITE("DELETE_FAVORITE", "deleteFavorite", 0x14),
  RATE("RATE", "rate", 0x666),
  TAKE("TAKE", "take", 0x18),
  EDIT_ORIGINATOR("EDIT.ORIGINATOR", "edit.originator", 0x10),
  CHECKLIST_REORDER("CHECKLIST.REORDER", "checklist.reorder", 0x16),
  ELAPSEDTIME_ADD("ELAPSEDTIME.ADD", "elapsedtime.add", 0x0F),
  DAYPLAN_TIMER_TOGGLE("DAYPLAN.TIMER.TOGGLE", "dayplan.timer.toggle", 0x12),
  EDIT_PLAN("EDIT.PLAN", "edit.plan", -1),
  CHECKLIST_ADD("CHECKLIST.ADD", "checklist.add", -1),
  FAVORITE_ADD("FAVORITE.ADD", "favorite.add", -1),
  FAVORITE_DELETE("FAVORITE.DELETE", "favorite.delete", -1),
  /** Not exported in getaccess; "may see the task" (legacy id 0x17). */
  READ("READ", "read", 0x17);

  /** Key of {@code tasks.task.getaccess}. */
  public final String accessKey;
  /** Key of the task's {@code action} object. */
  public final String viewKey;
  /** Legacy numeric id, or -1 for the keys that only copy another action. */
  public final int legacyId;

  TaskAction(String accessKey, String viewKey, int legacyId) {
    this.accessKey = accessKey;
    this.viewKey = viewKey;
    this.legacyId = legacyId;
  }

  /** The action whose rule decides this key (the copies share their original's rule). */
  public TaskAction rule() {
    return switch (this) {
      case EDIT_PLAN -> CHANGE_DEADLINE;
      case CHECKLIST_ADD -> CHECKLIST_ADD_ITEMS;
      case FAVORITE_ADD -> ADD_FAVORITE;
      case FAVORITE_DELETE -> DELETE_FAVORITE;
      default -> this;
    };
  }

  /** True for the keys getaccess and the {@code action} object list (all but READ). */
  public boolean exported() {
    return this != READ;
  }

  public static Optional<TaskAction> byLegacyId(long id) {
    for (TaskAction a : values()) if (a.legacyId == id) return Optional.of(a);
    return Optional.empty();
  }
}
