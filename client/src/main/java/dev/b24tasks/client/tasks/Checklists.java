package dev.b24tasks.client.tasks;

import static dev.b24tasks.client.Bitrix24.params;

import dev.b24tasks.client.Bitrix24;
import java.util.List;
import java.util.Map;

/**
 * {@code task.checklistitem.*}: a task's checklists and their items. These legacy methods read their arguments
 * by position; the client sends them in order.
 */
public final class Checklists {
  private final Bitrix24 client;

  Checklists(Bitrix24 client) {
    this.client = client;
  }

  /** Adds an item to the task's (first) checklist, making one if there is none; answers the new item's id. */
  public long add(long taskId, String title) {
    return add(taskId, params("TITLE", title));
  }

  /**
   * Adds an item with any of {@code TITLE}, {@code PARENT_ID} (0: a new checklist named {@code TITLE}),
   * {@code SORT_INDEX}, {@code IS_COMPLETE}, {@code IS_IMPORTANT}, {@code MEMBERS}; answers its id.
   */
  public long add(long taskId, Map<String, ?> fields) {
    return Wire.id(client.call("task.checklistitem.add", params("TASKID", taskId, "FIELDS", fields)).result());
  }

  /** The item. */
  public ChecklistItem get(long taskId, long itemId) {
    return ChecklistItem.from(client.call("task.checklistitem.get", params("TASKID", taskId, "ITEMID", itemId))
        .result());
  }

  /** The task's items, checklists included, by id. */
  public List<ChecklistItem> list(long taskId) {
    return Wire.rows(client.call("task.checklistitem.getlist", params("TASKID", taskId, "ORDER", Map.of("ID",
        "asc"))).result()).stream().map(ChecklistItem::from).toList();
  }

  /** Changes the item's fields ({@code TITLE}, {@code SORT_INDEX}, {@code IS_IMPORTANT}…). */
  public void update(long taskId, long itemId, Map<String, ?> fields) {
    client.call("task.checklistitem.update", params("TASKID", taskId, "ITEMID", itemId, "FIELDS", fields));
  }

  /** Ticks the item. */
  public void complete(long taskId, long itemId) {
    client.call("task.checklistitem.complete", params("TASKID", taskId, "ITEMID", itemId));
  }

  /** Unticks the item. */
  public void renew(long taskId, long itemId) {
    client.call("task.checklistitem.renew", params("TASKID", taskId, "ITEMID", itemId));
  }

  /** Moves the item after {@code afterItemId} (taking its parent). */
  public void moveAfter(long taskId, long itemId, long afterItemId) {
    client.call("task.checklistitem.moveafteritem",
        params("TASKID", taskId, "ITEMID", itemId, "AFTERITEMID", afterItemId));
  }

  /** Deletes the item. */
  public void delete(long taskId, long itemId) {
    client.call("task.checklistitem.delete", params("TASKID", taskId, "ITEMID", itemId));
  }
}
