package dev.b24tasks.checklist.archfixture;

import dev.b24tasks.tasks.TaskStore;

/** A wrong-way import for {@code ArchitectureTest}: a feature that reads another feature's store. Never used. */
public final class ReachesIntoAnotherFeature {
  private ReachesIntoAnotherFeature() {}

  static Class<?> store() {
    return TaskStore.class;
  }
}
