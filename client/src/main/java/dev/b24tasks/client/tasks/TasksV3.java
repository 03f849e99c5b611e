package dev.b24tasks.client.tasks;

import static dev.b24tasks.client.Bitrix24.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.client.Bitrix24;
import dev.b24tasks.client.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REST 3.0's {@code tasks.task.*} ({@code /rest/api/…}), typed: fields and select use the v3 names
 * ({@code title}, {@code responsibleId}, {@code deadline}, {@code responsible.name}). Get one from
 * {@link Tasks#v3()}.
 */
public final class TasksV3 {
  private final Bitrix24 client;

  TasksV3(Bitrix24 client) {
    this.client = client;
  }

  /** Creates a task ({@code title}, {@code creatorId} and {@code responsibleId} required); answers the new item. */
  public TaskItem add(Map<String, ?> fields) {
    return TaskItem.from(client.callV3("tasks.task.add", params("fields", fields)).result().get("item"));
  }

  /** The task with the portal's default fields, or empty when it is missing or hidden. */
  public Optional<TaskItem> get(long id) {
    return get(id, new String[0]);
  }

  /** The task with {@code select} fields (own fields and dotted related ones), or empty when missing or hidden. */
  public Optional<TaskItem> get(long id, String... select) {
    Map<String, Object> p = params("id", id);
    if (select.length > 0) p.put("select", List.of(select));
    try {
      return Optional.of(TaskItem.from(client.callV3("tasks.task.get", p).result().get("item")));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * One page of tasks: {@code params} as REST 3.0 takes them ({@code select}, {@code filter} as
   * {@code [[field, op, value]…]}, {@code order}, {@code pagination {page, limit}} or {@code cursor}).
   */
  public List<TaskItem> list(Map<String, ?> params) {
    JsonNode items = client.callV3("tasks.task.list", params).result().get("items");
    return Wire.rows(items).stream().map(TaskItem::from).toList();
  }

  /** Changes the fields given. */
  public void update(long id, Map<String, ?> fields) {
    client.callV3("tasks.task.update", params("id", id, "fields", fields));
  }

  /** Deletes the task. */
  public void delete(long id) {
    client.callV3("tasks.task.delete", params("id", id));
  }
}
