package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
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

  /** Everyone below {@code managerId} in the departments she heads, recursively; never herself. */
  public Set<Long> subordinates(long managerId) {
    return Set.of(); // departments arrive with the directory feature
  }

  /** True when {@code userId} is among the subordinates of {@code managerId}. */
  public boolean isManagerOf(long managerId, long userId) {
    return subordinates(managerId).contains(userId);
  }

  public Optional<Group> group(long groupId) {
    return Optional.empty(); // workgroups arrive with the directory feature
  }

  /** Whether the workgroup's tasks feature grants {@code permission} to {@code userId}. */
  public boolean groupAllows(long groupId, long userId, GroupPermission permission) {
    return false; // workgroups arrive with the directory feature
  }

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

  static User userRow(ResultSet rs) throws SQLException {
    return new User(rs.getLong("id"), rs.getBoolean("active"), rs.getBoolean("is_admin"), rs.getString("login"),
        rs.getString("email"), rs.getString("name"), rs.getString("last_name"), rs.getString("second_name"),
        rs.getString("work_position"), rs.getString("personal_photo"), rs.getString("personal_gender"),
        rs.getString("time_zone"), Sql.instant(rs, "date_register"), Sql.instant(rs, "last_login"));
  }

  /** Creates a user directly (bootstrap, CLI); returns the new id. */
  public long createUser(String email, String name, String lastName, boolean admin) {
    return db.tx(tx -> tx.insert(
        "INSERT INTO users (email, login, name, last_name, is_admin) VALUES (?, ?, ?, ?, ?) RETURNING id",
        email, email, name, lastName, admin));
  }

  public long countUsers() {
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM users"));
  }
}
