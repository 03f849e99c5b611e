package dev.b24tasks.tasks;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Domain tasks for the pure tests: creator 10, responsible 20, accomplice 30, auditor 40. */
final class TaskFixtures {
  static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

  private TaskFixtures() {}

  static Task task(Status status, boolean taskControl, long createdBy, long responsibleId, List<Long> accomplices,
      List<Long> auditors) {
    return new Task(1, null, "t", "", null, 1, status, false, false, 5, 0, createdBy, T0, responsibleId,
        new LinkedHashSet<>(accomplices), new LinkedHashSet<>(auditors), createdBy, T0, null, T0, null, null, T0,
        null, null, null, null, "{g}", null, null, null, false, true, taskControl, false, 0, null, false, "s1", 1,
        null, null, null, "days", Task.ViewerFlags.none(0));
  }

  static Task standard(Status status) {
    return task(status, true, 10, 20, List.of(30L), List.of(40L));
  }

  static Actor user(long id) {
    return new Actor(id, false, Set.of(), Set.of(), false, false);
  }
}
