package dev.b24tasks.tasks;

import dev.b24tasks.directory.GroupPermission;
import java.util.Set;

/**
 * The facts about the acting user that the rules need, gathered once per call from the directory: whether she is a
 * portal administrator, everyone below her (recursively), what the task's workgroup lets her do, and whether the
 * task is in her favorites. {@code groupTakesTasks}: the task's workgroup exists, is open and has tasks on.
 */
public record Actor(long userId, boolean admin, Set<Long> subordinates, Set<GroupPermission> groupPermissions,
    boolean favorite, boolean groupTakesTasks) {

  public Actor {
    subordinates = Set.copyOf(subordinates);
    groupPermissions = groupPermissions.isEmpty() ? Set.of() : Set.copyOf(groupPermissions);
  }

  public boolean groupAllows(GroupPermission p) {
    return groupPermissions.contains(p);
  }

  public boolean managerOf(long userId) {
    return subordinates.contains(userId);
  }
}
