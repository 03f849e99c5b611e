package dev.b24tasks.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter and order of a task list ({@link TaskFilter}, read by {@link TaskFilterInput}) as SQL with bind
 * parameters: field names come from fixed tables here, values are always bound.
 */
final class TaskQuery {
  /** Almost overdue: the deadline is within this span (Counter\Deadline::getDeadlineTimeLimit's default). */
  static final Duration DEADLINE_SOON = Duration.ofDays(1);

  enum Kind { NUMBER, TEXT, DATE, FLAG }

  record Column(String sql, Kind kind) {}

  static final Map<String, Column> FILTERABLE = Map.ofEntries(
      Map.entry("ID", new Column("t.id", Kind.NUMBER)),
      Map.entry("PARENT_ID", new Column("COALESCE(t.parent_id, 0)", Kind.NUMBER)),
      Map.entry("TITLE", new Column("t.title", Kind.TEXT)),
      Map.entry("REAL_STATUS", new Column("t.status", Kind.NUMBER)),
      Map.entry("PRIORITY", new Column("t.priority", Kind.NUMBER)),
      Map.entry("MARK", new Column("t.mark", Kind.TEXT)),
      Map.entry("GROUP_ID", new Column("t.group_id", Kind.NUMBER)),
      Map.entry("STAGE_ID", new Column("t.stage_id", Kind.NUMBER)),
      Map.entry("STAGES_ID", new Column("", Kind.NUMBER)), // a plan's stage: see condition()
      Map.entry("CREATED_BY", new Column("t.created_by", Kind.NUMBER)),
      Map.entry("RESPONSIBLE_ID", new Column("t.responsible_id", Kind.NUMBER)),
      Map.entry("CHANGED_BY", new Column("t.changed_by", Kind.NUMBER)),
      Map.entry("STATUS_CHANGED_BY", new Column("t.status_changed_by", Kind.NUMBER)),
      Map.entry("CLOSED_BY", new Column("t.closed_by", Kind.NUMBER)),
      Map.entry("CREATED_DATE", new Column("t.created_date", Kind.DATE)),
      Map.entry("CHANGED_DATE", new Column("t.changed_date", Kind.DATE)),
      Map.entry("CLOSED_DATE", new Column("t.closed_date", Kind.DATE)),
      Map.entry("ACTIVITY_DATE", new Column("t.activity_date", Kind.DATE)),
      Map.entry("DATE_START", new Column("t.date_start", Kind.DATE)),
      Map.entry("DEADLINE", new Column("t.deadline", Kind.DATE)),
      Map.entry("START_DATE_PLAN", new Column("t.start_date_plan", Kind.DATE)),
      Map.entry("END_DATE_PLAN", new Column("t.end_date_plan", Kind.DATE)),
      Map.entry("TIME_ESTIMATE", new Column("t.time_estimate", Kind.NUMBER)),
      Map.entry("ALLOW_TIME_TRACKING", new Column("t.allow_time_tracking", Kind.FLAG)),
      Map.entry("ALLOW_CHANGE_DEADLINE", new Column("t.allow_change_deadline", Kind.FLAG)),
      Map.entry("TASK_CONTROL", new Column("t.task_control", Kind.FLAG)),
      Map.entry("ADD_IN_REPORT", new Column("t.add_in_report", Kind.FLAG)),
      Map.entry("MATCH_WORK_TIME", new Column("t.match_work_time", Kind.FLAG)),
      Map.entry("XML_ID", new Column("t.xml_id", Kind.TEXT)),
      Map.entry("GUID", new Column("t.guid", Kind.TEXT)),
      Map.entry("SITE_ID", new Column("t.site_id", Kind.TEXT)));

  /** Sortable keys (tasks.task.list docs); anything else is "Invalid sorting key". */
  static final Map<String, String> SORTABLE = Map.ofEntries(
      Map.entry("ID", "t.id"), Map.entry("TITLE", "t.title"),
      Map.entry("TIME_SPENT_IN_LOGS", "t.time_spent_in_logs"), Map.entry("DATE_START", "t.date_start"),
      Map.entry("CREATED_DATE", "t.created_date"), Map.entry("CHANGED_DATE", "t.changed_date"),
      Map.entry("CLOSED_DATE", "t.closed_date"), Map.entry("ACTIVITY_DATE", "t.activity_date"),
      Map.entry("START_DATE_PLAN", "t.start_date_plan"), Map.entry("END_DATE_PLAN", "t.end_date_plan"),
      Map.entry("DEADLINE", "t.deadline"), Map.entry("REAL_STATUS", "t.status"), Map.entry("STATUS", "t.status"),
      Map.entry("STATUS_COMPLETE", "(CASE WHEN t.status = 5 THEN 2 ELSE 1 END)"),
      Map.entry("PRIORITY", "t.priority"), Map.entry("MARK", "t.mark"),
      Map.entry("CREATED_BY_LAST_NAME", "(SELECT u.last_name FROM users u WHERE u.id = t.created_by)"),
      Map.entry("RESPONSIBLE_LAST_NAME", "(SELECT u.last_name FROM users u WHERE u.id = t.responsible_id)"),
      Map.entry("GROUP_ID", "t.group_id"), Map.entry("TIME_ESTIMATE", "t.time_estimate"),
      Map.entry("ALLOW_CHANGE_DEADLINE", "t.allow_change_deadline"),
      Map.entry("ALLOW_TIME_TRACKING", "t.allow_time_tracking"), Map.entry("MATCH_WORK_TIME", "t.match_work_time"),
      Map.entry("FAVORITE", "EXISTS (SELECT 1 FROM task_favorites f2 WHERE f2.task_id = t.id AND f2.user_id = ?)"),
      Map.entry("SORTING", "t.sorting"), Map.entry("IS_PINNED", "EXISTS (SELECT 1 FROM task_pins p2 WHERE p2.task_id = t.id AND p2.user_id = ?)"), Map.entry("IS_PINNED_IN_GROUP", "false"));

  /** Sort keys whose column may be NULL. */
  static final Set<String> NULLABLE_SORT_KEYS = Set.of("DATE_START", "CLOSED_DATE", "START_DATE_PLAN",
      "END_DATE_PLAN", "DEADLINE", "MARK", "TIME_SPENT_IN_LOGS", "SORTING", "CREATED_BY_LAST_NAME",
      "RESPONSIBLE_LAST_NAME");

  private final long viewer;
  private final ZoneId zone;
  private final Instant now;
  private final List<String> where = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();
  private final List<String> orderBy = new ArrayList<>();
  private final List<Object> orderArgs = new ArrayList<>();

  TaskQuery(long viewer, ZoneId zone, Instant now) {
    this.viewer = viewer;
    this.zone = zone;
    this.now = now;
  }

  private NewStages newStages = NewStages.NONE;
  private PlanStages plans = PlanStages.NONE;
  /** A GROUP_ID condition names the board: SORTING is the group's order, else the viewer's plan (SORTING_GROUP_ID). */
  private boolean groupNamed;
  /** How deep in ::SUBFILTER groups the condition at hand stands (the portal looks at the top level only). */
  private int depth;

  /** Which stage ids are a group board's NEW stage (STAGE_ID filter). */
  TaskQuery newStages(NewStages stages) {
    this.newStages = stages;
    return this;
  }

  private TaskUserFields userFields = TaskUserFields.NONE;

  /** Where the custom fields' conditions come from (UF_… filter keys). */
  TaskQuery userFields(TaskUserFields fields) {
    this.userFields = fields;
    return this;
  }

  /** The users' plans (STAGES_ID filter, SORTING order without a GROUP_ID filter). */
  TaskQuery plans(PlanStages plans) {
    this.plans = plans;
    return this;
  }

  /** Only tasks the viewer may see: members, managers of members, and the workgroups she may view all of. */
  TaskQuery visibleTo(Set<Long> selfAndSubordinates, List<Long> viewAllGroups) {
    String members = "EXISTS (SELECT 1 FROM task_members vm WHERE vm.task_id = t.id AND vm.user_id = ANY(?))";
    if (viewAllGroups.isEmpty()) {
      where.add(members);
      args.add(List.copyOf(selfAndSubordinates));
    } else {
      where.add("(" + members + " OR t.group_id = ANY(?))");
      args.add(List.copyOf(selfAndSubordinates));
      args.add(viewAllGroups);
    }
    return this;
  }

  /**
   * Adds the filter's conditions: an AND filter's parts stand beside the others, an OR filter ({@code ::LOGIC}
   * "OR") is one clause, and a nested group ({@code ::SUBFILTER-…}) is always one clause, so an OR of two AND
   * subfilters is {@code (a AND b) OR (c AND d)}.
   */
  TaskQuery filter(TaskFilter filter) {
    if (filter == null) return this;
    int first = where.size();
    for (TaskFilter.Part p : filter.parts()) {
      switch (p) {
        case TaskFilter.Group group -> {
          int at = where.size();
          depth++;
          filter(group.filter());
          depth--;
          join(at, " AND ");
        }
        case TaskFilter.Condition c -> condition(c);
      }
    }
    if (filter.any()) join(first, " OR ");
    return this;
  }

  /** Makes the conditions from {@code first} on one clause (their arguments are already in the same order). */
  private void join(int first, String operator) {
    if (where.size() - first < 2) return;
    List<String> group = new ArrayList<>(where.subList(first, where.size()));
    where.subList(first, where.size()).clear();
    where.add("(" + String.join(operator, group) + ")");
  }

  private void condition(TaskFilter.Condition condition) {
    switch (condition) {
      case TaskFilter.UserField u -> {
        TaskUserFields.Condition c = userFields.condition(u.field(), u.operator(), u.values(), zone);
        if (c != null) { // a name that is no field is dropped, as unknown keys are
          where.add(c.sql());
          args.addAll(c.args());
        }
      }
      case TaskFilter.Statuses s -> status(s.codes(), s.not());
      case TaskFilter.Members m -> member(m.role(), m.users(), m.not());
      case TaskFilter.ViewerRole r -> role(r.role());
      case TaskFilter.Only o -> {
        switch (o.what()) {
          case "ONLY_ROOT_TASKS" -> where.add("t.parent_id IS NULL");
          case "WO_DEADLINE" -> where.add("t.deadline IS NULL");
          default -> { // NOT_VIEWED
            where.add(unseen());
            args.add(viewer);
            args.add(viewer);
          }
        }
      }
      case TaskFilter.Tags t -> {
        String has = "EXISTS (SELECT 1 FROM task_label_links tl JOIN task_labels tb ON tb.id = tl.label_id"
            + " WHERE tl.task_id = t.id AND tb.name IN (" + String.join(", ", java.util.Collections.nCopies(
                t.names().size(), "?")) + "))";
        where.add(t.not() ? "NOT " + has : has);
        args.addAll(t.names());
      }
      case TaskFilter.Favorite f -> {
        String fav = "EXISTS (SELECT 1 FROM task_favorites ff WHERE ff.task_id = t.id AND ff.user_id = ?)";
        where.add(f.starred() ? fav : "NOT " + fav);
        args.add(viewer);
      }
      case TaskFilter.Column col when col.field().equals("STAGES_ID") -> {
        // a stage of a "My plan": the tasks standing in it (b_tasks_task_stage); any comparison means "one of"
        List<Long> stages = new ArrayList<>();
        for (Object v : col.values()) if (v instanceof Number n) stages.add(n.longValue());
        where.add((col.not() ? "NOT " : "") + plans.inStagesSql());
        args.add(stages);
      }
      case TaskFilter.Column col -> {
        if (col.field().equals("GROUP_ID") && !col.not() && depth == 0) groupNamed = true;
        // the NEW stage of a group board also holds the group's tasks without a stage (STAGE_ID 0)
        long group = newStageGroup(col);
        if (group > 0) {
          where.add((col.not() ? "NOT " : "") + "(t.stage_id = ? OR (t.stage_id = 0 AND t.group_id = ?))");
          args.add(col.values().get(0));
          args.add(group);
        } else {
          column(FILTERABLE.get(col.field()), col);
        }
      }
    }
  }

  /** The group whose board's NEW stage an equality STAGE_ID condition names, else 0. */
  private long newStageGroup(TaskFilter.Column c) {
    if (!c.field().equals("STAGE_ID") || c.list() || c.values().size() != 1 || !(c.compare().isEmpty()
        || c.compare().equals("="))) {
      return 0;
    }
    return c.values().get(0) instanceof Number n && n.longValue() > 0 ? newStages.groupOfNewStage(n.longValue()) : 0;
  }

  private void column(Column c, TaskFilter.Column f) {
    boolean not = f.not();
    String cmp = f.compare();
    List<Object> values = f.values();
    boolean list = f.list();
    if (values.isEmpty() || (values.size() == 1 && values.get(0) == null && !list)) {
      where.add(c.sql() + (not ? " IS NOT NULL" : " IS NULL"));
      return;
    }
    switch (cmp) {
      case "<", ">", "<=", ">=" -> {
        where.add((not ? "NOT " : "") + c.sql() + " " + cmp + " ?");
        args.add(values.get(0));
      }
      case "%" -> {
        where.add(c.sql() + "::text " + (not ? "NOT " : "") + "ILIKE ?");
        args.add("%" + escapeLike(String.valueOf(values.get(0))) + "%");
      }
      default -> {
        if (list) {
          where.add((not ? "NOT " : "") + "(" + c.sql() + " = ANY(?))");
          args.add(values);
        } else if (c.kind() == Kind.TEXT && c.sql().equals("t.title")) {
          where.add(c.sql() + (not ? " NOT ILIKE ?" : " ILIKE ?")); // TITLE takes % and _ patterns
          args.add(values.get(0));
        } else {
          where.add(c.sql() + (not ? " IS DISTINCT FROM ?" : " = ?"));
          args.add(values.get(0));
        }
      }
    }
  }

  /** STATUS: real statuses and the meta-statuses -1, -2, -3 (per viewer), OR-ed. */
  private void status(List<Long> codes, boolean not) {
    List<String> any = new ArrayList<>();
    List<Object> anyArgs = new ArrayList<>();
    for (long code : codes) {
      // the same precedence as subStatus: almost overdue, then overdue, then not viewed; a task the viewer declined
      // as its responsible is never overdue for her
      if (code == Status.EXPIRED) {
        any.add("(t.deadline < ? AND t.status NOT IN (4, 5) AND NOT (t.status = 7 AND t.responsible_id = ?))");
        anyArgs.add(now);
        anyArgs.add(viewer);
      } else if (code == Status.EXPIRED_SOON) {
        any.add("(t.deadline >= ? AND t.deadline < ? AND t.status NOT IN (4, 5) "
            + "AND NOT (t.status = 7 AND t.responsible_id = ?))");
        anyArgs.add(now);
        anyArgs.add(now.plus(DEADLINE_SOON));
        anyArgs.add(viewer);
      } else if (code == Status.UNSEEN) {
        any.add("(" + unseen() + " AND (t.deadline IS NULL OR t.deadline >= ?))"); // not also (almost) overdue
        anyArgs.add(viewer);
        anyArgs.add(viewer);
        anyArgs.add(now.plus(DEADLINE_SOON));
      } else if (code < Short.MIN_VALUE || code > Short.MAX_VALUE) {
        any.add("false"); // no status has such a code (a cast would wrap 65538 to 2)
      } else {
        any.add("t.status = ?");
        anyArgs.add((short) code);
      }
    }
    if (any.isEmpty()) return;
    where.add((not ? "NOT " : "") + "(" + String.join(" OR ", any) + ")");
    args.addAll(anyArgs);
  }

  private String unseen() {
    return "(t.status IN (1, 2) AND t.created_by <> ? AND NOT EXISTS (SELECT 1 FROM task_views tv"
        + " WHERE tv.task_id = t.id AND tv.user_id = ?))";
  }

  private void member(String role, List<Long> ids, boolean not) {
    where.add((not ? "NOT " : "") + "EXISTS (SELECT 1 FROM task_members fm WHERE fm.task_id = t.id"
        + (role == null ? "" : " AND fm.role = ?") + " AND fm.user_id = ANY(?))");
    if (role != null) args.add("A".equals(role) ? "A" : "U");
    args.add(List.copyOf(ids));
  }

  /** ROLE: the viewer's part: R responsible, A accomplice, U auditor, O creator who is not the responsible. */
  private void role(String r) {
    switch (r) {
      case "R" -> { where.add("t.responsible_id = ?"); args.add(viewer); }
      case "A", "U" -> {
        where.add("EXISTS (SELECT 1 FROM task_members rm WHERE rm.task_id = t.id AND rm.role = ? AND rm.user_id = ?)");
        args.add(r);
        args.add(viewer);
      }
      case "O" -> {
        where.add("t.created_by = ? AND t.responsible_id <> ?");
        args.add(viewer);
        args.add(viewer);
      }
      default -> { }
    }
  }

  /** Adds the order (its keys are of {@link #SORTABLE}, {@link TaskFilterInput#order} checked them). */
  TaskQuery order(List<TaskFilter.Sort> order) {
    for (TaskFilter.Sort s : order) {
      String key = s.key();
      String sql = SORTABLE.get(key);
      if (sql == null) throw new IllegalArgumentException(key);
      boolean planOrder = key.equals("SORTING") && !groupNamed;
      if (planOrder) sql = plans.placeSql(); // the viewer's own order, as the portal's SRT.USER_ID join
      boolean desc = s.descending();
      // Bitrix (MySQL) puts NULLs first when ascending; say so only for columns that can be NULL, so the
      // NOT NULL keys keep matching their plain indexes (V21 gives the nullable ones NULLS FIRST indexes).
      String nulls = NULLABLE_SORT_KEYS.contains(key) ? (desc ? " NULLS LAST" : " NULLS FIRST") : "";
      orderBy.add(sql + (desc ? " DESC" : " ASC") + nulls);
      if (key.equals("FAVORITE") || key.equals("IS_PINNED") || planOrder) orderArgs.add(viewer);
    }
    if (orderBy.isEmpty()) orderBy.add("t.id DESC");
    else orderBy.add("t.id ASC"); // a stable order for paging
    return this;
  }

  /** A condition built by another dialect of this feature (REST 3.0) over allow-listed columns; values bound. */
  TaskQuery where(String sql, List<Object> values) {
    where.add(sql);
    args.addAll(values);
    return this;
  }

  /** An order key of another dialect (REST 3.0): an allow-listed column, then {@code t.id} for a stable page. */
  TaskQuery orderBy(String sql, boolean ascending, boolean nullable) {
    orderBy.add(sql + (ascending ? " ASC" : " DESC") + (nullable ? (ascending ? " NULLS FIRST" : " NULLS LAST") : ""));
    return this;
  }

  /** Ends a REST 3.0 order: {@code t.id} breaks ties (and is the whole order when none was asked). */
  TaskQuery orderById(boolean ascending) {
    orderBy.add("t.id " + (ascending ? "ASC" : "DESC"));
    return this;
  }

  String whereSql() {
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }

  /**
   * The page query and its arguments: the page's ids first, in order (a scan of an index when one fits the filter
   * and order, without reading the rows it skips: deep pages of a large store stay cheap), then the columns, members
   * and the viewer's flags ({@link TaskStore#SELECT}) of those rows only. {@code ARRAY(subquery)} keeps the
   * subquery's order, {@code WITH ORDINALITY} numbers it.
   */
  String pageSql(long offset, int limit) {
    return TaskStore.SELECT_COLUMNS + " FROM unnest(ARRAY(SELECT t.id FROM tasks t" + whereSql() + " ORDER BY "
        + String.join(", ", orderBy) + " LIMIT " + limit + " OFFSET " + offset + ")) WITH ORDINALITY AS page(id, n)"
        + " JOIN tasks t ON t.id = page.id ORDER BY page.n";
  }

  List<Object> pageArgs() {
    List<Object> all = new ArrayList<>(args);
    all.addAll(orderArgs);
    return all;
  }

  String countSql() {
    return "SELECT count(*) FROM tasks t" + whereSql();
  }

  List<Object> countArgs() {
    return args;
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
