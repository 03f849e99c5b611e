package dev.b24tasks.tasks;

import dev.b24tasks.config.Settings;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Group;
import dev.b24tasks.directory.GroupAccess;
import dev.b24tasks.directory.GroupPermission;
import dev.b24tasks.directory.User;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import dev.b24tasks.tasks.TaskRules.Transition;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The task use cases. Every writing call is one transaction that locks the task row ({@code SELECT … FOR UPDATE})
 * while the rule is decided and the transition written, so two concurrent calls can never both act on the same
 * old state; history rows and listeners run in the same transaction. A refused call writes nothing.
 */
public final class TaskService {
  private final Database db;
  private final Directory directory;
  private final Clock clock;
  private final Settings settings;
  private final TaskStore store = new TaskStore();
  private final TaskTags tags = new TaskTags();
  private volatile TaskFiles files = TaskFiles.NONE;
  private volatile TaskChats chats = TaskChats.NONE;
  private volatile TaskUserFields userFields = TaskUserFields.NONE;
  private volatile NewStages newStages = NewStages.NONE;
  private volatile PlanStages plans = PlanStages.NONE;
  private final List<TaskChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final List<TaskViewAddons> viewAddons = new CopyOnWriteArrayList<>();

  public TaskService(Database db, Directory directory, Clock clock, Settings settings) {
    this.db = db;
    this.directory = directory;
    this.clock = clock;
    this.settings = settings;
  }

  /** Registers a hook called inside the transaction of every change (the event outbox plugs in here). */
  public void addListener(TaskChangeListener listener) {
    listeners.add(listener);
  }

  /** Lets another feature (checklists, comments) supply its part of the task object; every provider counts. */
  /** The list's STAGE_ID filter asks {@code stages} which stage is a group board's NEW one. */
  public void useStages(NewStages stages) {
    this.newStages = stages;
  }

  /** The members' "My plan" boards: pinned on add and when people join, the list's STAGES_ID and SORTING. */
  public void usePlans(PlanStages plans) {
    this.plans = plans;
  }

  /** The Drive attachments of tasks (UF_TASK_WEBDAV_FILES) are kept by {@code files}. */
  public void useFiles(TaskFiles files) {
    this.files = files;
  }

  /** The task chats of the new card ({@code chatId}) are kept by {@code chats}. */
  public void useChats(TaskChats chats) {
    this.chats = chats;
  }

  /** The chat ids of the tasks of one answer ({@code chatId}), one query for the set. */
  public Map<Long, Long> chatIds(Collection<Long> taskIds) {
    return taskIds.isEmpty() ? Map.of() : chats.chatIds(taskIds);
  }

  /** The attachment ids of the tasks of one answer (UF_TASK_WEBDAV_FILES), one query for the set. */
  public Map<Long, List<Long>> attachmentIds(Collection<Long> taskIds) {
    return taskIds.isEmpty() ? Map.of() : files.attachmentIds(taskIds);
  }

  /** The custom fields of tasks (UF_*) and their values are kept by {@code fields}. */
  public void useUserFields(TaskUserFields fields) {
    this.userFields = fields;
  }

  TaskUserFields userFields() {
    return userFields;
  }

  /**
   * The custom fields' values of the tasks of one answer (FIELD_NAME to value), one query for the set;
   * {@code names} null: every field.
   */
  Map<Long, Map<String, Object>> userFieldValues(Collection<Long> taskIds, Set<String> names, ZoneId zone) {
    return taskIds.isEmpty() ? Map.of() : userFields.values(taskIds, names, zone);
  }

  /**
   * Writes the custom fields' values a call gave; a refused value is the field validation's ERROR_CORE. Answers
   * the fields an update changed.
   */
  private List<TaskUserFields.Changed> writeUserFields(long taskId, TaskInput in, boolean adding, ZoneId zone) {
    try {
      return userFields.write(taskId, in.userFields(), adding, zone);
    } catch (TaskUserFields.ValueRefused e) {
      throw TaskException.invalid(e.key(), e.label());
    }
  }

  public void addViewAddons(TaskViewAddons addons) {
    viewAddons.add(addons);
  }

  /** What the registered features add to the task object, in the order they registered. */
  public List<TaskViewAddons> viewAddons() {
    return List.copyOf(viewAddons);
  }

  /** The view of one call's tasks for {@code viewerId}: the page's sets loaded once, inside the call. */
  public TaskView view(long viewerId) {
    return new TaskView(this, directory, viewAddons(), viewerId);
  }

  Database db() {
    return db;
  }

  TaskStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  // ---- reading ---------------------------------------------------------------------------------------------

  /** The task as {@code viewer} sees it, or empty when it does not exist or she may not see it. */
  public Optional<Task> get(long viewer, long id) {
    return db.read(tx -> visible(tx, viewer, id));
  }

  /** Like {@link #get} and records that the viewer has opened the task (clears its "not viewed" state). */
  public Optional<Task> open(long viewer, long id) {
    return db.tx(tx -> {
      Optional<Task> t = visible(tx, viewer, id);
      if (t.isPresent() && t.get().viewer().viewedDate() == null) {
        store.viewed(tx, viewer, id, clock.instant());
        return store.load(tx, id, viewer, false);
      }
      return t;
    });
  }

  private Optional<Task> visible(Tx tx, long viewer, long id) throws SQLException {
    Optional<Task> t = store.load(tx, id, viewer, false);
    if (t.isEmpty() || !TaskRules.allows(TaskAction.READ, actor(viewer, t.get()), t.get())) return Optional.empty();
    return t;
  }

  /** Whether a task with this id exists at all (for the few methods that tell "missing" from "hidden"). */
  public boolean exists(long taskId) {
    return db.read(tx -> store.exists(tx, taskId));
  }

  public boolean canRead(long userId, long taskId) {
    return get(userId, taskId).isPresent();
  }

  /** Whether the rule of {@code action} lets the user act on the task; false for a missing task. */
  public boolean allows(long userId, long taskId, TaskAction action) {
    return db.read(tx -> store.load(tx, taskId, userId, false)
        .map(t -> TaskRules.allows(action, actor(userId, t), t)).orElse(false));
  }

  /** Throws {@link TaskException#denied()} unless the user may do {@code action} (checklists, elapsed time…). */
  public void assertAction(long userId, long taskId, TaskAction action) {
    if (!allows(userId, taskId, action)) throw TaskException.denied();
  }

  /** Every exported action with its verdict for the user, in getaccess order. */
  public Map<TaskAction, Boolean> access(UserFacts f, Task t) {
    Actor a = actor(f, t);
    Map<TaskAction, Boolean> out = new java.util.LinkedHashMap<>();
    for (TaskAction action : TaskAction.values()) {
      if (action.exported()) out.put(action, TaskRules.allows(action, a, t));
    }
    return out;
  }

  /**
   * The facts about a user that do not depend on the task, gathered once per call (see {@link #facts}) and
   * handed to the rules and the view: whether she exists and is an administrator, everyone below her, the zone
   * her dates are shown in, and what each workgroup met so far lets her do.
   */
  public record UserFacts(long userId, boolean exists, boolean admin, Set<Long> subordinates, ZoneId zone,
      Map<Long, GroupFacts> groups) {}

  /** A workgroup as the rules and the view need it for one user: its brief, her permissions, whether it takes tasks. */
  public record GroupFacts(Group group, Set<GroupPermission> permissions, boolean takesTasks) {
    static final GroupFacts NONE = new GroupFacts(null, Set.of(), false);
  }

  private record FactsKey(long userId) {}

  /**
   * The user's facts, computed once per call: the call's transaction keeps them (one query the first time),
   * so the rules of every task and the view of every row read the same facts without asking again.
   */
  public UserFacts facts(long userId) {
    return db.memo(new FactsKey(userId), tx -> {
      Directory.Person p = directory.person(userId);
      Optional<User> u = p.user();
      boolean active = u.map(User::active).orElse(false);
      return new UserFacts(userId, active, active && u.get().admin(), p.subordinates(), zone(u.orElse(null)),
          new HashMap<>());
    });
  }

  /** The zone task dates are shown to {@code userId} in (her own, or the portal's): from her facts. */
  public ZoneId zoneOf(long userId) {
    return facts(userId).zone();
  }

  private ZoneId zone(User u) {
    if (u == null || u.timeZone() == null || u.timeZone().isBlank()) return directory.portalZone();
    try {
      return ZoneId.of(u.timeZone());
    } catch (DateTimeException e) {
      return directory.portalZone();
    }
  }

  /** Reads the workgroups of {@code groupIds} the facts do not know yet, all in one query. */
  void knowGroups(UserFacts f, Collection<Long> groupIds) {
    Set<Long> missing = new LinkedHashSet<>();
    for (Long g : groupIds) if (g != null && g > 0 && !f.groups().containsKey(g)) missing.add(g);
    if (missing.isEmpty()) return;
    Map<Long, GroupAccess> found = directory.groupAccess(f.userId(), missing);
    for (Long g : missing) {
      GroupAccess a = found.get(g);
      // a group that is gone grants nothing; an administrator's rules never ask the group
      f.groups().put(g, a == null ? GroupFacts.NONE
          : new GroupFacts(a.group(), f.admin() ? Set.of() : a.permissions(f.admin(), f.exists()), a.takesTasks()));
    }
  }

  /** The facts about {@code userId} that the rules need for this task. */
  Actor actor(long userId, Task t) {
    return actor(facts(userId), t);
  }

  Actor actor(UserFacts f, Task t) {
    long userId = f.userId();
    GroupFacts g = GroupFacts.NONE;
    if (t.groupId() > 0) {
      knowGroups(f, List.of(t.groupId()));
      g = f.groups().get(t.groupId());
    }
    boolean favorite = t.viewer().userId() == userId ? t.viewer().favorite()
        : db.read(tx -> store.isFavorite(tx, userId, t.id()));
    return new Actor(userId, f.admin(), f.subordinates(), g.permissions(), favorite, g.takesTasks());
  }

  /** The task as the features hanging off it see it for one user: members and the actions the rules allow her. */
  TaskFacts taskFacts(UserFacts f, Task t) {
    Set<TaskAction> allowed = java.util.EnumSet.noneOf(TaskAction.class);
    Actor a = actor(f, t);
    for (TaskAction action : TaskAction.values()) {
      if (action.exported() && TaskRules.allows(action, a, t)) allowed.add(action);
    }
    if (TaskRules.allows(TaskAction.READ, a, t)) allowed.add(TaskAction.READ);
    return new TaskFacts(t.id(), t.createdBy(), t.responsibleId(), t.accomplices(), f.userId(), f.admin(),
        f.subordinates(), allowed);
  }

  /** A workgroup by id (the web console's cards), or empty without one. */
  public Optional<Group> group(long groupId) {
    return groupId > 0 ? directory.group(groupId) : Optional.empty();
  }

  /** The task's workgroup as the facts know it (read with the page), or empty without one. */
  Optional<Group> group(UserFacts f, long groupId) {
    if (groupId <= 0) return Optional.empty();
    knowGroups(f, List.of(groupId));
    return Optional.ofNullable(f.groups().get(groupId).group());
  }

  /** One page of tasks.task.list: the rows and, unless {@code count} is off, how many match in all. */
  public record Page(List<Task> tasks, long total) {}

  /**
   * The tasks {@code viewer} may see that match the filter, in the order asked. Throws IllegalArgumentException
   * naming an order key that cannot be sorted by.
   */
  public Page list(long viewer, TaskFilter filter, List<TaskFilter.Sort> order, long offset, int limit,
      boolean count) {
    return list(viewer, facts(viewer), filter, order, offset, limit, count);
  }

  /**
   * The same for a caller that holds a filter and order shaped as tasks.task.list takes them (the console's board):
   * read into the domain's terms first.
   */
  public Page list(long viewer, com.fasterxml.jackson.databind.JsonNode filter,
      com.fasterxml.jackson.databind.JsonNode order, long offset, int limit, boolean count) {
    UserFacts f = facts(viewer);
    return list(viewer, f, TaskFilterInput.filter(filter, f.zone()), TaskFilterInput.order(order), offset, limit,
        count);
  }

  private Page list(long viewer, UserFacts f, TaskFilter filter, List<TaskFilter.Sort> order, long offset,
      int limit, boolean count) {
    TaskQuery q = visibleQuery(viewer, f);
    q.filter(filter).order(order);
    return db.read(tx -> {
      List<Task> rows = store.list(tx, q.pageSql(offset, limit), viewer, q.pageArgs());
      long total = count ? store.count(tx, q.countSql(), q.countArgs()) : 0;
      return new Page(rows, total);
    });
  }

  /**
   * The tasks {@code viewer} may see, shaped by {@code shape} (REST 3.0's own filter and order, built inside this
   * feature over allow-listed columns): one page, no count.
   */
  List<Task> list(long viewer, java.util.function.Consumer<TaskQuery> shape, long offset, int limit) {
    TaskQuery q = visibleQuery(viewer, facts(viewer));
    shape.accept(q);
    return db.read(tx -> store.list(tx, q.pageSql(offset, limit), viewer, q.pageArgs()));
  }

  /** A list query over the tasks {@code viewer} may see, with the ports its conditions and orders may need. */
  private TaskQuery visibleQuery(long viewer, UserFacts f) {
    TaskQuery q = new TaskQuery(viewer, f.zone(), clock.instant()).newStages(newStages).plans(plans)
        .userFields(userFields);
    if (!f.admin()) {
      Set<Long> people = new LinkedHashSet<>(f.subordinates());
      people.add(viewer);
      q.visibleTo(people, viewAllGroups(f));
    }
    return q;
  }

  /** Which of the tasks have subtasks. */
  Set<Long> withSubtasks(List<Long> ids) {
    return db.read(tx -> store.withSubtasks(tx, ids));
  }

  /** The workgroups with tasks whose tasks the user may all see (view_all): two queries, whatever their number. */
  private List<Long> viewAllGroups(UserFacts f) {
    List<Long> groups = db.read(store::groupsWithTasks);
    knowGroups(f, groups);
    return groups.stream().filter(g -> f.groups().get(g).permissions().contains(GroupPermission.VIEW_ALL)).toList();
  }

  /** The list's subStatus: -3 almost overdue, -1 overdue, -2 not viewed, else the real status (taskprovider). */
  public int subStatus(Task t, long viewer) {
    Instant now = clock.instant();
    boolean open = !t.status().finished();
    boolean ownDeclined = t.status() == Status.DECLINED && t.isResponsible(viewer);
    if (t.deadline() != null && open && !ownDeclined) {
      if (!t.deadline().isBefore(now) && t.deadline().isBefore(now.plus(TaskQuery.DEADLINE_SOON))) {
        return Status.EXPIRED_SOON;
      }
      if (t.deadline().isBefore(now)) return Status.EXPIRED;
    }
    if (t.viewer().viewedDate() == null && !t.isCreator(viewer) && t.status().in(Status.NEW, Status.PENDING)) {
      return Status.UNSEEN;
    }
    return t.status().code;
  }

  /**
   * The "expired" counter of tasks.task.counters.get: open tasks past their deadline in which {@code userId} plays
   * one of {@code roles} (O counts only where she is not also the responsible), optionally in one group.
   */
  public long expiredCount(long userId, Set<Character> roles, long groupId) {
    return db.read(tx -> store.expiredCount(tx, userId, roles, groupId, clock.instant()));
  }

  public boolean userExists(long userId) {
    return directory.exists(userId);
  }

  /** Whether {@code viewer} may read {@code userId}'s counters: herself, an administrator, or her manager. */
  public boolean mayWatch(long viewer, long userId) {
    return viewer == userId || facts(viewer).admin() || directory.isManagerOf(viewer, userId);
  }

  // ---- creating, updating, deleting ------------------------------------------------------------------------

  /** Creates a task from validated field values (see {@link TaskInput}); the caller is the default creator. */
  public Task add(long userId, TaskInput in) {
    return db.tx(tx -> {
      Instant now = clock.instant();
      long id = store.insert(tx, in.toNewTask(userId, now, directory, this));
      store.history(tx, id, userId, now, "NEW", null, null);
      store.viewed(tx, userId, id, now);
      Task created = store.load(tx, id, userId, false).orElseThrow();
      if (in.tags() != null && !in.tags().isEmpty()) tags.replace(tx, id, userId, created.groupId(), in.tags());
      if (in.files() != null && !in.files().isEmpty()) replaceFiles(userId, id, in.files());
      writeUserFields(id, in, true, zoneOf(userId));
      plans.pin(id, created.allMembers());
      notify(id, TaskChangeListener.Kind.ADD, userId);
      return created;
    });
  }

  /** Whether the task exists and {@code viewer} may read it (a parent she names must be one she sees). */
  boolean readableBy(long viewer, long id) {
    return db.read(tx -> visible(tx, viewer, id).isPresent());
  }

  /**
   * Whether the new responsible {@code userId} is a member of a department {@code creator} heads, or of one below
   * it (PrepareMembers keeps ADD_IN_REPORT then, else it turns it to N).
   */
  boolean inCreatorsDepartments(long creator, long userId) {
    return directory.inDepartmentsUnder(creator, userId);
  }

  /**
   * Whether {@code ancestor} is {@code id} or one of its ancestors. Parent changes take one advisory lock, so the
   * walk sees every earlier change committed (see TaskStore#descendsFrom).
   */
  boolean descendsFrom(long id, long ancestor) {
    return db.read(tx -> store.descendsFrom(tx, id, ancestor));
  }

  /** tasks.task.update: the fields given, under the rule the classic path picks for them. */
  public Task update(long userId, long id, TaskInput in) {
    return db.tx(tx -> {
      Task t = store.load(tx, id, userId, true).orElseThrow(TaskException::denied);
      Actor a = actor(userId, t);
      if (!TaskRules.allows(TaskAction.READ, a, t)) throw TaskException.denied();
      Instant now = clock.instant();
      TaskChange c = in.toChange(t, a, now, directory, this);
      List<String> oldTags = in.tags() == null ? null : tags.of(tx, id);
      boolean tagsChange = oldTags != null && !Set.copyOf(oldTags).equals(Set.copyOf(in.tags()));
      boolean fieldsChange = c.changes(t);
      boolean filesGiven = in.files() != null;
      boolean userFieldsGiven = !in.userFields().isEmpty();
      // "Don't update task, if nothing changed"
      if (!fieldsChange && !tagsChange && !filesGiven && !userFieldsGiven) return t;
      if (fieldsChange && !in.allowedFor(a, t)) throw TaskException.denied();
      if ((tagsChange || filesGiven || userFieldsGiven) && !TaskRules.allows(TaskAction.EDIT, a, t)) {
        throw TaskException.denied();
      }
      if (filesGiven) replaceFiles(userId, id, in.files());
      if (userFieldsGiven) {
        // one history row a changed field, as the portal tracks every UF_ field
        for (TaskUserFields.Changed ch : writeUserFields(id, in, false, zoneOf(userId))) {
          store.history(tx, id, userId, now, ch.fieldName(), TaskStore.historyText(ch.before()),
              TaskStore.historyText(ch.after()));
        }
      }
      if (tagsChange) {
        long group = c.has(TaskField.GROUP_ID) ? (Long) c.get(TaskField.GROUP_ID) : t.groupId();
        tags.replace(tx, id, userId, group, in.tags());
        store.history(tx, id, userId, now, "TAGS", TaskStore.historyText(oldTags), TaskStore.historyText(in.tags()));
      }
      write(tx, userId, t, c, now);
      return store.load(tx, id, userId, false).orElseThrow();
    });
  }

  public void delete(long userId, long id) {
    db.tx(tx -> {
      Task t = store.load(tx, id, userId, true).orElseThrow(TaskException::denied);
      if (!TaskRules.allows(TaskAction.REMOVE, actor(userId, t), t)) throw TaskException.denied();
      store.delete(tx, id);
      store.history(tx, id, userId, clock.instant(), "DELETE", null, null);
      notify(id, TaskChangeListener.Kind.DELETE, userId);
      return null;
    });
  }

  /** The task's Drive attachments made {@code values}; a file the writer may not read is "not found". */
  private void replaceFiles(long userId, long taskId, List<String> values) {
    try {
      files.replace(userId, taskId, values);
    } catch (TaskFiles.FileRefused e) {
      throw TaskException.invalid("FILE_NOT_FOUND", e.value());
    }
  }

  /**
   * tasks.task.files.attach: one more Drive file on the task, by one who may edit it (a missing or hidden task is
   * refused alike); the change listeners hear an update (ONTASKUPDATE, as the portal fires it).
   */
  public long attachFile(long userId, long taskId, long fileId) {
    return editFiles(userId, taskId, () -> files.attach(userId, taskId, fileId));
  }

  /** task.item.addfile: a new Drive file in the caller's storage, attached to a task she may edit (as above). */
  public long addFile(long userId, long taskId, String name, String base64) {
    return editFiles(userId, taskId, () -> files.upload(userId, taskId, name, base64));
  }

  /** task.item.deletefile: one attachment off a task she may edit; one that is not the task's is "not found". */
  public void deleteFile(long userId, long taskId, long attachmentId) {
    editFiles(userId, taskId, () -> {
      if (!files.detach(taskId, attachmentId)) throw TaskException.invalid("FILE_NOT_FOUND", attachmentId);
      return attachmentId;
    });
  }

  private long editFiles(long userId, long taskId, java.util.function.LongSupplier change) {
    return db.tx(tx -> {
      Task t = store.load(tx, taskId, userId, true).orElseThrow(TaskException::denied);
      Actor a = actor(userId, t);
      if (!TaskRules.allows(TaskAction.READ, a, t) || !TaskRules.allows(TaskAction.EDIT, a, t)) {
        throw TaskException.denied();
      }
      long out = change.getAsLong();
      notify(taskId, TaskChangeListener.Kind.UPDATE, userId);
      return out;
    });
  }

  // ---- the status actions ----------------------------------------------------------------------------------

  @FunctionalInterface
  interface Step {
    TaskChange change(Task t, Actor a, Instant now);
  }

  public Task start(long u, long id) {
    return act(u, id, TaskAction.START, (t, a, now) -> Transition.start(t, a.userId(), now));
  }

  public Task pause(long u, long id) {
    return act(u, id, TaskAction.PAUSE, (t, a, now) -> Transition.pause(t, a.userId(), now));
  }

  public Task defer(long u, long id) {
    return act(u, id, TaskAction.DEFER, (t, a, now) -> Transition.defer(t, a.userId(), now));
  }

  public Task complete(long u, long id) {
    return act(u, id, TaskAction.COMPLETE, (t, a, now) -> Transition.complete(t, a, now));
  }

  public Task renew(long u, long id) {
    return act(u, id, TaskAction.RENEW, (t, a, now) -> Transition.renew(t, a.userId(), now));
  }

  public Task approve(long u, long id) {
    return act(u, id, TaskAction.APPROVE, (t, a, now) -> Transition.approve(t, a.userId(), now));
  }

  public Task disapprove(long u, long id) {
    return act(u, id, TaskAction.DISAPPROVE, (t, a, now) -> Transition.disapprove(t, a.userId(), now));
  }

  /**
   * tasks.task.take (flows): the caller becomes the responsible and the task goes In Progress; the TAKE rule
   * allows it only on a flow task, and this server has no flows, so it is refused as the portal refuses it.
   */
  public Task take(long u, long id) {
    return act(u, id, TaskAction.TAKE, (t, a, now) ->
        Transition.start(t, a.userId(), now).set(TaskField.RESPONSIBLE_ID, a.userId()));
  }

  public Task delegate(long u, long id, long newResponsible) {
    return act(u, id, TaskAction.DELEGATE, (t, a, now) -> {
      if (!directory.exists(newResponsible)) throw TaskException.denied();
      boolean inReport = newResponsible != t.responsibleId() && inCreatorsDepartments(t.createdBy(), newResponsible);
      return Transition.delegate(t, a.userId(), newResponsible, inReport, now);
    });
  }

  /**
   * One status action. Current portals (V2 path) check the rule first, so repeating a transition fails; with
   * {@link Settings#noopTransitionsSucceed} the classic path runs: read check, then a change that changes nothing
   * returns silently without an access check.
   */
  private Task act(long u, long id, TaskAction action, Step step) {
    return db.tx(tx -> {
      Task t = store.load(tx, id, u, true).orElseThrow(TaskException::denied);
      Actor a = actor(u, t);
      Instant now = clock.instant();
      TaskChange c;
      if (settings.noopTransitionsSucceed) {
        if (!TaskRules.allows(TaskAction.READ, a, t)) throw TaskException.denied();
        c = step.change(t, a, now);
        if (!c.changes(t)) return t;
        if (!TaskRules.allows(action, a, t)) throw TaskException.denied();
      } else {
        if (!TaskRules.allows(action, a, t)) throw TaskException.denied();
        c = step.change(t, a, now);
      }
      write(tx, u, t, c, now);
      return written(tx, t, c, u);
    });
  }

  /** The task as {@code c} left it, built in memory (the row is not read again); read when it does not fit. */
  private Task written(Tx tx, Task t, TaskChange c, long u) throws SQLException {
    Optional<Task> built = t.with(c);
    return built.isPresent() ? built.get() : store.load(tx, t.id(), u, false).orElseThrow();
  }

  /** Writes a change, its history rows (one per changed logged field) and tells the listeners. */
  private void write(Tx tx, long u, Task old, TaskChange c, Instant now) throws SQLException {
    store.apply(tx, old.id(), c);
    store.history(tx, u, old, c, now);
    Set<Long> named = named(c);
    if (!named.isEmpty()) plans.pin(old.id(), named);
    notify(old.id(), TaskChangeListener.Kind.UPDATE, u);
  }

  /**
   * The people a change names in CREATED_BY, RESPONSIBLE_ID, ACCOMPLICES and AUDITORS: the portal pins the task
   * into their plans after the update (those who already have it keep their place).
   */
  private static Set<Long> named(TaskChange c) {
    Set<Long> out = new LinkedHashSet<>();
    for (TaskField f : List.of(TaskField.CREATED_BY, TaskField.RESPONSIBLE_ID, TaskField.ACCOMPLICES,
        TaskField.AUDITORS)) {
      if (!c.has(f)) continue;
      Object v = c.get(f);
      if (v instanceof Number n) out.add(n.longValue());
      else if (v instanceof Collection<?> list) {
        for (Object o : list) if (o instanceof Number n) out.add(n.longValue());
      }
    }
    out.remove(0L);
    return out;
  }

  private void notify(long id, TaskChangeListener.Kind kind, long u) {
    for (TaskChangeListener l : listeners) l.changed(id, kind, u);
  }

  // ---- per-user actions ------------------------------------------------------------------------------------

  /** startwatch / stopwatch: the caller joins or leaves the auditors (needs only read access). */
  public Task watch(long u, long id, boolean on) {
    return db.tx(tx -> {
      Task t = store.load(tx, id, u, true).orElseThrow(TaskException::denied);
      if (!TaskRules.allows(TaskAction.READ, actor(u, t), t)) throw TaskException.denied();
      Set<Long> auditors = new LinkedHashSet<>(t.auditors());
      boolean changed = on ? auditors.add(u) : auditors.remove(u);
      if (changed) {
        Instant now = clock.instant();
        TaskChange c = Transition.stamp(new TaskChange().set(TaskField.AUDITORS, auditors), u, now);
        write(tx, u, t, c, now);
        return written(tx, t, c, u);
      }
      return t;
    });
  }

  /** mute/unmute or favorite add/remove for the caller; empty when the task is not visible to her. */
  public Optional<Task> flag(long u, long id, Flag flag, boolean on) {
    return db.tx(tx -> {
      Optional<Task> t = visible(tx, u, id);
      if (t.isEmpty()) return t;
      store.flag(tx, flag.table, u, id, on);
      return store.load(tx, id, u, false);
    });
  }

  /**
   * Flips the caller's favorite mark under the task's row lock (lock, then read, then write), so concurrent
   * toggles never both add; the new state, or empty when the task is not visible to her.
   */
  public Optional<Boolean> toggleFavorite(long u, long id) {
    return db.tx(tx -> {
      if (store.load(tx, id, u, true).isEmpty()) return Optional.<Boolean>empty();
      Optional<Task> t = visible(tx, u, id);
      if (t.isEmpty()) return Optional.<Boolean>empty();
      boolean now = !t.get().viewer().favorite();
      store.flag(tx, Flag.FAVORITE.table, u, id, now);
      return Optional.of(now);
    });
  }

  public enum Flag {
    FAVORITE("task_favorites"), MUTE("task_mutes"), PIN("task_pins");

    final String table;

    Flag(String table) {
      this.table = table;
    }
  }

  public List<TaskStore.HistoryRow> history(long u, long id, String field, boolean ascending) {
    return db.read(tx -> visible(tx, u, id).isEmpty() ? List.of() : store.history(tx, id, field, ascending));
  }

  /** A history row for other features (the web console's task page): when, who, which field, from, to. */
  public record HistoryEntry(Instant at, long userId, String field, String from, String to) {}

  /** The task's whole history, oldest first, as {@code u} may see it (empty for a hidden or missing task). */
  public List<HistoryEntry> historyEntries(long u, long id) {
    return history(u, id, null, true).stream()
        .map(h -> new HistoryEntry(h.createdDate(), h.userId(), h.field(), h.from(), h.to())).toList();
  }

  // ---- for other features ----------------------------------------------------------------------------------

  /**
   * A comment was added (+1) or removed (-1): bumps COMMENTS_COUNT and ACTIVITY_DATE, as the forum hook does;
   * {@code at} null (a removal) leaves ACTIVITY_DATE as it is.
   */
  public void commentsChanged(long taskId, int delta, Instant at) {
    db.tx(tx -> {
      store.commentsChanged(tx, taskId, delta, at);
      return null;
    });
  }

  /**
   * A group board's task.stages.movetask: STAGE_ID written as CTasks::Update writes it (the board's sort
   * permission was checked by the caller, not the task's edit right), with its history row and the listeners.
   */
  public void moveToStage(long userId, long taskId, long stageId) {
    db.tx(tx -> {
      Task t = store.load(tx, taskId, userId, true).orElseThrow(TaskException::denied);
      Instant now = clock.instant();
      TaskChange c = Transition.stamp(new TaskChange().set(TaskField.STAGE_ID, stageId), userId, now);
      if (c.changes(t)) write(tx, userId, t, c, now);
      return null;
    });
  }

  /** Kanban order: the task right before (or after) {@code targetId} among its group's tasks (SORTING). */
  public boolean placeInGroup(long groupId, long taskId, long targetId, boolean before) {
    return db.tx(tx -> store.placeInGroup(tx, groupId, taskId, targetId, before));
  }

  /** Tells the change listeners that the task changed through another feature (see {@link TaskLink#changedBy}). */
  void changedElsewhere(long taskId, long userId) {
    db.tx(tx -> {
      notify(taskId, TaskChangeListener.Kind.UPDATE, userId);
      return null;
    });
  }

  /** The tasks {@code userId} has a part in, newest first (a "My plan" made in the console takes them in). */
  List<Long> memberTasks(long userId) {
    return db.read(tx -> store.memberTasks(tx, userId));
  }

  /** Whether any task of the group stands in the stage (whoever may see it). */
  public boolean anyInStage(long groupId, long stageId) {
    return db.read(tx -> store.anyInStage(tx, groupId, stageId));
  }

  /** The group's tasks with no stage (shown in the first one) are put in {@code stageId}, without history. */
  public void stageUnstaged(long groupId, long stageId) {
    db.tx(tx -> store.stageUnstaged(tx, groupId, stageId));
  }

  /** {@code tags} of the tasks of one answer (id -> {label id: {id, title}}), one query for the set. */
  public Map<Long, Map<String, Object>> tags(Collection<Long> taskIds) {
    return db.read(tx -> tags.page(tx, taskIds));
  }

  /** task.item.gettags: the task's tag names; empty when the caller may not read it. */
  public Optional<List<String>> tagNames(long userId, long taskId) {
    return db.read(tx -> visible(tx, userId, taskId).isEmpty() ? Optional.<List<String>>empty()
        : Optional.of(tags.of(tx, taskId)));
  }

  /** ACTIVITY_DATE only (a chat message, a result…). */
  public void touchActivity(long taskId, Instant at) {
    db.tx(tx -> store.touchActivity(tx, taskId, at));
  }

  /** The elapsed-time feature's totals: TIME_SPENT_IN_LOGS in seconds and DURATION_FACT in minutes. */
  public void setTimeSpent(long taskId, long userId, long seconds, long durationFactMinutes) {
    db.tx(tx -> {
      Task t = store.load(tx, taskId, userId, true).orElseThrow(TaskException::denied);
      TaskChange c = new TaskChange().set(TaskField.TIME_SPENT_IN_LOGS, seconds)
          .set(TaskField.DURATION_FACT, durationFactMinutes);
      store.apply(tx, taskId, c);
      store.history(tx, userId, t, c, clock.instant());
      return null;
    });
  }

  static String newGuid() {
    return "{" + UUID.randomUUID() + "}";
  }
}
