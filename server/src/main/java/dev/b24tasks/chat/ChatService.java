package dev.b24tasks.chat;

import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskChangeListener;
import dev.b24tasks.tasks.TaskChats;
import dev.b24tasks.tasks.TaskLink;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The task chat of the new task card (doc page {@code tasks-new.md}): every task has one chat, made with the task
 * (the portal's new card opens it at once) and removed with it. Whoever may read the task may read its chat and
 * post to it; a task the caller may not read is answered exactly like a task that does not exist, and so are its
 * chat and its messages. Only task chats exist on this server.
 */
public final class ChatService implements TaskChats {
  /** The portal's im.dialog.messages.get: 20 messages unless LIMIT says otherwise, never more than 50. */
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 50;

  /** A refusal; each face words it its own way. Built without a stack trace. */
  public static final class ChatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChatException() {
      super("task not found", null, false, false);
    }
  }

  /** The messages of one chat, newest first, and the chat they are from. */
  public record Page(long chatId, long taskId, List<ChatMessage> messages) {}

  private final Database db;
  private final TaskLink tasks;
  private final Clock clock;
  private final ChatStore store = new ChatStore();
  private final List<ChatListener> listeners = new CopyOnWriteArrayList<>();

  public ChatService(Database db, TaskLink tasks, Clock clock) {
    this.db = db;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Hears every message posted, inside its transaction (the event outbox plugs in here). */
  public void addListener(ChatListener listener) {
    listeners.add(listener);
  }

  /** Opens a new task's chat in the transaction that adds the task (a delete takes the chat with it). */
  public TaskChangeListener opener() {
    return (taskId, kind, userId) -> {
      if (kind == TaskChangeListener.Kind.ADD) db.tx(tx -> store.ensure(tx, taskId, clock.instant()));
    };
  }

  @Override
  public Map<Long, Long> chatIds(Collection<Long> taskIds) {
    return db.read(tx -> store.chatIds(tx, taskIds));
  }

  /**
   * Posts {@code text} as {@code userId} to the chat of {@code taskId} and returns the message id; the task's
   * {@code activityDate} moves to the message's date. {@link ChatException} when she may not read the task.
   */
  public long send(long userId, long taskId, String text) {
    return db.tx(tx -> {
      tasks.readable(userId, taskId).orElseThrow(ChatException::new);
      Instant at = clock.instant();
      long id = store.insert(tx, store.ensure(tx, taskId, at), userId, text, at);
      tasks.touchActivity(taskId, at);
      for (ChatListener l : listeners) l.sent(id, taskId, userId);
      return id;
    });
  }

  /** The chat of a task {@code userId} may read; empty for a task she may not read or that does not exist. */
  public Optional<Long> chatOfTask(long userId, long taskId) {
    return db.read(tx -> tasks.readable(userId, taskId).isEmpty() ? Optional.<Long>empty()
        : store.chatOf(tx, taskId));
  }

  /**
   * Messages of chat {@code chatId}, newest first: {@code limit} of those after {@code firstId} when it is given,
   * else of those before {@code lastId} (0: the newest). Empty when the chat is not one of a task she may read.
   */
  public Optional<Page> messages(long userId, long chatId, Long firstId, long lastId, int limit) {
    return db.read(tx -> {
      Optional<Long> task = store.taskOf(tx, chatId);
      if (task.isEmpty() || tasks.readable(userId, task.get()).isEmpty()) return Optional.<Page>empty();
      int n = Math.max(0, Math.min(limit, MAX_LIMIT));
      List<ChatMessage> m = n == 0 ? List.of()
          : firstId != null ? store.after(tx, chatId, firstId, n) : store.before(tx, chatId, Math.max(0, lastId), n);
      return Optional.of(new Page(chatId, task.get(), m));
    });
  }

  /** A message of the chat of a task {@code userId} may read; empty for any other id. */
  public Optional<ChatMessage> readable(long userId, long messageId) {
    return db.read(tx -> store.message(tx, messageId)
        .filter(m -> tasks.readable(userId, m.taskId()).isPresent()));
  }
}
