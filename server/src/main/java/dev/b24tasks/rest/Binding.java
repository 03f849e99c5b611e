package dev.b24tasks.rest;

/** How a method reads its parameters. */
public enum Binding {
  /** By exact, case-sensitive name, as the engine controllers of {@code tasks.task.*} do. */
  NAMED,
  /** By position, names ignored, as the legacy {@code task.item.*} families do. */
  POSITIONAL
}
