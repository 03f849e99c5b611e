package dev.b24tasks.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.checklist.ChecklistItem;
import dev.b24tasks.checklist.ChecklistService;
import dev.b24tasks.checklist.ChecklistView;
import dev.b24tasks.comments.CommentService;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.tasks.TaskViewAddons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checklist and comment features add to the task object: {@code checklist}, the nodes of
 * {@code checkListTree} (with each item's {@code action} for the viewer) and {@code newCommentsCount}.
 */
public final class LegacyViewAddons implements TaskViewAddons {
  private final TaskLink tasks;
  private final ChecklistService checklists;
  private final CommentService comments;
  private final Directory directory;

  public LegacyViewAddons(TaskLink tasks, ChecklistService checklists, CommentService comments,
      Directory directory) {
    this.tasks = tasks;
    this.checklists = checklists;
    this.comments = comments;
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

  @Override
  public long newCommentsCount(long taskId, long viewerId) {
    return comments.newCount(taskId, viewerId);
  }
}
