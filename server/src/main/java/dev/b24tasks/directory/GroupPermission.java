package dev.b24tasks.directory;

/** The tasks-feature permissions of a workgroup that the task rules ask about. */
public enum GroupPermission {
  VIEW,
  VIEW_ALL,
  CREATE_TASKS,
  EDIT_TASKS,
  DELETE_TASKS,
  /** Move tasks between the stages of the group's Kanban board (socialnetwork's "sort" operation). */
  SORT
}
