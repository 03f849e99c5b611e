package dev.b24tasks.tasks;

import java.util.List;
import java.util.Map;

/**
 * What other features add to the task object. The checklist feature supplies the items of {@code checklist}
 * (id -> item object, in the order they appear) and the nodes under the root of {@code checkListTree}; until it
 * plugs in, a task shows {@code "checklist":[]} and an empty root.
 */
public interface TaskViewAddons {
  /** {@code checklist}: item id -> the item's JSON object (a Map with camelCase keys). */
  default Map<String, Object> checklist(long taskId, long viewerId) {
    return Map.of();
  }

  /** The {@code descendants} of the {@code checkListTree} root. */
  default List<Object> checklistTree(long taskId, long viewerId) {
    return List.of();
  }

  /** {@code newCommentsCount}: others' comments the viewer has not read yet (the comments feature). */
  default long newCommentsCount(long taskId, long viewerId) {
    return 0;
  }

  TaskViewAddons NONE = new TaskViewAddons() {};
}
