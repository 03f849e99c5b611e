package dev.b24tasks.checklist;

import java.time.Instant;
import java.util.Map;

/**
 * One checklist item. A root item ({@code parentId == 0}) is a checklist, its title the checklist's name.
 * {@code members} maps user id to 'A' (accomplice) or 'U' (auditor), in the order they were named.
 */
public record ChecklistItem(long id, long taskId, long parentId, long createdBy, String title, int sortIndex,
    boolean complete, boolean important, Long toggledBy, Instant toggledDate, Map<Long, Character> members) {

  public boolean isRoot() {
    return parentId == 0;
  }
}
