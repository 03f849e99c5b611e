package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as REST 3.0 ({@code /rest/api/tasks.task.*}) answers it: ids are numbers, flags JSON booleans, the status
 * and priority names ({@code in_progress}, {@code average}) read into the same enums as the classic API. Fields
 * left out of the {@code select} come as their empty value; {@link #raw()} keeps the item as sent (related objects
 * such as {@code responsible.name} included).
 *
 * @param id the id
 * @param title the title
 * @param description the description
 * @param status the status, or null if not selected
 * @param priority the priority
 * @param creatorId the creator
 * @param responsibleId the responsible person
 * @param accomplices the participants
 * @param auditors the observers
 * @param groupId the workgroup, 0 for none
 * @param parentId the parent task, 0 for none
 * @param deadline the deadline, or null
 * @param created when it was created, or null if not selected
 * @param changed when it was changed last, or null
 * @param closed when it was closed, or null
 * @param needsControl whether the creator reviews the result
 * @param raw the item as sent
 */
public record TaskItem(long id, String title, String description, TaskStatus status, Priority priority,
    long creatorId, long responsibleId, List<Long> accomplices, List<Long> auditors, long groupId, long parentId,
    OffsetDateTime deadline, OffsetDateTime created, OffsetDateTime changed, OffsetDateTime closed,
    boolean needsControl, JsonNode raw) {

  /** Reads a v3 task item. */
  public static TaskItem from(JsonNode t) {
    String status = Wire.text(t, "status", null);
    String priority = Wire.text(t, "priority", null);
    return new TaskItem(Wire.id(t, "id", null), Wire.text(t, "title", null), Wire.text(t, "description", null),
        status == null ? null : TaskStatus.ofV3(status), priority == null ? Priority.MEDIUM : Priority.ofV3(priority),
        Wire.id(t, "creatorId", null), Wire.id(t, "responsibleId", null), Wire.ids(t, "accomplices", null),
        Wire.ids(t, "auditors", null), Wire.id(t, "groupId", null), Wire.id(t, "parentId", null),
        Wire.date(t, "deadline", null), Wire.date(t, "created", null), Wire.date(t, "changed", null),
        Wire.date(t, "closed", null), Wire.flag(t, "needsControl", null), t);
  }
}
