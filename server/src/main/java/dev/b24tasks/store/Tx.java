package dev.b24tasks.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open transaction. A thin layer over JDBC: SQL stays SQL, parameters are bound in order, and single-row
 * statements can insist on touching exactly one row.
 */
public final class Tx {
  /** A unit of work inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private final boolean callScoped;
  private Map<Object, Object> memo;
  private String lastSql;
  private Object[] lastArgs;
  private List<Runnable> afterCommit;

  Tx(Connection connection, boolean callScoped) {
    this.connection = connection;
    this.callScoped = callScoped;
  }

  /** True for the transaction of a whole REST call (see {@link Database#call}). */
  boolean callScoped() {
    return callScoped;
  }

  /**
   * A value computed once per transaction: the caller's facts, her zone. It lives exactly as long as this
   * transaction, so it can never show one node's old state to a later call.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Work<T> load) throws SQLException {
    if (memo == null) memo = new HashMap<>();
    Object hit = memo.get(key);
    if (hit != null) return (T) hit;
    T value = load.run(this);
    if (value != null) memo.put(key, value);
    return value;
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Runs {@code sql} (an INSERT or UPDATE whose count nobody needs) as the transaction's last statement, sent in
   * one message with its COMMIT: a row that must commit with the work (a journal row) costs no round trip of its
   * own. One per transaction; a rollback drops it.
   */
  public void atCommit(String sql, Object... args) {
    this.lastSql = sql;
    this.lastArgs = args;
  }

  /** Commits: the {@link #atCommit} statement and the COMMIT in one round trip, else a plain commit. */
  void commit() throws SQLException {
    if (lastSql != null) {
      String sql = lastSql;
      Object[] args = lastArgs;
      lastSql = null;
      lastArgs = null;
      try (PreparedStatement st = prepare(sql + "; COMMIT", args)) {
        st.execute();
      }
    }
    connection.commit(); // nothing to send when the COMMIT above ended the transaction
  }

  /**
   * Rolls back everything this transaction did so far and goes on in a new one on the same connection, which the
   * caller's commit then ends: for what a refused call must still write (its journal row) after its work is undone.
   * The memo is forgotten with it.
   */
  public void rollbackAndContinue() throws SQLException {
    connection.rollback();
    memo = null;
    lastSql = null;
    lastArgs = null;
    afterCommit = null;
  }

  /**
   * Runs {@code action} once this transaction has committed (never if it rolls back): for what others must only
   * see after the change is durable, such as a notice whose receiver calls back at once.
   */
  public void afterCommit(Runnable action) {
    if (afterCommit == null) afterCommit = new ArrayList<>();
    afterCommit.add(action);
  }

  /** How many after-commit actions are waiting (a savepoint remembers it, to drop what its unit added). */
  int afterCommitMark() {
    return afterCommit == null ? 0 : afterCommit.size();
  }

  /** Drops the after-commit actions added since {@code mark} (their unit was rolled back to its savepoint). */
  void dropAfterCommit(int mark) {
    if (afterCommit != null) afterCommit.subList(mark, afterCommit.size()).clear();
  }

  /** The after-commit actions, handed over once (the transaction has committed). */
  List<Runnable> takeAfterCommit() {
    List<Runnable> out = afterCommit == null ? List.of() : afterCommit;
    afterCommit = null;
    return out;
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    try (PreparedStatement st = prepare(sql, args);
        ResultSet rs = st.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(mapper.map(rs));
      return out;
    }
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    try (PreparedStatement st = prepare(sql, args);
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
    }
  }

  public long queryLong(String sql, Object... args) throws SQLException {
    try (PreparedStatement st = prepare(sql, args);
        ResultSet rs = st.executeQuery()) {
      if (!rs.next()) throw new SQLException("query returned no row: " + sql);
      return rs.getLong(1);
    }
  }

  /** Runs an INSERT/UPDATE/DELETE and returns the number of rows it touched. */
  public int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement st = prepare(sql, args)) {
      return st.executeUpdate();
    }
  }

  /** Runs a statement that must touch exactly one row, e.g. an UPDATE by primary key. */
  public void updateOne(String sql, Object... args) throws SQLException {
    int n = update(sql, args);
    if (n != 1) throw new SQLException("expected to change exactly one row, changed " + n + ": " + sql);
  }

  /** Runs an INSERT ... RETURNING id (or any statement returning one long). */
  public long insert(String sql, Object... args) throws SQLException {
    return queryLong(sql, args);
  }

  /**
   * Inserts one row from column -> value pairs (column names come from code, never from input) and returns the
   * {@code returning} column: for tables where a statement would bind many values by position.
   */
  public long insertRow(String table, Map<String, Object> columns, String returning) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
    StringBuilder values = new StringBuilder(") VALUES (");
    Object[] args = new Object[columns.size()];
    int i = 0;
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      if (i > 0) {
        sql.append(", ");
        values.append(", ");
      }
      sql.append(e.getKey());
      values.append('?');
      args[i++] = e.getValue();
    }
    return queryLong(sql.append(values).append(") RETURNING ").append(returning).toString(), args);
  }

  public void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  public PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement st = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) Sql.bind(connection, st, i + 1, args[i]);
      return st;
    } catch (SQLException | RuntimeException e) {
      st.close();
      throw e;
    }
  }
}
