package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** tasks.task.list and tasks.task.getFields. */
public final class TaskListMethods {
  private final TaskService service;
  private final TaskMethods tasks;

  public TaskListMethods(TaskService service, TaskMethods tasks) {
    this.service = service;
    this.tasks = tasks;
  }

  public void register(MethodRegistry r) {
    r.named("tasks.task.list", "task", this::list);
    r.named("tasks.task.getFields", "task", c -> Map.of("fields", TaskFieldCatalogue.fields()));
  }

  /** {"tasks":[…]} with total and next; {@code start=-1} skips the count (the SDKs' keyset paging). */
  Object list(Call call) {
    JsonNode filter = call.params().optArray("filter").orElse(null);
    JsonNode order = call.params().optArray("order").orElse(null);
    TaskSelect select = call.params().optArray("select").map(s -> TaskSelect.of(s, true)).orElse(TaskSelect.of(null, true));
    long start = call.params().has("start") ? Params.phpInt(call.params().get("start")) : 0;
    boolean count = start >= 0;
    TaskService.Page page;
    try {
      page = service.list(call.userId(), filter, order, Math.max(0, start), Page.SIZE, count);
    } catch (IllegalArgumentException e) {
      throw RestException.message("0", 400, TaskErrors.BUNDLE, "INVALID_SORT");
    }
    Map<Long, Integer> sub = new HashMap<>();
    for (Task t : page.tasks()) sub.put(t.id(), service.subStatus(t, call.userId()));
    List<Map<String, Object>> rows = tasks.view(call).rows(page.tasks(), sub);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tasks", rows.stream().map(select::apply).toList());
    return Page.of(result, start, rows.size(), page.total());
  }
}
