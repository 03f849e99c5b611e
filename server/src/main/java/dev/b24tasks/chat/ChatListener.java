package dev.b24tasks.chat;

/**
 * Told about every message posted to a task chat, inside the transaction that stores it (so an event written here
 * commits or rolls back with the message).
 */
@FunctionalInterface
public interface ChatListener {
  void sent(long messageId, long taskId, long userId);
}
