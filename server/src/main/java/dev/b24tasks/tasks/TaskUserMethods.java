package dev.b24tasks.tasks;

import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.RestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a user does to a task for herself (api-reference/tasks/user-actions/) and the task's history. */
public final class TaskUserMethods {
  private final TaskService service;
  private final Directory directory;
  private final TaskMethods tasks;

  public TaskUserMethods(TaskService service, Directory directory, TaskMethods tasks) {
    this.service = service;
    this.directory = directory;
    this.tasks = tasks;
  }

  public void register(MethodRegistry r) {
    TaskMethods.add(r, "tasks.task.startwatch", TaskErrors.Refusal.WATCH, c -> watch(c, true));
    TaskMethods.add(r, "tasks.task.stopwatch", TaskErrors.Refusal.WATCH, c -> watch(c, false));
    r.named("tasks.task.mute", "task", c -> flag(c, TaskService.Flag.MUTE, true));
    r.named("tasks.task.unmute", "task", c -> flag(c, TaskService.Flag.MUTE, false));
    r.named("tasks.task.pin", "task", c -> flag(c, TaskService.Flag.PIN, true));
    r.named("tasks.task.unpin", "task", c -> flag(c, TaskService.Flag.PIN, false));
    r.named("tasks.task.favorite.add", "task", c -> favorite(c, true));
    r.named("tasks.task.favorite.remove", "task", c -> favorite(c, false));
    r.namedRead("tasks.task.history.list", "task", this::history);
  }

  /** startwatch/stopwatch need only read access; a missing or hidden task is 1048584 "a:0:{}" as the docs show. */
  Object watch(Call call, boolean on) {
    long id = TaskErrors.taskId(call);
    return TaskMethods.wrap(tasks.view(call).stream(service.watch(call.userId(), id, on)));
  }

  /** mute/unmute, pin/unpin: the task, or {@code []} when it is missing or hidden. */
  Object flag(Call call, TaskService.Flag flag, boolean on) {
    long id = flag != TaskService.Flag.FAVORITE ? TaskErrors.taskId(call, "id", "taskId") : TaskErrors.taskId(call);
    Optional<Task> t = service.flag(call.userId(), id, flag, on);
    return t.<Object>map(task -> TaskMethods.wrap(tasks.view(call).stream(task))).orElse(List.of());
  }

  Object favorite(Call call, boolean on) {
    long id = TaskErrors.taskId(call);
    if (service.flag(call.userId(), id, TaskService.Flag.FAVORITE, on).isEmpty()) {
      throw RestException.message("1", 400, TaskErrors.BUNDLE, "NOT_FOUND_OR_NOT_ACCESSIBLE");
    }
    return true;
  }

  /** {"list":[{id, createdDate, field, value:{from,to}, user:{…}}]}, newest first unless ordered ASC. */
  Object history(Call call) {
    long id = TaskErrors.taskId(call);
    String field = call.params().optArray("filter").map(f -> {
      for (var e : f.properties()) if (e.getKey().equalsIgnoreCase("FIELD")) return e.getValue().asText();
      return null;
    }).orElse(null);
    boolean ascending = call.params().optArray("order").map(o -> {
      for (var e : o.properties()) {
        if (e.getKey().equalsIgnoreCase("createdDate") || e.getKey().equalsIgnoreCase("CREATED_DATE")) {
          return e.getValue().asText().toUpperCase(Locale.ROOT).equals("ASC");
        }
      }
      return false;
    }).orElse(false);
    if (service.exists(id) && !service.canRead(call.userId(), id)) {
      throw RestException.message("0", 400, TaskErrors.BUNDLE, "ACCESS_DENIED");
    }
    List<TaskStore.HistoryRow> rows = service.history(call.userId(), id, field, ascending);
    Set<Long> userIds = new LinkedHashSet<>();
    rows.forEach(r -> userIds.add(r.userId()));
    Map<Long, User> users = directory.users(userIds);
    TaskView view = tasks.view(call);
    List<Object> list = new ArrayList<>();
    for (TaskStore.HistoryRow r : rows) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", r.id());
      e.put("createdDate", view.date(r.createdDate()));
      e.put("field", r.field());
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("from", r.from());
      value.put("to", r.to());
      e.put("value", value);
      User u = users.get(r.userId());
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("id", r.userId());
      user.put("name", u == null ? "" : u.name());
      user.put("lastName", u == null ? "" : u.lastName());
      user.put("secondName", u == null ? "" : u.secondName());
      user.put("login", u == null ? "" : u.login());
      e.put("user", user);
      list.add(e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("list", list);
    return out;
  }
}
