package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Wire;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** tasks.task.add / update / get / delete / getaccess and the status family, as the docs group them. */
public final class TaskMethods {
  private final TaskService service;
  private final Directory directory;
  private final Supplier<TaskViewAddons> addons;

  public TaskMethods(TaskService service, Directory directory, Supplier<TaskViewAddons> addons) {
    this.service = service;
    this.directory = directory;
    this.addons = addons;
  }

  public void register(MethodRegistry r) {
    r.named("tasks.task.add", "task", this::add);
    r.named("tasks.task.update", "task", this::update);
    r.named("tasks.task.get", "task", this::get);
    r.named("tasks.task.delete", "task", this::delete);
    r.named("tasks.task.getaccess", "task", this::getaccess);
    // the status family (api-reference/tasks/status/) with approve, disapprove and delegate
    r.named("tasks.task.start", "task", c -> status(c, TaskErrors.PLAIN, service::start));
    r.named("tasks.task.pause", "task", c -> status(c, TaskErrors.ACTION_NOT_ALLOWED, service::pause));
    r.named("tasks.task.defer", "task", c -> status(c, TaskErrors.ACTION_NOT_ALLOWED, service::defer));
    r.named("tasks.task.complete", "task", c -> status(c, TaskErrors.PLAIN, service::complete));
    r.named("tasks.task.renew", "task", c -> status(c, TaskErrors.ACTION_NOT_ALLOWED, service::renew));
    r.named("tasks.task.approve", "task", c -> status(c, TaskErrors.ACTION_NOT_ALLOWED, service::approve));
    r.named("tasks.task.disapprove", "task", c -> status(c, TaskErrors.ACTION_NOT_ALLOWED, service::disapprove));
    r.named("tasks.task.delegate", "task", this::delegate);
  }

  TaskView view(Call call) {
    return new TaskView(service, directory, addons.get(), call.userId());
  }

  Object add(Call call) {
    JsonNode fields = call.params().requireArray("fields");
    try {
      Task t = service.add(call.userId(), TaskInput.read(fields, directory.zoneOf(call.userId())));
      return wrap(view(call).full(t));
    } catch (TaskException e) {
      throw TaskErrors.of(e, TaskErrors.PLAIN);
    }
  }

  Object update(Call call) {
    long id = TaskErrors.taskId(call);
    JsonNode fields = call.params().requireArray("fields");
    try {
      Task t = service.update(call.userId(), id, TaskInput.read(fields, directory.zoneOf(call.userId())));
      return wrap(view(call).full(t));
    } catch (TaskException e) {
      throw TaskErrors.of(e, TaskErrors.PLAIN);
    }
  }

  /** A task that does not exist and one the caller may not see both give {@code "result":[]}. */
  Object get(Call call) {
    long id = TaskErrors.taskId(call);
    Optional<JsonNode> select = call.params().optArray("select");
    Optional<Task> t = service.open(call.userId(), id);
    if (t.isEmpty()) return List.of();
    Map<String, Object> full = view(call).full(t.get());
    return wrap(select.map(s -> TaskSelect.of(s, false).apply(full)).orElse(full));
  }

  Object delete(Call call) {
    long id = TaskErrors.taskId(call);
    try {
      service.delete(call.userId(), id);
    } catch (TaskException e) {
      throw RestException.message(TaskErrors.ACTION_NOT_ALLOWED, 400, TaskErrors.BUNDLE, "DELETE_DENIED");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", true);
    return out;
  }

  /** {"allowedActions": {"503": {"ACCEPT": false, …}}}; [] when the caller may not see the task. */
  Object getaccess(Call call) {
    long id = TaskErrors.taskId(call);
    Optional<JsonNode> users = call.params().optArray("users");
    Optional<Task> t = service.get(call.userId(), id);
    Map<String, Object> out = new LinkedHashMap<>();
    if (t.isEmpty()) {
      out.put("allowedActions", List.of());
      return out;
    }
    Set<Long> ids = new LinkedHashSet<>();
    users.ifPresentOrElse(u -> Params.values(u).forEach(v -> ids.add(Params.phpInt(v))), () -> ids.add(call.userId()));
    Map<String, Object> byUser = new LinkedHashMap<>();
    for (long u : ids) {
      Map<String, Object> actions = new LinkedHashMap<>();
      boolean known = u > 0 && directory.exists(u);
      Map<TaskAction, Boolean> access = known ? service.access(service.facts(u), t.get()) : Map.of();
      for (TaskAction a : TaskAction.values()) {
        if (a.exported()) actions.put(a.accessKey, known && access.getOrDefault(a, false));
      }
      byUser.put(Long.toString(u), actions);
    }
    out.put("allowedActions", byUser);
    return out;
  }

  @FunctionalInterface
  interface StatusAction {
    Task run(long userId, long taskId);
  }

  private Object status(Call call, String refusalCode, StatusAction action) {
    long id = TaskErrors.taskId(call);
    try {
      return wrap(view(call).full(action.run(call.userId(), id)));
    } catch (TaskException e) {
      throw TaskErrors.of(e, refusalCode);
    }
  }

  Object delegate(Call call) {
    long id = TaskErrors.taskId(call);
    long userId = call.params().requireLong("userId");
    try {
      return wrap(view(call).full(service.delegate(call.userId(), id, userId)));
    } catch (TaskException e) {
      throw TaskErrors.of(e, TaskErrors.PLAIN);
    }
  }

  static Map<String, Object> wrap(Object task) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", task);
    return out;
  }

  static String upper(String key) {
    return Wire.upperSnake(key).toUpperCase(Locale.ROOT);
  }
}
