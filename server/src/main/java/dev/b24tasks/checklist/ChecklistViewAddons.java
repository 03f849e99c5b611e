package dev.b24tasks.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.tasks.TaskViewAddons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checklist feature adds to the task object: {@code checklist} and the nodes of {@code checkListTree},
 * with each item's {@code action} for the viewer. The items of every task of the set, with their members, come in
 * one query, however many tasks the set holds.
 */
public final class ChecklistViewAddons implements TaskViewAddons {
  private final ChecklistService checklists;

  public ChecklistViewAddons(ChecklistService checklists) {
    this.checklists = checklists;
  }

  @Override
  public Parts load(TaskSet set) {
    Map<Long, List<ChecklistItem>> items = checklists.items(set.ids());
    if (items.isEmpty()) return NOTHING;
    return new Parts() {
      @Override
      public Map<String, Object> checklist(long taskId) {
        List<ChecklistItem> of = items.get(taskId);
        TaskFacts t = set.tasks().get(taskId);
        if (of == null || t == null) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        ChecklistView.taskChecklist(of, t, set.zone()).properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
      }

      @Override
      public List<Object> checklistTree(long taskId) {
        List<ChecklistItem> of = items.get(taskId);
        TaskFacts t = set.tasks().get(taskId);
        if (of == null || t == null) return List.of();
        List<Object> out = new ArrayList<>();
        for (JsonNode node : ChecklistView.treeNodes(of, t)) out.add(node);
        return out;
      }
    };
  }
}
