package dev.b24tasks.tasks;

import java.util.function.Function;

/**
 * The task fields a change can write: the column that holds each (null for the member lists, kept in
 * task_members), the name it is logged under in the history (null for the bookkeeping fields Bitrix does not log,
 * §6.1), and how to read its current value from a {@link Task}.
 */
public enum TaskField {
  TITLE("title", "TITLE", Task::title),
  DESCRIPTION("description", "DESCRIPTION", Task::description),
  MARK("mark", "MARK", Task::mark),
  PRIORITY("priority", "PRIORITY", Task::priority),
  STATUS("status", "STATUS", Task::status),
  PARENT_ID("parent_id", "PARENT_ID", Task::parentId),
  GROUP_ID("group_id", "GROUP_ID", Task::groupId),
  STAGE_ID("stage_id", "STAGE_ID", Task::stageId),
  CREATED_BY("created_by", "CREATED_BY", Task::createdBy),
  RESPONSIBLE_ID("responsible_id", "RESPONSIBLE_ID", Task::responsibleId),
  ACCOMPLICES(null, "ACCOMPLICES", Task::accomplices),
  AUDITORS(null, "AUDITORS", Task::auditors),
  DEADLINE("deadline", "DEADLINE", Task::deadline),
  START_DATE_PLAN("start_date_plan", "START_DATE_PLAN", Task::startDatePlan),
  END_DATE_PLAN("end_date_plan", "END_DATE_PLAN", Task::endDatePlan),
  XML_ID("xml_id", null, Task::xmlId),
  ALLOW_CHANGE_DEADLINE("allow_change_deadline", "ALLOW_CHANGE_DEADLINE", Task::allowChangeDeadline),
  ALLOW_TIME_TRACKING("allow_time_tracking", "ALLOW_TIME_TRACKING", Task::allowTimeTracking),
  TASK_CONTROL("task_control", "TASK_CONTROL", Task::taskControl),
  ADD_IN_REPORT("add_in_report", "ADD_IN_REPORT", Task::addInReport),
  MATCH_WORK_TIME("match_work_time", null, Task::matchWorkTime),
  TIME_ESTIMATE("time_estimate", "TIME_ESTIMATE", Task::timeEstimate),
  DURATION_PLAN("duration_plan", "DURATION_PLAN", Task::durationPlan),
  DURATION_TYPE("duration_type", null, Task::durationType),
  SITE_ID("site_id", null, Task::siteId),
  TIME_SPENT_IN_LOGS("time_spent_in_logs", "TIME_SPENT_IN_LOGS", Task::timeSpentInLogs),
  DURATION_FACT("duration_fact", "DURATION_FACT", Task::durationFact),
  COMMENTS_COUNT("comments_count", null, Task::commentsCount),
  ACTIVITY_DATE("activity_date", null, Task::activityDate),
  CHANGED_BY("changed_by", null, Task::changedBy),
  CHANGED_DATE("changed_date", null, Task::changedDate),
  STATUS_CHANGED_BY("status_changed_by", null, Task::statusChangedBy),
  STATUS_CHANGED_DATE("status_changed_date", null, Task::statusChangedDate),
  CLOSED_BY("closed_by", null, Task::closedBy),
  CLOSED_DATE("closed_date", null, Task::closedDate),
  DATE_START("date_start", null, Task::dateStart),
  DECLINE_REASON("decline_reason", null, t -> null);

  /** Column in {@code tasks}, or null for a member list. */
  public final String column;
  /** FIELD of the history row, or null when changes of this field are not logged. */
  public final String historyName;
  private final Function<Task, Object> reader;

  TaskField(String column, String historyName, Function<Task, Object> reader) {
    this.column = column;
    this.historyName = historyName;
    this.reader = reader;
  }

  public Object of(Task t) {
    return reader.apply(t);
  }

  /** The fields every update stamps (CHANGED_*, STATUS_CHANGED_*, CLOSED_*, DATE_START): never a change in itself. */
  public boolean bookkeeping() {
    return switch (this) {
      case CHANGED_BY, CHANGED_DATE, STATUS_CHANGED_BY, STATUS_CHANGED_DATE, CLOSED_BY, CLOSED_DATE, DATE_START,
          ACTIVITY_DATE -> true;
      default -> false;
    };
  }
}
