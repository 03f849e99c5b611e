package dev.b24tasks.dependencies;

import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskAction;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskLink;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Gantt links (task.dependence.add / delete): the dependent task ({@code taskIdTo}) must be one the caller may
 * change the dates of (CTaskItem::addDependOn checks the deadline right), the other one readable; a link is made
 * once and never closes a loop. A hidden task and a missing one are refused alike. The check and the insert run
 * under a transaction-wide advisory lock, so two callers cannot each close half of a loop.
 */
public final class DependencyService {

  private final Database db;
  private final TaskLink tasks;
  private final Clock clock;
  private final DependencyStore store = new DependencyStore();

  public DependencyService(Database db, TaskLink tasks, Clock clock) {
    this.db = db;
    this.tasks = tasks;
    this.clock = clock;
  }

  public void add(long userId, long taskIdFrom, long taskIdTo, int linkType) {
    db.tx(tx -> {
      Optional<TaskFacts> to = tasks.readable(userId, taskIdTo);
      if (to.isEmpty() || !to.get().allows(TaskAction.CHANGE_DEADLINE)) throw error("ACTION_NOT_ALLOWED", "ADD_DENIED");
      if (tasks.readable(userId, taskIdFrom).isEmpty()) throw error("ACTION_NOT_ALLOWED", "ADD_DENIED");
      if (linkType < 0 || linkType > 3) throw error("ACTION_NOT_ALLOWED", "ADD_DENIED");
      if (taskIdFrom == taskIdTo) throw error("ILLEGAL_NEW_LINK", "LINK_CYCLE");
      store.lockLinks(tx);
      if (store.exists(tx, taskIdTo, taskIdFrom)) throw error("ILLEGAL_NEW_LINK", "LINK_EXISTS");
      if (store.reaches(tx, taskIdFrom, taskIdTo)) throw error("ILLEGAL_NEW_LINK", "LINK_CYCLE");
      store.insert(tx, taskIdTo, taskIdFrom, linkType, userId, clock.instant());
      tasks.changedBy(userId, taskIdTo);
      return null;
    });
  }

  public void delete(long userId, long taskIdFrom, long taskIdTo) {
    db.tx(tx -> {
      Optional<TaskFacts> to = tasks.readable(userId, taskIdTo);
      if (to.isEmpty() || !to.get().allows(TaskAction.CHANGE_DEADLINE)) {
        throw error("ACTION_NOT_ALLOWED", "DELETE_DENIED");
      }
      store.lockLinks(tx);
      if (store.delete(tx, taskIdTo, taskIdFrom) == 0) throw error("ILLEGAL_NEW_LINK", "LINK_MISSING");
      tasks.changedBy(userId, taskIdTo);
      return null;
    });
  }

  /** The tasks {@code taskId} depends on ("previous tasks"); empty when the caller may not read it. */
  public Optional<List<Long>> dependsOn(long userId, long taskId) {
    return db.read(tx -> tasks.readable(userId, taskId).isEmpty()
        ? Optional.<List<Long>>empty() : Optional.of(store.dependsOn(tx, taskId)));
  }

  private static RestException error(String code, String key) {
    return RestException.message(code, 400, "dependencies", key);
  }
}
