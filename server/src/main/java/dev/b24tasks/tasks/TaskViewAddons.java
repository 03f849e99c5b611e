package dev.b24tasks.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What other features add to the task object. The checklist feature supplies the items of {@code checklist}
 * (id -> item object, in the order they appear) and the nodes under the root of {@code checkListTree}, the comments
 * feature {@code newCommentsCount}; until they plug in, a task shows {@code "checklist":[]}, an empty root and 0.
 * Each feature implements the parts it owns and registers with {@link TaskService#addViewAddons}.
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

  /** The contributions of several features as one: maps merged, tree nodes concatenated, counts added. */
  static TaskViewAddons all(List<TaskViewAddons> parts) {
    if (parts.isEmpty()) return NONE;
    if (parts.size() == 1) return parts.get(0);
    List<TaskViewAddons> copy = List.copyOf(parts);
    return new TaskViewAddons() {
      @Override
      public Map<String, Object> checklist(long taskId, long viewerId) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (TaskViewAddons p : copy) out.putAll(p.checklist(taskId, viewerId));
        return out;
      }

      @Override
      public List<Object> checklistTree(long taskId, long viewerId) {
        List<Object> out = new ArrayList<>();
        for (TaskViewAddons p : copy) out.addAll(p.checklistTree(taskId, viewerId));
        return out;
      }

      @Override
      public long newCommentsCount(long taskId, long viewerId) {
        long n = 0;
        for (TaskViewAddons p : copy) n += p.newCommentsCount(taskId, viewerId);
        return n;
      }
    };
  }
}
