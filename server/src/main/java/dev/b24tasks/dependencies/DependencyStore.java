package dev.b24tasks.dependencies;

import dev.b24tasks.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The {@code task_dependencies} table: who depends on whom, with the link type. */
final class DependencyStore {
  /** The advisory lock key that serialises link changes (any constant; "GANT"). */
  private static final long LOCK = 0x47414E54L;

  /** Takes the lock: two concurrent adds never close a cycle between them. */
  void lockLinks(Tx tx) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(?)", rs -> true, LOCK);
  }

  boolean exists(Tx tx, long taskId, long dependsOnId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM task_dependencies WHERE task_id = ? AND depends_on_id = ?", rs -> true,
        taskId, dependsOnId).isPresent();
  }

  /** True when {@code from} already depends, through any chain of links, on {@code to}: a link to -> from loops. */
  boolean reaches(Tx tx, long from, long to) throws SQLException {
    // a cycle guard in the query itself: the path array stops a walk that comes back to where it was
    return tx.queryOne("WITH RECURSIVE walk(id, path) AS ("
        + " SELECT depends_on_id, ARRAY[task_id, depends_on_id] FROM task_dependencies WHERE task_id = ?"
        + " UNION ALL SELECT d.depends_on_id, w.path || d.depends_on_id FROM task_dependencies d"
        + " JOIN walk w ON d.task_id = w.id WHERE NOT d.depends_on_id = ANY(w.path))"
        + " SELECT 1 FROM walk WHERE id = ? LIMIT 1", rs -> true, from, to).isPresent();
  }

  void insert(Tx tx, long taskId, long dependsOnId, int linkType, long userId, Instant at) throws SQLException {
    tx.updateOne("INSERT INTO task_dependencies (task_id, depends_on_id, link_type, created_by, created_at)"
        + " VALUES (?, ?, ?, ?, ?)", taskId, dependsOnId, (short) linkType, userId, at);
  }

  int delete(Tx tx, long taskId, long dependsOnId) throws SQLException {
    return tx.update("DELETE FROM task_dependencies WHERE task_id = ? AND depends_on_id = ?", taskId, dependsOnId);
  }

  List<Long> dependsOn(Tx tx, long taskId) throws SQLException {
    return tx.query("SELECT depends_on_id FROM task_dependencies WHERE task_id = ? ORDER BY depends_on_id",
        rs -> rs.getLong(1), taskId);
  }
}
