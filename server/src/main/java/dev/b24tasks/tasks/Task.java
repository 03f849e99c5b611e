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
}
