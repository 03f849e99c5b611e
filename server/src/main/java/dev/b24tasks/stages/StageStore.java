package dev.b24tasks.stages;

import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code task_stages} and {@code task_plan_stages} tables. */
final class StageStore {
  private static final String COLUMNS = "SELECT id, entity_type, entity_id, title, sort, color, system_type FROM task_stages";

  /**
   * Serialises changes to one board (default stages made once, sorts renumbered without interleaving): a
   * transaction-wide advisory lock on the board's type and entity.
   */
  void lockBoard(Tx tx, char type, long entityId) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(?, ?)", rs -> true, 0x5354_0000 | type, (int) entityId);
  }

  List<Stage> board(Tx tx, char type, long entityId) throws SQLException {
    return tx.query(COLUMNS + " WHERE entity_type = ? AND entity_id = ? ORDER BY sort, id", StageStore::row,
        String.valueOf(type), entityId);
  }

  Optional<Stage> find(Tx tx, long id) throws SQLException {
    return tx.queryOne(COLUMNS + " WHERE id = ?", StageStore::row, id);
  }

  long insert(Tx tx, Stage s) throws SQLException {
    return tx.queryOne("INSERT INTO task_stages (entity_type, entity_id, title, sort, color, system_type)"
            + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1),
        String.valueOf(s.entityType()), s.entityId(), s.title(), s.sort(), s.color(), s.systemType()).orElseThrow();
  }

  void update(Tx tx, Stage s) throws SQLException {
    tx.update("UPDATE task_stages SET title = ?, sort = ?, color = ?, system_type = ? WHERE id = ?",
        s.title(), s.sort(), s.color(), s.systemType(), s.id());
  }

  void delete(Tx tx, long id) throws SQLException {
    tx.update("DELETE FROM task_stages WHERE id = ?", id);
  }

  boolean planHasTasks(Tx tx, long stageId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM task_plan_stages WHERE stage_id = ? LIMIT 1", rs -> true, stageId).isPresent();
  }

  /** The task stands in {@code stageId} of the user's plan (wherever it stood in it before). */
  void placeInPlan(Tx tx, long userId, long taskId, long stageId) throws SQLException {
    tx.update("INSERT INTO task_plan_stages (user_id, task_id, stage_id) VALUES (?, ?, ?)"
        + " ON CONFLICT (user_id, task_id) DO UPDATE SET stage_id = EXCLUDED.stage_id", userId, taskId, stageId);
  }

  /** The user's plan: which of her tasks stand in which of its stages (tasks never placed are not listed). */
  java.util.Map<Long, List<Long>> plan(Tx tx, long userId) throws SQLException {
    java.util.Map<Long, List<Long>> out = new java.util.LinkedHashMap<>();
    for (long[] r : tx.query("SELECT stage_id, task_id FROM task_plan_stages WHERE user_id = ? ORDER BY stage_id, task_id",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, userId)) {
      out.computeIfAbsent(r[0], k -> new java.util.ArrayList<>()).add(r[1]);
    }
    return out;
  }

  private static Stage row(ResultSet rs) throws SQLException {
    return new Stage(rs.getLong(1), rs.getString(2).charAt(0), rs.getLong(3), rs.getString(4), rs.getInt(5),
        rs.getString(6), rs.getString(7));
  }
}
