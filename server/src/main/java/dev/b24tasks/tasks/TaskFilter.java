package dev.b24tasks.tasks;

import java.util.List;

/**
 * The filter of a task list as the domain takes it, every value already of its field's type (ids and numbers as
 * {@code Long}, dates as {@code Instant}, flags as {@code Boolean}, text as {@code String}): parts joined by AND, or
 * by OR when {@code any}, groups nested. {@link TaskFilterInput} reads it from tasks.task.list's {@code filter};
 * {@link TaskQuery} turns it into SQL.
 */
public record TaskFilter(boolean any, List<Part> parts) {
  public static final TaskFilter NONE = new TaskFilter(false, List.of());

  public TaskFilter {
    parts = List.copyOf(parts);
  }

  /** One condition, or a nested group. */
  public sealed interface Part permits Condition, Group {}

  /** A nested group ({@code ::SUBFILTER-…}). */
  public record Group(TaskFilter filter) implements Part {}

  /** The conditions a task list can be filtered by. */
  public sealed interface Condition extends Part {}

  /** STATUS: real statuses and the meta-statuses -1 overdue, -2 not viewed, -3 almost overdue, OR-ed. */
  public record Statuses(List<Long> codes, boolean not) implements Condition {}

  /** MEMBER (role null), ACCOMPLICE (A), AUDITOR (U): one of the users has that part in the task. */
  public record Members(String role, List<Long> users, boolean not) implements Condition {}

  /** ROLE: the viewer's own part: R, A, U or O (creator who is not the responsible). */
  public record ViewerRole(String role) implements Condition {}

  /** ONLY_ROOT_TASKS, WO_DEADLINE, NOT_VIEWED set to a true value. */
  public record Only(String what) implements Condition {}

  /** TAG: the task has one of these tags. */
  public record Tags(List<String> names, boolean not) implements Condition {}

  /** FAVORITE: the viewer starred the task (or not). */
  public record Favorite(boolean starred) implements Condition {}

  /**
   * A column of {@link TaskQuery#FILTERABLE}: {@code compare} is "", "=", "<", ">", "<=", ">=", "%" or "@";
   * {@code list} says the values were given as a list (IN), even a list of one.
   */
  public record Column(String field, String compare, boolean not, List<Object> values, boolean list)
      implements Condition {
    public Column {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)); // may hold null
    }
  }

  /**
   * A custom field ({@code UF_…}): the operator as given ("", "=", "<", "<=", ">", ">=", "%", "@", each possibly
   * with "!") and the values as sent; the userfields feature makes the SQL of it.
   */
  public record UserField(String field, String operator, List<com.fasterxml.jackson.databind.JsonNode> values)
      implements Condition {
    public UserField {
      values = List.copyOf(values);
    }
  }

  /** One key of the order: a field of {@link TaskQuery#SORTABLE}, ascending or not. */
  public record Sort(String key, boolean descending) {}
}
