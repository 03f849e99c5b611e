package dev.b24tasks.userfields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.b24tasks.rest.Json;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code task_user_fields} and {@code task_user_field_values} tables. */
final class UserFieldStore {
  private static final String COLUMNS = "SELECT id, field_name, user_type_id, xml_id, sort, multiple, mandatory, "
      + "show_filter, show_in_list, edit_in_list, is_searchable, settings, labels FROM task_user_fields";
  private static final TypeReference<LinkedHashMap<String, Object>> SETTINGS = new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, Map<String, String>>> LABELS = new TypeReference<>() {};

  /** Serialises changes to the field definitions (the ids past the built-in ones, names taken once). */
  void lock(Tx tx) throws SQLException {
    tx.queryOne("SELECT pg_advisory_xact_lock(?, ?)", rs -> true, 0x5546_0000, 1);
  }

  List<UserField> all(Tx tx) throws SQLException {
    return tx.query(COLUMNS + " ORDER BY sort, id", UserFieldStore::row);
  }

  Optional<UserField> find(Tx tx, long id) throws SQLException {
    return tx.queryOne(COLUMNS + " WHERE id = ?", UserFieldStore::row, id);
  }

  Optional<UserField> byName(Tx tx, String name) throws SQLException {
    return tx.queryOne(COLUMNS + " WHERE field_name = ?", UserFieldStore::row, name);
  }

  /** A new field; its id is the next one at or past {@link UserField#FIRST_ID} (call under {@link #lock}). */
  long insert(Tx tx, UserField f) throws SQLException {
    long id = tx.queryLong("SELECT setval(pg_get_serial_sequence('task_user_fields', 'id'), "
        + "GREATEST(nextval(pg_get_serial_sequence('task_user_fields', 'id')), ?))", UserField.FIRST_ID);
    tx.update("INSERT INTO task_user_fields (id, field_name, user_type_id, xml_id, sort, multiple, mandatory, "
            + "show_filter, show_in_list, edit_in_list, is_searchable, settings, labels) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json)", id, f.fieldName(), f.userTypeId(),
        f.xmlId(), f.sort(), f.multiple(), f.mandatory(), f.showFilter(), f.showInList(), f.editInList(),
        f.searchable(), json(f.settings()), json(f.labels()));
    return id;
  }

  void update(Tx tx, UserField f) throws SQLException {
    tx.updateOne("UPDATE task_user_fields SET xml_id = ?, sort = ?, mandatory = ?, show_filter = ?, "
            + "show_in_list = ?, edit_in_list = ?, is_searchable = ?, settings = ?::json, labels = ?::json "
            + "WHERE id = ?", f.xmlId(), f.sort(), f.mandatory(), f.showFilter(), f.showInList(), f.editInList(),
        f.searchable(), json(f.settings()), json(f.labels()), f.id());
  }

  /** Removes the field; its values on every task go with it (ON DELETE CASCADE). */
  void delete(Tx tx, long id) throws SQLException {
    tx.updateOne("DELETE FROM task_user_fields WHERE id = ?", id);
  }

  /** Makes the task's values of the field exactly {@code values}, in order (empty: none). */
  void replace(Tx tx, long taskId, long fieldId, List<UserFieldTypes.Value> values) throws SQLException {
    tx.update("DELETE FROM task_user_field_values WHERE task_id = ? AND field_id = ?", taskId, fieldId);
    if (values.isEmpty()) return;
    // all the values in one statement, however many a multiple field is given
    List<Map<String, Object>> rows = new java.util.ArrayList<>(values.size());
    for (UserFieldTypes.Value v : values) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("t", v.text());
      row.put("n", v.num());
      row.put("a", v.at() == null ? null : v.at().toString());
      rows.add(row);
    }
    tx.update("INSERT INTO task_user_field_values (task_id, field_id, ord, value, num, at) "
        + "SELECT ?, ?, e.ord - 1, e.x->>'t', (e.x->>'n')::double precision, (e.x->>'a')::timestamptz "
        + "FROM json_array_elements(?::json) WITH ORDINALITY AS e(x, ord)", taskId, fieldId, json(rows));
  }

  /** The task's stored values, field id to its texts in order, with one query. */
  Map<Long, List<String>> taskValues(Tx tx, long taskId) throws SQLException {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (Object[] r : tx.query("SELECT field_id, value FROM task_user_field_values WHERE task_id = ? "
        + "ORDER BY field_id, ord", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, taskId)) {
      out.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add((String) r[1]);
    }
    return out;
  }

  /**
   * The fields and the values of the tasks with one query: every field row (ordered) left-joined to its values on
   * {@code taskIds}; a field with no value on any of them comes once with a null task.
   */
  record Joined(UserField field, Long taskId, String value) {}

  List<Joined> fieldsWithValues(Tx tx, Collection<Long> taskIds) throws SQLException {
    return tx.query("SELECT f.id, f.field_name, f.user_type_id, f.xml_id, f.sort, f.multiple, f.mandatory, "
        + "f.show_filter, f.show_in_list, f.edit_in_list, f.is_searchable, f.settings, f.labels, v.task_id, v.value "
        + "FROM task_user_fields f LEFT JOIN task_user_field_values v ON v.field_id = f.id AND v.task_id = ANY(?) "
        + "ORDER BY f.sort, f.id, v.task_id, v.ord", rs -> {
          long task = rs.getLong(14);
          Long taskId = rs.wasNull() ? null : task; // read before the field's columns: wasNull is the last read's
          return new Joined(row(rs), taskId, rs.getString(15));
        }, List.copyOf(taskIds));
  }

  private static UserField row(ResultSet rs) throws SQLException {
    return new UserField(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11),
        read(rs.getString(12), SETTINGS), read(rs.getString(13), LABELS));
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored user field cannot be read", e);
    }
  }

  private static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
