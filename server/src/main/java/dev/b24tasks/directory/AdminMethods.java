package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The directory's {@code b24tasks.*} writes, which Bitrix24 does not have, for scripts and tests that build an
 * organisation: who is a portal administrator, and a workgroup's tasks feature with its permissions.
 * Administrators only (403 ACCESS_DENIED for anyone else).
 */
public final class AdminMethods {
  private final Directory directory;
  private final Users users;
  private final Workgroups groups;

  public AdminMethods(Directory directory, Users users, Workgroups groups) {
    this.directory = directory;
    this.users = users;
    this.groups = groups;
  }

  public void register(MethodRegistry r) {
    r.named("b24tasks.user.admin.set", "b24tasks", this::setAdmin);
    r.named("b24tasks.group.tasks.set", "b24tasks", this::groupTasks);
  }

  Object setAdmin(Call call) {
    requireAdmin(call);
    long user = activeUser(call.params());
    Optional<Boolean> admin = Input.flag(call.params().get("ADMIN"));
    if (admin == null || admin.isEmpty()) throw DirectoryErrors.invalid("BAD_FIELD", "ADMIN", "Y or N");
    users.setAdmin(user, admin.get());
    return true;
  }

  /** GROUP_ID; ENABLED Y/N switches the tasks feature; PERMS {operation: least role A/E/K/L, or "" for default}. */
  Object groupTasks(Call call) {
    requireAdmin(call);
    Params p = call.params();
    OptionalLong id = Input.integer(p.get("GROUP_ID"), "GROUP_ID", (f, v) -> DirectoryErrors.sonet("SONET_WRONG_GROUP_ID"));
    if (id.isEmpty()) throw DirectoryErrors.sonet("SONET_WRONG_GROUP_ID");
    Optional<Boolean> enabled = Input.flag(p.get("ENABLED"));
    if (enabled == null) throw DirectoryErrors.sonet("SONET_BAD_FLAG", "ENABLED", Params.display(p.get("ENABLED")));
    Map<GroupPermission, String> roles = new EnumMap<>(GroupPermission.class);
    JsonNode perms = p.get("PERMS");
    if (perms != null && perms.isObject()) {
      for (var e : perms.properties()) {
        GroupPermission perm = GroupPerms.fromOperation(e.getKey());
        String role = e.getValue().asText();
        if (perm == null) throw DirectoryErrors.sonet("SONET_BAD_FEATURE", e.getKey());
        if (!role.isEmpty() && !GroupPerms.validRole(role)) throw DirectoryErrors.sonet("SONET_BAD_ROLE", e.getKey(), role);
        roles.put(perm, role.isEmpty() ? null : role);
      }
    } else if (perms != null && !Input.absent(perms)) {
      throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    }
    groups.setTasksFeature(id.getAsLong(), enabled.orElse(null), roles);
    return true;
  }

  private void requireAdmin(Call call) {
    if (!directory.isAdmin(call.userId())) throw DirectoryErrors.adminOnly();
  }

  private long activeUser(Params p) {
    JsonNode v = p.get("USER_ID");
    OptionalLong n = Input.integer(v, "USER_ID", (f, s) -> DirectoryErrors.invalid("EXT_USER_NOT_FOUND", s));
    if (n.isEmpty() || !directory.exists(n.getAsLong())) {
      throw DirectoryErrors.invalid("EXT_USER_NOT_FOUND", Params.display(v));
    }
    return n.getAsLong();
  }
}
