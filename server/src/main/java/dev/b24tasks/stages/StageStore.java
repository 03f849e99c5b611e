package dev.b24tasks.stages;

import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

  /** Where the plan's order is kept: the place of one of her tasks, smaller first. */
  static final String PLACE = "(SELECT ps.sort FROM task_plan_stages ps WHERE ps.task_id = t.id AND ps.user_id = ?)";

  /** The task stands in one of the plan stages (the portal's STAGES_ID filter over b_tasks_task_stage). */
  static final String IN_STAGES =
      "EXISTS (SELECT 1 FROM task_plan_stages ps WHERE ps.task_id = t.id AND ps.stage_id = ANY(?))";

  /**
   * StagesTable::pinInStage: the task goes into the first (NEW) stage of the plans of {@code users} that exist,
   * ahead of everything in each of them; a user whose plan holds it already keeps it where it is. One statement.
   */
  void pin(Tx tx, long taskId, List<Long> users) throws SQLException {
    tx.update("INSERT INTO task_plan_stages (user_id, task_id, stage_id, sort)"
        + " SELECT s.entity_id, ?, s.id, COALESCE((SELECT min(p.sort) FROM task_plan_stages p"
        + " WHERE p.user_id = s.entity_id), 1) - 1"
        + " FROM task_stages s WHERE s.entity_type = 'U' AND s.system_type = 'NEW' AND s.entity_id = ANY(?)"
        + " ON CONFLICT (user_id, task_id) DO NOTHING", taskId, users);
  }

  /** A plan made just now gets the user's tasks in its first stage, newest first (the portal's converter). */
  void pinAll(Tx tx, long userId, long stageId, List<Long> taskIds) throws SQLException {
    tx.update("INSERT INTO task_plan_stages (user_id, task_id, stage_id, sort)"
        + " SELECT ?, v.id, ?, v.n FROM unnest(?::bigint[]) WITH ORDINALITY AS v(id, n)"
        + " ON CONFLICT (user_id, task_id) DO NOTHING", userId, stageId, taskIds);
  }

  /** The task moves to {@code stageId} of the user's plan if it stands in that plan; false when it does not. */
  boolean moveInPlan(Tx tx, long userId, long taskId, long stageId) throws SQLException {
    return tx.update("UPDATE task_plan_stages SET stage_id = ? WHERE user_id = ? AND task_id = ?", stageId, userId,
        taskId) > 0;
  }

  /** The task goes ahead of everything in the user's plan (a move without before / after). */
  void putFirst(Tx tx, long userId, long taskId) throws SQLException {
    tx.update("UPDATE task_plan_stages SET sort = (SELECT min(p.sort) - 1 FROM task_plan_stages p"
        + " WHERE p.user_id = ? AND p.task_id <> ?) WHERE user_id = ? AND task_id = ?"
        + " AND EXISTS (SELECT 1 FROM task_plan_stages o WHERE o.user_id = ? AND o.task_id <> ?)",
        userId, taskId, userId, taskId, userId, taskId);
  }

  /**
   * SortingTable::setSorting for a plan: the task right before (or after) {@code targetId} in the user's order,
   * which is then numbered 1, 2, … in one statement; nothing changes when the target is not in her plan.
   */
  void placeInPlan(Tx tx, long userId, long taskId, long targetId, boolean before) throws SQLException {
    List<Long> ids = new ArrayList<>(tx.query("SELECT task_id FROM task_plan_stages WHERE user_id = ?"
        + " ORDER BY sort, task_id DESC", rs -> rs.getLong(1), userId));
    if (taskId == targetId || !ids.contains(targetId) || !ids.remove(Long.valueOf(taskId))) return;
    ids.add(ids.indexOf(targetId) + (before ? 0 : 1), taskId);
    tx.update("UPDATE task_plan_stages p SET sort = v.n FROM unnest(?::bigint[]) WITH ORDINALITY AS v(id, n)"
        + " WHERE p.user_id = ? AND p.task_id = v.id AND p.sort IS DISTINCT FROM v.n", ids, userId);
  }

  private static Stage row(ResultSet rs) throws SQLException {
    return new Stage(rs.getLong(1), rs.getString(2).charAt(0), rs.getLong(3), rs.getString(4), rs.getInt(5),
        rs.getString(6), rs.getString(7));
  }
}
