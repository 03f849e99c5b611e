package dev.b24tasks.tasks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.b24tasks.rest.Json;
import java.io.IOException;
import java.util.Map;

/**
 * One task object of an answer, written straight from the {@link Task} to the answer's JSON generator (no map in
 * between): the keys, their order and the values exactly as {@link TaskView} puts them, narrowed by a
 * {@code select}, with {@code tags} last when asked for. What it needs from the store (the caller's access, the
 * workgroup, the people, the features' parts) was read when it was made, inside the call's transaction.
 */
final class TaskObject implements JsonSerializable {
  private final TaskView view;
  private final Task task;
  private final String subStatus;
  private final TaskView.Loaded loaded;
  private final Map<TaskAction, Boolean> access;
  private final Object group;
  private TaskSelect select;
  private Object tags;

  TaskObject(TaskView view, Task task, String subStatus, TaskView.Loaded loaded, Map<TaskAction, Boolean> access,
      Object group) {
    this.view = view;
    this.task = task;
    this.subStatus = subStatus;
    this.loaded = loaded;
    this.access = access;
    this.group = group;
  }

  long id() {
    return task.id();
  }

  /** Only the keys {@code select} keeps (null: all). */
  TaskObject select(TaskSelect s) {
    this.select = s != null && s.all() ? null : s;
    return this;
  }

  /** {@code tags}, written last. */
  void tags(Object t) {
    this.tags = t;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
    TaskSelect s = select;
    gen.writeStartObject(this);
    view.write(task, subStatus, loaded, access, group, (key, value) -> {
      if (s == null || s.keeps(key)) {
        gen.writeFieldName(key);
        Json.writeValue(gen, provider, value);
      }
    });
    if (tags != null && (s == null || s.keeps("tags"))) {
      gen.writeFieldName("tags");
      Json.writeValue(gen, provider, tags);
    }
    gen.writeEndObject();
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, provider);
  }
}
