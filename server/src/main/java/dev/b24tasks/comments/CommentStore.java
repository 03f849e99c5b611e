package dev.b24tasks.comments;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of task comments and of who has read them. Every method runs inside the caller's transaction. */
final class CommentStore {
  private static final String COLUMNS = "id, task_id, author_id, post_message, post_date";

  List<Comment> byTask(Tx tx, long taskId) throws SQLException {
    return tx.query("SELECT " + COLUMNS + " FROM task_comments WHERE task_id = ? ORDER BY id", CommentStore::row,
        taskId);
  }

  /** A comment by its id alone (the results feature knows only that). */
  Optional<Comment> find(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM task_comments WHERE id = ?", CommentStore::row, id);
  }

  Optional<Comment> find(Tx tx, long taskId, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM task_comments WHERE task_id = ? AND id = ?", CommentStore::row,
        taskId, id);
  }

  /** The comment, row-locked until the transaction ends: lock, then read, then write. */
  Optional<Comment> findForUpdate(Tx tx, long taskId, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM task_comments WHERE task_id = ? AND id = ? FOR UPDATE",
        CommentStore::row, taskId, id);
  }

  long insert(Tx tx, long taskId, long authorId, String message, Instant postDate) throws SQLException {
    return tx.insert("INSERT INTO task_comments (task_id, author_id, post_message, post_date) VALUES (?, ?, ?, ?) "
        + "RETURNING id", taskId, authorId, message, postDate);
  }

  void updateMessage(Tx tx, long id, String message, Instant at) throws SQLException {
    tx.updateOne("UPDATE task_comments SET post_message = ?, updated_at = ? WHERE id = ?", message, at, id);
  }

  void delete(Tx tx, long id) throws SQLException {
    tx.updateOne("DELETE FROM task_comments WHERE id = ?", id);
  }

  /** Remembers that {@code userId} has seen the task's comments up to {@code lastId}; never moves backwards. */
  void markRead(Tx tx, long taskId, long userId, long lastId) throws SQLException {
    tx.update("INSERT INTO task_comment_reads (task_id, user_id, last_comment_id) VALUES (?, ?, ?) "
        + "ON CONFLICT (task_id, user_id) DO UPDATE SET last_comment_id = "
        + "greatest(task_comment_reads.last_comment_id, excluded.last_comment_id)", taskId, userId, lastId);
  }

  /** Others' comments on each task newer than the last one {@code userId} has seen there; one query for the set. */
  java.util.Map<Long, Long> unreadCounts(Tx tx, java.util.Collection<Long> taskIds, long userId)
      throws SQLException {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    tx.query("SELECT c.task_id, count(*) FROM task_comments c LEFT JOIN task_comment_reads r"
        + " ON r.task_id = c.task_id AND r.user_id = ? WHERE c.task_id = ANY(?) AND c.author_id <> ?"
        + " AND c.id > coalesce(r.last_comment_id, 0) GROUP BY c.task_id", rs -> {
          out.put(rs.getLong(1), rs.getLong(2));
          return null;
        }, userId, List.copyOf(taskIds), userId);
    return out;
  }

  private static Comment row(ResultSet rs) throws SQLException {
    return new Comment(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("author_id"), rs.getString("post_message"),
        Sql.instant(rs, "post_date"));
  }
}
