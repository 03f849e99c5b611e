package dev.b24tasks.chat;

import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code task_chats} and {@code task_chat_messages} tables. */
final class ChatStore {
  private static final String MESSAGE = "SELECT m.id, m.chat_id, c.task_id, m.author_id, m.text, m.created_at"
      + " FROM task_chat_messages m JOIN task_chats c ON c.id = m.chat_id";

  /** The task's chat, made now if it has none (a task of an older store, or a race with its own add). */
  long ensure(Tx tx, long taskId, Instant at) throws SQLException {
    Optional<Long> id = chatOf(tx, taskId);
    if (id.isPresent()) return id.get();
    tx.update("INSERT INTO task_chats (task_id, created_at) VALUES (?, ?) ON CONFLICT (task_id) DO NOTHING",
        taskId, at);
    return chatOf(tx, taskId).orElseThrow();
  }

  Optional<Long> chatOf(Tx tx, long taskId) throws SQLException {
    return tx.queryOne("SELECT id FROM task_chats WHERE task_id = ?", rs -> rs.getLong(1), taskId);
  }

  Optional<Long> taskOf(Tx tx, long chatId) throws SQLException {
    return tx.queryOne("SELECT task_id FROM task_chats WHERE id = ?", rs -> rs.getLong(1), chatId);
  }

  /** Chat id by task id, for a set of tasks in one query. */
  Map<Long, Long> chatIds(Tx tx, Collection<Long> taskIds) throws SQLException {
    Map<Long, Long> out = new HashMap<>();
    for (long[] row : tx.query("SELECT task_id, id FROM task_chats WHERE task_id = ANY(?)",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, taskIds)) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  long insert(Tx tx, long chatId, long authorId, String text, Instant at) throws SQLException {
    return tx.insert("INSERT INTO task_chat_messages (chat_id, author_id, text, created_at) VALUES (?, ?, ?, ?)"
        + " RETURNING id", chatId, authorId, text, at);
  }

  Optional<ChatMessage> message(Tx tx, long id) throws SQLException {
    return tx.queryOne(MESSAGE + " WHERE m.id = ?", ChatStore::row, id);
  }

  /** The newest {@code limit} messages older than {@code lastId} (0: the newest of all), newest first. */
  List<ChatMessage> before(Tx tx, long chatId, long lastId, int limit) throws SQLException {
    return tx.query(MESSAGE + " WHERE m.chat_id = ? AND (? = 0 OR m.id < ?) ORDER BY m.id DESC LIMIT ?",
        ChatStore::row, chatId, lastId, lastId, limit);
  }

  /** The oldest {@code limit} messages newer than {@code firstId}, newest first. */
  List<ChatMessage> after(Tx tx, long chatId, long firstId, int limit) throws SQLException {
    return tx.query("SELECT * FROM (" + MESSAGE + " WHERE m.chat_id = ? AND m.id > ? ORDER BY m.id LIMIT ?) x"
        + " ORDER BY id DESC", ChatStore::row, chatId, firstId, limit);
  }

  private static ChatMessage row(ResultSet rs) throws SQLException {
    return new ChatMessage(rs.getLong("id"), rs.getLong("chat_id"), rs.getLong("task_id"), rs.getLong("author_id"),
        rs.getString("text"), Sql.instant(rs, "created_at"));
  }
}
