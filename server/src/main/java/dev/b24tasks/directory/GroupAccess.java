package dev.b24tasks.directory;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A workgroup as one user's task rules see it: its brief, her role in it and the group's own tasks permissions,
 * read for a whole set of groups in one query ({@link Directory#groupAccess}).
 */
public record GroupAccess(Group group, String role, Map<String, String> leastRoles) {
  /**
   * The permissions the group's tasks feature grants her, as {@link Directory#groupAllows} decides one:
   * nothing when the tasks feature is off; no writes in an archived group; everything else for an
   * administrator; nothing for a user who is gone; otherwise her role must reach each operation's least role.
   */
  public Set<GroupPermission> permissions(boolean admin, boolean exists) {
    Set<GroupPermission> out = EnumSet.noneOf(GroupPermission.class);
    for (GroupPermission p : GroupPermission.values()) if (allows(p, admin, exists)) out.add(p);
    return out;
  }

  boolean allows(GroupPermission p, boolean admin, boolean exists) {
    if (!group.tasksEnabled()) return false;
    if (group.closed() && GroupPerms.writes(p)) return false;
    if (admin) return true;
    if (!exists) return false;
    String least = leastRoles.get(GroupPerms.operation(p));
    return GroupPerms.reaches(role, least != null ? least : GroupPerms.defaultRole(p, group.opened()));
  }

  /** Whether the group takes tasks at all: its tasks feature is on and it is not archived. */
  public boolean takesTasks() {
    return group.tasksEnabled() && !group.closed();
  }
}
