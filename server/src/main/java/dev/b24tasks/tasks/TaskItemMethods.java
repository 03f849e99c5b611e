package dev.b24tasks.tasks;

import dev.b24tasks.binding.ArgType;
import dev.b24tasks.binding.Args;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.ManifestDoc;
import dev.b24tasks.binding.PositionalBinder;
import dev.b24tasks.binding.PositionalFamily;
import static dev.b24tasks.binding.LegacyErrors.positive;
import static dev.b24tasks.binding.Manifest.optional;
import static dev.b24tasks.binding.Manifest.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.tasks.TaskErrors.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code task.item.*} (and {@code task.logitem.list}): the deprecated CTaskItem API, positional, on the very same
 * {@link TaskService} calls as {@code tasks.task.*}, so rules, transitions, history and events are shared. Only
 * the envelope differs: action methods answer {@code null}, refusals are {@code ERROR_CORE} with the legacy
 * texts, and task data has UPPER_SNAKE keys.
 */
public final class TaskItemMethods {
  static final String CLS = "ctaskitem";
  static final Manifest ADD = Manifest.of(CLS, "add", required("arNewTaskData", ArgType.ARRAY));
  static final Manifest GETDATA = Manifest.of(CLS, "getdata", required("taskId", ArgType.INTEGER),
      optional("isReturnEscapedData", ArgType.BOOLEAN, BooleanNode.FALSE));
  static final Manifest UPDATE = Manifest.of(CLS, "update", required("taskId", ArgType.INTEGER),
      required("arNewTaskData", ArgType.ARRAY));
  static final Manifest DELEGATE = Manifest.of(CLS, "delegate", required("taskId", ArgType.INTEGER),
      required("userId", ArgType.INTEGER));
  static final Manifest IS_ALLOWED = Manifest.of(CLS, "isactionallowed", required("taskId", ArgType.INTEGER),
      required("actionId", ArgType.INTEGER), optional("userId", ArgType.INTEGER));
  static final Manifest ADD_FAVORITE = Manifest.of(CLS, "addtofavorite", required("taskId", ArgType.INTEGER),
      optional("arParams", ArgType.ARRAY));
  static final Manifest DELETE_FAVORITE = Manifest.of(CLS, "deletefromfavorite",
      required("taskId", ArgType.INTEGER), optional("arParams", ArgType.ARRAY));
  static final Manifest DESCRIPTION = Manifest.of(CLS, "getdescription", required("taskId", ArgType.INTEGER),
      optional("format", ArgType.INTEGER, IntNode.valueOf(1)));
  static final Manifest ADD_FILE = Manifest.of(CLS, "addfile", required("taskId", ArgType.INTEGER),
      required("arFile", ArgType.ARRAY));
  static final Manifest DELETE_FILE = Manifest.of(CLS, "deletefile", required("taskId", ArgType.INTEGER),
      required("attachmentId", ArgType.INTEGER));
  static final Manifest LOG = Manifest.of("ctasklogitem", "list", required("taskId", ArgType.INTEGER));

  private final TaskService tasks;
  private final TaskItemList lists;

  public TaskItemMethods(TaskService tasks) {
    this.tasks = tasks;
    this.lists = new TaskItemList(tasks);
  }

  @FunctionalInterface
  interface StatusAction {
    Task run(long userId, long taskId);
  }

  public void register(MethodRegistry r) {
    PositionalFamily f = new PositionalFamily(r, "task.item", "task").twin("task.ctaskitem");
    f.write(ADD, Refusal.LEGACY_ACTION.name(), this::add)
        .read(GETDATA, this::getData)
        .write(UPDATE, Refusal.LEGACY_UPDATE.name(), this::update)
        .write(one("delete"), Refusal.LEGACY_DELETE.name(), (c, a) -> {
          tasks.delete(c.userId(), a.id(0));
          return null;
        })
        .readUnbound(TaskItemList.LIST, lists::list);
    r.alias("task.item.getlist", "task.item.list");
    r.alias("task.ctaskitem.getlist", "task.item.list");
    status(f, "startexecution", tasks::start);
    status(f, "pauseexecution", tasks::pause);
    status(f, "defer", tasks::defer);
    status(f, "complete", tasks::complete);
    status(f, "renew", tasks::renew);
    status(f, "approve", tasks::approve);
    status(f, "disapprove", tasks::disapprove);
    f.write(DELEGATE, Refusal.LEGACY_ACTION.name(), (c, a) -> {
          tasks.delegate(c.userId(), a.id(0), a.integer(1));
          return null;
        })
        .read(one("getallowedactions"),
            (c, a) -> TaskDataView.allowedIds(tasks.access(tasks.facts(c.userId()), readable(c, a.id(0)))));
    r.alias("task.item.getallowedtaskactions", "task.item.getallowedactions");
    f.read(one("getallowedtaskactionsasstrings"), this::allowedActionsAsStrings)
        .read(IS_ALLOWED, this::isActionAllowed)
        .write(ADD_FAVORITE, this::favorite)
        .write(DELETE_FAVORITE, this::favorite)
        .read(DESCRIPTION, this::description)
        .readUnbound(one("getfiles"), this::files)
        .read(one("gettags"), this::tags)
        .write(ADD_FILE, Refusal.LEGACY_ACTION.name(), this::addFile)
        .write(DELETE_FILE, Refusal.LEGACY_ACTION.name(), (c, a) -> {
          tasks.deleteFile(c.userId(), a.id(0), positive(a.integer(1)));
          return null;
        })
        .read(one("getexecutiveuserid"), (c, a) -> readable(c, a.id(0)).responsibleId())
        .read(Manifest.of(CLS, "getmanifest"), (c, a) -> manifest(f));
    r.positionalRead("task.items.getlist", "task", lists::itemsGetList);
    r.positionalRead("task.logitem.list", "task", this::log);
  }

  private static Manifest one(String method) {
    return Manifest.of(CLS, method, required("taskId", ArgType.INTEGER));
  }

  private void status(PositionalFamily f, String method, StatusAction action) {
    f.write(one(method), Refusal.LEGACY_ACTION.name(), (c, a) -> {
      action.run(c.userId(), a.id(0));
      return null;
    });
  }

  private Object add(Call call, Args a) {
    return tasks.add(call.userId(), TaskInput.read(a.map(0), tasks.zoneOf(call.userId()))).id();
  }

  private Object getData(Call call, Args a) {
    Task t = readable(call, a.id(0));
    return new TaskDataView(tasks, call.userId()).data(t, a.bool(1));
  }

  private Object update(Call call, Args a) {
    long id = a.id(0);
    // The classic path loads the task with a read check first: an unreadable task is "not allowed".
    if (tasks.get(call.userId(), id).isEmpty()) throw LegacyErrors.actionNotAllowed();
    tasks.update(call.userId(), id, TaskInput.read(a.map(1), tasks.zoneOf(call.userId())));
    return null;
  }

  private Object allowedActionsAsStrings(Call call, Args a) {
    Task t = readable(call, a.id(0));
    Map<TaskAction, Boolean> access = tasks.access(tasks.facts(call.userId()), t);
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (TaskAction action : LegacyActions.ORDERED) out.put(LegacyActions.constant(action), access.get(action));
    return out;
  }

  /**
   * Any user id may be asked about (3rd argument), but only on a task the caller herself may read: a hidden task
   * gives false, as a missing one does, so the answer tells nothing about tasks she cannot see. An unknown action
   * id, task or user gives false.
   */
  private Object isActionAllowed(Call call, Args a) {
    long taskId = a.id(0);
    long userId = a.has(2) && a.integer(2) > 0 ? a.integer(2) : call.userId();
    Optional<TaskAction> action = TaskAction.byLegacyId(a.integer(1));
    if (action.isEmpty()) return false;
    if (!tasks.canRead(call.userId(), taskId)) return false;
    return tasks.allows(userId, taskId, action.get());
  }

  /** Both favorite methods toggle, as the portal's do; the answer says whether the task is now a favorite. */
  private Object favorite(Call call, Args a) {
    long id = a.id(0);
    // read and flip under the task's row lock: two toggles at once give on then off, never on twice
    return tasks.toggleFavorite(call.userId(), id)
        .orElseThrow(() -> LegacyErrors.message("legacy", "TASK_NOT_FOUND"));
  }

  private Object description(Call call, Args a) {
    Task t = readable(call, a.id(0));
    long format = a.integer(1);
    String text = t.description() == null ? "" : t.description();
    if (format == 1) return text;
    if (format == 2) return BbCode.toHtml(text);
    if (format == 3) return BbCode.toPlainText(text);
    throw PositionalBinder.forbiddenValue(DESCRIPTION, 1, Long.toString(format));
  }

  /** The task's tag names, {@code ["TAG1","TAG2"]}; a hidden task is refused as a missing one. */
  private Object tags(Call call, Args a) {
    return tasks.tagNames(call.userId(), a.id(0)).orElseThrow(() -> LegacyErrors.message("legacy", "TASK_NOT_FOUND"));
  }

  /** The task's Drive attachments: their ids, oldest first; a hidden task is refused as a missing one. */
  private Object files(Call call) {
    long id = positive(PositionalBinder.bind(one("getfiles"), call.args()).integer(0));
    readable(call, id);
    return tasks.attachmentIds(List.of(id)).getOrDefault(id, List.of());
  }

  /** FILE {NAME, CONTENT (base64)}: a new Drive file of the caller's, attached; the answer is the attachment id. */
  private Object addFile(Call call, Args a) {
    long id = a.id(0);
    ObjectNode file = a.map(1);
    JsonNode name = file.get("NAME");
    JsonNode content = file.get("CONTENT");
    return tasks.addFile(call.userId(), id, name == null || !name.isValueNode() || name.isNull() ? null : name.asText(),
        content == null || !content.isValueNode() || content.isNull() ? null : content.asText());
  }

  private Object log(Call call) {
    long id = positive(PositionalBinder.bind(LOG, call.args()).integer(0));
    readable(call, id);
    var zone = tasks.zoneOf(call.userId());
    List<Map<String, Object>> out = new ArrayList<>();
    for (TaskStore.HistoryRow h : tasks.history(call.userId(), id, null, true)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("CREATED_DATE", Wire.date(h.createdDate(), zone));
      row.put("USER_ID", Long.toString(h.userId()));
      row.put("TASK_ID", Long.toString(h.taskId()));
      row.put("FIELD", h.field());
      row.put("FROM_VALUE", h.from() == null ? "" : h.from());
      row.put("TO_VALUE", h.to() == null ? "" : h.to());
      out.add(row);
    }
    return out;
  }

  private static Object manifest(PositionalFamily f) {
    return new ManifestDoc("1.0", "item").fields("readable", TaskDataView.READABLE.stream()
        .map(Wire::upperSnake).toList()).methods(f.manifests());
  }

  private Task readable(Call call, long id) {
    return tasks.get(call.userId(), id).orElseThrow(() -> LegacyErrors.message("legacy", "TASK_NOT_FOUND"));
  }
}
