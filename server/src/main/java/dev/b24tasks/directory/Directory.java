package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts about people that the task rules ask: who exists, who is an administrator, whose manager someone is
 * (recursively through departments and their heads), and what a workgroup lets its members do.
 *
 * <p>Every method joins the caller's open transaction when there is one (see {@link Database#read}).
 */
public final class Directory {
  static final String USER_COLUMNS = "id, active, is_admin, login, email, name, last_name, second_name, "
      + "work_position, personal_photo, personal_gender, time_zone, date_register, last_login";

  private final Database db;
  private final ZoneId portalZone;

  public Directory(Database db, ZoneId portalZone) {
    this.db = db;
    this.portalZone = portalZone;
  }

  public ZoneId portalZone() {
    return portalZone;
  }

  public Optional<User> user(long id) {
    return db.read(tx -> tx.queryOne("SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", Directory::userRow, id));
  }

  /** The users with these ids that exist, keyed by id, in the order of {@code ids}. */
  public Map<Long, User> users(Collection<Long> ids) {
    Map<Long, User> out = new LinkedHashMap<>();
    if (ids.isEmpty()) return out;
    List<User> found = db.read(tx -> tx.query(
        "SELECT " + USER_COLUMNS + " FROM users WHERE id = ANY(?)", Directory::userRow, List.copyOf(ids)));
    Map<Long, User> byId = new java.util.HashMap<>();
    for (User u : found) byId.put(u.id(), u);
    for (Long id : ids) {
      User u = byId.get(id);
      if (u != null) out.put(id, u);
    }
    return out;
  }

  /** True for an existing, active user. */
  public boolean exists(long userId) {
    return user(userId).map(User::active).orElse(false);
  }

  public boolean isAdmin(long userId) {
    return user(userId).map(u -> u.active() && u.admin()).orElse(false);
  }

  /**
   * Everyone below {@code managerId}: the members of the departments she heads and of every department under them,
   * and the heads of those sub-departments; never herself. One recursive query over indexed columns, so it is
   * always current, also when another server process changed the structure a moment ago.
   */
  public Set<Long> subordinates(long managerId) {
    return db.read(tx -> new LinkedHashSet<>(tx.query(SUBORDINATES + " ORDER BY 1", rs -> rs.getLong(1),
        managerId, managerId)));
  }

  /** A user (if she is in the table at all) and everyone below her, as the rules' facts need them. */
  public record Person(Optional<User> user, Set<Long> subordinates) {}

  /** {@link #user} and {@link #subordinates} in one statement: the facts of a call's caller. */
  public Person person(long userId) {
    return db.read(tx -> tx.queryOne("SELECT " + USER_COLUMNS + ", ARRAY(" + SUBORDINATES + " ORDER BY 1) AS subs"
        + " FROM users WHERE id = ?", rs -> {
          Set<Long> subs = new LinkedHashSet<>();
          for (Long l : (Long[]) rs.getArray("subs").getArray()) subs.add(l);
          return new Person(Optional.of(userRow(rs)), subs);
        }, userId, userId, userId)).orElse(new Person(Optional.empty(), Set.of()));
  }

  /** True when {@code userId} is among the subordinates of {@code managerId}. */
  public boolean isManagerOf(long managerId, long userId) {
    if (managerId == userId) return false;
    // walking up from the user touches a few rows by primary key; walking down from the manager may touch many
    return db.read(tx -> tx.queryLong(
        "SELECT count(*) FROM (" + MANAGER_HEADS + ") m WHERE m.head_id = ?", userId, userId, userId, managerId) > 0);
  }

  /**
   * Whether {@code userId} is a member of a department {@code headId} heads, or of one below it; herself too, when
   * she is in a department she heads (CTasks' "subordinate departments" of a task's creator).
   */
  public boolean inDepartmentsUnder(long headId, long userId) {
    return db.read(tx -> tx.queryLong("WITH RECURSIVE tree AS (SELECT id FROM departments WHERE head_id = ? "
        + "UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id) "
        + "SELECT count(*) FROM user_departments ud JOIN tree ON tree.id = ud.department_id WHERE ud.user_id = ?",
        headId, userId) > 0);
  }

  /** Everyone {@code userId} is a subordinate of: the heads of her departments and of all departments above. */
  public Set<Long> managers(long userId) {
    return db.read(tx -> new LinkedHashSet<>(tx.query(MANAGERS, rs -> rs.getLong(1), userId, userId, userId)));
  }

  /** The departments (UF_DEPARTMENT) of a user, in the order they were given. */
  public List<Long> departmentsOf(long userId) {
    return db.read(tx -> tx.query(
        "SELECT department_id FROM user_departments WHERE user_id = ? ORDER BY position", rs -> rs.getLong(1), userId));
  }

  public Optional<Group> group(long groupId) {
    return db.read(tx -> tx.queryOne(Workgroups.GROUP_BRIEF + " WHERE g.id = ?", Workgroups::briefRow, groupId));
  }

  /**
   * The groups with these ids that exist, each with {@code userId}'s role in it and its tasks permissions: one
   * query for the whole set, so a page of tasks in many groups costs the same as one.
   */
  public Map<Long, GroupAccess> groupAccess(long userId, Collection<Long> groupIds) {
    Map<Long, GroupAccess> out = new LinkedHashMap<>();
    if (groupIds.isEmpty()) return out;
    db.read(tx -> tx.query("SELECT g.id, g.name, g.opened, g.closed, g.tasks_enabled, g.image,"
        + " (SELECT count(*) FROM workgroup_members m WHERE m.group_id = g.id) AS members,"
        + " (SELECT role FROM workgroup_members m WHERE m.group_id = g.id AND m.user_id = ?) AS my_role,"
        + " ARRAY(SELECT p.operation || ':' || p.role FROM workgroup_task_perms p WHERE p.group_id = g.id) AS perms"
        + " FROM workgroups g WHERE g.id = ANY(?)", rs -> {
          Map<String, String> least = new java.util.HashMap<>();
          for (String op : Sql.strings(rs, "perms")) {
            int colon = op.lastIndexOf(':');
            least.put(op.substring(0, colon).toLowerCase(java.util.Locale.ROOT), op.substring(colon + 1));
          }
          Group g = Workgroups.briefRow(rs);
          out.put(g.id(), new GroupAccess(g, rs.getString("my_role"), least));
          return null;
        }, userId, List.copyOf(groupIds)));
    return out;
  }

  /** The role of {@code userId} in the group: A owner, E moderator, K member; empty when not a member. */
  public Optional<String> groupRole(long groupId, long userId) {
    return db.read(tx -> tx.queryOne("SELECT role FROM workgroup_members WHERE group_id = ? AND user_id = ?",
        rs -> rs.getString(1), groupId, userId));
  }

  /**
   * Whether the workgroup's tasks feature grants {@code permission} to {@code userId}: false when the group does
   * not exist or its tasks feature is off; write operations are refused in an archived (closed) group; a portal
   * administrator may do everything else; otherwise the user's role must reach the operation's least role.
   */
  public boolean groupAllows(long groupId, long userId, GroupPermission permission) {
    return db.read(tx -> {
      Optional<GroupRole> g = tx.queryOne(
          "SELECT g.tasks_enabled, g.closed, g.opened, (SELECT role FROM workgroup_members m "
              + "WHERE m.group_id = g.id AND m.user_id = ?), (SELECT role FROM workgroup_task_perms p "
              + "WHERE p.group_id = g.id AND p.operation = ?) FROM workgroups g WHERE g.id = ?",
          rs -> new GroupRole(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)),
          userId, GroupPerms.operation(permission), groupId);
      if (g.isEmpty()) return false;
      GroupRole r = g.get();
      if (!r.tasksEnabled()) return false;
      if (r.closed() && GroupPerms.writes(permission)) return false;
      if (isAdmin(userId)) return true;
      if (!exists(userId)) return false;
      String least = r.leastRole() != null ? r.leastRole() : GroupPerms.defaultRole(permission, r.opened());
      return GroupPerms.reaches(r.role(), least);
    });
  }

  /** A group's tasks switch and state, the user's role in it and the operation's least role (null: default). */
  private record GroupRole(boolean tasksEnabled, boolean closed, boolean opened, String role, String leastRole) {}

  /** The zone task dates are shown to {@code userId} in: her own, or the portal's. */
  public ZoneId zoneOf(long userId) {
    return user(userId).map(User::timeZone).filter(z -> z != null && !z.isBlank()).map(z -> {
      try {
        return ZoneId.of(z);
      } catch (DateTimeException e) {
        return portalZone;
      }
    }).orElse(portalZone);
  }

  // ? = the manager twice. The departments she heads and all below them (a small set, gathered into one array
  // first so the member look-up below is an index scan whatever the planner guesses for the recursive part);
  // their members and heads, except herself.
  private static final String SUBORDINATES = "WITH RECURSIVE tree AS ("
      + "SELECT id FROM departments WHERE head_id = ? "
      + "UNION SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id), "
      + "ids AS MATERIALIZED (SELECT coalesce(array_agg(id), '{}') AS a FROM tree) "
      + "SELECT ud.user_id FROM user_departments ud WHERE ud.department_id = ANY((SELECT a FROM ids)::bigint[]) "
      + "UNION SELECT d.head_id FROM departments d WHERE d.id = ANY((SELECT a FROM ids)::bigint[]) "
      + "AND d.head_id IS NOT NULL "
      + "EXCEPT SELECT ?";

  // ? = the user three times. Upwards from her: her departments and the parents of those she heads (a head is
  // below the heads above her department), then every ancestor by primary key; their heads, except herself.
  private static final String MANAGER_HEADS = "WITH RECURSIVE up AS ("
      + "SELECT department_id AS id FROM user_departments WHERE user_id = ? "
      + "UNION SELECT d.parent_id FROM departments d WHERE d.head_id = ? AND d.parent_id IS NOT NULL "
      + "UNION SELECT d.parent_id FROM departments d JOIN up ON d.id = up.id WHERE d.parent_id IS NOT NULL) "
      + "SELECT DISTINCT d.head_id FROM departments d JOIN up ON d.id = up.id "
      + "WHERE d.head_id IS NOT NULL AND d.head_id <> ?";
  private static final String MANAGERS = MANAGER_HEADS + " ORDER BY 1";

  static User userRow(ResultSet rs) throws SQLException {
    return new User(rs.getLong("id"), rs.getBoolean("active"), rs.getBoolean("is_admin"), rs.getString("login"),
        rs.getString("email"), rs.getString("name"), rs.getString("last_name"), rs.getString("second_name"),
        rs.getString("work_position"), rs.getString("personal_photo"), rs.getString("personal_gender"),
        rs.getString("time_zone"), Sql.instant(rs, "date_register"), Sql.instant(rs, "last_login"));
  }

  /** Creates a user directly (bootstrap, CLI); returns the new id. */
  public long createUser(String email, String name, String lastName, boolean admin) {
    return db.tx(tx -> {
      long id = tx.insert(
          "INSERT INTO users (email, login, name, last_name, is_admin) VALUES (?, ?, ?, ?, ?) RETURNING id",
          email, email, name, lastName, admin);
      // like a portal's first administrator, everyone created here starts in the root department
      tx.update("INSERT INTO user_departments (user_id, department_id, position) "
          + "SELECT ?, id, 0 FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1", id);
      return id;
    });
  }

  public long countUsers() {
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM users"));
  }

  /** A portal without people gets its administrator first (user 1, admin@b24-tasks.local); true when made now. */
  public boolean firstAdministrator() {
    if (countUsers() != 0) return false;
    createUser("admin@b24-tasks.local", "Admin", "", true);
    return true;
  }
}
