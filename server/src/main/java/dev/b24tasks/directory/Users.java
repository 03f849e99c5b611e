package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing users: invitations ({@code user.add}) and profile changes, with their departments (UF_DEPARTMENT) and,
 * for extranet users, their groups. Reading many users for a list method also lives here.
 */
public final class Users {
  /** Profile fields of an add or update; null means "not given" (an update leaves the value alone). */
  public record Profile(String email, String name, String lastName, String secondName, String workPosition,
      String photo, String gender, String timeZone, Boolean active, List<Long> departments) {}

  /** A user as a list shows it: with her departments and whether she is an extranet user. */
  public record Listed(User user, List<Long> departments, boolean extranet) {}

  private static final long EMAIL_LOCK = 0x6232347475736572L; // "b24tuser"
  private static final String LISTED_COLUMNS = Directory.USER_COLUMNS + ", is_extranet, "
      + "(SELECT array_agg(department_id ORDER BY position) FROM user_departments ud WHERE ud.user_id = u.id) AS deps";

  private final Database db;

  public Users(Database db) {
    this.db = db;
  }

  /** Creates an intranet user in {@code p.departments()}, or an extranet user in {@code extranetGroups}. */
  public long add(Profile p, List<Long> extranetGroups) {
    return db.tx(tx -> {
      // one invitation at a time per portal, so two processes cannot both take the same e-mail
      tx.queryLong("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l", EMAIL_LOCK);
      if (emailTaken(tx, p.email(), 0)) throw DirectoryErrors.argument("EMAIL_EXISTS");
      checkDepartments(tx, p.departments());
      long id = tx.insert("INSERT INTO users (email, login, name, last_name, second_name, work_position, "
              + "personal_photo, personal_gender, time_zone, is_extranet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              + "RETURNING id",
          p.email(), p.email(), nz(p.name()), nz(p.lastName()), nz(p.secondName()), nz(p.workPosition()), p.photo(),
          nz(p.gender()), p.timeZone(), extranetGroups != null);
      if (p.departments() != null) setDepartments(tx, id, p.departments());
      if (extranetGroups != null) {
        for (long g : extranetGroups) {
          tx.update("INSERT INTO workgroup_members (group_id, user_id, role) VALUES (?, ?, 'K') ON CONFLICT DO NOTHING",
              g, id);
        }
      }
      return id;
    });
  }

  /** Applies the given fields; false when there is no such user. */
  public boolean update(long id, Profile p) {
    return db.tx(tx -> {
      if (tx.queryLong("SELECT count(*) FROM users WHERE id = ?", id) == 0) return false;
      if (p.email() != null) {
        tx.queryLong("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l", EMAIL_LOCK);
        if (emailTaken(tx, p.email(), id)) throw DirectoryErrors.argument("EMAIL_EXISTS");
        tx.updateOne("UPDATE users SET email = ?, login = CASE WHEN login = email THEN ? ELSE login END WHERE id = ?",
            p.email(), p.email(), id);
      }
      set(tx, id, "name", p.name());
      set(tx, id, "last_name", p.lastName());
      set(tx, id, "second_name", p.secondName());
      set(tx, id, "work_position", p.workPosition());
      set(tx, id, "personal_gender", p.gender());
      if (p.photo() != null) {
        tx.updateOne("UPDATE users SET personal_photo = ? WHERE id = ?", blankToNull(p.photo()), id);
      }
      if (p.timeZone() != null) {
        tx.updateOne("UPDATE users SET time_zone = ? WHERE id = ?", blankToNull(p.timeZone()), id);
      }
      if (p.active() != null) tx.updateOne("UPDATE users SET active = ? WHERE id = ?", p.active(), id);
      if (p.departments() != null) {
        checkDepartments(tx, p.departments());
        Departments.lock(tx);
        tx.update("DELETE FROM user_departments WHERE user_id = ?", id);
        setDepartments(tx, id, p.departments());
      }
      return true;
    });
  }

  public void setAdmin(long id, boolean admin) {
    db.tx(tx -> {
      tx.updateOne("UPDATE users SET is_admin = ? WHERE id = ?", admin, id);
      return null;
    });
  }

  public List<Listed> list(String where, List<Object> args, String orderBy, long offset, int limit) {
    return Paged.rows(db, "SELECT " + LISTED_COLUMNS + " FROM users u", where, args, orderBy, offset, limit,
        Users::listedRow);
  }

  public long count(String where, List<Object> args) {
    return Paged.count(db, "users u", where, args);
  }

  /**
   * Active users whose name, last name or e-mail contains {@code text} (any case; empty: everyone), by last name,
   * one page (the console's people picker and lists).
   */
  public List<Listed> search(String text, long offset, int limit) {
    return Paged.rows(db, "SELECT " + LISTED_COLUMNS + " FROM users u", SEARCH, searchArgs(text),
        "u.last_name, u.name, u.id", offset, limit, Users::listedRow);
  }

  public long searchCount(String text) {
    return Paged.count(db, "users u", SEARCH, searchArgs(text));
  }

  private static final String SEARCH = "u.active AND (? = '' OR u.name ILIKE ? OR u.last_name ILIKE ? "
      + "OR u.email ILIKE ? OR (u.name || ' ' || u.last_name) ILIKE ?)";

  private static List<Object> searchArgs(String text) {
    String t = text == null ? "" : text.trim();
    String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return List.of(t, like, like, like, like);
  }

  /** The active user with this e-mail address (any case), if there is exactly one. */
  public java.util.Optional<User> byEmail(String email) {
    List<User> found = db.read(tx -> tx.query("SELECT " + Directory.USER_COLUMNS + " FROM users "
        + "WHERE active AND lower(email) = lower(?) ORDER BY id LIMIT 2", Directory::userRow, email.trim()));
    return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
  }

  public Listed listed(long id) {
    return db.read(tx -> tx.queryOne("SELECT " + LISTED_COLUMNS + " FROM users u WHERE id = ?", Users::listedRow, id))
        .orElse(null);
  }

  private static void setDepartments(Tx tx, long userId, List<Long> departments) throws SQLException {
    int pos = 0;
    for (long d : departments) {
      tx.update("INSERT INTO user_departments (user_id, department_id, position) VALUES (?, ?, ?)", userId, d, pos++);
    }
  }

  private static void checkDepartments(Tx tx, List<Long> departments) throws SQLException {
    if (departments == null) return;
    for (long d : departments) {
      if (tx.queryLong("SELECT count(*) FROM departments WHERE id = ?", d) == 0) {
        throw DirectoryErrors.argument("UNKNOWN_DEPARTMENT", d);
      }
    }
  }

  private static boolean emailTaken(Tx tx, String email, long exceptId) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM users WHERE lower(email) = lower(?) AND id <> ?", email, exceptId) > 0;
  }

  private static void set(Tx tx, long id, String column, String value) throws SQLException {
    // column names come from this class only, never from a request
    if (value != null) tx.updateOne("UPDATE users SET " + column + " = ? WHERE id = ?", value, id);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }

  static Listed listedRow(ResultSet rs) throws SQLException {
    List<Long> deps = new ArrayList<>();
    for (long d : Sql.longs(rs, "deps")) deps.add(d);
    return new Listed(Directory.userRow(rs), deps, rs.getBoolean("is_extranet"));
  }
}
