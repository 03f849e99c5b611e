package dev.b24tasks.results;

import java.util.Optional;

/**
 * The task chat as the results feature sees it (tasks.task.result.addfromchatmessage): a message of the chat of a
 * task the caller may read, or nothing. The chat feature answers it through its service; calls join the caller's
 * transaction.
 */
@FunctionalInterface
public interface ResultMessages {
  /** A message of a task chat: its task, author and text. */
  record Message(long id, long taskId, long authorId, String text) {}

  /** The message {@code messageId} as {@code userId} may see it; empty when it is no message of a task she reads. */
  Optional<Message> readable(long userId, long messageId);

  /** No chat: no message is from a task chat. */
  ResultMessages NONE = (userId, messageId) -> Optional.empty();
}
