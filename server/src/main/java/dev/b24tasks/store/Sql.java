package dev.b24tasks.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** Binding and reading helpers shared by every store class. */
public final class Sql {
  private Sql() {}

  static void bind(Connection c, PreparedStatement st, int index, Object value) throws SQLException {
    switch (value) {
      case null -> st.setNull(index, Types.NULL);
      case Instant i -> st.setObject(index, OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
      case long[] longs -> {
        Long[] boxed = new Long[longs.length];
        for (int i = 0; i < longs.length; i++) boxed[i] = longs[i];
        st.setArray(index, c.createArrayOf("bigint", boxed));
      }
      case Collection<?> col -> st.setArray(index, array(c, col));
      case String[] strings -> st.setArray(index, c.createArrayOf("text", strings));
      case Enum<?> e -> st.setString(index, e.name());
      default -> st.setObject(index, value);
    }
  }

  private static Array array(Connection c, Collection<?> col) throws SQLException {
    boolean allNumbers = col.stream().allMatch(v -> v instanceof Long || v instanceof Integer);
    if (allNumbers) {
      Long[] out = col.stream().map(v -> ((Number) v).longValue()).toArray(Long[]::new);
      return c.createArrayOf("bigint", out);
    }
    return c.createArrayOf("text", col.stream().map(String::valueOf).toArray(String[]::new));
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  /** A nullable bigint column as a Long. */
  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** A bigint[] column as a long[] (empty for NULL). */
  public static long[] longs(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    if (a == null) return new long[0];
    Object[] values = (Object[]) a.getArray();
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).longValue();
    return out;
  }

  /** A text[] column as a String[] (empty for NULL). */
  public static String[] strings(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    if (a == null) return new String[0];
    Object[] values = (Object[]) a.getArray();
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) out[i] = (String) values[i];
    return out;
  }
}
