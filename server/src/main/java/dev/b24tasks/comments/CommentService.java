package dev.b24tasks.comments;

import dev.b24tasks.comments.CommentRules.Action;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskLink;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Comment use cases, one transaction each. The task's {@code commentsCount} and {@code activityDate} belong to
 * the tasks feature and move through {@link TaskLink} in the same transaction as the comment row.
 */
public final class CommentService {
  private final Database db;
  private final TaskLink tasks;
  private final Directory directory;
  private final Clock clock;
  private final CommentStore store = new CommentStore();
  private final List<CommentChangeListener> listeners = new CopyOnWriteArrayList<>();
  private volatile CommentFiles files = CommentFiles.NONE;

  public CommentService(Database db, TaskLink tasks, Directory directory, Clock clock) {
    this.db = db;
    this.tasks = tasks;
    this.directory = directory;
    this.clock = clock;
  }

  /** The Drive attachments of comments (UF_FORUM_MESSAGE_DOC) are kept by {@code files}. */
  public void useFiles(CommentFiles files) {
    this.files = files;
  }

  /** {@code ATTACHED_OBJECTS} of the comments of one answer, one query for the set. */
  public java.util.Map<Long, java.util.Map<String, Object>> attachedObjects(long viewerId,
      java.util.Collection<Long> commentIds) {
    return commentIds.isEmpty() ? java.util.Map.of() : files.attachedObjects(viewerId, commentIds);
  }

  /** Registers a hook called inside the transaction of every change (the event outbox plugs in here). */
  public void addListener(CommentChangeListener listener) {
    listeners.add(listener);
  }

  private void notify(long id, long taskId, CommentChangeListener.Kind kind, long userId) {
    for (CommentChangeListener l : listeners) l.changed(id, taskId, kind, userId);
  }

  /**
   * Adds a comment as {@code authorId} (null: the caller; the legacy API lets anyone post in another's name) at
   * {@code postDate} (null: now).
   */
  public long add(long userId, long taskId, String message, Long authorId, Instant postDate) {
    return add(userId, taskId, message, authorId, postDate, null);
  }

  /** The same with the Drive files of {@code UF_FORUM_MESSAGE_DOC} ({@code n<fileId>}; null: none given). */
  public long add(long userId, long taskId, String message, Long authorId, Instant postDate, List<String> docs) {
    return db.tx(tx -> {
      if (tasks.readable(userId, taskId).isEmpty()) throw error("ADD_DENIED");
      if (message == null || message.isBlank()) throw error("TEXT_EMPTY");
      long author = authorId != null && directory.exists(authorId) ? authorId : userId;
      Instant now = clock.instant();
      long id = store.insert(tx, taskId, author, message, postDate != null ? postDate : now);
      if (docs != null && !docs.isEmpty()) replaceFiles(userId, taskId, id, docs);
      store.markRead(tx, taskId, author, id);
      tasks.commentsChanged(taskId, 1, now);
      notify(id, taskId, CommentChangeListener.Kind.ADD, userId);
      return id;
    });
  }

  public void update(long userId, long taskId, long id, String message) {
    update(userId, taskId, id, message, null);
  }

  /** The same, replacing the comment's Drive files with {@code docs} when given. */
  public void update(long userId, long taskId, long id, String message, List<String> docs) {
    db.tx(tx -> {
      Comment c = changeable(tx, userId, taskId, id);
      if (message == null || message.isBlank()) throw error("TEXT_EMPTY_UPDATE");
      store.updateMessage(tx, c.id(), message, clock.instant());
      if (docs != null) replaceFiles(userId, taskId, c.id(), docs);
      notify(c.id(), taskId, CommentChangeListener.Kind.UPDATE, userId);
      return null;
    });
  }

  public void delete(long userId, long taskId, long id) {
    db.tx(tx -> {
      Comment c = changeable(tx, userId, taskId, id);
      store.delete(tx, c.id());
      tasks.commentsChanged(taskId, -1, null);
      notify(c.id(), taskId, CommentChangeListener.Kind.DELETE, userId);
      return null;
    });
  }

  private void replaceFiles(long userId, long taskId, long commentId, List<String> docs) {
    try {
      files.replace(userId, taskId, commentId, docs);
    } catch (CommentFiles.FileRefused e) {
      throw error("FILE_NOT_FOUND");
    }
  }

  /** The comment, when the caller may read its task and it belongs to that task. */
  public Comment get(long userId, long taskId, long id) {
    return db.read(tx -> {
      if (tasks.readable(userId, taskId).isEmpty()) throw error("NOT_FOUND");
      return store.find(tx, taskId, id).orElseThrow(() -> error("NOT_FOUND"));
    });
  }

  /** A comment by its id, when the caller may read its task; empty for a missing and a hidden one alike. */
  public java.util.Optional<Comment> byId(long userId, long id) {
    return db.read(tx -> store.find(tx, id).filter(c -> tasks.readable(userId, c.taskId()).isPresent()));
  }

  /** Every comment of the task, oldest first; reading them marks them read for the caller. */
  public List<Comment> list(long userId, long taskId) {
    return db.tx(tx -> {
      if (tasks.readable(userId, taskId).isEmpty()) throw error("LIST_FAILED");
      List<Comment> all = store.byTask(tx, taskId);
      if (!all.isEmpty()) store.markRead(tx, taskId, userId, all.get(all.size() - 1).id());
      return all;
    });
  }

  /** {@code task.commentitem.isactionallowed}: false for unknown tasks, comments and actions. */
  public boolean isAllowed(long userId, long taskId, long id, long actionId) {
    Action action = Action.of(actionId);
    if (action == null) return false;
    return db.read(tx -> {
      var t = tasks.readable(userId, taskId);
      if (t.isEmpty()) return false;
      if (action == Action.ADD) return true;
      return store.find(tx, taskId, id).map(c -> CommentRules.mayChange(userId, t.get().admin(), c)).orElse(false);
    });
  }

  /** For the task view: others' comments the user has not read yet, by task (tasks without any left out). */
  public java.util.Map<Long, Long> newCounts(java.util.Collection<Long> taskIds, long userId) {
    if (taskIds.isEmpty()) return java.util.Map.of();
    return db.read(tx -> store.unreadCounts(tx, taskIds, userId));
  }

  /**
   * The comment, locked for the caller's change: a concurrent delete of the same comment waits, then finds it gone
   * ("not allowed", as for any comment that is not there) instead of failing on a vanished row.
   */
  private Comment changeable(dev.b24tasks.store.Tx tx, long userId, long taskId, long id) throws java.sql.SQLException {
    TaskFacts t = tasks.readable(userId, taskId).orElseThrow(() -> error("NOT_ALLOWED"));
    Comment c = store.findForUpdate(tx, taskId, id).orElseThrow(() -> error("NOT_ALLOWED"));
    if (!CommentRules.mayChange(userId, t.admin(), c)) throw error("NOT_ALLOWED");
    return c;
  }

  private static RestException error(String key) {
    return LegacyErrors.message("comments", key);
  }
}
