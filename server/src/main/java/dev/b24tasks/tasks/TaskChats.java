package dev.b24tasks.tasks;

import java.util.Collection;
import java.util.Map;

/**
 * The task chats of the new task card ({@code chatId} / {@code CHAT_ID} in the task object, {@code chat} in REST
 * 3.0's TaskDto), as the tasks feature sees them: the chat feature implements it and keeps the chats; the tasks
 * feature only asks for the chat ids of the tasks of one answer, all at once, inside the caller's transaction.
 */
@FunctionalInterface
public interface TaskChats {
  /** Chat id by task id for those of {@code taskIds} that have a chat. */
  Map<Long, Long> chatIds(Collection<Long> taskIds);

  /** No chats: every task shows {@code chatId: null}. */
  TaskChats NONE = ids -> Map.of();
}
