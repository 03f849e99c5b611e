package dev.b24tasks.checklist;

import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskAction;

/**
 * Who may add, edit and toggle checklist items: the checklistAdd / checklistEdit / checklistToggle rows of the
 * decision table (bitrix-task-semantics.md §2.3). The task-level parts (admin, creator, manager of the creator,
 * workgroup, assignees may add) are the task rules' verdicts ("checklistAddItems", "checklist.reorder"), asked
 * of the tasks feature; only what depends on an item is decided here. Every check presumes read access: a
 * {@link TaskFacts} exists only for a task its user may read.
 */
public final class ChecklistRules {
  private ChecklistRules() {}

  /** ChecklistAddRule. */
  public static boolean add(TaskFacts t) {
    return t.allows(TaskAction.CHECKLIST_ADD_ITEMS);
  }

  /**
   * ChecklistEditRule (modify, remove, reorder): the task-level rule, or the item is the user's own or one of
   * her subordinates'. ({@code TASK_ASSIGNEE_CHECKLIST_EDIT} is granted to nobody by default.)
   */
  public static boolean edit(TaskFacts t, ChecklistItem item) {
    if (t.allows(TaskAction.CHECKLIST_REORDER)) return true;
    return item != null && (item.createdBy() == t.userId() || t.subordinates().contains(item.createdBy()));
  }

  /** ChecklistToggleRule: checking or unchecking a box. */
  public static boolean toggle(TaskFacts t, ChecklistItem item) {
    if (t.admin()) return true;
    if (item.taskId() != t.id()) return false;
    return t.isCreator() || t.isResponsible() || t.isAccomplice() || edit(t, item);
  }

  /** The legacy action ids (1, 2, … in this order) of {@code task.checklistitem.isactionallowed}. */
  public enum Action {
    ADD, MODIFY, REMOVE, TOGGLE, REORDER;

    static Action of(long id) {
      return id >= 1 && id <= values().length ? values()[(int) id - 1] : null;
    }
  }

  public static boolean allows(TaskFacts t, Action action, ChecklistItem item) {
    return switch (action) {
      case ADD -> add(t);
      case MODIFY, REMOVE, REORDER -> edit(t, item);
      case TOGGLE -> toggle(t, item);
    };
  }
}
