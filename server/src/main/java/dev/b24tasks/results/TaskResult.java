package dev.b24tasks.results;

import java.time.Instant;

/** One task result: its text, who wrote it, the comment it came from (or none), open or closed. */
public record TaskResult(long id, long taskId, Long commentId, long authorId, String text, boolean closed,
    Instant createdAt, Instant updatedAt) {}
