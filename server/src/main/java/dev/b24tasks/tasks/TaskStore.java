package dev.b24tasks.tasks;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of tasks: rows of {@code tasks}, their members, history and the per-user flags. Every method runs inside
 * the caller's transaction ({@link Tx}); values are always bound, never spliced into the text.
 */
public final class TaskStore {
  /**
   * The columns of a task row, its accomplices and auditors in their order, and the reading user's flags, in one
   * statement for one task or a whole page; the viewer's id is bound four times.
   */
  static final String SELECT_COLUMNS = "SELECT t.*,"
      + " EXISTS (SELECT 1 FROM task_favorites f WHERE f.task_id = t.id AND f.user_id = ?) AS v_favorite,"
      + " EXISTS (SELECT 1 FROM task_mutes m WHERE m.task_id = t.id AND m.user_id = ?) AS v_muted,"
      + " EXISTS (SELECT 1 FROM task_pins p WHERE p.task_id = t.id AND p.user_id = ?) AS v_pinned,"
      + " (SELECT v.viewed_date FROM task_views v WHERE v.task_id = t.id AND v.user_id = ?) AS v_viewed,"
      + " ARRAY(SELECT a.user_id FROM task_members a WHERE a.task_id = t.id AND a.role = 'A'"
      + " ORDER BY a.position, a.user_id) AS v_accomplices,"
      + " ARRAY(SELECT u.user_id FROM task_members u WHERE u.task_id = t.id AND u.role = 'U'"
      + " ORDER BY u.position, u.user_id) AS v_auditors";
  static final String SELECT = SELECT_COLUMNS + " FROM tasks t";

  /** The task with its members as {@code viewer} sees it; {@code lock} takes the row lock (FOR UPDATE). */
  Optional<Task> load(Tx tx, long id, long viewer, boolean lock) throws SQLException {
    return tx.queryOne(SELECT + " WHERE t.id = ?" + (lock ? " FOR UPDATE OF t" : ""),
        rs -> row(rs, viewer), viewer, viewer, viewer, viewer, id);
  }

  /** The tasks of a list query ({@link TaskQuery}), members included. */
  List<Task> list(Tx tx, String sql, long viewer, List<Object> args) throws SQLException {
    List<Object> all = new ArrayList<>(List.of(viewer, viewer, viewer, viewer));
    all.addAll(args);
    return tx.query(sql, rs -> row(rs, viewer), all.toArray());
  }

  /** How many tasks a list query's filter matches ({@link TaskQuery#countSql}). */
  long count(Tx tx, String sql, List<Object> args) throws SQLException {
    return tx.queryLong(sql, args.toArray());
  }

  long insert(Tx tx, NewTask n) throws SQLException {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("parent_id", n.parentId());
    c.put("title", n.title());
    c.put("description", n.description());
    c.put("mark", n.mark());
    c.put("priority", n.priority());
    c.put("status", n.status().code);
    c.put("group_id", n.groupId());
    c.put("stage_id", n.stageId());
    c.put("created_by", n.createdBy());
    c.put("created_date", n.now());
    c.put("responsible_id", n.responsibleId());
    c.put("changed_by", n.actor());
    c.put("changed_date", n.now());
    c.put("status_changed_by", null);
    c.put("status_changed_date", n.now());
    c.put("activity_date", n.now());
    c.put("deadline", n.deadline());
    c.put("start_date_plan", n.startDatePlan());
    c.put("end_date_plan", n.endDatePlan());
    c.put("guid", n.guid());
    c.put("xml_id", n.xmlId());
    c.put("allow_change_deadline", n.allowChangeDeadline());
    c.put("allow_time_tracking", n.allowTimeTracking());
    c.put("task_control", n.taskControl());
    c.put("add_in_report", n.addInReport());
    c.put("time_estimate", n.timeEstimate());
    c.put("match_work_time", n.matchWorkTime());
    c.put("site_id", n.siteId());
    c.put("duration_plan", n.durationPlan());
    c.put("duration_type", n.durationType());
    long id = tx.insertRow("tasks", c, "id");
    setMember(tx, id, 'O', List.of(n.createdBy()));
    setMember(tx, id, 'R', List.of(n.responsibleId()));
    setMember(tx, id, 'A', n.accomplices());
    setMember(tx, id, 'U', n.auditors());
    return id;
  }

  /** Writes a change: the columns in one UPDATE, member lists replaced. */
  void apply(Tx tx, long id, TaskChange change) throws SQLException {
    StringBuilder sql = new StringBuilder("UPDATE tasks SET ");
    List<Object> args = new ArrayList<>();
    for (Map.Entry<TaskField, Object> e : change.fields().entrySet()) {
      TaskField f = e.getKey();
      if (f.column == null) continue;
      if (!args.isEmpty()) sql.append(", ");
      sql.append(f.column).append(" = ?"); // column names come from the enum, never from input
      args.add(column(e.getValue()));
    }
    if (!args.isEmpty()) {
      args.add(id);
      tx.updateOne(sql.append(" WHERE id = ?").toString(), args.toArray());
    }
    if (change.has(TaskField.CREATED_BY)) setMember(tx, id, 'O', List.of((Long) change.get(TaskField.CREATED_BY)));
    if (change.has(TaskField.RESPONSIBLE_ID)) {
      setMember(tx, id, 'R', List.of((Long) change.get(TaskField.RESPONSIBLE_ID)));
    }
    if (change.has(TaskField.ACCOMPLICES)) setMember(tx, id, 'A', ids(change.get(TaskField.ACCOMPLICES)));
    if (change.has(TaskField.AUDITORS)) setMember(tx, id, 'U', ids(change.get(TaskField.AUDITORS)));
  }

  @SuppressWarnings("unchecked")
  private static Collection<Long> ids(Object value) {
    return value == null ? List.of() : (Collection<Long>) value;
  }

  private static Object column(Object value) {
    if (value instanceof Status s) return (short) s.code;
    return value;
  }

  private void setMember(Tx tx, long id, char role, Collection<Long> users) throws SQLException {
    tx.update("DELETE FROM task_members WHERE task_id = ? AND role = ?", id, String.valueOf(role));
    int pos = 0;
    for (Long u : new LinkedHashSet<>(users)) {
      tx.update("INSERT INTO task_members (task_id, user_id, role, position) VALUES (?, ?, ?, ?)", id, u,
          String.valueOf(role), pos++);
    }
  }

  void delete(Tx tx, long id) throws SQLException {
    tx.updateOne("DELETE FROM tasks WHERE id = ?", id);
  }

  boolean exists(Tx tx, long id) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM tasks WHERE id = ?", id) > 0;
  }

  boolean isFavorite(Tx tx, long userId, long taskId) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM task_favorites WHERE user_id = ? AND task_id = ?", userId, taskId) > 0;
  }

  /** The workgroups that have tasks: a loose index scan, one index probe per group instead of reading every task. */
  List<Long> groupsWithTasks(Tx tx) throws SQLException {
    return tx.query("WITH RECURSIVE g(id) AS ("
        + " SELECT min(group_id) FROM tasks WHERE group_id > 0"
        + " UNION ALL SELECT (SELECT min(group_id) FROM tasks WHERE group_id > 0 AND group_id > g.id) FROM g"
        + " WHERE g.id IS NOT NULL)"
        + " SELECT id FROM g WHERE id IS NOT NULL", rs -> rs.getLong(1));
  }

  /**
   * Open tasks past their deadline {@code at} in which {@code userId} plays one of {@code roles} (O counts only
   * where she is not also the responsible), optionally in one group.
   */
  long expiredCount(Tx tx, long userId, Set<Character> roles, long groupId, Instant at) throws SQLException {
    List<String> letters = new ArrayList<>();
    for (char r : roles) letters.add(String.valueOf(r));
    return tx.queryLong("SELECT count(DISTINCT t.id) FROM tasks t JOIN task_members m ON m.task_id = t.id"
        + " WHERE m.user_id = ? AND m.role = ANY(?) AND (m.role <> 'O' OR t.responsible_id <> m.user_id)"
        + " AND t.deadline < ? AND t.status NOT IN (4, 5) AND (? = 0 OR t.group_id = ?)",
        userId, letters.toArray(String[]::new), at, groupId, groupId);
  }

  /** A comment was added (+1) or removed (-1): COMMENTS_COUNT, and ACTIVITY_DATE unless {@code at} is null. */
  void commentsChanged(Tx tx, long taskId, int delta, Instant at) throws SQLException {
    tx.updateOne("UPDATE tasks SET comments_count = GREATEST(0, COALESCE(comments_count, 0) + ?),"
        + " activity_date = COALESCE(?, activity_date) WHERE id = ?", delta, at, taskId);
  }

  /** ACTIVITY_DATE only; the number of rows written (0 when the task is gone). */
  int touchActivity(Tx tx, long taskId, Instant at) throws SQLException {
    return tx.update("UPDATE tasks SET activity_date = ? WHERE id = ?", at, taskId);
  }

  // ---- stages --------------------------------------------------------------------------------------------

  /** Whether any task of the group stands in the stage (whoever may see it). */
  boolean anyInStage(Tx tx, long groupId, long stageId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM tasks WHERE group_id = ? AND stage_id = ? LIMIT 1", rs -> true, groupId,
        stageId).isPresent();
  }

  /** The group's tasks with no stage go into {@code stageId}, without history; how many moved. */
  int stageUnstaged(Tx tx, long groupId, long stageId) throws SQLException {
    return tx.update("UPDATE tasks SET stage_id = ? WHERE group_id = ? AND stage_id = 0", stageId, groupId);
  }

  // ---- history ---------------------------------------------------------------------------------------------

  /**
   * The history rows of a change (UpdateHistoryLog): one per logged field whose value differs, FROM and TO as
   * Bitrix stores them (statuses and ids as numbers, member lists comma-joined, dates as unix seconds, flags Y/N,
   * descriptions blanked). Bookkeeping fields are never logged.
   */
  void history(Tx tx, long userId, Task old, TaskChange change, Instant at) throws SQLException {
    for (Map.Entry<TaskField, Object> e : change.fields().entrySet()) {
      TaskField f = e.getKey();
      if (f.historyName == null) continue;
      Object before = f.of(old);
      if (Objects.equals(before, e.getValue())) continue;
      if (f == TaskField.DESCRIPTION) {
        history(tx, old.id(), userId, at, f.historyName, "", "");
        continue;
      }
      history(tx, old.id(), userId, at, f.historyName, historyText(before), historyText(e.getValue()));
    }
  }

  /** A value as a history row holds it. */
  static String historyText(Object v) {
    return switch (v) {
      case null -> null;
      case Status s -> Integer.toString(s.code);
      case Boolean b -> b ? "Y" : "N";
      case Instant i -> Long.toString(i.getEpochSecond());
      case Collection<?> c -> c.isEmpty() ? null : c.stream().map(String::valueOf).collect(Collectors.joining(","));
      default -> String.valueOf(v);
    };
  }

  void history(Tx tx, long taskId, long userId, Instant at, String field, String from, String to)
      throws SQLException {
    tx.update("INSERT INTO task_history (task_id, user_id, created_date, field, from_value, to_value)"
        + " VALUES (?, ?, ?, ?, ?, ?)", taskId, userId, at, field, from, to);
  }

  public record HistoryRow(long id, long taskId, long userId, Instant createdDate, String field, String from, String to) {}

  List<HistoryRow> history(Tx tx, long taskId, String field, boolean ascending) throws SQLException {
    String where = field == null ? "" : " AND field = ?";
    Object[] args = field == null ? new Object[] {taskId} : new Object[] {taskId, field};
    return tx.query("SELECT * FROM task_history WHERE task_id = ?" + where + " ORDER BY created_date "
        + (ascending ? "ASC, id ASC" : "DESC, id DESC"), rs -> new HistoryRow(rs.getLong("id"), rs.getLong("task_id"),
            rs.getLong("user_id"), Sql.instant(rs, "created_date"), rs.getString("field"),
            rs.getString("from_value"), rs.getString("to_value")), args);
  }

  // ---- per-user flags --------------------------------------------------------------------------------------

  /** Sets or clears a flag row in task_favorites / task_mutes; returns whether anything changed. */
  boolean flag(Tx tx, String table, long userId, long taskId, boolean on) throws SQLException {
    String t = switch (table) {
      case "task_favorites", "task_mutes", "task_pins" -> table;
      default -> throw new IllegalArgumentException(table);
    };
    if (on) {
      return tx.update("INSERT INTO " + t + " (user_id, task_id) VALUES (?, ?) ON CONFLICT DO NOTHING", userId,
          taskId) > 0;
    }
    return tx.update("DELETE FROM " + t + " WHERE user_id = ? AND task_id = ?", userId, taskId) > 0;
  }

  void viewed(Tx tx, long userId, long taskId, Instant at) throws SQLException {
    tx.update("INSERT INTO task_views (user_id, task_id, viewed_date) VALUES (?, ?, ?)"
        + " ON CONFLICT (user_id, task_id) DO UPDATE SET viewed_date = EXCLUDED.viewed_date", userId, taskId, at);
  }

  /** The values of a new task, already validated. */
  record NewTask(long actor, Instant now, Long parentId, String title, String description, String mark, int priority,
      Status status, long groupId, long stageId, long createdBy, long responsibleId, List<Long> accomplices,
      List<Long> auditors, Instant deadline, Instant startDatePlan, Instant endDatePlan, String guid, String xmlId,
      boolean allowChangeDeadline, boolean allowTimeTracking, boolean taskControl, boolean addInReport,
      long timeEstimate, boolean matchWorkTime, String siteId, Long durationPlan, String durationType) {}

  /** One row of {@code SELECT}: the task with its members, as {@code viewer} sees it. */
  private static Task row(ResultSet rs, long viewer) throws SQLException {
    return new Task(rs.getLong("id"), Sql.longOrNull(rs, "parent_id"), rs.getString("title"),
        rs.getString("description"), rs.getString("mark"), rs.getInt("priority"), Status.ofCode(rs.getInt("status")),
        rs.getBoolean("multitask"), rs.getBoolean("replicate"), rs.getLong("group_id"), rs.getLong("stage_id"),
        rs.getLong("created_by"), Sql.instant(rs, "created_date"), rs.getLong("responsible_id"),
        ids(rs, "v_accomplices"), ids(rs, "v_auditors"),
        rs.getLong("changed_by"), Sql.instant(rs, "changed_date"), Sql.longOrNull(rs, "status_changed_by"),
        Sql.instant(rs, "status_changed_date"), Sql.longOrNull(rs, "closed_by"), Sql.instant(rs, "closed_date"),
        Sql.instant(rs, "activity_date"), Sql.instant(rs, "date_start"), Sql.instant(rs, "deadline"),
        Sql.instant(rs, "start_date_plan"), Sql.instant(rs, "end_date_plan"), rs.getString("guid"),
        rs.getString("xml_id"), intOrNull(rs, "comments_count"), intOrNull(rs, "service_comments_count"),
        rs.getBoolean("allow_change_deadline"), rs.getBoolean("allow_time_tracking"),
        rs.getBoolean("task_control"), rs.getBoolean("add_in_report"), rs.getLong("time_estimate"),
        Sql.longOrNull(rs, "time_spent_in_logs"), rs.getBoolean("match_work_time"), rs.getString("site_id"),
        rs.getInt("outlook_version"), doubleOrNull(rs, "sorting"), Sql.longOrNull(rs, "duration_plan"),
        Sql.longOrNull(rs, "duration_fact"), rs.getString("duration_type"),
        new Task.ViewerFlags(viewer, rs.getBoolean("v_favorite"), rs.getBoolean("v_muted"),
            Sql.instant(rs, "v_viewed"), rs.getBoolean("v_pinned")));
  }

  /** A bigint[] column as an ordered, unmodifiable set. */
  private static Set<Long> ids(ResultSet rs, String column) throws SQLException {
    java.sql.Array a = rs.getArray(column);
    if (a == null) return Set.of();
    Long[] values = (Long[]) a.getArray();
    if (values.length == 0) return Set.of();
    Set<Long> out = new LinkedHashSet<>(values.length * 2);
    for (Long v : values) out.add(v);
    return Collections.unmodifiableSet(out);
  }

  private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** Which of {@code ids} have subtasks (one query for a page). */
  Set<Long> withSubtasks(Tx tx, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) return Set.of();
    return new HashSet<>(tx.query("SELECT DISTINCT parent_id FROM tasks WHERE parent_id = ANY(?)",
        rs -> rs.getLong(1), List.copyOf(ids)));
  }

  /**
   * Whether {@code ancestor} is {@code id} or one of its ancestors. Parent changes are rare: one at a time
   * portal-wide (an advisory lock), so two crossing moves cannot both pass; UNION (not UNION ALL) ends the walk
   * even on a cycle stored before.
   */
  boolean descendsFrom(Tx tx, long id, long ancestor) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(7243, 1)", rs -> true);
    return tx.queryLong("WITH RECURSIVE up(id) AS (SELECT ?::bigint UNION SELECT t.parent_id FROM tasks t "
        + "JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL) SELECT count(*) FROM up WHERE id = ?", id,
        ancestor) > 0;
  }

  List<Long> memberTasks(Tx tx, long userId) throws SQLException {
    return tx.query("SELECT DISTINCT task_id FROM task_members WHERE user_id = ? ORDER BY task_id DESC",
        rs -> rs.getLong(1), userId);
  }

  /**
   * Puts {@code taskId} right before (or after) {@code targetId} among its group's tasks in SORTING order and
   * numbers the group's SORTING 1, 2, … in that order, in one statement; false (nothing changed) when the target
   * is not a task of the group. A {@code targetId} of 0 puts the task first.
   */
  boolean placeInGroup(Tx tx, long groupId, long taskId, long targetId, boolean before) throws SQLException {
    List<Long> ids = new ArrayList<>(tx.query("SELECT id FROM tasks WHERE group_id = ? ORDER BY sorting ASC NULLS LAST,"
        + " id ASC FOR UPDATE", rs -> rs.getLong(1), groupId));
    if (targetId == taskId || (targetId != 0 && !ids.contains(targetId)) || !ids.remove(Long.valueOf(taskId))) {
      return false;
    }
    int at = targetId == 0 ? 0 : ids.indexOf(targetId);
    ids.add(before || targetId == 0 ? at : at + 1, taskId);
    tx.update("UPDATE tasks t SET sorting = v.n FROM unnest(?::bigint[]) WITH ORDINALITY AS v(id, n)"
        + " WHERE t.id = v.id AND t.sorting IS DISTINCT FROM v.n", ids);
    return true;
  }
}
