package dev.b24tasks.tasks;

import dev.b24tasks.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The history rows of a change (UpdateHistoryLog): one per logged field whose value differs, FROM and TO as Bitrix
 * stores them (statuses and ids as numbers, member lists comma-joined, dates as unix seconds, flags Y/N,
 * descriptions blanked). Bookkeeping fields are never logged.
 */
final class TaskHistory {
  private final TaskStore store;

  TaskHistory(TaskStore store) {
    this.store = store;
  }

  void record(Tx tx, long userId, Task old, TaskChange change, Instant at) throws SQLException {
    for (Map.Entry<TaskField, Object> e : change.fields().entrySet()) {
      TaskField f = e.getKey();
      if (f.historyName == null) continue;
      Object before = f.of(old);
      if (Objects.equals(before, e.getValue())) continue;
      if (f == TaskField.DESCRIPTION) {
        store.history(tx, old.id(), userId, at, f.historyName, "", "");
        continue;
      }
      store.history(tx, old.id(), userId, at, f.historyName, text(before), text(e.getValue()));
    }
  }

  static String text(Object v) {
    return switch (v) {
      case null -> null;
      case Status s -> Integer.toString(s.code);
      case Boolean b -> b ? "Y" : "N";
      case Instant i -> Long.toString(i.getEpochSecond());
      case Collection<?> c -> c.isEmpty() ? null : c.stream().map(String::valueOf).collect(Collectors.joining(","));
      default -> String.valueOf(v);
    };
  }
}
