package dev.b24tasks.rest.archfixture;

import dev.b24tasks.tasks.TaskService;

/** A wrong-way import for {@code ArchitectureTest}: infrastructure (rest) that knows a feature. Never used. */
public final class ImportsAFeature {
  private ImportsAFeature() {}

  static Class<?> feature() {
    return TaskService.class;
  }
}
