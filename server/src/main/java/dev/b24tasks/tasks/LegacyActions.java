package dev.b24tasks.tasks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The legacy action constants of {@code task.item.getallowedactions}, {@code getallowedtaskactionsasstrings} and
 * {@code isactionallowed}: the tasks feature's actions that carry a numeric id, ordered by it, with CTaskItem's
 * names where they differ from the access keys.
 */
final class LegacyActions {
  static final List<TaskAction> ORDERED = Arrays.stream(TaskAction.values())
      .filter(a -> a.legacyId > 0 && a.exported()).sorted(Comparator.comparingInt(a -> a.legacyId)).toList();

  private static final Map<TaskAction, String> RENAMED = Map.of(
      TaskAction.EDIT_ORIGINATOR, "CHANGE_DIRECTOR",
      TaskAction.CHECKLIST_REORDER, "CHECKLIST_REORDER_ITEMS",
      TaskAction.ELAPSEDTIME_ADD, "ELAPSED_TIME_ADD",
      TaskAction.DAYPLAN_TIMER_TOGGLE, "START_TIME_TRACKING");

  private LegacyActions() {}

  /** {@code ACTION_ACCEPT}, {@code ACTION_CHANGE_DIRECTOR}, … */
  static String constant(TaskAction a) {
    return "ACTION_" + RENAMED.getOrDefault(a, a.name());
  }
}
