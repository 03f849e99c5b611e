package dev.b24tasks.planner;

import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.PositionalBinder;
import dev.b24tasks.rest.MethodRegistry;
import java.util.List;

/**
 * {@code task.planner.getlist} (positional, no parameters): the ids of the caller's "daily plan". The plan is
 * filled by the portal's work-day planner (the timeman widget), which has no REST method and which this server
 * does not have, so every plan is the one a portal without timeman keeps for a user who never opened it: empty.
 */
public final class PlannerMethods {
  static final Manifest GETLIST = Manifest.of("ctaskplannermaintance", "getcurrenttaskslist");

  public void register(MethodRegistry r) {
    r.positionalRead("task.planner.getlist", "task", c -> {
      PositionalBinder.bind(GETLIST, c.args());
      return List.of();
    });
  }
}
