package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.tasks.TaskView.TaskObject;
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
    r.namedRead("tasks.task.list", "task", this::list);
    r.namedRead("tasks.task.getFields", "task",
        c -> Map.of("fields", TaskFieldCatalogue.fields(service.userFields().describe(c.language()))));
    r.namedRead("tasks.task.counters.get", "task", this::counters);
  }

  /** Counter codes of Bitrix's Counter\\Name (expired and new comments of the "my tasks" view). */
  static final long EXPIRED_CODE = 6291456;
  static final long NEW_COMMENTS_CODE = 12582912;

  /**
   * {"expired":{"counter":n,"code":6291456},"new_comments":{"counter":0,"code":12582912}}; [] for a user who does
   * not exist or whose counters the caller may not see. New comments are counted by the comments feature; until it
   * reports them the counter is 0.
   */
  Object counters(Call call) {
    long userId = call.params().optLong("userId").orElse(call.userId());
    long groupId = Math.max(0, call.params().optLong("groupId").orElse(0));
    String type = call.params().optString("type").orElse("view_all").toLowerCase(java.util.Locale.ROOT);
    java.util.Set<Character> roles = switch (type) {
      case "view_role_responsible" -> java.util.Set.of('R');
      case "view_role_accomplice" -> java.util.Set.of('A');
      case "view_role_auditor" -> java.util.Set.of('U');
      case "view_role_originator" -> java.util.Set.of('O');
      default -> java.util.Set.of('R', 'A', 'O');
    };
    if (userId <= 0 || !service.userExists(userId) || !service.mayWatch(call.userId(), userId)) return List.of();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("expired", counter(service.expiredCount(userId, roles, groupId), EXPIRED_CODE));
    out.put("new_comments", counter(0, NEW_COMMENTS_CODE));
    return out;
  }

  private static Map<String, Object> counter(long value, long code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("counter", value);
    m.put("code", code);
    return m;
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
      page = service.list(call.userId(), TaskFilterInput.filter(filter, service.zoneOf(call.userId())),
          TaskFilterInput.order(order), Math.max(0, start), Page.SIZE, count);
    } catch (IllegalArgumentException e) {
      throw RestException.message("0", 400, TaskErrors.BUNDLE, "INVALID_SORT");
    }
    Map<Long, Integer> sub = new HashMap<>();
    for (Task t : page.tasks()) sub.put(t.id(), service.subStatus(t, call.userId()));
    List<TaskObject> rows = tasks.view(call).rows(page.tasks(), sub);
    if (select.named("TAGS")) TaskMethods.addTags(service, rows);
    if (select.named("UF_TASK_WEBDAV_FILES") || select.named("UF_*")) TaskMethods.addFiles(service, rows);
    if (select.userFields()) TaskMethods.addUserFields(service, rows, select, service.zoneOf(call.userId()));
    if (select.named("CHAT_ID")) TaskMethods.addChats(service, rows);
    for (TaskObject row : rows) row.select(select);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tasks", rows);
    return Page.of(result, start, rows.size(), page.total());
  }
}
