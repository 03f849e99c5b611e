package dev.b24tasks.stages;

import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.GroupPermission;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import dev.b24tasks.tasks.TaskLink;
import java.sql.SQLException;
import dev.b24tasks.tasks.PlanStages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Kanban stages (task.stages.*) as the portal's Stages action keeps them: a board gets its default stages the
 * first time it is read or changed; every change renumbers the board's SORT 100, 200, … and makes the first
 * stage the {@code NEW} one. Group boards: stages are managed by the group's owner and moderators, tasks moved by
 * whoever the group's "sort" permission allows, and a move writes the task's STAGE_ID through the tasks feature
 * (history, change listeners). "My plan": only its owner moves tasks in it, a move changes her plan alone (no
 * history, no ONTASKUPDATE, as the portal's TaskStageTable update), and a task stands in it once pinned: when it
 * was added or its member fields named her while her plan existed (the portal's pinInStage, {@link PlanStages}),
 * or when the console first made her plan (the portal's "My plan" converter). {@code isAdmin} skips the checks
 * for a portal administrator only.
 */
public final class StageService implements PlanStages {
  private final Database db;
  private final TaskLink tasks;
  private final Directory directory;
  private final StageStore store = new StageStore();

  public StageService(Database db, TaskLink tasks, Directory directory) {
    this.db = db;
    this.tasks = tasks;
    this.directory = directory;
  }

  /** Fields of task.stages.add / update (null: not given). */
  /** The workgroup whose board's NEW (first) stage {@code stageId} is, else 0 (the task list's STAGE_ID filter). */
  public long groupOfNewStage(long stageId) {
    return db.read(tx -> store.find(tx, stageId)
        .filter(s -> s.isGroup() && Stage.NEW.equals(s.systemType())).map(Stage::entityId).orElse(0L));
  }

  public record Fields(String title, String color, Long afterId, long entityId) {}

  /** task.stages.get: the board's stages in SORT order; entity 0 is the caller's plan. */
  public List<StageView> get(long userId, long entityId, boolean isAdmin, String language) {
    boolean admin = isAdmin && directory.isAdmin(userId);
    return db.tx(tx -> {
      char type = entityId > 0 ? 'G' : 'U';
      long entity = entityId > 0 ? entityId : userId;
      if (type == 'G' && !admin && !directory.groupAllows(entity, userId, GroupPermission.VIEW)
          && !directory.groupAllows(entity, userId, GroupPermission.VIEW_ALL)) {
        throw error("ACCESS_DENIED", "VIEW_DENIED");
      }
      return ensured(tx, type, entity, language).stream().map(s -> StageView.of(s, language)).toList();
    });
  }

  /** task.stages.add: the new stage's id. */
  public long add(long userId, Fields f, boolean isAdmin, String language) {
    if (f.title() == null || f.title().isBlank()) throw error("EMPTY_TITLE", "EMPTY_TITLE");
    boolean admin = isAdmin && directory.isAdmin(userId);
    char type = f.entityId() > 0 ? 'G' : 'U';
    long entity = f.entityId() > 0 ? f.entityId() : userId;
    if (type == 'G' && !admin && !managesGroup(userId, entity)) throw error("ACCESS_DENIED", "MANAGE_DENIED");
    if (type == 'G' && directory.group(entity).isEmpty()) throw error("ACCESS_DENIED", "MANAGE_DENIED");
    return db.tx(tx -> {
      List<Stage> board = new ArrayList<>(ensured(tx, type, entity, language));
      Stage fresh = new Stage(0, type, entity, f.title(), 0, f.color() == null ? "" : f.color(), null);
      return renumber(tx, board, fresh, f.afterId() == null ? Long.valueOf(-1) : f.afterId(), true);
    });
  }

  /** task.stages.update: title, colour, place (AFTER_ID). */
  public void update(long userId, long id, Fields f, boolean isAdmin, String language) {
    boolean admin = isAdmin && directory.isAdmin(userId);
    db.tx(tx -> {
      Stage s = store.find(tx, id).orElseThrow(() -> error("NOT_FOUND", "NOT_FOUND"));
      String title = f.title() != null ? f.title() : StageView.title(s, language);
      if (title.isBlank()) throw error("EMPTY_TITLE", "EMPTY_TITLE");
      if (!admin && !manages(userId, s)) throw error("ACCESS_DENIED", "MANAGE_DENIED");
      List<Stage> board = new ArrayList<>(ensured(tx, s.entityType(), s.entityId(), language));
      Stage current = board.stream().filter(b -> b.id() == id).findFirst().orElse(s);
      if (f.afterId() != null && s.isGroup() && (f.afterId() == 0 || Stage.NEW.equals(current.systemType()))) {
        // the group's tasks without a stage stay where they are shown: in the current first stage
        board.stream().filter(b -> Stage.NEW.equals(b.systemType())).findFirst()
            .ifPresent(first -> tasks.stageUnstaged(s.entityId(), first.id()));
      }
      board.removeIf(b -> b.id() == id);
      Stage changed = current.with(title, f.color() != null ? f.color() : current.color(), current.sort(),
          current.systemType());
      renumber(tx, board, changed, f.afterId(), false);
      return null;
    });
  }

  /** task.stages.delete: not the first (system) stage, and only an empty one. */
  public void delete(long userId, long id, boolean isAdmin) {
    boolean admin = isAdmin && directory.isAdmin(userId);
    db.tx(tx -> {
      Stage s = store.find(tx, id).orElseThrow(() -> error("NOT_FOUND", "NOT_FOUND"));
      if (s.systemType() != null && !s.systemType().isEmpty()) throw error("IS_SYSTEM", "IS_SYSTEM");
      if (!admin && !manages(userId, s)) throw error("ACCESS_DENIED", "MANAGE_DENIED");
      store.lockBoard(tx, s.entityType(), s.entityId());
      boolean busy = s.isGroup() ? tasks.anyInStage(s.entityId(), id) : store.planHasTasks(tx, id);
      if (busy) throw error("NO_EMPTY", "NO_EMPTY");
      store.delete(tx, id);
      return null;
    });
  }

  /**
   * The caller's "My plan" as the console opens it: task.stages.get's board, and when this makes the plan, the
   * tasks she has a part in go into its first stage, newest first (the portal's web converter does so; REST does
   * not).
   */
  public List<StageView> openPlan(long userId, String language) {
    return db.tx(tx -> {
      store.lockBoard(tx, 'U', userId);
      boolean fresh = store.board(tx, 'U', userId).isEmpty();
      List<Stage> board = ensured(tx, 'U', userId, language);
      if (fresh) store.pinAll(tx, userId, board.get(0).id(), tasks.memberTasks(userId));
      return board.stream().map(s -> StageView.of(s, language)).toList();
    });
  }

  @Override
  public void pin(long taskId, Collection<Long> users) {
    if (users.isEmpty()) return;
    db.tx(tx -> {
      store.pin(tx, taskId, List.copyOf(users));
      return null;
    });
  }

  @Override
  public String inStagesSql() {
    return StageStore.IN_STAGES;
  }

  @Override
  public String placeSql() {
    return StageStore.PLACE;
  }

  /** task.stages.canmovetask: the group's sort permission, or the caller's own plan. */
  public boolean canMove(long userId, long entityId, String entityType) {
    if ("G".equals(entityType)) return directory.groupAllows(entityId, userId, GroupPermission.SORT);
    return entityId == userId;
  }

  /** task.stages.movetask. */
  public void moveTask(long userId, long taskId, long stageId) {
    moveTask(userId, taskId, stageId, 0, 0);
  }

  /**
   * task.stages.movetask with the place in the stage: on a group board the task goes right before {@code before}
   * (else right after {@code after}) in the group's SORTING order, which the task list's {@code SORTING} order
   * follows; a target that is not a task of the group leaves the order alone, and without before / after the task
   * goes first in the group's order. In the caller's plan the same
   * happens in her own order (the list's SORTING without a GROUP_ID filter), and without before / after the task
   * goes first; a task that does not stand in her plan stays out of it (the portal answers true and changes
   * nothing).
   */
  public void moveTask(long userId, long taskId, long stageId, long before, long after) {
    db.tx(tx -> {
      Stage s = store.find(tx, stageId).orElseThrow(() -> error("NOT_FOUND", "NOT_FOUND"));
      Optional<Long> group = tasks.readableGroup(userId, taskId);
      if (group.isEmpty()) throw error("TASK_NOT_FOUND", "TASK_NOT_FOUND");
      if (!canMove(userId, s.entityId(), String.valueOf(s.entityType()))) {
        throw error("ACCESS_DENIED_MOVE", "MOVE_DENIED");
      }
      if (s.isGroup() && group.get() != s.entityId()) throw error("DIFFERENT_STAGES", "DIFFERENT_STAGES");
      if (s.isGroup()) {
        tasks.moveToStage(userId, taskId, stageId);
        if (before > 0) tasks.placeInGroup(s.entityId(), taskId, before, true);
        else if (after > 0) tasks.placeInGroup(s.entityId(), taskId, after, false);
        else tasks.placeInGroup(s.entityId(), taskId, 0, true); // first, as the portal's pinInTheStage
      } else {
        long owner = s.entityId();
        store.lockBoard(tx, 'U', owner);
        if (store.moveInPlan(tx, owner, taskId, stageId)) {
          if (before > 0) store.placeInPlan(tx, owner, taskId, before, true);
          else if (after > 0) store.placeInPlan(tx, owner, taskId, after, false);
          else store.putFirst(tx, owner, taskId);
        }
      }
      return null;
    });
  }

  private boolean manages(long userId, Stage s) {
    return s.isGroup() ? managesGroup(userId, s.entityId()) : s.entityId() == userId;
  }

  /** Owner or moderator of the group (the portal asks the role only, not the tasks feature). */
  private boolean managesGroup(long userId, long groupId) {
    return directory.groupRole(groupId, userId).map(r -> r.equals("A") || r.equals("E")).orElse(false);
  }

  /** The board, its default stages made first when it has none. */
  private List<Stage> ensured(Tx tx, char type, long entity, String language) throws SQLException {
    store.lockBoard(tx, type, entity);
    List<Stage> board = store.board(tx, type, entity);
    if (!board.isEmpty()) return board;
    List<String[]> defaults = type == 'U'
        ? List.of(new String[] {"PLAN_1", "00C4FB"}, new String[] {"PLAN_2", "47D1E2"})
        : List.of(new String[] {"GROUP_NEW", "00C4FB"}, new String[] {"GROUP_WORK", "47D1E2"},
            new String[] {"GROUP_FINISH", "75D900"});
    int sort = 100;
    for (String[] d : defaults) {
      store.insert(tx, new Stage(0, type, entity, StageView.text(d[0], language), sort,
          d[1], sort == 100 ? Stage.NEW : null));
      sort += 100;
    }
    return store.board(tx, type, entity);
  }

  /**
   * Puts {@code placed} into the board and renumbers it (StagesTable::updateByCode): AFTER_ID 0 places it
   * first, an id of the board right after that stage, an unknown id last, null keeps its SORT (-1: first, as an
   * add without AFTER_ID). Then SORT is 100, 200, …; the first stage is NEW, a titled stage loses its type.
   */
  private long renumber(Tx tx, List<Stage> board, Stage placed, Long afterId, boolean isNew) throws SQLException {
    int sort = placed.sort();
    if (afterId != null) {
      if (afterId < 0) {
        sort = Integer.MIN_VALUE;
      } else if (afterId == 0) {
        sort = 10;
      } else {
        sort = board.stream().filter(b -> b.id() == afterId).findFirst().map(b -> b.sort() + 10)
            .orElse((board.size() + 1) * 100 + 10);
      }
    }
    List<Stage> all = new ArrayList<>(board);
    all.add(placed.with(placed.title(), placed.color(), sort, placed.systemType()));
    all.sort(Comparator.comparingInt(Stage::sort)); // stable: ties keep the board's order
    long placedId = placed.id();
    int next = 100;
    for (Stage s : all) {
      String type = s.systemType();
      if (!s.title().isEmpty() || Stage.NEW.equals(type)) type = null;
      if (next == 100) type = Stage.NEW;
      Stage renumbered = s.with(s.title(), s.color(), next, type);
      if (isNew && s.id() == 0) {
        placedId = store.insert(tx, renumbered);
      } else {
        store.update(tx, renumbered);
      }
      next += 100;
    }
    return placedId;
  }

  private static RestException error(String code, String key) {
    return RestException.message(code, 400, "stages", key);
  }
}
