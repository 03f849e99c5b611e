package dev.b24tasks.directory;

import java.util.Locale;

/**
 * The tasks feature's permissions in a workgroup, as socialnetwork stores them: each operation names the least
 * role that may perform it. Roles in rank order: A owner, E moderator, K member, L every employee.
 */
final class GroupPerms {
  private GroupPerms() {}

  static String operation(GroupPermission p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  static GroupPermission fromOperation(String op) {
    for (GroupPermission p : GroupPermission.values()) if (operation(p).equalsIgnoreCase(op)) return p;
    return null;
  }

  /** Operations that change tasks; an archived (closed) group allows none of them. */
  static boolean writes(GroupPermission p) {
    return p == GroupPermission.CREATE_TASKS || p == GroupPermission.EDIT_TASKS || p == GroupPermission.DELETE_TASKS
        || p == GroupPermission.SORT;
  }

  /**
   * Bitrix24's defaults for the tasks feature: members view the group's tasks (every employee does in an open
   * group), members create tasks and move them on the board, moderators and the owner edit and delete them.
   */
  static String defaultRole(GroupPermission p, boolean opened) {
    return switch (p) {
      case VIEW, VIEW_ALL -> opened ? "L" : "K";
      case CREATE_TASKS, SORT -> "K";
      case EDIT_TASKS, DELETE_TASKS -> "E";
    };
  }

  /** True when {@code role} (null: not a member) is at least {@code least}. */
  static boolean reaches(String role, String least) {
    return rank(role) <= rank(least);
  }

  private static int rank(String role) {
    if (role == null) return 3; // a non-member is an employee: only "L" operations
    return switch (role) {
      case "A" -> 0;
      case "E" -> 1;
      case "K" -> 2;
      default -> 3;
    };
  }

  static boolean validRole(String role) {
    return role != null && role.length() == 1 && "AEKL".contains(role);
  }
}
