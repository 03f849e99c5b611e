package dev.b24tasks.legacy;

import dev.b24tasks.checklist.ChecklistMethods;
import dev.b24tasks.checklist.ChecklistService;
import dev.b24tasks.comments.CommentMethods;
import dev.b24tasks.comments.CommentService;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.elapsed.ElapsedMethods;
import dev.b24tasks.elapsed.ElapsedService;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskService;
import java.time.Clock;

/**
 * Wires the legacy positional families onto the tasks feature: {@code task.item.*} over the same
 * {@link TaskService} as {@code tasks.task.*}, and the checklist, comment and elapsed-time features, whose data
 * the task object shows through the view addons.
 */
public final class LegacyFamilies {
  private final TaskService tasks;
  private final Directory directory;
  private final ChecklistService checklists;
  private final CommentService comments;
  private final ElapsedService elapsed;

  public LegacyFamilies(Database db, TaskService tasks, Directory directory, Clock clock) {
    this.tasks = tasks;
    this.directory = directory;
    TaskLink link = new TaskLink(tasks);
    this.checklists = new ChecklistService(db, link, clock);
    this.comments = new CommentService(db, link, directory, clock);
    this.elapsed = new ElapsedService(db, link, directory, clock);
    tasks.setViewAddons(new LegacyViewAddons(link, checklists, comments, directory));
  }

  /** The comment feature's service (the event outbox listens to its changes). */
  public CommentService comments() {
    return comments;
  }

  /** Registers the families in the order the docs list them. */
  public void register(MethodRegistry registry) {
    new TaskItemMethods(tasks, directory).register(registry);
    new ChecklistMethods(checklists, directory).register(registry);
    new CommentMethods(comments, directory).register(registry);
    new ElapsedMethods(elapsed, directory).register(registry);
  }
}
