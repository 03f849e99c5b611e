package dev.b24tasks.results;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code task_results} table. */
final class ResultStore {
  private static final String COLUMNS = "id, task_id, comment_id, author_id, text, status, created_at, updated_at, message_id";

  List<TaskResult> byTask(Tx tx, long taskId) throws SQLException {
    return tx.query("SELECT " + COLUMNS + " FROM task_results WHERE task_id = ? ORDER BY id DESC", ResultStore::row,
        taskId);
  }

  Optional<TaskResult> find(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM task_results WHERE id = ?", ResultStore::row, id);
  }

  /** A result, locked for a change. */
  Optional<TaskResult> findForUpdate(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM task_results WHERE id = ? FOR UPDATE", ResultStore::row, id);
  }

  /** The result made from a comment, locked (a second addFromComment of it waits, then sees it). */
  Optional<TaskResult> byComment(Tx tx, long commentId) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM task_results WHERE comment_id = ? FOR UPDATE", ResultStore::row,
        commentId);
  }

  long insert(Tx tx, long taskId, Long commentId, long authorId, String text, Instant at) throws SQLException {
    return tx.insert("INSERT INTO task_results (task_id, comment_id, author_id, text, created_at)"
        + " VALUES (?, ?, ?, ?, ?) RETURNING id", taskId, commentId, authorId, text, at);
  }

  /** A result made from a task chat message; empty when the message has an open result already. */
  Optional<Long> insertFromMessage(Tx tx, long taskId, long messageId, long authorId, String text, Instant at)
      throws SQLException {
    return tx.queryOne("INSERT INTO task_results (task_id, message_id, author_id, text, created_at)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id) WHERE message_id IS NOT NULL AND status = 0 DO NOTHING"
        + " RETURNING id", rs -> rs.getLong(1), taskId, messageId, authorId, text, at);
  }

  void updateText(Tx tx, long id, String text, Instant at) throws SQLException {
    tx.updateOne("UPDATE task_results SET text = ?, updated_at = ? WHERE id = ?", text, at, id);
  }

  void delete(Tx tx, long id) throws SQLException {
    tx.updateOne("DELETE FROM task_results WHERE id = ?", id);
  }

  boolean hasOpen(Tx tx, long taskId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM task_results WHERE task_id = ? AND status = 0 LIMIT 1", rs -> true, taskId)
        .isPresent();
  }

  /** Closes the task's open results (the task was completed). */
  void closeOpen(Tx tx, long taskId) throws SQLException {
    tx.update("UPDATE task_results SET status = 1 WHERE task_id = ? AND status = 0", taskId);
  }

  private static TaskResult row(ResultSet rs) throws SQLException {
    return new TaskResult(rs.getLong("id"), rs.getLong("task_id"), Sql.longOrNull(rs, "comment_id"),
        rs.getLong("author_id"), rs.getString("text"), rs.getShort("status") == 1, Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"), Sql.longOrNull(rs, "message_id"));
  }
}
