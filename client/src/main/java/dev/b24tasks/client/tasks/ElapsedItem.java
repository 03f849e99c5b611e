package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * Time logged on a task ({@code task.elapseditem.get}/{@code getlist}).
 *
 * @param id the record's id
 * @param taskId the task
 * @param userId who spent the time
 * @param seconds how long
 * @param comment what was done
 * @param createdDate when it was logged
 * @param dateStart when the work started, or null
 * @param dateStop when it stopped, or null
 * @param raw the record as sent
 */
public record ElapsedItem(long id, long taskId, long userId, long seconds, String comment,
    OffsetDateTime createdDate, OffsetDateTime dateStart, OffsetDateTime dateStop, JsonNode raw) {

  /** Reads a record. */
  public static ElapsedItem from(JsonNode n) {
    return new ElapsedItem(Wire.id(n, null, "ID"), Wire.id(n, null, "TASK_ID"), Wire.id(n, null, "USER_ID"),
        Wire.id(n, null, "SECONDS"), Wire.text(n, null, "COMMENT_TEXT"), Wire.date(n, null, "CREATED_DATE"),
        Wire.date(n, null, "DATE_START"), Wire.date(n, null, "DATE_STOP"), n);
  }
}
