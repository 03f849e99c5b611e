package dev.b24tasks.tasks;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A task as the rules, transitions and views see it: plain values, no wire shapes. Accomplices and auditors keep the
 * order they were given in. {@code favorite}, {@code muted} and {@code viewed} are the reading user's flags.
 */
public record Task(
    long id,
    Long parentId,
    String title,
    String description,
    String mark,
    int priority,
    Status status,
    boolean multitask,
    boolean replicate,
    long groupId,
    long stageId,
    long createdBy,
    Instant createdDate,
    long responsibleId,
    Set<Long> accomplices,
    Set<Long> auditors,
    long changedBy,
    Instant changedDate,
    Long statusChangedBy,
    Instant statusChangedDate,
    Long closedBy,
    Instant closedDate,
    Instant activityDate,
    Instant dateStart,
    Instant deadline,
    Instant startDatePlan,
    Instant endDatePlan,
    String guid,
    String xmlId,
    Integer commentsCount,
    Integer serviceCommentsCount,
    boolean allowChangeDeadline,
    boolean allowTimeTracking,
    boolean taskControl,
    boolean addInReport,
    long timeEstimate,
    Long timeSpentInLogs,
    boolean matchWorkTime,
    String siteId,
    int outlookVersion,
    Double sorting,
    Long durationPlan,
    Long durationFact,
    String durationType,
    ViewerFlags viewer) {

  /** What the reading user has done to the task: starred, muted, opened (and when), pinned. */
  public record ViewerFlags(long userId, boolean favorite, boolean muted, Instant viewedDate, boolean pinned) {
    public static ViewerFlags none(long userId) {
      return new ViewerFlags(userId, false, false, null, false);
    }
  }

  public boolean isCreator(long u) {
    return createdBy == u;
  }

  public boolean isResponsible(long u) {
    return responsibleId == u;
  }

  public boolean isAccomplice(long u) {
    return accomplices.contains(u);
  }

  public boolean isAuditor(long u) {
    return auditors.contains(u);
  }

  public boolean isMember(long u) {
    return isCreator(u) || isResponsible(u) || isAccomplice(u) || isAuditor(u);
  }

  /** Creator, responsible and accomplices: the people whose managers may act on the task (isSubordinateTask). */
  public Set<Long> activeMembers() {
    Set<Long> out = new LinkedHashSet<>();
    out.add(createdBy);
    out.add(responsibleId);
    out.addAll(accomplices);
    return out;
  }

  /** Everyone with a part in the task, auditors included. */
  public Set<Long> allMembers() {
    Set<Long> out = activeMembers();
    out.addAll(auditors);
    return out;
  }

  // ---- the task after a change ----------------------------------------------------------------------------

  private static final java.lang.reflect.RecordComponent[] COMPONENTS = Task.class.getRecordComponents();
  private static final java.lang.reflect.Constructor<Task> CANONICAL = canonical();

  private static java.lang.reflect.Constructor<Task> canonical() {
    Class<?>[] types = new Class<?>[COMPONENTS.length];
    for (int i = 0; i < types.length; i++) types[i] = COMPONENTS[i].getType();
    try {
      return Task.class.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Index of the component a field sets (TITLE -> title, PARENT_ID -> parentId), or -1 (DECLINE_REASON). */
  private static final java.util.Map<TaskField, Integer> INDEX = index();

  private static java.util.Map<TaskField, Integer> index() {
    java.util.Map<TaskField, Integer> out = new java.util.EnumMap<>(TaskField.class);
    for (TaskField f : TaskField.values()) {
      String camel = dev.b24tasks.rest.Wire.lowerCamel(f.name());
      int at = -1;
      for (int i = 0; i < COMPONENTS.length; i++) if (COMPONENTS[i].getName().equals(camel)) at = i;
      out.put(f, at);
    }
    return out;
  }

  /**
   * This task as the store holds it after {@code change} was written (the same values the row would read back), so
   * a write's answer needs no second read; empty when a value does not fit its component (the caller reads the row).
   */
  public java.util.Optional<Task> with(TaskChange change) {
    Object[] values = new Object[COMPONENTS.length];
    try {
      for (int i = 0; i < values.length; i++) values[i] = COMPONENTS[i].getAccessor().invoke(this);
      for (java.util.Map.Entry<TaskField, Object> e : change.fields().entrySet()) {
        int at = INDEX.get(e.getKey());
        if (at < 0) continue;
        Object v = fit(COMPONENTS[at].getType(), e.getValue());
        if (v == NO_FIT) return java.util.Optional.empty();
        values[at] = v;
      }
      return java.util.Optional.of(CANONICAL.newInstance(values));
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static final Object NO_FIT = new Object();

  private static Object fit(Class<?> type, Object v) {
    if (v == null) return type.isPrimitive() ? NO_FIT : null;
    if (type == Set.class) return v instanceof java.util.Collection<?> c ? new LinkedHashSet<>(c) : NO_FIT;
    if (v instanceof Number n) {
      if (type == int.class || type == Integer.class) return n.intValue();
      if (type == long.class || type == Long.class) return n.longValue();
      if (type == Double.class) return n.doubleValue();
      return NO_FIT;
    }
    Class<?> boxed = type == boolean.class ? Boolean.class : type;
    return boxed.isInstance(v) ? v : NO_FIT;
  }
}
