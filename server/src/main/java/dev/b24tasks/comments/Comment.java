package dev.b24tasks.comments;

import java.time.Instant;

/** One task comment. */
public record Comment(long id, long taskId, long authorId, String message, Instant postDate) {}
