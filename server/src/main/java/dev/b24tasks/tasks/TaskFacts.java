package dev.b24tasks.tasks;

import java.util.Set;

/**
 * What the checklist, comment and elapsed-time families need to know about a task they hang off, as one user
 * sees it: its members, and which task actions the task rules allow her. Read through {@link TaskLink}, never
 * from the tasks feature's tables.
 */
public record TaskFacts(long id, long createdBy, long responsibleId, Set<Long> accomplices, long userId,
    boolean admin, Set<Long> subordinates, Set<TaskAction> allowed) {
  public TaskFacts {
    accomplices = Set.copyOf(accomplices);
    subordinates = Set.copyOf(subordinates);
    allowed = Set.copyOf(allowed);
  }

  public boolean isCreator() {
    return createdBy == userId;
  }

  public boolean isResponsible() {
    return responsibleId == userId;
  }

  public boolean isAccomplice() {
    return accomplices.contains(userId);
  }

  public boolean allows(TaskAction action) {
    return allowed.contains(action);
  }
}
