package dev.b24tasks.client.tasks;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fields} of {@code tasks.task.add} and {@code tasks.task.update}: only what is set is sent.
 *
 * <pre>{@code
 * TaskFields.create().title("Call back").responsibleId(7).deadline(OffsetDateTime.now().plusDays(1))
 *     .taskControl(true)
 * }</pre>
 */
public final class TaskFields {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private TaskFields() {}

  /** No fields yet. */
  public static TaskFields create() {
    return new TaskFields();
  }

  /** {@code TITLE}, required to add. */
  public TaskFields title(String title) {
    return set(TaskField.TITLE, title);
  }

  /** {@code DESCRIPTION} (BBCode). */
  public TaskFields description(String description) {
    return set(TaskField.DESCRIPTION, description);
  }

  /** {@code RESPONSIBLE_ID}, required to add. */
  public TaskFields responsibleId(long userId) {
    return set(TaskField.RESPONSIBLE_ID, userId);
  }

  /** {@code CREATED_BY} (defaults to the caller). */
  public TaskFields createdBy(long userId) {
    return set(TaskField.CREATED_BY, userId);
  }

  /** {@code ACCOMPLICES}, replacing the list. */
  public TaskFields accomplices(long... userIds) {
    return set(TaskField.ACCOMPLICES, Arrays.stream(userIds).boxed().toList());
  }

  /** {@code AUDITORS}, replacing the list. */
  public TaskFields auditors(long... userIds) {
    return set(TaskField.AUDITORS, Arrays.stream(userIds).boxed().toList());
  }

  /** {@code DEADLINE}; null clears it. */
  public TaskFields deadline(OffsetDateTime deadline) {
    return set(TaskField.DEADLINE, deadline == null ? "" : deadline);
  }

  /** {@code START_DATE_PLAN} and {@code END_DATE_PLAN}, which the portal wants together. */
  public TaskFields plan(OffsetDateTime start, OffsetDateTime end) {
    set(TaskField.START_DATE_PLAN, start);
    return set(TaskField.END_DATE_PLAN, end);
  }

  /** {@code PRIORITY}. */
  public TaskFields priority(Priority priority) {
    return set(TaskField.PRIORITY, priority.code());
  }

  /** {@code GROUP_ID}; 0 for none. */
  public TaskFields groupId(long groupId) {
    return set(TaskField.GROUP_ID, groupId);
  }

  /** {@code PARENT_ID}; 0 for none. */
  public TaskFields parentId(long parentId) {
    return set(TaskField.PARENT_ID, parentId);
  }

  /** {@code TASK_CONTROL}: the creator reviews the result, so completing waits for approval. */
  public TaskFields taskControl(boolean on) {
    return set(TaskField.TASK_CONTROL, on ? "Y" : "N");
  }

  /** {@code ALLOW_CHANGE_DEADLINE}. */
  public TaskFields allowChangeDeadline(boolean on) {
    return set(TaskField.ALLOW_CHANGE_DEADLINE, on ? "Y" : "N");
  }

  /** {@code ALLOW_TIME_TRACKING}. */
  public TaskFields allowTimeTracking(boolean on) {
    return set(TaskField.ALLOW_TIME_TRACKING, on ? "Y" : "N");
  }

  /** {@code TIME_ESTIMATE}, in seconds. */
  public TaskFields timeEstimate(long seconds) {
    return set(TaskField.TIME_ESTIMATE, seconds);
  }

  /** {@code TAGS}, replacing them. */
  public TaskFields tags(String... tags) {
    return set(TaskField.TAGS, List.of(tags));
  }

  /** Any field by its enum name. */
  public TaskFields set(TaskField field, Object value) {
    return set(field.name(), value);
  }

  /** Any field by its UPPER name ({@code UF_CRM_TASK}, {@code SE_PARAMETER}…). */
  public TaskFields set(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  /** The fields as sent. */
  public Map<String, Object> toMap() {
    return Collections.unmodifiableMap(fields);
  }
}
