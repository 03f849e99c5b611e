package dev.b24tasks.tasks;

/**
 * Told about every change of a task, inside the transaction that makes it (so an outbox row written here commits or
 * rolls back with the change). Listeners must not call back into the task service for the same task.
 */
@FunctionalInterface
public interface TaskChangeListener {
  enum Kind { ADD, UPDATE, DELETE }

  void changed(long taskId, Kind kind, long userId);
}
