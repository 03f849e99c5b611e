package dev.b24tasks.client.tasks;

import static dev.b24tasks.client.Bitrix24.params;

import dev.b24tasks.client.Bitrix24;
import java.util.List;
import java.util.Map;

/** {@code task.elapseditem.*}: time logged on a task (legacy positional methods, sent in order). */
public final class Elapsed {
  private final Bitrix24 client;

  Elapsed(Bitrix24 client) {
    this.client = client;
  }

  /** Logs {@code seconds} of the caller's work with a comment; answers the record's id. */
  public long add(long taskId, long seconds, String comment) {
    return add(taskId, params("SECONDS", seconds, "COMMENT_TEXT", comment));
  }

  /** Logs time with any of {@code SECONDS}, {@code COMMENT_TEXT}, {@code USER_ID}, {@code CREATED_DATE}…. */
  public long add(long taskId, Map<String, ?> fields) {
    return Wire.id(client.call("task.elapseditem.add", params("TASKID", taskId, "ARFIELDS", fields)).result());
  }

  /** The record. */
  public ElapsedItem get(long taskId, long itemId) {
    return ElapsedItem.from(client.call("task.elapseditem.get", params("TASKID", taskId, "ITEMID", itemId))
        .result());
  }

  /** The task's records, oldest first. */
  public List<ElapsedItem> list(long taskId) {
    return Wire.rows(client.call("task.elapseditem.getlist", params("TASKID", taskId, "ORDER", Map.of("ID",
        "asc"))).result()).stream().map(ElapsedItem::from).toList();
  }

  /** Changes the record ({@code SECONDS}, {@code COMMENT_TEXT}…). */
  public void update(long taskId, long itemId, Map<String, ?> fields) {
    client.call("task.elapseditem.update", params("TASKID", taskId, "ITEMID", itemId, "ARFIELDS", fields));
  }

  /** Deletes the record. */
  public void delete(long taskId, long itemId) {
    client.call("task.elapseditem.delete", params("TASKID", taskId, "ITEMID", itemId));
  }
}
