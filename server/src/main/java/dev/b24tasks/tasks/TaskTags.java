package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's tags (TAGS): labels of the task's group, or of the acting user for a task outside groups (as the
 * portal's b_tasks_label). Read for a whole page with one query.
 */
final class TaskTags {
  /** TAGS as given: an array of names, or one comma-separated string; blanks dropped, each name once. */
  static List<String> names(JsonNode v) {
    Set<String> out = new LinkedHashSet<>();
    List<String> raw = new ArrayList<>();
    if (v == null || v.isNull()) return List.of();
    if (v.isArray() || v.isObject()) v.forEach(n -> raw.add(n.isContainerNode() ? "" : n.asText()));
    else Collections.addAll(raw, v.asText().split(","));
    for (String s : raw) {
      String t = s.trim();
      if (!t.isEmpty()) out.add(t.length() > 255 ? t.substring(0, 255) : t);
    }
    return List.copyOf(out);
  }

  /** The tag names of one task, in the order they were added. */
  List<String> of(Tx tx, long taskId) throws SQLException {
    return tx.query("SELECT b.name FROM task_label_links l JOIN task_labels b ON b.id = l.label_id"
        + " WHERE l.task_id = ? ORDER BY b.id", rs -> rs.getString(1), taskId);
  }

  /** {@code tags} of a page: task id -> {label id: {id, title}} (ids as numbers, as the portal sends them). */
  Map<Long, Map<String, Object>> page(Tx tx, Collection<Long> taskIds) throws SQLException {
    Map<Long, Map<String, Object>> out = new HashMap<>();
    if (taskIds.isEmpty()) return out;
    String marks = String.join(", ", Collections.nCopies(taskIds.size(), "?"));
    tx.query("SELECT l.task_id, b.id, b.name FROM task_label_links l JOIN task_labels b ON b.id = l.label_id"
        + " WHERE l.task_id IN (" + marks + ") ORDER BY l.task_id, b.id", rs -> {
          Map<String, Object> tag = new LinkedHashMap<>();
          tag.put("id", rs.getLong(2));
          tag.put("title", rs.getString(3));
          out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(Long.toString(rs.getLong(2)), tag);
          return null;
        }, taskIds.toArray());
    return out;
  }

  /** The task carries exactly {@code names} now; labels are found or made under the owner. */
  void replace(Tx tx, long taskId, long userId, long groupId, List<String> names) throws SQLException {
    tx.update("DELETE FROM task_label_links WHERE task_id = ?", taskId);
    long owner = groupId > 0 ? 0 : userId;
    for (String name : names) {
      tx.update("INSERT INTO task_labels (user_id, group_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          owner, groupId, name);
      tx.update("INSERT INTO task_label_links (task_id, label_id) SELECT ?, id FROM task_labels"
          + " WHERE user_id = ? AND group_id = ? AND name = ? ON CONFLICT DO NOTHING", taskId, owner, groupId, name);
    }
  }
}
