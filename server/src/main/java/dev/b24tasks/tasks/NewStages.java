package dev.b24tasks.tasks;

/**
 * The Kanban stages as the task list's {@code STAGE_ID} filter needs them: a task of a workgroup that stands in no
 * stage yet ({@code STAGE_ID} 0) is shown in the board's first ({@code NEW}) stage, so filtering by that stage
 * finds it too, as the portal's list does. The stages feature implements it.
 */
@FunctionalInterface
public interface NewStages {
  /** The workgroup whose board's NEW stage {@code stageId} is, or 0 when it is no such stage. */
  long groupOfNewStage(long stageId);

  NewStages NONE = stageId -> 0;
}
