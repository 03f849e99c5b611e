package dev.b24tasks.tasks;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What other features add to the task object, loaded for a whole set of tasks at once. The view hands a feature
 * the tasks of one answer (one task, or every row of a page) as the viewer may see them; the feature reads its part
 * for all of them with one query per kind of data, whatever the number of tasks, and answers per task from what
 * it read. The checklist feature supplies {@code checklist} (id -> item object, in tree order) and the nodes under
 * the {@code checkListTree} root, the comments feature {@code newCommentsCount}; a task nobody contributes to
 * shows {@code "checklist":[]}, an empty root and 0. Each feature registers with {@link TaskService#addViewAddons}.
 */
public interface TaskViewAddons {
  /** This feature's parts of the tasks in {@code tasks}, read now, in the caller's transaction. */
  Parts load(TaskSet tasks);

  /**
   * The tasks of one answer as {@code viewerId} sees them (only those she may read), and the zone her dates are
   * shown in.
   */
  record TaskSet(long viewerId, ZoneId zone, Map<Long, TaskFacts> tasks) {
    public TaskSet {
      tasks = Map.copyOf(tasks);
    }

    public Set<Long> ids() {
      return tasks.keySet();
    }
  }

  /** One feature's parts of the task objects of a set, by task id. */
  interface Parts {
    /** {@code checklist}: item id -> the item's JSON object. */
    default Map<String, Object> checklist(long taskId) {
      return Map.of();
    }

    /** The {@code descendants} of the {@code checkListTree} root. */
    default List<Object> checklistTree(long taskId) {
      return List.of();
    }

    /** {@code newCommentsCount}: others' comments the viewer has not read yet. */
    default long newCommentsCount(long taskId) {
      return 0;
    }
  }

  Parts NOTHING = new Parts() {};
}
