package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Handler;
import dev.b24tasks.rest.Method;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.tasks.TaskErrors.Refusal;
import dev.b24tasks.tasks.TaskView.TaskObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** tasks.task.add / update / get / delete / getaccess and the status family, as the docs group them. */
public final class TaskMethods {
  private final TaskService service;
  private final Directory directory;

  public TaskMethods(TaskService service, Directory directory) {
    this.service = service;
    this.directory = directory;
  }

  /**
   * The table entries, each with the refusal its method answers ({@link TaskErrors.Refusal}); a
   * {@link TaskException} from any task method becomes that error in {@link TaskErrors#refusal}, nowhere else.
   */
  public void register(MethodRegistry r) {
    r.refusals(TaskException.class, TaskErrors::refusal);
    add(r, "tasks.task.add", Refusal.PLAIN, this::add);
    add(r, "tasks.task.update", Refusal.PLAIN, this::update);
    r.add(Method.named("tasks.task.get", "task", this::get).reading());
    add(r, "tasks.task.delete", Refusal.DELETE_DENIED, this::delete);
    r.namedRead("tasks.task.getaccess", "task", this::getaccess);
    // the status family (api-reference/tasks/status/) with approve, disapprove and delegate
    add(r, "tasks.task.start", Refusal.PLAIN, c -> status(c, service::start));
    add(r, "tasks.task.pause", Refusal.ACTION_NOT_ALLOWED, c -> status(c, service::pause));
    add(r, "tasks.task.defer", Refusal.ACTION_NOT_ALLOWED, c -> status(c, service::defer));
    add(r, "tasks.task.complete", Refusal.PLAIN, c -> status(c, service::complete));
    add(r, "tasks.task.renew", Refusal.ACTION_NOT_ALLOWED, c -> status(c, service::renew));
    add(r, "tasks.task.approve", Refusal.ACTION_NOT_ALLOWED, c -> status(c, service::approve));
    add(r, "tasks.task.disapprove", Refusal.ACTION_NOT_ALLOWED, c -> status(c, service::disapprove));
    add(r, "tasks.task.delegate", Refusal.PLAIN, this::delegate);
    add(r, "tasks.task.take", Refusal.PLAIN, c -> status(c, service::take));
    r.named("tasks.task.files.attach", "task", this::attachFile);
  }

  /**
   * {@code {"attachmentId": N}}. The controller's errors: the task id's, {@code fileId} missing or not an int
   * (100), a file the caller may not read, missing or hidden alike (ERROR_CORE), a task she may not edit (0).
   */
  Object attachFile(Call call) {
    long taskId = TaskErrors.taskId(call);
    JsonNode v = call.params().get("fileId");
    if (v == null || v.isNull()) {
      throw RestException.literal("100", 400, "Could not find value for parameter {fileId}");
    }
    String text = v.isContainerNode() ? "Array" : v.asText().trim();
    if (!text.matches("-?\\d{1,18}")) {
      throw RestException.literal("100", 400, "Invalid value " + text + " to match with parameter {fileId}. "
          + "Should be value of type int.");
    }
    long attachment;
    try {
      attachment = service.attachFile(call.userId(), taskId, Long.parseLong(text));
    } catch (TaskException e) {
      throw RestException.literal("0", 400, "Access denied");
    } catch (TaskFiles.FileRefused e) {
      throw RestException.literal("ERROR_CORE", 400, "Insufficient permissions.<br>");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attachmentId", attachment);
    return out;
  }

  static void add(MethodRegistry r, String name, Refusal refusal, Handler h) {
    r.add(Method.named(name, "task", h).refusing(refusal.name()));
  }

  TaskView view(Call call) {
    return service.view(call.userId());
  }

  Object add(Call call) {
    JsonNode fields = call.params().requireArray("fields");
    Task t = service.add(call.userId(), TaskInput.read(fields, service.zoneOf(call.userId())));
    return wrap(view(call).stream(t));
  }

  Object update(Call call) {
    long id = TaskErrors.taskId(call);
    JsonNode fields = call.params().requireArray("fields");
    Task t = service.update(call.userId(), id, TaskInput.read(fields, service.zoneOf(call.userId())));
    return wrap(view(call).stream(t));
  }

  /** A task that does not exist and one the caller may not see both give {@code "result":[]}. */
  Object get(Call call) {
    long id = TaskErrors.taskId(call);
    Optional<JsonNode> select = call.params().optArray("select");
    Optional<Task> t = service.open(call.userId(), id);
    if (t.isEmpty()) return List.of();
    TaskObject full = view(call).stream(t.get());
    TaskSelect chosen = select.map(s -> TaskSelect.of(s, false)).orElse(null);
    if (chosen == null) return wrap(full);
    if (chosen.named("TAGS")) addTags(service, List.of(full));
    if (chosen.named("UF_TASK_WEBDAV_FILES") || chosen.named("UF_*")) addFiles(service, List.of(full));
    if (chosen.userFields()) addUserFields(service, List.of(full), chosen, view(call).zone());
    if (chosen.named("CHAT_ID")) addChats(service, List.of(full));
    return wrap(full.select(chosen));
  }

  /**
   * {@code ufTaskWebdavFiles} (select UF_TASK_WEBDAV_FILES): the attachment ids, {@code false} when there are
   * none (an empty multiple user field), for all the objects with one query.
   */
  static void addFiles(TaskService service, List<TaskObject> objects) {
    Map<Long, List<Long>> files = service.attachmentIds(objects.stream().map(TaskObject::id).toList());
    for (TaskObject o : objects) {
      List<Long> f = files.get(o.id());
      o.files(f == null || f.isEmpty() ? Boolean.FALSE : f);
    }
  }


  /**
   * {@code chatId} (select CHAT_ID): the id of the task chat of the new card, an integer as {@code tasks-new.md}
   * shows it, for all the objects with one query. Without the select it is left out, as the seed answers have it.
   */
  static void addChats(TaskService service, List<TaskObject> objects) {
    Map<Long, Long> chats = service.chatIds(objects.stream().map(TaskObject::id).toList());
    for (TaskObject o : objects) o.chat(chats.get(o.id()));
  }

  /** The custom fields the select asks for, for all the objects with one query. */
  static void addUserFields(TaskService service, List<TaskObject> objects, TaskSelect select, java.time.ZoneId zone) {
    Map<Long, Map<String, Object>> values = service.userFieldValues(objects.stream().map(TaskObject::id).toList(),
        select.userFieldNames(), zone);
    for (TaskObject o : objects) o.userFields(values.getOrDefault(o.id(), Map.of()));
  }

  /** {@code tags} (select TAGS): {label id: {id, title}} or {@code []}, for all the objects with one query. */
  static void addTags(TaskService service, List<TaskObject> objects) {
    Map<Long, Map<String, Object>> tags = service.tags(objects.stream().map(TaskObject::id).toList());
    for (TaskObject o : objects) {
      Map<String, Object> t = tags.get(o.id());
      o.tags(t == null ? List.of() : t);
    }
  }

  Object delete(Call call) {
    service.delete(call.userId(), TaskErrors.taskId(call));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", true);
    return out;
  }

  static final int MAX_ACCESS_USERS = 50;

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
    // each user costs a few queries: a bounded number per call
    if (ids.size() > MAX_ACCESS_USERS) throw dev.b24tasks.rest.RestException.of(dev.b24tasks.rest.RestError.ARGUMENT, "users: at most " + MAX_ACCESS_USERS);
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

  /** The answer of a status action: the task as the action left it, read in the action's own transaction. */
  private Object status(Call call, StatusAction action) {
    return wrap(view(call).stream(action.run(call.userId(), TaskErrors.taskId(call))));
  }

  Object delegate(Call call) {
    long id = TaskErrors.taskId(call);
    long userId = call.params().requireLong("userId");
    return wrap(view(call).stream(service.delegate(call.userId(), id, userId)));
  }

  static Map<String, Object> wrap(Object task) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", task);
    return out;
  }
}
