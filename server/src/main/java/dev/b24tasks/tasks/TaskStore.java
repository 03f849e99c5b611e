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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of tasks: rows of {@code tasks}, their members, history and the per-user flags. Every method runs inside
 * the caller's transaction ({@link Tx}); values are always bound, never spliced into the text.
 */
public final class TaskStore {
  /** The columns of a task row plus the reading user's flags; the viewer's id is bound three times. */
  static final String SELECT = "SELECT t.*,"
      + " EXISTS (SELECT 1 FROM task_favorites f WHERE f.task_id = t.id AND f.user_id = ?) AS v_favorite,"
      + " EXISTS (SELECT 1 FROM task_mutes m WHERE m.task_id = t.id AND m.user_id = ?) AS v_muted,"
      + " (SELECT v.viewed_date FROM task_views v WHERE v.task_id = t.id AND v.user_id = ?) AS v_viewed"
      + " FROM tasks t";

  /** The task with its members as {@code viewer} sees it; {@code lock} takes the row lock (FOR UPDATE). */
  Optional<Task> load(Tx tx, long id, long viewer, boolean lock) throws SQLException {
    Optional<Row> row = tx.queryOne(SELECT + " WHERE t.id = ?" + (lock ? " FOR UPDATE OF t" : ""),
        rs -> new Row(rs, viewer), viewer, viewer, viewer, id);
    if (row.isEmpty()) return Optional.empty();
    return Optional.of(withMembers(tx, List.of(row.get())).get(0));
  }

  /** Rows read by a list query ({@link TaskQuery}) completed with their members. */
  List<Task> list(Tx tx, String sql, long viewer, List<Object> args) throws SQLException {
    List<Object> all = new ArrayList<>(List.of(viewer, viewer, viewer));
    all.addAll(args);
    List<Row> rows = tx.query(sql, rs -> new Row(rs, viewer), all.toArray());
    return withMembers(tx, rows);
  }

  private List<Task> withMembers(Tx tx, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) return List.of();
    List<Long> ids = rows.stream().map(r -> r.id).toList();
    Map<Long, Set<Long>> acc = new HashMap<>();
    Map<Long, Set<Long>> aud = new HashMap<>();
    tx.query("SELECT task_id, user_id, role FROM task_members WHERE task_id = ANY(?) AND role IN ('A', 'U')"
        + " ORDER BY task_id, role, position, user_id", rs -> {
          Map<Long, Set<Long>> target = "A".equals(rs.getString("role")) ? acc : aud;
          target.computeIfAbsent(rs.getLong("task_id"), k -> new LinkedHashSet<>()).add(rs.getLong("user_id"));
          return null;
        }, ids);
    List<Task> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(r.task(acc.getOrDefault(r.id, Set.of()), aud.getOrDefault(r.id, Set.of())));
    }
    return out;
  }

  long insert(Tx tx, NewTask n) throws SQLException {
    long id = tx.insert("INSERT INTO tasks (parent_id, title, description, mark, priority, status, group_id, stage_id,"
        + " created_by, created_date, responsible_id, changed_by, changed_date, status_changed_by, status_changed_date,"
        + " activity_date, deadline, start_date_plan, end_date_plan, guid, xml_id, allow_change_deadline,"
        + " allow_time_tracking, task_control, add_in_report, time_estimate, match_work_time, site_id, duration_plan,"
        + " duration_type)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " RETURNING id",
        n.parentId(), n.title(), n.description(), n.mark(), n.priority(), n.status().code, n.groupId(), n.stageId(),
        n.createdBy(), n.now(), n.responsibleId(), n.actor(), n.now(), null, n.now(),
        n.now(), n.deadline(), n.startDatePlan(), n.endDatePlan(), n.guid(), n.xmlId(), n.allowChangeDeadline(),
        n.allowTimeTracking(), n.taskControl(), n.addInReport(), n.timeEstimate(), n.matchWorkTime(), n.siteId(),
        n.durationPlan(), n.durationType());
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
    tx.update("DELETE FROM tasks WHERE id = ?", id);
  }

  // ---- history ---------------------------------------------------------------------------------------------

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
      case "task_favorites", "task_mutes" -> table;
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

  /** One row of {@code tasks} read before its members are known. */
  private static final class Row {
    final long id;
    final Task partial;

    Row(ResultSet rs, long viewer) throws SQLException {
      id = rs.getLong("id");
      partial = new Task(id, Sql.longOrNull(rs, "parent_id"), rs.getString("title"), rs.getString("description"),
          rs.getString("mark"), rs.getInt("priority"), Status.ofCode(rs.getInt("status")), rs.getBoolean("multitask"),
          rs.getBoolean("replicate"), rs.getLong("group_id"), rs.getLong("stage_id"), rs.getLong("created_by"),
          Sql.instant(rs, "created_date"), rs.getLong("responsible_id"), Set.of(), Set.of(),
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
              Sql.instant(rs, "v_viewed")));
    }

    Task task(Set<Long> accomplices, Set<Long> auditors) {
      Task p = partial;
      return new Task(p.id(), p.parentId(), p.title(), p.description(), p.mark(), p.priority(), p.status(),
          p.multitask(), p.replicate(), p.groupId(), p.stageId(), p.createdBy(), p.createdDate(), p.responsibleId(),
          Collections.unmodifiableSet(accomplices), Collections.unmodifiableSet(auditors), p.changedBy(),
          p.changedDate(), p.statusChangedBy(), p.statusChangedDate(), p.closedBy(), p.closedDate(),
          p.activityDate(), p.dateStart(), p.deadline(), p.startDatePlan(), p.endDatePlan(), p.guid(), p.xmlId(),
          p.commentsCount(), p.serviceCommentsCount(), p.allowChangeDeadline(), p.allowTimeTracking(),
          p.taskControl(), p.addInReport(), p.timeEstimate(), p.timeSpentInLogs(), p.matchWorkTime(), p.siteId(),
          p.outlookVersion(), p.sorting(), p.durationPlan(), p.durationFact(), p.durationType(), p.viewer());
    }
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
}
