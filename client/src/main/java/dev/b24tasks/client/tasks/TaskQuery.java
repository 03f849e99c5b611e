package dev.b24tasks.client.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code filter}, {@code order} and {@code select} of {@code tasks.task.list}, typed.
 *
 * <pre>{@code
 * TaskQuery.create()
 *     .where(TaskField.RESPONSIBLE_ID, 7)
 *     .where(TaskField.STATUS, Op.NOT, TaskStatus.COMPLETED)
 *     .where(TaskField.DEADLINE, Op.LT, OffsetDateTime.now())
 *     .orderBy(TaskField.DEADLINE, Direction.ASC)
 *     .select(TaskField.ID, TaskField.TITLE, TaskField.STATUS, TaskField.DEADLINE)
 * }</pre>
 *
 * Values may be enums ({@link TaskStatus}, {@link Priority}: sent as their codes), dates, booleans (sent as
 * {@code Y}/{@code N}) and collections (any of the values).
 */
public final class TaskQuery {
  /** A filter operator, written before the field name. */
  public enum Op {
    /** Equal (or any of a list). */ EQ(""),
    /** Not equal. */ NOT("!"),
    /** Greater than. */ GT(">"),
    /** Greater or equal. */ GTE(">="),
    /** Less than. */ LT("<"),
    /** Less or equal. */ LTE("<="),
    /**
     * Contains the text, case-insensitively ({@code %TITLE}). A plain {@link #EQ} on {@code TITLE} takes the
     * patterns {@code %} (any run) and {@code _} (one character) instead.
     */
    LIKE("%");

    private final String prefix;

    Op(String prefix) {
      this.prefix = prefix;
    }

    /** The prefix on the wire. */
    public String prefix() {
      return prefix;
    }
  }

  /** A sort direction. */
  public enum Direction {
    /** Ascending. */ ASC,
    /** Descending. */ DESC
  }

  private final Map<String, Object> filter = new LinkedHashMap<>();
  private final Map<String, String> order = new LinkedHashMap<>();
  private final List<String> select = new ArrayList<>();

  private TaskQuery() {}

  /** No filter, the portal's order, the portal's default select. */
  public static TaskQuery create() {
    return new TaskQuery();
  }

  /** {@code field} equals {@code value} (any of it, for a collection). */
  public TaskQuery where(TaskField field, Object value) {
    return where(field.name(), Op.EQ, value);
  }

  /** {@code field op value}. */
  public TaskQuery where(TaskField field, Op op, Object value) {
    return where(field.name(), op, value);
  }

  /** A filter on any key, {@code UF_*} included. */
  public TaskQuery where(String field, Op op, Object value) {
    filter.put(op.prefix() + field, wire(value));
    return this;
  }

  /** Adds a sort key; keys apply in the order added. */
  public TaskQuery orderBy(TaskField field, Direction direction) {
    order.put(field.name(), direction.name());
    return this;
  }

  /** The fields to answer ({@code select}); without any the portal's default. */
  public TaskQuery select(TaskField... fields) {
    for (TaskField f : fields) select.add(f.name());
    return this;
  }

  /** Fields to answer by name ({@code UF_*}, {@code "*"}). */
  public TaskQuery select(String... fields) {
    select.addAll(Arrays.asList(fields));
    return this;
  }

  /** The parameters of {@code tasks.task.list}: {@code filter}, {@code order}, {@code select}, as set. */
  public Map<String, Object> toParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (!filter.isEmpty()) p.put("filter", new LinkedHashMap<>(filter));
    if (!order.isEmpty()) p.put("order", new LinkedHashMap<>(order));
    if (!select.isEmpty()) p.put("select", List.copyOf(select));
    return p;
  }

  private static Object wire(Object v) {
    if (v instanceof TaskStatus s) return s.code();
    if (v instanceof Priority p) return p.code();
    if (v instanceof Boolean b) return b ? "Y" : "N";
    if (v instanceof Collection<?> c) return c.stream().map(TaskQuery::wire).toList();
    return v;
  }
}
