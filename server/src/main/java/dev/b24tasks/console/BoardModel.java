package dev.b24tasks.console;

import java.util.List;

/**
 * The board page: its filters as the form shows them, the columns (by status, or a workgroup's Kanban stages with
 * {@code stages} non-empty and {@code mayMove} saying whether the viewer may move cards between them), and a
 * message after a refused action.
 */
public record BoardModel(String role, Long responsible, Long group, String deadline, boolean overdue, String search,
    int limit, List<Desk.Person> people, List<Desk.GroupOption> groups, List<Desk.ColumnView> columns,
    String flash, String view, List<Desk.StageColumn> stages, boolean mayMove) {
  public boolean byStage() {
    return !stages.isEmpty();
  }
}
