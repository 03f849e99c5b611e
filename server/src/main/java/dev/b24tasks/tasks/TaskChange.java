package dev.b24tasks.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The field values one action writes, in the order they were decided. Values are domain types. */
public final class TaskChange {
  private final Map<TaskField, Object> fields = new LinkedHashMap<>();

  public TaskChange set(TaskField field, Object value) {
    fields.put(field, value);
    return this;
  }

  public Map<TaskField, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  public boolean has(TaskField field) {
    return fields.containsKey(field);
  }

  public Object get(TaskField field) {
    return fields.get(field);
  }

  /**
   * True when some non-bookkeeping field would get a new value: the classic path's "Don't update task, if nothing
   * changed" test (CTaskItem::proceedAction).
   */
  public boolean changes(Task current) {
    for (Map.Entry<TaskField, Object> e : fields.entrySet()) {
      if (e.getKey().bookkeeping()) continue;
      if (!Objects.equals(e.getValue(), e.getKey().of(current))) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
