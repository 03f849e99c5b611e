package dev.b24tasks.results;

import java.time.Instant;

/**
 * One task result: its text, who wrote it, the comment or task chat message it came from (or neither), open or
 * closed.
 */
public record TaskResult(long id, long taskId, Long commentId, long authorId, String text, boolean closed,
    Instant createdAt, Instant updatedAt, Long messageId) {}
