package dev.b24tasks.chat;

import java.time.Instant;

/** One message of a task chat: who wrote it, what, when, in which chat of which task. */
public record ChatMessage(long id, long chatId, long taskId, long authorId, String text, Instant createdAt) {}
