package dev.b24tasks.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.checklist.ChecklistItem;
import dev.b24tasks.checklist.ChecklistRules;
import dev.b24tasks.checklist.ChecklistService;
import dev.b24tasks.comments.Comment;
import dev.b24tasks.comments.CommentService;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Group;
import dev.b24tasks.directory.User;
import dev.b24tasks.elapsed.ElapsedItem;
import dev.b24tasks.elapsed.ElapsedService;
import dev.b24tasks.stages.StageService;
import dev.b24tasks.stages.StageView;
import dev.b24tasks.tasks.Status;
import dev.b24tasks.tasks.Task;
import dev.b24tasks.tasks.TaskAction;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskInput;
import dev.b24tasks.tasks.TaskLink;
import dev.b24tasks.tasks.TaskService;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's one door to the task features: every read and change of a task goes through here, to
 * {@link TaskService} (whose {@code TaskRules} decide every verdict shown), the checklist, comment and
 * elapsed-time services and the {@link Directory}. Pages get plain records, never rules of their own; when the
 * tasks API is reshaped, this class is what adapts.
 */
public final class Desk {
  /** The status actions a card can offer, in the order they are shown, with the rule that decides each. */
  public enum Move {
    START(TaskAction.START), PAUSE(TaskAction.PAUSE), COMPLETE(TaskAction.COMPLETE), APPROVE(TaskAction.APPROVE),
    DISAPPROVE(TaskAction.DISAPPROVE), DEFER(TaskAction.DEFER), RENEW(TaskAction.RENEW),
    DELEGATE(TaskAction.DELEGATE);

    public final TaskAction action;

    Move(TaskAction action) {
      this.action = action;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Move> of(String key) {
      for (Move m : values()) if (m.key().equals(key)) return Optional.of(m);
      return Optional.empty();
    }
  }

  /** A board column: the statuses it holds. */
  public enum Column {
    PENDING(1, 2), PROGRESS(3), CONTROL(4), DONE(5), DEFERRED(6);

    final int[] statuses;

    Column(int... statuses) {
      this.statuses = statuses;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Person(long id, String name, String position, String email, boolean admin) {
    static Person of(User u) {
      return new Person(u.id(), u.fullName(), u.workPosition() == null ? "" : u.workPosition(), u.email(), u.admin());
    }

    static Person unknown(long id) {
      return new Person(id, "#" + id, "", "", false);
    }

    public String initials() {
      String[] parts = name.trim().split("\\s+");
      StringBuilder b = new StringBuilder();
      for (String p : parts) if (!p.isEmpty() && b.length() < 2) b.appendCodePoint(p.codePointAt(0));
      return b.toString().toUpperCase(java.util.Locale.ROOT);
    }
  }

  public record Card(long id, String title, Status status, int priority, Instant deadline, boolean overdue,
      Person responsible, Person creator, String groupName, List<Move> moves, long stageId) {}

  /** A Kanban stage of a workgroup's board, as a column. */
  public record StageColumn(long id, String title, String color) {}

  /** A column: of a status (stage null) or of a workgroup's Kanban stage. */
  public record ColumnView(Column column, StageColumn stage, List<Card> cards, long total) {
    public String key() {
      return stage == null ? column.key() : "stage-" + stage.id();
    }
  }

  /** A workgroup's Kanban board: its stages as columns, and whether the viewer may move cards between them. */
  public record StageBoard(List<ColumnView> columns, List<StageColumn> stages, boolean mayMove) {}

  /** The board's filters, as the list method has them. Empty strings and nulls filter nothing. */
  public record Filters(String role, Long responsible, Long group, Instant deadlineBefore, boolean overdue,
      String search) {
    public static Filters none() {
      return new Filters("", null, null, null, false, "");
    }
  }

  public record HistoryEntry(Instant at, Person who, String field, String from, String to) {}

  public record CommentView(long id, Person author, String message, Instant at) {}

  public record ElapsedView(long id, Person who, long seconds, String comment, Instant at) {}

  public record ChecklistLine(long id, String title, boolean complete, boolean root, boolean mayToggle) {}

  /** Everything the task page shows. {@code allowed}: the viewer's verdicts from TaskRules. */
  public record Detail(Task task, Set<TaskAction> allowed, List<Move> moves, Person creator, Person responsible,
      List<Person> accomplices, List<Person> auditors, String groupName, List<ChecklistLine> checklist,
      boolean mayAddChecklist, List<CommentView> comments, List<ElapsedView> elapsed, long elapsedSeconds,
      List<HistoryEntry> history, List<Card> subtasks, Optional<Card> parent) {
    public boolean may(TaskAction a) {
      return allowed.contains(a);
    }
  }

  public record GroupOption(long id, String name) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TaskService tasks;
  private final TaskLink link;
  private final Directory directory;
  private final ChecklistService checklists;
  private final CommentService comments;
  private final ElapsedService elapsed;
  private final Clock clock;
  private final StageService stages;

  public Desk(TaskService tasks, TaskLink link, Directory directory, ChecklistService checklists,
      CommentService comments, ElapsedService elapsed, StageService stages, Clock clock) {
    this.stages = stages;
    this.tasks = tasks;
    this.link = link;
    this.directory = directory;
    this.checklists = checklists;
    this.comments = comments;
    this.elapsed = elapsed;
    this.clock = clock;
  }

  public Directory directory() {
    return directory;
  }

  // ---- the board -------------------------------------------------------------------------------------------

  /** The board: each column one page of the list query (newest first), with the column's total. */
  public List<ColumnView> board(long viewer, Filters f, int perColumn) {
    List<ObjectNode> filters = new ArrayList<>();
    for (Column c : Column.values()) {
      ObjectNode filter = filter(f);
      ArrayNode statuses = filter.putArray("STATUS");
      for (int s : c.statuses) statuses.add(s);
      filters.add(filter);
    }
    List<ColumnView> out = new ArrayList<>();
    List<Column> columns = List.of(Column.values());
    List<Page> pages = columns(viewer, filters, perColumn);
    for (int i = 0; i < columns.size(); i++) {
      out.add(new ColumnView(columns.get(i), null, pages.get(i).cards(), pages.get(i).total()));
    }
    return out;
  }

  private record Page(List<Card> cards, long total) {}

  /** One list query per column (newest first), then the people and groups of every card as sets. */
  private List<Page> columns(long viewer, List<ObjectNode> filters, int perColumn) {
    return columns(viewer, filters, newestFirst(), perColumn);
  }

  private List<Page> columns(long viewer, List<ObjectNode> filters, JsonNode order, int perColumn) {
    TaskService.UserFacts facts = tasks.facts(viewer);
    List<TaskService.Page> pages = new ArrayList<>();
    Set<Long> people = new LinkedHashSet<>();
    for (ObjectNode filter : filters) {
      TaskService.Page page = tasks.list(viewer, filter, order, 0, perColumn, true);
      pages.add(page);
      for (Task t : page.tasks()) {
        people.add(t.responsibleId());
        people.add(t.createdBy());
      }
    }
    Map<Long, Person> persons = persons(people);
    Map<Long, String> groups = new HashMap<>();
    List<Page> out = new ArrayList<>();
    for (TaskService.Page page : pages) {
      List<Card> cards = new ArrayList<>();
      for (Task t : page.tasks()) cards.add(card(t, facts, persons, groups));
      out.add(new Page(cards, page.total()));
    }
    return out;
  }

  /**
   * The workgroup's Kanban board (task.stages.get: the portal makes its default stages the first time): a column
   * per stage, the tasks without a stage in the first; empty when the viewer may not see the group's stages.
   */
  public Optional<StageBoard> stageBoard(long viewer, Filters f, int perColumn, String language) {
    if (f.group() == null) return Optional.empty();
    List<StageView> views;
    try {
      views = stages.get(viewer, f.group(), false, language);
    } catch (dev.b24tasks.rest.RestException refused) {
      return Optional.empty();
    }
    if (views.isEmpty()) return Optional.empty();
    List<StageColumn> columns = views.stream().map(v -> new StageColumn(v.id(), String.valueOf(v.fields().get("TITLE")),
        String.valueOf(v.fields().get("COLOR")))).toList();
    List<ObjectNode> filters = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ObjectNode filter = filter(f);
      ArrayNode ids = filter.putArray("STAGE_ID");
      if (i == 0) ids.add(0);
      ids.add(columns.get(i).id());
      filters.add(filter);
    }
    List<Page> pages = columns(viewer, filters, perColumn);
    List<ColumnView> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(new ColumnView(Column.PENDING, columns.get(i), pages.get(i).cards(), pages.get(i).total()));
    }
    return Optional.of(new StageBoard(out, columns, stages.canMove(viewer, f.group(), "G")));
  }

  /**
   * The viewer's "My plan" (her own Kanban board, task.stages.get with entity 0; made with her tasks in its first
   * stage the first time): a column per stage, each one list query over the tasks standing in it (STAGES_ID) in
   * her plan's order (SORTING), those she may no longer read left out.
   */
  public StageBoard planBoard(long viewer, Filters f, int perColumn, String language) {
    List<StageColumn> columns = stages.openPlan(viewer, language).stream().map(v -> new StageColumn(v.id(),
        String.valueOf(v.fields().get("TITLE")), String.valueOf(v.fields().get("COLOR")))).toList();
    List<ObjectNode> filters = new ArrayList<>();
    for (StageColumn column : columns) {
      ObjectNode filter = filter(f);
      com.fasterxml.jackson.databind.JsonNode group = filter.remove("GROUP_ID");
      if (group != null) filter.putObject("::SUBFILTER-GROUP").set("GROUP_ID", group); // her order, not the group's
      filter.put("STAGES_ID", column.id());
      filters.add(filter);
    }
    List<Page> pages = columns(viewer, filters, JSON.objectNode().put("SORTING", "ASC"), perColumn);
    List<ColumnView> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(new ColumnView(Column.PENDING, columns.get(i), pages.get(i).cards(), pages.get(i).total()));
    }
    return new StageBoard(out, columns, true);
  }

  /** task.stages.movetask as {@code viewer}: the stages feature checks the group's sort permission. */
  public void moveToStage(long viewer, long taskId, long stageId) {
    stages.moveTask(viewer, taskId, stageId);
  }

  private Card card(Task t, TaskService.UserFacts facts, Map<Long, Person> persons, Map<Long, String> groups) {
    Map<TaskAction, Boolean> access = tasks.access(facts, t);
    List<Move> moves = new ArrayList<>();
    for (Move m : Move.values()) if (Boolean.TRUE.equals(access.get(m.action))) moves.add(m);
    String group = t.groupId() <= 0 ? "" : groups.computeIfAbsent(t.groupId(),
        g -> tasks.group(g).map(Group::name).orElse(""));
    boolean overdue = t.deadline() != null && !t.status().finished() && t.deadline().isBefore(clock.instant());
    return new Card(t.id(), t.title(), t.status(), t.priority(), t.deadline(), overdue,
        persons.getOrDefault(t.responsibleId(), Person.unknown(t.responsibleId())),
        persons.getOrDefault(t.createdBy(), Person.unknown(t.createdBy())), group, moves, t.stageId());
  }

  private ObjectNode filter(Filters f) {
    ObjectNode filter = JSON.objectNode();
    switch (f.role() == null ? "" : f.role()) {
      case "R", "A", "U", "O" -> filter.put("ROLE", f.role());
      default -> { }
    }
    if (f.responsible() != null) filter.put("RESPONSIBLE_ID", f.responsible());
    if (f.group() != null) filter.put("GROUP_ID", f.group());
    if (f.deadlineBefore() != null) filter.put("<=DEADLINE", f.deadlineBefore().truncatedTo(SECONDS).toString());
    if (f.overdue()) filter.put("<DEADLINE", clock.instant().truncatedTo(SECONDS).toString());
    if (f.search() != null && !f.search().isBlank()) filter.put("%TITLE", f.search().trim());
    return filter;
  }

  private static JsonNode newestFirst() {
    return JSON.objectNode().put("ID", "DESC");
  }

  /** A status action as {@code viewer}; throws TaskException DENIED when the rules refuse it. */
  public void move(long viewer, long taskId, Move move, Long delegateTo) {
    switch (move) {
      case START -> tasks.start(viewer, taskId);
      case PAUSE -> tasks.pause(viewer, taskId);
      case COMPLETE -> tasks.complete(viewer, taskId);
      case APPROVE -> tasks.approve(viewer, taskId);
      case DISAPPROVE -> tasks.disapprove(viewer, taskId);
      case DEFER -> tasks.defer(viewer, taskId);
      case RENEW -> tasks.renew(viewer, taskId);
      case DELEGATE -> {
        if (delegateTo == null) throw new IllegalArgumentException("delegate.pick");
        tasks.delegate(viewer, taskId, delegateTo);
      }
    }
  }

  // ---- one task --------------------------------------------------------------------------------------------

  /** The task page's facts, or empty when the task is missing or hidden from the viewer (the same to her). */
  public Optional<Detail> detail(long viewer, long taskId) {
    Optional<Task> found = tasks.open(viewer, taskId);
    if (found.isEmpty()) return Optional.empty();
    Task t = found.get();
    TaskService.UserFacts facts = tasks.facts(viewer);
    Map<TaskAction, Boolean> access = tasks.access(facts, t);
    Set<TaskAction> allowed = EnumSet.noneOf(TaskAction.class);
    access.forEach((a, ok) -> {
      if (ok) allowed.add(a);
    });
    List<Move> moves = new ArrayList<>();
    for (Move m : Move.values()) if (allowed.contains(m.action)) moves.add(m);

    List<ChecklistItem> items = checklists.list(viewer, taskId, null);
    Optional<TaskFacts> taskFacts = link.readable(viewer, taskId);
    List<Comment> commentRows = comments.list(viewer, taskId);
    List<ElapsedItem> elapsedRows = elapsed.list(viewer, taskId);
    List<TaskService.HistoryEntry> historyRows = tasks.historyEntries(viewer, taskId);
    ObjectNode sub = JSON.objectNode().put("PARENT_ID", taskId);
    List<Task> subtasks = tasks.list(viewer, sub, JSON.objectNode().put("ID", "ASC"), 0, 50, false).tasks();
    Optional<Task> parent = t.parentId() == null ? Optional.empty() : tasks.get(viewer, t.parentId());

    Set<Long> people = new LinkedHashSet<>(t.allMembers());
    commentRows.forEach(c -> people.add(c.authorId()));
    elapsedRows.forEach(e -> people.add(e.userId()));
    for (TaskService.HistoryEntry h : historyRows) {
      people.add(h.userId());
      if (h.field().equals("RESPONSIBLE_ID") || h.field().equals("CREATED_BY")) {
        addIds(people, h.from());
        addIds(people, h.to());
      }
    }
    subtasks.forEach(s -> people.add(s.responsibleId()));
    parent.ifPresent(p -> people.add(p.responsibleId()));
    Map<Long, Person> persons = persons(people);
    Map<Long, String> groups = new HashMap<>();

    List<ChecklistLine> lines = new ArrayList<>();
    for (ChecklistItem i : items) {
      boolean may = taskFacts.map(f -> ChecklistRules.allows(f, ChecklistRules.Action.TOGGLE, i)).orElse(false);
      lines.add(new ChecklistLine(i.id(), i.title(), i.complete(), i.isRoot(), may));
    }
    boolean mayAdd = taskFacts.map(ChecklistRules::add).orElse(false);
    long spent = elapsedRows.stream().mapToLong(ElapsedItem::seconds).sum();
    List<HistoryEntry> history = historyRows.stream().map(h -> new HistoryEntry(h.at(),
        person(persons, h.userId()), h.field(), named(h.field(), h.from(), persons),
        named(h.field(), h.to(), persons))).toList();
    return Optional.of(new Detail(t, allowed, moves, person(persons, t.createdBy()),
        person(persons, t.responsibleId()), t.accomplices().stream().map(id -> person(persons, id)).toList(),
        t.auditors().stream().map(id -> person(persons, id)).toList(),
        t.groupId() <= 0 ? "" : tasks.group(t.groupId()).map(Group::name).orElse(""), lines, mayAdd,
        commentRows.stream().map(c -> new CommentView(c.id(), person(persons, c.authorId()), c.message(),
            c.postDate())).toList(),
        elapsedRows.stream().map(e -> new ElapsedView(e.id(), person(persons, e.userId()), e.seconds(),
            e.commentText(), e.createdDate())).toList(),
        spent, history, subtasks.stream().map(s -> card(s, facts, persons, groups)).toList(),
        parent.map(p -> card(p, facts, persons, groups))));
  }

  private static void addIds(Set<Long> into, String value) {
    if (value == null) return;
    for (String part : value.split(",")) {
      try {
        into.add(Long.parseLong(part.trim()));
      } catch (NumberFormatException ignored) {
        // not an id
      }
    }
  }

  private static String named(String field, String value, Map<Long, Person> persons) {
    if (value == null) return "";
    if (field.equals("RESPONSIBLE_ID") || field.equals("CREATED_BY")) {
      try {
        return person(persons, Long.parseLong(value.trim())).name();
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static Person person(Map<Long, Person> persons, long id) {
    return persons.getOrDefault(id, Person.unknown(id));
  }

  /** A new task from form values (TITLE, DESCRIPTION, RESPONSIBLE_ID, DEADLINE…); returns its id. */
  public long create(long viewer, Map<String, Object> fields, ZoneId zone) {
    return tasks.add(viewer, TaskInput.read(json(fields), zone)).id();
  }

  /** Changes the given fields under the rules of tasks.task.update. */
  public void update(long viewer, long taskId, Map<String, Object> fields, ZoneId zone) {
    tasks.update(viewer, taskId, TaskInput.read(json(fields), zone));
  }

  private static ObjectNode json(Map<String, Object> fields) {
    ObjectNode o = JSON.objectNode();
    fields.forEach((k, v) -> {
      if (v instanceof Collection<?> list) {
        ArrayNode a = o.putArray(k);
        list.forEach(x -> a.add(String.valueOf(x)));
      } else {
        o.put(k, v == null ? null : String.valueOf(v));
      }
    });
    return o;
  }

  /** Ticks or unticks a checklist item; false when the rules do not let the viewer. */
  public boolean tick(long viewer, long taskId, long itemId, boolean complete) {
    return checklists.toggle(viewer, taskId, itemId, complete);
  }

  public void addChecklistItem(long viewer, long taskId, String title) {
    checklists.add(viewer, taskId, new ChecklistService.Changes(null, title, null, false, false, null));
  }

  public void comment(long viewer, long taskId, String message) {
    comments.add(viewer, taskId, message, null, null);
  }

  public void logTime(long viewer, long taskId, long seconds, String comment) {
    elapsed.add(viewer, taskId, new ElapsedService.Changes(null, comment, seconds, null, null, null, null));
  }

  // ---- people ----------------------------------------------------------------------------------------------

  public Map<Long, Person> persons(Collection<Long> ids) {
    Map<Long, Person> out = new HashMap<>();
    directory.users(ids).forEach((id, u) -> out.put(id, Person.of(u)));
    return out;
  }

  public Optional<Person> person(long id) {
    return directory.user(id).filter(User::active).map(Person::of);
  }

  /** The workgroups the viewer may create tasks in (for the new-task form), via the directory's rules. */
  public List<GroupOption> groupsFor(long viewer, Collection<Group> groups) {
    List<GroupOption> out = new ArrayList<>();
    for (Group g : groups) {
      if (g.tasksEnabled() && !g.closed()
          && (directory.isAdmin(viewer)
              || directory.groupAllows(g.id(), viewer, dev.b24tasks.directory.GroupPermission.CREATE_TASKS))) {
        out.add(new GroupOption(g.id(), g.name()));
      }
    }
    return out;
  }

  // ---- attached files ----------------------------------------------------------------------------------------

  private volatile dev.b24tasks.files.DiskService disk;

  /** The task page lists the Drive files attached to a task, from {@code disk}. */
  public void useFiles(dev.b24tasks.files.DiskService disk) {
    this.disk = disk;
  }

  /** The files attached to a task the viewer may read (the page checked that), oldest first, with their links. */
  public List<dev.b24tasks.files.DiskService.Attached> files(long viewer, long taskId) {
    if (disk == null) return List.of();
    return disk.attachedToTasks(viewer, List.of(taskId)).getOrDefault(taskId, List.of());
  }
}
