package dev.b24tasks.elapsed;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The SQL of elapsed-time records. Every method runs inside the caller's transaction. */
final class ElapsedStore {
  private static final String COLUMNS = "id, task_id, user_id, comment_text, seconds, source, created_date, "
      + "date_start, date_stop";

  List<ElapsedItem> byTask(Tx tx, long taskId) throws SQLException {
    return tx.query("SELECT " + COLUMNS + " FROM elapsed_items WHERE task_id = ? ORDER BY id", ElapsedStore::row,
        taskId);
  }

  List<ElapsedItem> all(Tx tx) throws SQLException {
    return tx.query("SELECT " + COLUMNS + " FROM elapsed_items ORDER BY id", ElapsedStore::row);
  }

  Optional<ElapsedItem> find(Tx tx, long taskId, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM elapsed_items WHERE task_id = ? AND id = ?", ElapsedStore::row,
        taskId, id);
  }

  long insert(Tx tx, ElapsedItem i) throws SQLException {
    return tx.insert("INSERT INTO elapsed_items (task_id, user_id, comment_text, seconds, source, created_date, "
        + "date_start, date_stop) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", i.taskId(), i.userId(),
        i.commentText(), i.seconds(), i.source(), i.createdDate(), i.dateStart(), i.dateStop());
  }

  void update(Tx tx, ElapsedItem i) throws SQLException {
    tx.updateOne("UPDATE elapsed_items SET user_id = ?, comment_text = ?, seconds = ?, source = ?, created_date = ?, "
        + "date_start = ?, date_stop = ? WHERE id = ?", i.userId(), i.commentText(), i.seconds(), i.source(),
        i.createdDate(), i.dateStart(), i.dateStop(), i.id());
  }

  void delete(Tx tx, long id) throws SQLException {
    tx.updateOne("DELETE FROM elapsed_items WHERE id = ?", id);
  }

  /** Serializes writers of one task's records so the task's total is computed from a settled set (key space 32). */
  void lock(Tx tx, long taskId) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(32, ?)", rs -> 1, (int) (taskId % Integer.MAX_VALUE));
  }

  long totalSeconds(Tx tx, long taskId) throws SQLException {
    return tx.queryLong("SELECT coalesce(sum(seconds), 0) FROM elapsed_items WHERE task_id = ?", taskId);
  }

  private static ElapsedItem row(ResultSet rs) throws SQLException {
    return new ElapsedItem(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("user_id"),
        rs.getString("comment_text"), rs.getLong("seconds"), rs.getInt("source"), Sql.instant(rs, "created_date"),
        Sql.instant(rs, "date_start"), Sql.instant(rs, "date_stop"));
  }
}
