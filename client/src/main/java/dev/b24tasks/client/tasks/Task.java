package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task as {@code tasks.task.get}/{@code list} answer it, typed: ids as {@code long} (0 when unset), the status
 * as an enum, dates as {@link OffsetDateTime} (null when unset), Y/N flags as {@code boolean}. Fields left out
 * of the {@code select} come as their empty value; {@link #raw()} keeps the row as sent, user fields included.
 *
 * @param id the id
 * @param parentId the parent task, 0 for none
 * @param title the title
 * @param description the description (BBCode)
 * @param status the real status (null if not selected)
 * @param priority the priority
 * @param mark the mark ({@code P}, {@code N}) or null
 * @param groupId the workgroup, 0 for none
 * @param createdBy the creator
 * @param responsibleId the responsible person
 * @param accomplices the participants
 * @param auditors the observers
 * @param changedBy who changed it last
 * @param closedBy who closed it, 0 when open
 * @param createdDate when it was created
 * @param changedDate when it was changed last
 * @param statusChangedDate when its status changed last
 * @param closedDate when it was closed
 * @param dateStart when work started
 * @param deadline the deadline
 * @param startDatePlan the planned start
 * @param endDatePlan the planned end
 * @param taskControl whether the creator reviews the result (completion then awaits review)
 * @param allowChangeDeadline whether the responsible person may move the deadline
 * @param allowTimeTracking whether time is tracked
 * @param favorite in the caller's favourites
 * @param muted muted for the caller
 * @param pinned pinned for the caller
 * @param timeEstimate estimated seconds
 * @param timeSpentInLogs seconds logged
 * @param commentsCount number of comments
 * @param actions what the caller may do now ({@code start}, {@code complete}, {@code approve}…), from {@code action}
 * @param raw the row as the portal sent it
 */
public record Task(long id, long parentId, String title, String description, TaskStatus status,
    Priority priority, String mark, long groupId, long createdBy, long responsibleId, List<Long> accomplices,
    List<Long> auditors, long changedBy, long closedBy, OffsetDateTime createdDate, OffsetDateTime changedDate,
    OffsetDateTime statusChangedDate, OffsetDateTime closedDate, OffsetDateTime dateStart,
    OffsetDateTime deadline, OffsetDateTime startDatePlan, OffsetDateTime endDatePlan, boolean taskControl,
    boolean allowChangeDeadline, boolean allowTimeTracking, boolean favorite, boolean muted, boolean pinned,
    long timeEstimate, long timeSpentInLogs, long commentsCount, Map<String, Boolean> actions, JsonNode raw) {

  /** Reads a task row: camelCase keys ({@code tasks.task.*}) or UPPER ones ({@code task.item.*}). */
  public static Task from(JsonNode t) {
    JsonNode status = Wire.field(t, "status", "REAL_STATUS");
    if (status == null) status = t.get("STATUS");
    String mark = Wire.text(t, "mark", "MARK");
    JsonNode priority = Wire.field(t, "priority", "PRIORITY");
    Map<String, Boolean> actions = new LinkedHashMap<>();
    JsonNode action = t.get("action");
    if (action != null && action.isObject()) action.fields().forEachRemaining(e -> actions.put(e.getKey(),
        e.getValue().asBoolean()));
    return new Task(Wire.id(t, "id", "ID"), Wire.id(t, "parentId", "PARENT_ID"), Wire.text(t, "title", "TITLE"),
        Wire.text(t, "description", "DESCRIPTION"), status == null ? null : TaskStatus.of(Wire.id(status)),
        priority == null || priority.isNull() ? Priority.MEDIUM : Priority.of(Wire.id(priority)),
        mark == null || mark.isEmpty() ? null : mark, Wire.id(t, "groupId", "GROUP_ID"),
        Wire.id(t, "createdBy", "CREATED_BY"), Wire.id(t, "responsibleId", "RESPONSIBLE_ID"),
        Wire.ids(t, "accomplices", "ACCOMPLICES"), Wire.ids(t, "auditors", "AUDITORS"),
        Wire.id(t, "changedBy", "CHANGED_BY"), Wire.id(t, "closedBy", "CLOSED_BY"),
        Wire.date(t, "createdDate", "CREATED_DATE"), Wire.date(t, "changedDate", "CHANGED_DATE"),
        Wire.date(t, "statusChangedDate", "STATUS_CHANGED_DATE"), Wire.date(t, "closedDate", "CLOSED_DATE"),
        Wire.date(t, "dateStart", "DATE_START"), Wire.date(t, "deadline", "DEADLINE"),
        Wire.date(t, "startDatePlan", "START_DATE_PLAN"), Wire.date(t, "endDatePlan", "END_DATE_PLAN"),
        Wire.flag(t, "taskControl", "TASK_CONTROL"), Wire.flag(t, "allowChangeDeadline", "ALLOW_CHANGE_DEADLINE"),
        Wire.flag(t, "allowTimeTracking", "ALLOW_TIME_TRACKING"), Wire.flag(t, "favorite", "FAVORITE"),
        Wire.flag(t, "isMuted", "IS_MUTED"), Wire.flag(t, "isPinned", "IS_PINNED"),
        Wire.id(t, "timeEstimate", "TIME_ESTIMATE"), Wire.id(t, "timeSpentInLogs", "TIME_SPENT_IN_LOGS"),
        Wire.id(t, "commentsCount", "COMMENTS_COUNT"), Map.copyOf(actions), t);
  }

  /** Whether the caller may do {@code action} now ({@code "start"}, {@code "complete"}, {@code "approve"}…). */
  public boolean can(String action) {
    return Boolean.TRUE.equals(actions.get(action));
  }
}
