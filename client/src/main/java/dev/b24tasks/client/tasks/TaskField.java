package dev.b24tasks.client.tasks;

import java.util.Locale;

/**
 * Task fields by their UPPER_SNAKE names, as {@code select}, {@code filter}, {@code order} and {@code fields} of
 * {@code tasks.task.*} take them. Fields of the portal not listed here (user fields {@code UF_*} included) are
 * reached with the string forms of {@link TaskQuery} and {@link TaskFields}.
 */
public enum TaskField {
  /** The id. */ ID,
  /** The parent task. */ PARENT_ID,
  /** The title. */ TITLE,
  /** The description (BBCode). */ DESCRIPTION,
  /** The real status; in a filter it also takes the meta statuses -1, -2, -3. */ STATUS,
  /** The real status, for sorting. */ REAL_STATUS,
  /** The priority. */ PRIORITY,
  /** The mark, P or N. */ MARK,
  /** The workgroup. */ GROUP_ID,
  /** The Kanban stage. */ STAGE_ID,
  /** The creator. */ CREATED_BY,
  /** When created. */ CREATED_DATE,
  /** The responsible person. */ RESPONSIBLE_ID,
  /** The participants. */ ACCOMPLICES,
  /** The observers. */ AUDITORS,
  /** Who changed it last. */ CHANGED_BY,
  /** When it was changed last. */ CHANGED_DATE,
  /** Who changed the status last. */ STATUS_CHANGED_BY,
  /** When the status changed last. */ STATUS_CHANGED_DATE,
  /** Who closed it. */ CLOSED_BY,
  /** When it was closed. */ CLOSED_DATE,
  /** Last activity. */ ACTIVITY_DATE,
  /** When work started. */ DATE_START,
  /** The deadline. */ DEADLINE,
  /** Planned start. */ START_DATE_PLAN,
  /** Planned end. */ END_DATE_PLAN,
  /** The task's GUID. */ GUID,
  /** An external id. */ XML_ID,
  /** Number of comments. */ COMMENTS_COUNT,
  /** Whether the responsible person may change the deadline. */ ALLOW_CHANGE_DEADLINE,
  /** Whether time is tracked. */ ALLOW_TIME_TRACKING,
  /** Whether the creator reviews the result ("task control"). */ TASK_CONTROL,
  /** Whether it counts in reports. */ ADD_IN_REPORT,
  /** Estimated time, seconds. */ TIME_ESTIMATE,
  /** Time logged, seconds. */ TIME_SPENT_IN_LOGS,
  /** Skip weekends and holidays. */ MATCH_WORK_TIME,
  /** In the caller's favourites. */ FAVORITE,
  /** Muted for the caller. */ IS_MUTED,
  /** Pinned for the caller. */ IS_PINNED,
  /** Tags. */ TAGS,
  /** Checklist items. */ CHECKLIST,
  /** Tasks this one depends on. */ DEPENDS_ON,
  /** Filter only: any member. */ MEMBER,
  /** Filter only: a participant. */ ACCOMPLICE,
  /** Filter only: an observer. */ AUDITOR,
  /** Filter only: a tag. */ TAG;

  /** The name in the answer's rows ({@code RESPONSIBLE_ID} → {@code responsibleId}). */
  public String camel() {
    String[] parts = name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i], 1,
        parts[i].length());
    return sb.toString();
  }
}
