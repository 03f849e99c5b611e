package dev.b24tasks.results;

import dev.b24tasks.comments.Comment;
import dev.b24tasks.comments.CommentService;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskChangeListener;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskLink;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Task results (reference §10): what was done, reported by a task's people and read by everyone who may read the
 * task. A result is open until the task is completed, then closed for good (a renew does not reopen it). Who may
 * write one: the creator, the responsible, an accomplice, or an administrator; who may change or remove it: its
 * author or an administrator. A hidden task is refused like a missing one.
 */
public final class ResultService {
  /** Why a call was refused; each face of the feature words it its own way. */
  public enum Refusal { ACCESS_DENIED, NOT_FOUND, COMMENT_NOT_FOUND, RESULT_EXISTS, TEXT_EMPTY, NOT_FROM_TASK_CHAT }

  /** A refusal; built without a stack trace. */
  public static final class ResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Refusal refusal;

    ResultException(Refusal refusal) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** A result and what the reader may do with it. */
  public record Seen(TaskResult result, boolean mayEdit) {}

  private final Database db;
  private final TaskLink tasks;
  private final CommentService comments;
  private final Clock clock;
  private final ResultStore store = new ResultStore();
  private volatile ResultMessages messages = ResultMessages.NONE;

  public ResultService(Database db, TaskLink tasks, CommentService comments, Clock clock) {
    this.db = db;
    this.tasks = tasks;
    this.comments = comments;
    this.clock = clock;
  }

  /** The task chat's messages (addfromchatmessage) are read through {@code messages}. */
  public void useMessages(ResultMessages messages) {
    this.messages = messages;
  }

  /**
   * Closes a task's open results when it is completed; runs inside the change's transaction. One query over this
   * feature's own table for a task without open results (most tasks), the task's status only when there are some.
   */
  public TaskChangeListener closer() {
    return (taskId, kind, userId) -> {
      if (kind != TaskChangeListener.Kind.UPDATE) return;
      db.tx(tx -> {
        if (store.hasOpen(tx, taskId) && tasks.completed(userId, taskId)) store.closeOpen(tx, taskId);
        return null;
      });
    };
  }

  public List<Seen> list(long userId, long taskId) {
    return db.read(tx -> {
      TaskFacts t = tasks.readable(userId, taskId).orElseThrow(() -> new ResultException(Refusal.ACCESS_DENIED));
      return store.byTask(tx, taskId).stream().map(r -> new Seen(r, mayEdit(t, r))).toList();
    });
  }

  public Seen get(long userId, long id) {
    return db.read(tx -> {
      TaskResult r = store.find(tx, id).orElseThrow(() -> new ResultException(Refusal.NOT_FOUND));
      TaskFacts t = tasks.readable(userId, r.taskId()).orElseThrow(() -> new ResultException(Refusal.NOT_FOUND));
      return new Seen(r, mayEdit(t, r));
    });
  }

  /** A result with {@code text} on {@code taskId} (REST 3.0's add). */
  public Seen add(long userId, long taskId, String text) {
    if (text == null || text.isBlank()) throw new ResultException(Refusal.TEXT_EMPTY);
    return db.tx(tx -> {
      TaskFacts t = tasks.readable(userId, taskId).orElseThrow(() -> new ResultException(Refusal.NOT_FOUND));
      if (!mayWrite(t)) throw new ResultException(Refusal.ACCESS_DENIED);
      long id = store.insert(tx, taskId, null, userId, text, clock.instant());
      return new Seen(store.find(tx, id).orElseThrow(), true);
    });
  }

  /** The comment made a result (classic addFromComment): by its author or an administrator, once. */
  public Seen fromComment(long userId, long commentId) {
    return db.tx(tx -> {
      Comment c = comments.byId(userId, commentId).orElseThrow(() -> new ResultException(Refusal.COMMENT_NOT_FOUND));
      TaskFacts t = tasks.readable(userId, c.taskId()).orElseThrow(() -> new ResultException(Refusal.COMMENT_NOT_FOUND));
      if (c.authorId() != userId && !t.admin()) throw new ResultException(Refusal.ACCESS_DENIED);
      if (store.byComment(tx, commentId).isPresent()) throw new ResultException(Refusal.RESULT_EXISTS);
      long id = store.insert(tx, c.taskId(), commentId, c.authorId(), c.message(), clock.instant());
      return new Seen(store.find(tx, id).orElseThrow(), true);
    });
  }

  /**
   * A task chat message made a result (REST 3.0 addfromchatmessage): by those who may write results on the task,
   * once while it is open; the caller reports it (its author), with the message's text. A message of a task the
   * caller may not read is answered like one of no task chat.
   */
  public Seen fromChatMessage(long userId, long messageId) {
    return db.tx(tx -> {
      ResultMessages.Message m = messages.readable(userId, messageId)
          .orElseThrow(() -> new ResultException(Refusal.NOT_FROM_TASK_CHAT));
      TaskFacts t = tasks.readable(userId, m.taskId()).orElseThrow(() -> new ResultException(Refusal.NOT_FROM_TASK_CHAT));
      if (!mayWrite(t)) throw new ResultException(Refusal.ACCESS_DENIED);
      long id = store.insertFromMessage(tx, m.taskId(), messageId, userId, m.text(), clock.instant())
          .orElseThrow(() -> new ResultException(Refusal.RESULT_EXISTS));
      return new Seen(store.find(tx, id).orElseThrow(), true);
    });
  }

  /** The result made from a comment, removed (classic deleteFromComment). */
  public void deleteFromComment(long userId, long commentId) {
    db.tx(tx -> {
      Comment c = comments.byId(userId, commentId).orElseThrow(() -> new ResultException(Refusal.COMMENT_NOT_FOUND));
      TaskFacts t = tasks.readable(userId, c.taskId()).orElseThrow(() -> new ResultException(Refusal.COMMENT_NOT_FOUND));
      Optional<TaskResult> r = store.byComment(tx, commentId);
      if (r.isEmpty()) return null;
      if (!mayEdit(t, r.get())) throw new ResultException(Refusal.ACCESS_DENIED);
      store.delete(tx, r.get().id());
      return null;
    });
  }

  public Seen update(long userId, long id, String text) {
    if (text == null || text.isBlank()) throw new ResultException(Refusal.TEXT_EMPTY);
    return db.tx(tx -> {
      TaskResult r = lockedEditable(tx, userId, id);
      store.updateText(tx, r.id(), text, clock.instant());
      return new Seen(store.find(tx, id).orElseThrow(), true);
    });
  }

  public void delete(long userId, long id) {
    db.tx(tx -> {
      store.delete(tx, lockedEditable(tx, userId, id).id());
      return null;
    });
  }

  private TaskResult lockedEditable(dev.b24tasks.store.Tx tx, long userId, long id) throws java.sql.SQLException {
    TaskResult r = store.findForUpdate(tx, id).orElseThrow(() -> new ResultException(Refusal.NOT_FOUND));
    TaskFacts t = tasks.readable(userId, r.taskId()).orElseThrow(() -> new ResultException(Refusal.NOT_FOUND));
    if (!mayEdit(t, r)) throw new ResultException(Refusal.ACCESS_DENIED);
    return r;
  }

  private static boolean mayWrite(TaskFacts t) {
    return t.admin() || t.isCreator() || t.isResponsible() || t.isAccomplice();
  }

  private static boolean mayEdit(TaskFacts t, TaskResult r) {
    return t.admin() || r.authorId() == t.userId();
  }
}
