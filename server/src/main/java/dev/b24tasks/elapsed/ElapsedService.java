package dev.b24tasks.elapsed;

import dev.b24tasks.directory.Directory;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.tasks.TaskLink;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskAction;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Elapsed-time use cases, one transaction each. Adding needs the task rule "elapsedtime.add" (asked of the tasks
 * feature); changing or removing a record needs to be its owner or an administrator. After every change the
 * task's {@code timeSpentInLogs} / {@code durationFact} are set through {@link TaskLink} in the same transaction.
 */
public final class ElapsedService {
  private final Database db;
  private final TaskLink tasks;
  private final Directory directory;
  private final Clock clock;
  private final ElapsedStore store = new ElapsedStore();

  public ElapsedService(Database db, TaskLink tasks, Directory directory, Clock clock) {
    this.db = db;
    this.tasks = tasks;
    this.directory = directory;
    this.clock = clock;
  }

  /** What add/update send; null components were not sent. */
  public record Changes(Long userId, String commentText, Long seconds, Integer source, Instant createdDate,
      Instant dateStart, Instant dateStop) {}

  /** The legacy action ids of {@code task.elapseditem.isactionallowed}. */
  enum Action {
    ADD, MODIFY, REMOVE;

    static Action of(long id) {
      return id >= 1 && id <= 3 ? values()[(int) id - 1] : null;
    }
  }

  public long add(long userId, long taskId, Changes c) {
    return db.tx(tx -> {
      TaskFacts t = requireReadable(userId, taskId);
      long owner = c.userId() != null && c.userId() > 0 ? c.userId() : userId;
      if (!t.allows(TaskAction.ELAPSEDTIME_ADD)) throw error("NOT_ALLOWED");
      if (owner != userId && !t.admin()) throw error("NOT_ALLOWED");
      store.lock(tx, taskId);
      Instant now = clock.instant();
      long id = store.insert(tx, new ElapsedItem(0, taskId, owner, c.commentText() == null ? "" : c.commentText(),
          c.seconds(), c.source() == null ? 2 : c.source(), c.createdDate() != null ? c.createdDate() : now,
          c.dateStart(), c.dateStop()));
      recount(tx, userId, taskId);
      return id;
    });
  }

  public void update(long userId, long taskId, long id, Changes c) {
    db.tx(tx -> {
      ElapsedItem old = changeable(tx, userId, taskId, id);
      if (c.userId() != null && c.userId() != old.userId() && !directory.isAdmin(userId)) throw error("NOT_ALLOWED");
      store.lock(tx, taskId);
      store.update(tx, new ElapsedItem(id, taskId, c.userId() != null && c.userId() > 0 ? c.userId() : old.userId(),
          c.commentText() != null ? c.commentText() : old.commentText(),
          c.seconds() != null ? c.seconds() : old.seconds(), c.source() != null ? c.source() : old.source(),
          c.createdDate() != null ? c.createdDate() : old.createdDate(),
          c.dateStart() != null ? c.dateStart() : old.dateStart(),
          c.dateStop() != null ? c.dateStop() : old.dateStop()));
      recount(tx, userId, taskId);
      return null;
    });
  }

  public void delete(long userId, long taskId, long id) {
    db.tx(tx -> {
      changeable(tx, userId, taskId, id);
      store.lock(tx, taskId);
      store.delete(tx, id);
      recount(tx, userId, taskId);
      return null;
    });
  }

  public ElapsedItem get(long userId, long taskId, long id) {
    return db.read(tx -> {
      requireReadable(userId, taskId);
      return store.find(tx, taskId, id).orElseThrow(() -> error("NOT_FOUND"));
    });
  }

  /** The records of one task, or (taskId 0) of every task the caller may read. */
  public List<ElapsedItem> list(long userId, long taskId) {
    return db.read(tx -> {
      if (taskId > 0) {
        requireReadable(userId, taskId);
        return store.byTask(tx, taskId);
      }
      Map<Long, Boolean> readable = new HashMap<>();
      List<ElapsedItem> out = new ArrayList<>();
      for (ElapsedItem i : store.all(tx)) {
        if (readable.computeIfAbsent(i.taskId(), t -> tasks.readable(userId, t).isPresent())) out.add(i);
      }
      return out;
    });
  }

  public boolean isAllowed(long userId, long taskId, long id, long actionId) {
    Action action = Action.of(actionId);
    if (action == null) return false;
    return db.read(tx -> {
      var t = tasks.readable(userId, taskId);
      if (t.isEmpty()) return false;
      if (action == Action.ADD) return t.get().allows(TaskAction.ELAPSEDTIME_ADD);
      return store.find(tx, taskId, id).map(i -> mayChange(t.get(), i)).orElse(false);
    });
  }

  private ElapsedItem changeable(Tx tx, long userId, long taskId, long id) throws SQLException {
    TaskFacts t = requireReadable(userId, taskId);
    ElapsedItem item = store.find(tx, taskId, id).orElseThrow(() -> error("NOT_FOUND"));
    if (!mayChange(t, item)) throw error("NOT_ALLOWED");
    return item;
  }

  private static boolean mayChange(TaskFacts t, ElapsedItem item) {
    return item.userId() == t.userId() || t.admin();
  }

  private TaskFacts requireReadable(long userId, long taskId) {
    return tasks.readable(userId, taskId).orElseThrow(() -> error("TASK_NOT_FOUND"));
  }

  private void recount(Tx tx, long userId, long taskId) throws SQLException {
    tasks.timeSpentChanged(taskId, userId, store.totalSeconds(tx, taskId));
  }

  private static RestException error(String key) {
    return LegacyErrors.message("elapsed", key);
  }
}
