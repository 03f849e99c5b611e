package dev.b24tasks.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskLink;
import dev.b24tasks.tasks.TaskViewAddons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checklist feature adds to the task object: {@code checklist} and the nodes of {@code checkListTree},
 * with each item's {@code action} for the viewer.
 */
public final class ChecklistViewAddons implements TaskViewAddons {
  private final TaskLink tasks;
  private final ChecklistService checklists;
  private final Directory directory;

  public ChecklistViewAddons(TaskLink tasks, ChecklistService checklists, Directory directory) {
    this.tasks = tasks;
    this.checklists = checklists;
    this.directory = directory;
  }

  @Override
  public Map<String, Object> checklist(long taskId, long viewerId) {
    Map<String, Object> out = new LinkedHashMap<>();
    // Items first: most tasks have none, and then the viewer's facts (several queries) are not needed at all.
    // This runs for every row of a tasks.task.list page.
    List<ChecklistItem> items = checklists.items(taskId);
    if (items.isEmpty()) return out;
    Optional<TaskFacts> t = tasks.readable(viewerId, taskId);
    if (t.isEmpty()) return out;
    ChecklistView.taskChecklist(items, t.get(), directory.zoneOf(viewerId)).properties()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public List<Object> checklistTree(long taskId, long viewerId) {
    List<Object> out = new ArrayList<>();
    List<ChecklistItem> items = checklists.items(taskId);
    if (items.isEmpty()) return out;
    Optional<TaskFacts> t = tasks.readable(viewerId, taskId);
    if (t.isEmpty()) return out;
    for (JsonNode node : ChecklistView.treeNodes(items, t.get())) out.add(node);
    return out;
  }
}
