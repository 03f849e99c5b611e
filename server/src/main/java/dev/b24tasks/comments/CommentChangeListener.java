package dev.b24tasks.comments;

/**
 * Told about every change of a task comment, inside the transaction that makes it (so an outbox row written here
 * commits or rolls back with the change).
 */
@FunctionalInterface
public interface CommentChangeListener {
  enum Kind { ADD, UPDATE, DELETE }

  void changed(long commentId, long taskId, Kind kind, long userId);
}
