package dev.b24tasks.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the catalog says about the store's tables, so backup, restore and reset need no list of features: every
 * table of the current schema, foreign keys for the load order, id sequences.
 */
public final class Schema {
  private Schema() {}

  /** Base tables of the current schema, by name, without {@code except}. */
  public static List<String> tables(Connection c, Collection<String> except) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        if (!except.contains(rs.getString(1))) out.add(rs.getString(1));
      }
    }
    return out;
  }

  public static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The latest applied migration version. */
  public static String version(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT "
            + "NULL ORDER BY installed_rank DESC LIMIT 1")) {
      if (!rs.next()) throw new SQLException("The store has no migrated schema");
      return rs.getString(1);
    }
  }

  /** {@code tables} ordered so that a table comes after the tables its foreign keys point to. */
  public static List<String> loadOrder(Connection c, List<String> tables) throws SQLException {
    Map<String, Set<String>> dependsOn = new HashMap<>();
    for (String t : tables) dependsOn.put(t, new HashSet<>());
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT src.relname, dst.relname FROM pg_constraint k "
            + "JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid "
            + "JOIN pg_namespace n ON n.oid = src.relnamespace "
            + "WHERE k.contype = 'f' AND n.nspname = current_schema()")) {
      while (rs.next()) {
        String from = rs.getString(1);
        String to = rs.getString(2);
        // a self-reference is checked at the end of the COPY statement, so it needs no ordering
        if (dependsOn.containsKey(from) && dependsOn.containsKey(to) && !from.equals(to)) dependsOn.get(from).add(to);
      }
    }
    LinkedHashSet<String> ordered = new LinkedHashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String t : tables) visit(t, dependsOn, ordered, visiting);
    return List.copyOf(ordered);
  }

  private static void visit(String t, Map<String, Set<String>> deps, Set<String> done, Set<String> visiting) {
    if (done.contains(t)) return;
    if (!visiting.add(t)) throw new IllegalStateException("Foreign keys form a cycle through " + t);
    for (String d : deps.get(t).stream().sorted().toList()) visit(d, deps, done, visiting);
    visiting.remove(t);
    done.add(t);
  }

  /** Sets each id sequence of {@code tables} past the highest id, so new rows do not collide with loaded ones. */
  public static void advanceSequences(Connection c, List<String> tables) throws SQLException {
    for (String table : tables) {
      for (String column : columns(c, table)) {
        String seq;
        try (PreparedStatement st = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
          st.setString(1, quote(table));
          st.setString(2, column);
          try (ResultSet rs = st.executeQuery()) {
            seq = rs.next() ? rs.getString(1) : null;
          }
        }
        if (seq == null) continue;
        try (PreparedStatement st = c.prepareStatement("SELECT setval(?::regclass, COALESCE((SELECT max("
            + quote(column) + ") FROM " + quote(table) + "), 0) + 1, false)")) {
          st.setString(1, seq);
          st.execute();
        }
      }
    }
  }

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public static String quoteAll(Collection<String> identifiers) {
    return identifiers.stream().map(Schema::quote).collect(Collectors.joining(", "));
  }
}
