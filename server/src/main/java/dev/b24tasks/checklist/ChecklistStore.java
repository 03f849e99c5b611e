package dev.b24tasks.checklist;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of checklist items. Every method runs inside the caller's transaction. */
final class ChecklistStore {
  private static final String COLUMNS = "id, task_id, parent_id, created_by, title, sort_index, is_complete, "
      + "is_important, toggled_by, toggled_date";

  /** Sortable manifest fields and their columns; ORDER keys outside this map are refused by the methods. */
  static final Map<String, String> SORTABLE = Map.of("ID", "id", "PARENT_ID", "parent_id", "CREATED_BY",
      "created_by", "TITLE", "title", "SORT_INDEX", "sort_index", "IS_COMPLETE", "is_complete", "IS_IMPORTANT",
      "is_important", "TOGGLED_BY", "toggled_by", "TOGGLED_DATE", "toggled_date");

  /**
   * Serializes writers of one task's checklist, so concurrent adds and moves compute sort indexes from the same
   * picture. Key space 30 is this feature's (its migration range), the task id the second key.
   */
  void lock(Tx tx, long taskId) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(30, ?)", rs -> 1, (int) (taskId % Integer.MAX_VALUE));
  }

  /** All items of a task, in the given ORDER BY (column list already validated), members filled in. */
  List<ChecklistItem> byTask(Tx tx, long taskId, String orderBy) throws SQLException {
    List<ChecklistItem> rows = tx.query("SELECT " + COLUMNS + " FROM checklist_items WHERE task_id = ? ORDER BY "
        + orderBy, ChecklistStore::row, taskId);
    return withMembers(tx, rows);
  }

  /** The items of several tasks in the default order, by task, members filled in: one query for the set. */
  Map<Long, List<ChecklistItem>> byTasks(Tx tx, java.util.Collection<Long> taskIds) throws SQLException {
    Map<Long, List<ChecklistItem>> out = new LinkedHashMap<>();
    tx.query("SELECT " + COLUMNS + ", ARRAY(SELECT m.user_id || ':' || m.type FROM checklist_item_members m"
        + " WHERE m.item_id = c.id ORDER BY m.ctid) AS members FROM checklist_items c WHERE task_id = ANY(?)"
        + " ORDER BY task_id, " + ChecklistService.DEFAULT_ORDER, rs -> {
          ChecklistItem r = row(rs);
          Map<Long, Character> members = new LinkedHashMap<>();
          for (String m : Sql.strings(rs, "members")) {
            int colon = m.indexOf(':');
            members.put(Long.parseLong(m.substring(0, colon)), m.charAt(colon + 1));
          }
          out.computeIfAbsent(r.taskId(), k -> new ArrayList<>()).add(new ChecklistItem(r.id(), r.taskId(),
              r.parentId(), r.createdBy(), r.title(), r.sortIndex(), r.complete(), r.important(), r.toggledBy(),
              r.toggledDate(), members));
          return null;
        }, List.copyOf(taskIds));
    return out;
  }

  Optional<ChecklistItem> find(Tx tx, long taskId, long itemId) throws SQLException {
    List<ChecklistItem> rows = tx.query("SELECT " + COLUMNS + " FROM checklist_items WHERE task_id = ? AND id = ?",
        ChecklistStore::row, taskId, itemId);
    return withMembers(tx, rows).stream().findFirst();
  }

  /** The first checklist (root item) of the task, if it has one. */
  Optional<Long> firstRoot(Tx tx, long taskId) throws SQLException {
    return tx.queryOne("SELECT id FROM checklist_items WHERE task_id = ? AND parent_id = 0 ORDER BY sort_index, id "
        + "LIMIT 1", rs -> rs.getLong(1), taskId);
  }

  int nextSortIndex(Tx tx, long taskId, long parentId) throws SQLException {
    return (int) tx.queryLong("SELECT coalesce(max(sort_index) + 1, 0) FROM checklist_items WHERE task_id = ? "
        + "AND parent_id = ?", taskId, parentId);
  }

  long insert(Tx tx, long taskId, long parentId, long createdBy, String title, int sortIndex, boolean complete,
      boolean important, Instant now) throws SQLException {
    return tx.insert("INSERT INTO checklist_items (task_id, parent_id, created_by, title, sort_index, is_complete, "
        + "is_important, toggled_by, toggled_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        taskId, parentId, createdBy, title, sortIndex, complete, important, complete ? createdBy : null,
        complete ? now : null, now);
  }

  void update(Tx tx, ChecklistItem item) throws SQLException {
    tx.updateOne("UPDATE checklist_items SET parent_id = ?, title = ?, sort_index = ?, is_complete = ?, "
        + "is_important = ?, toggled_by = ?, toggled_date = ? WHERE id = ?", item.parentId(), item.title(),
        item.sortIndex(), item.complete(), item.important(), item.toggledBy(), item.toggledDate(), item.id());
  }

  /** Moves siblings at or after {@code fromIndex} one place down, making room for an item. */
  void shiftSiblings(Tx tx, long taskId, long parentId, int fromIndex, long exceptId) throws SQLException {
    tx.update("UPDATE checklist_items SET sort_index = sort_index + 1 WHERE task_id = ? AND parent_id = ? "
        + "AND sort_index >= ? AND id <> ?", taskId, parentId, fromIndex, exceptId);
  }

  // The walks below use UNION, not UNION ALL: a row met twice ends the walk, so even a parent cycle stored by
  // an older build cannot make them recurse forever.

  /** Deletes the item and everything below it; returns how many items went. */
  int deleteSubtree(Tx tx, long taskId, long itemId) throws SQLException {
    return tx.update("WITH RECURSIVE sub(id) AS (SELECT id FROM checklist_items WHERE task_id = ? AND id = ? "
        + "UNION SELECT c.id FROM checklist_items c JOIN sub ON c.parent_id = sub.id) "
        + "DELETE FROM checklist_items WHERE id IN (SELECT id FROM sub)", taskId, itemId);
  }

  /** Whether {@code candidate} is {@code itemId} itself or lies below it (a move there would make a cycle). */
  boolean isInSubtree(Tx tx, long taskId, long itemId, long candidate) throws SQLException {
    return tx.queryLong("WITH RECURSIVE sub(id) AS (SELECT id FROM checklist_items WHERE task_id = ? AND id = ? "
        + "UNION SELECT c.id FROM checklist_items c JOIN sub ON c.parent_id = sub.id) "
        + "SELECT count(*) FROM sub WHERE id = ?", taskId, itemId, candidate) > 0;
  }

  void replaceMembers(Tx tx, long itemId, Map<Long, Character> members) throws SQLException {
    tx.update("DELETE FROM checklist_item_members WHERE item_id = ?", itemId);
    for (Map.Entry<Long, Character> m : members.entrySet()) {
      tx.update("INSERT INTO checklist_item_members (item_id, user_id, type) VALUES (?, ?, ?)", itemId, m.getKey(),
          String.valueOf(m.getValue()));
    }
  }

  private static List<ChecklistItem> withMembers(Tx tx, List<ChecklistItem> rows) throws SQLException {
    if (rows.isEmpty()) return rows;
    List<Long> ids = new ArrayList<>();
    for (ChecklistItem r : rows) ids.add(r.id());
    Map<Long, Map<Long, Character>> members = new HashMap<>();
    tx.query("SELECT item_id, user_id, type FROM checklist_item_members WHERE item_id = ANY(?) ORDER BY item_id, "
        + "ctid", rs -> {
          members.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2),
              rs.getString(3).charAt(0));
          return null;
        }, ids);
    List<ChecklistItem> out = new ArrayList<>(rows.size());
    for (ChecklistItem r : rows) {
      out.add(new ChecklistItem(r.id(), r.taskId(), r.parentId(), r.createdBy(), r.title(), r.sortIndex(),
          r.complete(), r.important(), r.toggledBy(), r.toggledDate(), members.getOrDefault(r.id(), Map.of())));
    }
    return out;
  }

  private static ChecklistItem row(ResultSet rs) throws SQLException {
    return new ChecklistItem(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("parent_id"),
        rs.getLong("created_by"), rs.getString("title"), rs.getInt("sort_index"), rs.getBoolean("is_complete"),
        rs.getBoolean("is_important"), Sql.longOrNull(rs, "toggled_by"), Sql.instant(rs, "toggled_date"), Map.of());
  }
}
