package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The company structure: departments, their parents and heads. Every write takes one transaction-scoped advisory
 * lock, so two server processes moving departments at once can never build a cycle between them.
 */
public final class Departments {
  /** One department; {@code parentId} null for the top-level one, {@code headId} null when it has no head. */
  public record Department(long id, String name, int sort, Long parentId, Long headId) {}

  /** What an add or update sets; null fields are left as they are (on add: defaults). */
  public record Change(String name, Integer sort, Long parentId, Long headId, boolean clearHead) {}

  private static final long STRUCTURE_LOCK = 0x6232347464657074L; // "b24tdept"
  static final String COLUMNS = "id, name, sort, parent_id, head_id";

  private final Database db;

  public Departments(Database db) {
    this.db = db;
  }

  public long add(Change c) {
    return db.tx(tx -> {
      lock(tx);
      if (c.name() == null || c.name().isBlank()) throw DirectoryErrors.core("DEPARTMENT_NAME_MISSING");
      Long parent = c.parentId();
      if (parent == null) {
        if (tx.queryLong("SELECT count(*) FROM departments WHERE parent_id IS NULL") > 0) {
          throw DirectoryErrors.core("ONE_TOP_LEVEL");
        }
      } else if (!exists(tx, parent)) {
        throw DirectoryErrors.core("PARENT_NOT_FOUND", parent);
      }
      checkHead(tx, c.headId());
      return tx.insert("INSERT INTO departments (name, sort, parent_id, head_id) VALUES (?, ?, ?, ?) RETURNING id",
          c.name().trim(), c.sort() == null ? 500 : c.sort(), parent, c.headId());
    });
  }

  public void update(long id, Change c, boolean parentGiven) {
    db.tx(tx -> {
      lock(tx);
      if (!exists(tx, id)) throw DirectoryErrors.core("DEPARTMENT_NOT_FOUND");
      if (c.name() != null) {
        if (c.name().isBlank()) throw DirectoryErrors.core("DEPARTMENT_NAME_MISSING");
        tx.updateOne("UPDATE departments SET name = ? WHERE id = ?", c.name().trim(), id);
      }
      if (c.sort() != null) tx.updateOne("UPDATE departments SET sort = ? WHERE id = ?", c.sort(), id);
      if (parentGiven) move(tx, id, c.parentId());
      if (c.clearHead()) {
        tx.updateOne("UPDATE departments SET head_id = NULL WHERE id = ?", id);
      } else if (c.headId() != null) {
        checkHead(tx, c.headId());
        tx.updateOne("UPDATE departments SET head_id = ? WHERE id = ?", c.headId(), id);
      }
      return null;
    });
  }

  private void move(Tx tx, long id, Long parent) throws SQLException {
    Long current = tx.queryOne("SELECT parent_id FROM departments WHERE id = ?", rs -> Sql.longOrNull(rs, "parent_id"),
        id).orElse(null);
    if (parent == null) {
      if (current == null) return;
      throw DirectoryErrors.core("ONE_TOP_LEVEL");
    }
    if (!exists(tx, parent)) throw DirectoryErrors.core("PARENT_NOT_FOUND", parent);
    long inSubtree = tx.queryLong("WITH RECURSIVE sub AS (SELECT id FROM departments WHERE id = ? "
        + "UNION SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) "
        + "SELECT count(*) FROM sub WHERE id = ?", id, parent);
    if (inSubtree > 0) throw DirectoryErrors.core("PARENT_CYCLE", id);
    tx.updateOne("UPDATE departments SET parent_id = ? WHERE id = ?", parent, id);
  }

  /**
   * Deletes a department. Its sub-departments move up to its parent and its members simply leave it, so nobody
   * and nothing else is lost; the top-level department can only go when it is the last one.
   */
  public void delete(long id) {
    db.tx(tx -> {
      lock(tx);
      Department d = find(tx, id);
      if (d == null) throw DirectoryErrors.core("DEPARTMENT_NOT_FOUND");
      if (d.parentId() == null && tx.queryLong("SELECT count(*) FROM departments WHERE parent_id = ?", id) > 0) {
        throw DirectoryErrors.core("ONE_TOP_LEVEL");
      }
      tx.update("UPDATE departments SET parent_id = ? WHERE parent_id = ?", d.parentId(), id);
      tx.update("DELETE FROM user_departments WHERE department_id = ?", id);
      tx.update("DELETE FROM departments WHERE id = ?", id);
      return null;
    });
  }

  public List<Department> all() {
    return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM departments ORDER BY id", Departments::row));
  }

  /** One page of departments matching {@code where} (SQL over the columns, with its arguments). */
  public List<Department> list(String where, List<Object> args, String orderBy, long offset, int limit) {
    return Paged.rows(db, "SELECT " + COLUMNS + " FROM departments", where, args, orderBy, offset, limit,
        Departments::row);
  }

  public long count(String where, List<Object> args) {
    return Paged.count(db, "departments", where, args);
  }

  static void lock(Tx tx) throws SQLException {
    tx.queryLong("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l", STRUCTURE_LOCK);
  }

  private static boolean exists(Tx tx, long id) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM departments WHERE id = ?", id) > 0;
  }

  private static Department find(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT " + COLUMNS + " FROM departments WHERE id = ?", Departments::row, id).orElse(null);
  }

  private static void checkHead(Tx tx, Long headId) throws SQLException {
    if (headId != null && tx.queryLong("SELECT count(*) FROM users WHERE id = ?", headId) == 0) {
      throw DirectoryErrors.core("HEAD_NOT_FOUND", headId);
    }
  }

  static Department row(ResultSet rs) throws SQLException {
    return new Department(rs.getLong("id"), rs.getString("name"), rs.getInt("sort"), Sql.longOrNull(rs, "parent_id"),
        Sql.longOrNull(rs, "head_id"));
  }
}
