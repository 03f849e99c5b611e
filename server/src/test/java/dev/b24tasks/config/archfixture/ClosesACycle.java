package dev.b24tasks.config.archfixture;

import dev.b24tasks.store.Database;

/** A wrong-way import for {@code ArchitectureTest}: config -> store while store -> config. Never used. */
public final class ClosesACycle {
  private ClosesACycle() {}

  static Class<?> store() {
    return Database.class;
  }
}
