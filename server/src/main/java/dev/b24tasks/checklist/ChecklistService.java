package dev.b24tasks.checklist;

import dev.b24tasks.checklist.ChecklistRules.Action;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskLink;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checklist use cases: one transaction each, rules checked before anything is written, so a refused call
 * changes nothing. Task access and the task's members come from the tasks feature through {@link TaskLink}.
 */
public final class ChecklistService {
  // Every read-modify-write takes the task's checklist lock (ChecklistStore.lock) before it reads what it rewrites.
  /** Name of the checklist created when an item is added to a task that has none (Bitrix's default name). */
  static final String DEFAULT_CHECKLIST_TITLE = "BX_CHECKLIST_1";
  static final String DEFAULT_ORDER = "sort_index ASC, id ASC";

  private final Database db;
  private final TaskLink tasks;
  private final Clock clock;
  private final ChecklistStore store = new ChecklistStore();

  public ChecklistService(Database db, TaskLink tasks, Clock clock) {
    this.db = db;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** What an add or update sends; a null component was not sent. */
  public record Changes(Long parentId, String title, Integer sortIndex, Boolean complete, Boolean important,
      Map<Long, Character> members) {
    boolean onlyToggles() {
      return complete != null && parentId == null && title == null && sortIndex == null && important == null
          && members == null;
    }
  }

  public long add(long userId, long taskId, Changes c) {
    return db.tx(tx -> {
      TaskFacts v = tasks.readable(userId, taskId).orElseThrow(() -> error("ADD_DENIED"));
      if (!ChecklistRules.add(v)) throw error("ADD_DENIED");
      if (c.title() == null || c.title().isBlank()) throw error("TITLE_EMPTY");
      store.lock(tx, taskId);
      Instant now = clock.instant();
      long parent = resolveParent(tx, userId, taskId, c.parentId(), now);
      int sort = c.sortIndex() != null ? c.sortIndex() : store.nextSortIndex(tx, taskId, parent);
      long id = store.insert(tx, taskId, parent, userId, c.title().trim(), sort, Boolean.TRUE.equals(c.complete()),
          Boolean.TRUE.equals(c.important()), now);
      if (c.members() != null) store.replaceMembers(tx, id, c.members());
      return id;
    });
  }

  /** No PARENT_ID: the task's first checklist (made if missing); 0 or an unknown id: a new checklist. */
  private long resolveParent(Tx tx, long userId, long taskId, Long parentId, Instant now) throws SQLException {
    if (parentId == null) {
      Optional<Long> root = store.firstRoot(tx, taskId);
      if (root.isPresent()) return root.get();
      return store.insert(tx, taskId, 0, userId, DEFAULT_CHECKLIST_TITLE, store.nextSortIndex(tx, taskId, 0), false,
          false, now);
    }
    if (parentId == 0) return 0;
    return store.find(tx, taskId, parentId).map(ChecklistItem::id).orElse(0L);
  }

  public void update(long userId, long taskId, long itemId, Changes c) {
    db.tx(tx -> {
      TaskFacts v = tasks.readable(userId, taskId).orElseThrow(() -> error("UPDATE_DENIED"));
      store.lock(tx, taskId); // lock, then read, then write: every field kept comes from the item as it is now
      ChecklistItem item = store.find(tx, taskId, itemId).orElseThrow(() -> error("NOT_IN_TASK", itemId));
      boolean allowed = c.onlyToggles() ? ChecklistRules.toggle(v, item) : ChecklistRules.edit(v, item);
      if (!allowed) throw error("UPDATE_DENIED");
      if (c.title() != null && c.title().isBlank()) throw error("TITLE_EMPTY");
      long parent = item.parentId();
      if (c.parentId() != null && c.parentId() != item.parentId()) {
        parent = c.parentId();
        boolean validParent = parent == 0 || (store.find(tx, taskId, parent).isPresent()
            && !store.isInSubtree(tx, taskId, itemId, parent));
        if (!validParent) throw error("BAD_PARENT", c.parentId(), itemId);
      }
      int sort = c.sortIndex() != null ? c.sortIndex()
          : parent != item.parentId() ? store.nextSortIndex(tx, taskId, parent) : item.sortIndex();
      ChecklistItem next = toggled(new ChecklistItem(item.id(), taskId, parent, item.createdBy(),
          c.title() != null ? c.title().trim() : item.title(), sort, item.complete(),
          c.important() != null ? c.important() : item.important(), item.toggledBy(), item.toggledDate(),
          item.members()), c.complete(), userId);
      store.update(tx, next);
      if (c.members() != null) store.replaceMembers(tx, itemId, c.members());
      return null;
    });
  }

  public void delete(long userId, long taskId, long itemId) {
    db.tx(tx -> {
      TaskFacts v = tasks.readable(userId, taskId).orElseThrow(() -> error("DELETE_DENIED"));
      store.lock(tx, taskId);
      ChecklistItem item = store.find(tx, taskId, itemId).orElseThrow(() -> error("DELETE_DENIED"));
      if (!ChecklistRules.edit(v, item)) throw error("DELETE_DENIED");
      store.deleteSubtree(tx, taskId, itemId);
      return null;
    });
  }

  public ChecklistItem get(long userId, long taskId, long itemId) {
    return db.read(tx -> {
      if (tasks.readable(userId, taskId).isEmpty()) throw error("NOT_FOUND");
      return store.find(tx, taskId, itemId).orElseThrow(() -> error("NOT_FOUND"));
    });
  }

  /** The task's items in {@code orderBy} (validated SQL, e.g. "title DESC, id ASC"), or the default order. */
  public List<ChecklistItem> list(long userId, long taskId, String orderBy) {
    return db.read(tx -> {
      if (tasks.readable(userId, taskId).isEmpty()) throw error("LIST_FAILED");
      return store.byTask(tx, taskId, orderBy == null || orderBy.isEmpty() ? DEFAULT_ORDER : orderBy + ", id ASC");
    });
  }

  /**
   * Checks or unchecks an item: true when the item now has that state (also when it already had it), false when
   * the item is not this task's or the caller may not toggle it, as the legacy method answers.
   */
  public boolean toggle(long userId, long taskId, long itemId, boolean complete) {
    return db.tx(tx -> {
      Optional<TaskFacts> v = tasks.readable(userId, taskId);
      if (v.isEmpty()) return false;
      store.lock(tx, taskId); // a toggle rewrites the row: it must start from the item as it is now
      Optional<ChecklistItem> item = store.find(tx, taskId, itemId);
      if (item.isEmpty() || !ChecklistRules.toggle(v.get(), item.get())) return false;
      if (item.get().complete() != complete) store.update(tx, toggled(item.get(), complete, userId));
      return true;
    });
  }

  /** Puts the item right after {@code afterId}, under the same parent. */
  public void moveAfter(long userId, long taskId, long itemId, long afterId) {
    db.tx(tx -> {
      TaskFacts v = tasks.readable(userId, taskId).orElseThrow(() -> error("MOVE_DENIED"));
      // lock before the checks: two crossing moves checked on the same old picture could make a parent cycle
      store.lock(tx, taskId);
      ChecklistItem item = store.find(tx, taskId, itemId).orElseThrow(() -> error("MOVE_DENIED"));
      ChecklistItem after = store.find(tx, taskId, afterId).orElseThrow(() -> error("MOVE_DENIED"));
      if (!ChecklistRules.edit(v, item) || store.isInSubtree(tx, taskId, itemId, afterId)) throw error("MOVE_DENIED");
      int sort = after.sortIndex() + 1;
      store.shiftSiblings(tx, taskId, after.parentId(), sort, itemId);
      store.update(tx, new ChecklistItem(item.id(), taskId, after.parentId(), item.createdBy(), item.title(), sort,
          item.complete(), item.important(), item.toggledBy(), item.toggledDate(), item.members()));
      return null;
    });
  }

  /** {@code task.checklistitem.isactionallowed}: false for unknown tasks, items and actions. */
  public boolean isAllowed(long userId, long taskId, long itemId, long actionId) {
    Action action = Action.of(actionId);
    if (action == null) return false;
    return db.read(tx -> {
      Optional<TaskFacts> v = tasks.readable(userId, taskId);
      if (v.isEmpty()) return false;
      if (action == Action.ADD) return ChecklistRules.add(v.get());
      Optional<ChecklistItem> item = store.find(tx, taskId, itemId);
      return item.isPresent() && ChecklistRules.allows(v.get(), action, item.get());
    });
  }

  // ---- for the task view ----------------------------------------------------------------------------------

  /** The items of tasks the caller has already been allowed to read, by task, in tree order: one query. */
  public Map<Long, List<ChecklistItem>> items(java.util.Collection<Long> taskIds) {
    if (taskIds.isEmpty()) return Map.of();
    return db.read(tx -> store.byTasks(tx, taskIds));
  }

  private ChecklistItem toggled(ChecklistItem item, Boolean complete, long userId) {
    if (complete == null || complete == item.complete()) return item;
    return new ChecklistItem(item.id(), item.taskId(), item.parentId(), item.createdBy(), item.title(),
        item.sortIndex(), complete, item.important(), userId, clock.instant(), item.members());
  }

  private static RestException error(String key, Object... args) {
    return LegacyErrors.message("checklist", key, args);
  }
}
