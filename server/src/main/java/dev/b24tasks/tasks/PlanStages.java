package dev.b24tasks.tasks;

import java.util.Collection;

/**
 * The users' "My plan" boards as the tasks feature needs them (the stages feature implements it): a task is pinned
 * into the first stage of its members' plans when it is added and when people join it (the portal's pinInStage),
 * and the list filters by plan stage ({@code STAGES_ID}) and orders by the viewer's plan ({@code SORTING} without a
 * {@code GROUP_ID} filter) inside its one query, with SQL the stages feature writes over its own table.
 */
public interface PlanStages {
  /**
   * {@code users} whose plan exists get the task in its first stage, first in their order (someone whose plan
   * already holds it keeps it where it is); runs in the caller's transaction.
   */
  void pin(long taskId, Collection<Long> users);

  /** A condition on {@code t} (the tasks row): it stands in one of the plan stages bound as one bigint[]. */
  String inStagesSql();

  /** A value for {@code t}: its place in the plan of the user bound as one bigint (NULL: not in her plan). */
  String placeSql();

  PlanStages NONE = new PlanStages() {
    @Override
    public void pin(long taskId, Collection<Long> users) {}

    @Override
    public String inStagesSql() {
      return "(false AND ?::bigint[] IS NULL)";
    }

    @Override
    public String placeSql() {
      return "CAST(? AS bigint) * NULL";
    }
  };
}
