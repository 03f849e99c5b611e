package dev.b24tasks.directory;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import java.util.ArrayList;
import java.util.List;

/** One page of a list method's rows and their total, for a WHERE built by {@link FilterSql}. */
final class Paged {
  private Paged() {}

  /** {@code selectFrom} is e.g. "SELECT ... FROM users u"; {@code where} and {@code orderBy} come from allow-lists. */
  static <T> List<T> rows(Database db, String selectFrom, String where, List<Object> args, String orderBy,
      long offset, int limit, Tx.RowMapper<T> mapper) {
    List<Object> all = new ArrayList<>(args);
    all.add(limit);
    all.add(offset);
    return db.read(tx -> tx.query(selectFrom + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?",
        mapper, all.toArray()));
  }

  /** {@code from} is e.g. "users u". */
  static long count(Database db, String from, String where, List<Object> args) {
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM " + from + " WHERE " + where, args.toArray()));
  }
}
