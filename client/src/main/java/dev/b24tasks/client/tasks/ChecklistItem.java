package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A checklist item ({@code task.checklistitem.get}/{@code getlist}). A top-level item ({@code parentId} 0) is a
 * checklist, its title the checklist's name.
 *
 * @param id the item's id
 * @param taskId the task
 * @param parentId the item above it, 0 for a checklist
 * @param createdBy who added it
 * @param title its text
 * @param sortIndex its place among its siblings
 * @param complete ticked
 * @param important marked important
 * @param toggledBy who ticked or unticked it last, 0 if nobody
 * @param toggledDate when, or null
 * @param raw the item as sent
 */
public record ChecklistItem(long id, long taskId, long parentId, long createdBy, String title, long sortIndex,
    boolean complete, boolean important, long toggledBy, OffsetDateTime toggledDate, JsonNode raw) {

  /** Reads an item (UPPER keys, or camelCase as inside a task's {@code checklist}). */
  public static ChecklistItem from(JsonNode n) {
    return new ChecklistItem(Wire.id(n, "id", "ID"), Wire.id(n, "taskId", "TASK_ID"),
        Wire.id(n, "parentId", "PARENT_ID"), Wire.id(n, "createdBy", "CREATED_BY"), Wire.text(n, "title", "TITLE"),
        Wire.id(n, "sortIndex", "SORT_INDEX"), Wire.flag(n, "isComplete", "IS_COMPLETE"),
        Wire.flag(n, "isImportant", "IS_IMPORTANT"), Wire.id(n, "toggledBy", "TOGGLED_BY"),
        Wire.date(n, "toggledDate", "TOGGLED_DATE"), n);
  }
}
