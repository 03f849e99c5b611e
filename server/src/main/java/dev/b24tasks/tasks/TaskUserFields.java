package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom fields of tasks ({@code UF_*}, task.item.userfield.*) as the tasks feature sees them: the userfields
 * feature keeps the definitions and the values; the tasks feature hands over the {@code UF_} keys a call wrote and
 * asks for the values of the tasks of one answer, all at once. Calls join the caller's transaction. The built-in
 * fields the tasks feature serves itself (UF_TASK_WEBDAV_FILES, UF_CRM_TASK, UF_MAIL_MESSAGE) never come here.
 */
public interface TaskUserFields {
  /**
   * A value the field's type or its MANDATORY flag refuses: {@code key} a message of the tasks bundle,
   * {@code label} the field's.
   */
  final class ValueRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String label;

    public ValueRefused(String key, String label) {
      super(key + " " + label, null, false, false);
      this.key = key;
      this.label = label;
    }

    public String key() {
      return key;
    }

    public String label() {
      return label;
    }
  }

  /** A field as tasks.task.getFields lists it: its name, the title in the caller's language, its type. */
  record Described(String fieldName, String title, String type) {}

  /** A field whose values an update changed: the stored texts before and after, in order. */
  record Changed(String fieldName, List<String> before, List<String> after) {}

  /**
   * Writes the {@code UF_} values a call gave for the task ({@code values} by FIELD_NAME; names of no field are
   * ignored, as the portal ignores them); {@code adding}: a new task, whose mandatory fields must all be given.
   * Throws {@link ValueRefused} before writing anything. Answers the fields whose values changed (an update's
   * history rows; empty for a new task).
   */
  List<Changed> write(long taskId, Map<String, JsonNode> values, boolean adding, ZoneId zone);

  /**
   * The values of the tasks of one answer, with one query: for each task, FIELD_NAME to the value as the answer
   * shows it (a single field without a value is null, a multiple one false), for the fields {@code names} names
   * ({@code null}: every field), in the fields' order.
   */
  Map<Long, Map<String, Object>> values(Collection<Long> taskIds, Set<String> names, ZoneId zone);

  /** Every custom field, in the fields' order, for tasks.task.getFields. */
  List<Described> describe(String language);

  /**
   * A condition on the task row {@code t} for the list filter key {@code field} (a FIELD_NAME) with the operator
   * ({@code "="}, {@code "!"}, {@code "<"}, {@code "<="}, {@code ">"}, {@code ">="}) and values (an IN list when more
   * than one): SQL text naming the task row as {@code t.id}, with its arguments; null when the name is no field.
   */
  Condition condition(String field, String operator, List<JsonNode> values, ZoneId zone);

  /** A piece of SQL with its arguments, in order. */
  record Condition(String sql, List<Object> args) {}

  /** No custom fields: every UF_ key is ignored, none is listed. */
  TaskUserFields NONE = new TaskUserFields() {
    @Override
    public List<Changed> write(long taskId, Map<String, JsonNode> values, boolean adding, ZoneId zone) {
      return List.of();
    }

    @Override
    public Map<Long, Map<String, Object>> values(Collection<Long> taskIds, Set<String> names, ZoneId zone) {
      return Map.of();
    }

    @Override
    public List<Described> describe(String language) {
      return List.of();
    }

    @Override
    public Condition condition(String field, String operator, List<JsonNode> values, ZoneId zone) {
      return null;
    }
  };
}
