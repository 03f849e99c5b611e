package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workgroups and projects: the groups, their members and roles, and the tasks feature's settings. */
public final class Workgroups {
  /** A group with everything {@code sonet_group.get} shows. */
  public record Workgroup(long id, String name, String description, String keywords, boolean visible, boolean opened,
      boolean closed, boolean project, String initiatePerms, long ownerId, String image, boolean tasksEnabled,
      int membersCount, Instant created, Instant updated, Instant activity) {}

  /** What create or update sets; null fields stay as they are (on create: the documented defaults). */
  public record Change(String name, String description, String keywords, Boolean visible, Boolean opened,
      Boolean closed, Boolean project, String initiatePerms, Long ownerId, String image) {}

  public record Member(long userId, String role) {}

  static final String GROUP_BRIEF = "SELECT g.id, g.name, g.opened, g.closed, g.tasks_enabled, g.image, "
      + "(SELECT count(*) FROM workgroup_members m WHERE m.group_id = g.id) AS members FROM workgroups g";
  private static final String GROUP_FULL = "SELECT g.*, "
      + "(SELECT count(*) FROM workgroup_members m WHERE m.group_id = g.id) AS members FROM workgroups g";

  private final Database db;
  private final Clock clock;

  public Workgroups(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public long create(Change c) {
    return db.tx(tx -> {
      Instant now = clock.instant();
      long id = tx.insert("INSERT INTO workgroups (name, description, keywords, visible, opened, closed, project, "
              + "initiate_perms, owner_id, image, created_at, updated_at, activity_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          c.name().trim(), c.description(), c.keywords(), c.visible() == null || c.visible(),
          c.opened() != null && c.opened(), c.closed() != null && c.closed(), c.project() != null && c.project(),
          c.initiatePerms() == null ? "K" : c.initiatePerms(), c.ownerId(), c.image(), now, now, now);
      tx.update("INSERT INTO workgroup_members (group_id, user_id, role) VALUES (?, ?, 'A')", id, c.ownerId());
      return id;
    });
  }

  public void update(long id, Change c) {
    db.tx(tx -> {
      Workgroup g = lockedFind(tx, id).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
      tx.updateOne("UPDATE workgroups SET name = ?, description = ?, keywords = ?, visible = ?, opened = ?, "
              + "closed = ?, project = ?, initiate_perms = ?, image = ?, updated_at = ? WHERE id = ?",
          c.name() != null ? c.name().trim() : g.name(), c.description() != null ? c.description() : g.description(),
          c.keywords() != null ? c.keywords() : g.keywords(), c.visible() != null ? c.visible() : g.visible(),
          c.opened() != null ? c.opened() : g.opened(), c.closed() != null ? c.closed() : g.closed(),
          c.project() != null ? c.project() : g.project(),
          c.initiatePerms() != null ? c.initiatePerms() : g.initiatePerms(),
          c.image() != null ? (c.image().isEmpty() ? null : c.image()) : g.image(), clock.instant(), id);
      if (c.ownerId() != null && c.ownerId() != g.ownerId()) setOwner(tx, id, g.ownerId(), c.ownerId());
      return null;
    });
  }

  /** The old owner stays in the group as a moderator, as Bitrix24 does when ownership passes on. */
  private static void setOwner(Tx tx, long groupId, long oldOwner, long newOwner) throws SQLException {
    tx.update("UPDATE workgroup_members SET role = 'E' WHERE group_id = ? AND user_id = ?", groupId, oldOwner);
    tx.update("INSERT INTO workgroup_members (group_id, user_id, role) VALUES (?, ?, 'A') "
        + "ON CONFLICT (group_id, user_id) DO UPDATE SET role = 'A'", groupId, newOwner);
    tx.updateOne("UPDATE workgroups SET owner_id = ? WHERE id = ?", newOwner, groupId);
  }

  public void changeOwner(long groupId, long newOwner) {
    db.tx(tx -> {
      Workgroup g = lockedFind(tx, groupId).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
      if (g.ownerId() != newOwner) setOwner(tx, groupId, g.ownerId(), newOwner);
      return null;
    });
  }

  public boolean delete(long id) {
    return db.tx(tx -> tx.update("DELETE FROM workgroups WHERE id = ?", id) == 1);
  }

  public Optional<Workgroup> find(long id) {
    return db.read(tx -> tx.queryOne(GROUP_FULL + " WHERE g.id = ?", Workgroups::fullRow, id));
  }

  public List<Workgroup> list(String where, List<Object> args, String orderBy, long offset, int limit) {
    return Paged.rows(db, GROUP_FULL, where, args, orderBy, offset, limit, Workgroups::fullRow);
  }

  public long count(String where, List<Object> args) {
    return Paged.count(db, "workgroups g", where, args);
  }

  /** Adds users as members (role K); returns those who were not members before. */
  public List<Long> addMembers(long groupId, List<Long> userIds) {
    return db.tx(tx -> {
      lockedFind(tx, groupId).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
      List<Long> added = new ArrayList<>();
      for (long u : userIds) {
        if (tx.queryLong("SELECT count(*) FROM users WHERE id = ? AND active", u) == 0) continue;
        if (tx.update("INSERT INTO workgroup_members (group_id, user_id, role) VALUES (?, ?, 'K') "
            + "ON CONFLICT DO NOTHING", groupId, u) == 1) added.add(u);
      }
      touch(tx, groupId);
      return added;
    });
  }

  /** Removes members; the owner cannot be removed and is left out of the answer. */
  public List<Long> removeMembers(long groupId, List<Long> userIds) {
    return db.tx(tx -> {
      lockedFind(tx, groupId).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
      List<Long> removed = new ArrayList<>();
      for (long u : userIds) {
        if (tx.update("DELETE FROM workgroup_members WHERE group_id = ? AND user_id = ? AND role <> 'A'", groupId,
            u) == 1) removed.add(u);
      }
      touch(tx, groupId);
      return removed;
    });
  }

  /** Sets members' roles (E moderator or K member); the owner's role is changed only through a new owner. */
  public List<Long> setRole(long groupId, List<Long> userIds, String role) {
    return db.tx(tx -> {
      lockedFind(tx, groupId).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
      List<Long> changed = new ArrayList<>();
      for (long u : userIds) {
        if (tx.update("UPDATE workgroup_members SET role = ? WHERE group_id = ? AND user_id = ? AND role <> 'A'", role,
            groupId, u) == 1) changed.add(u);
      }
      return changed;
    });
  }

  public List<Member> members(long groupId) {
    return db.read(tx -> tx.query("SELECT user_id, role FROM workgroup_members WHERE group_id = ? "
        + "ORDER BY CASE role WHEN 'A' THEN 0 WHEN 'E' THEN 1 ELSE 2 END, user_id",
        rs -> new Member(rs.getLong(1), rs.getString(2)), groupId));
  }

  /** Switches the tasks feature and sets least roles per operation (null role: back to the default). */
  public void setTasksFeature(long groupId, Boolean enabled, Map<GroupPermission, String> roles) {
    db.tx(tx -> {
      lockedFind(tx, groupId).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
      if (enabled != null) tx.updateOne("UPDATE workgroups SET tasks_enabled = ? WHERE id = ?", enabled, groupId);
      for (Map.Entry<GroupPermission, String> e : roles.entrySet()) {
        String op = GroupPerms.operation(e.getKey());
        tx.update("DELETE FROM workgroup_task_perms WHERE group_id = ? AND operation = ?", groupId, op);
        if (e.getValue() != null) {
          tx.update("INSERT INTO workgroup_task_perms (group_id, operation, role) VALUES (?, ?, ?)", groupId, op,
              e.getValue());
        }
      }
      return null;
    });
  }

  /** The effective least role of every tasks operation in the group. */
  public Map<GroupPermission, String> tasksPerms(long groupId, boolean opened) {
    Map<String, String> set = new LinkedHashMap<>();
    db.read(tx -> tx.query("SELECT operation, role FROM workgroup_task_perms WHERE group_id = ?",
        rs -> set.put(rs.getString(1), rs.getString(2)), groupId));
    Map<GroupPermission, String> out = new LinkedHashMap<>();
    for (GroupPermission p : GroupPermission.values()) {
      out.put(p, set.getOrDefault(GroupPerms.operation(p), GroupPerms.defaultRole(p, opened)));
    }
    return out;
  }

  private void touch(Tx tx, long groupId) throws SQLException {
    tx.updateOne("UPDATE workgroups SET activity_at = ? WHERE id = ?", clock.instant(), groupId);
  }

  private static Optional<Workgroup> lockedFind(Tx tx, long id) throws SQLException {
    if (tx.queryOne("SELECT id FROM workgroups WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), id).isEmpty()) {
      return Optional.empty();
    }
    return tx.queryOne(GROUP_FULL + " WHERE g.id = ?", Workgroups::fullRow, id);
  }

  static Group briefRow(ResultSet rs) throws SQLException {
    return new Group(rs.getLong("id"), rs.getString("name"), rs.getBoolean("opened"), rs.getBoolean("closed"),
        rs.getBoolean("tasks_enabled"), rs.getInt("members"), rs.getString("image"));
  }

  static Workgroup fullRow(ResultSet rs) throws SQLException {
    return new Workgroup(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
        rs.getString("keywords"), rs.getBoolean("visible"), rs.getBoolean("opened"), rs.getBoolean("closed"),
        rs.getBoolean("project"), rs.getString("initiate_perms"), rs.getLong("owner_id"), rs.getString("image"),
        rs.getBoolean("tasks_enabled"), rs.getInt("members"), Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"), Sql.instant(rs, "activity_at"));
  }
}
