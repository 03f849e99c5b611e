package dev.b24tasks.checklist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.tasks.TaskFacts;
import dev.b24tasks.rest.Json;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checklist items on the wire: the legacy UPPER_SNAKE item of {@code task.checklistitem.get/getlist}, and the
 * task object's {@code checklist} (keyed by id, strings, Y/N) and {@code checkListTree} (nested, ints and real
 * booleans) of bitrix-tasks-api.md §3.5.
 */
public final class ChecklistView {
  private ChecklistView() {}

  /** {@code {"ID":"495","TASK_ID":"8017",…,"IS_COMPLETE":"N",…,"MEMBERS":[…],"ATTACHMENTS":[]}}. */
  public static ObjectNode legacyItem(ChecklistItem i, ZoneId zone, Map<Long, User> users) {
    ObjectNode o = Json.object();
    o.put("ID", Long.toString(i.id()));
    o.put("TASK_ID", Long.toString(i.taskId()));
    o.put("PARENT_ID", Long.toString(i.parentId()));
    o.put("CREATED_BY", Long.toString(i.createdBy()));
    o.put("TITLE", i.title());
    o.put("SORT_INDEX", Integer.toString(i.sortIndex()));
    o.put("IS_COMPLETE", Wire.yn(i.complete()));
    o.put("IS_IMPORTANT", Wire.yn(i.important()));
    o.put("TOGGLED_BY", i.toggledBy() == null ? null : Long.toString(i.toggledBy()));
    // An item never toggled shows an empty string here, not null (the docs' get example).
    o.put("TOGGLED_DATE", i.toggledDate() == null ? "" : Wire.date(i.toggledDate(), zone));
    ArrayNode members = o.putArray("MEMBERS");
    for (Map.Entry<Long, Character> m : i.members().entrySet()) {
      User u = users.get(m.getKey());
      ObjectNode mo = members.addObject();
      mo.put("ID", Long.toString(m.getKey()));
      mo.put("TYPE", String.valueOf(m.getValue()));
      mo.put("NAME", u == null ? "" : u.fullName());
      mo.put("PERSONAL_PHOTO", u == null ? null : u.personalPhoto());
      mo.put("PERSONAL_GENDER", u == null ? "" : u.personalGender());
      mo.put("IMAGE", "");
      mo.put("IS_COLLABER", false);
    }
    o.set("ATTACHMENTS", Json.object());
    return o;
  }

  /** The task object's {@code checklist}: items keyed by id; {@code []} when there are none. */
  public static ObjectNode taskChecklist(List<ChecklistItem> items, TaskFacts v, ZoneId zone) {
    ObjectNode out = Json.object();
    for (ChecklistItem i : items) {
      ObjectNode o = out.putObject(Long.toString(i.id()));
      o.put("id", Long.toString(i.id()));
      o.put("taskId", Long.toString(i.taskId()));
      o.put("createdBy", Long.toString(i.createdBy()));
      o.put("parentId", Long.toString(i.parentId()));
      o.put("title", i.title());
      o.put("sortIndex", Integer.toString(i.sortIndex()));
      o.put("isComplete", Wire.yn(i.complete()));
      o.put("isImportant", Wire.yn(i.important()));
      o.put("toggledBy", i.toggledBy() == null ? null : Long.toString(i.toggledBy()));
      o.put("toggledDate", Wire.date(i.toggledDate(), zone));
      o.put("ufChecklistFiles", false);
      o.set("members", membersCamel(i));
      o.set("attachments", Json.object());
      o.put("entityId", Long.toString(i.taskId()));
      o.set("action", action(v, i));
    }
    return out;
  }

  /**
   * The nodes under the task object's {@code checkListTree} root (the tasks feature draws the root): the
   * checklists, each holding its items, nodes numbered 1, 2, … in depth-first order.
   */
  public static ArrayNode treeNodes(List<ChecklistItem> items, TaskFacts v) {
    Map<Long, List<ChecklistItem>> children = new LinkedHashMap<>();
    for (ChecklistItem i : items) children.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
    for (List<ChecklistItem> c : children.values()) {
      c.sort((a, b) -> a.sortIndex() != b.sortIndex() ? Integer.compare(a.sortIndex(), b.sortIndex())
          : Long.compare(a.id(), b.id()));
    }
    return descendants(children, 0L, "", true, v, new int[] {1});
  }

  private static ArrayNode descendants(Map<Long, List<ChecklistItem>> children, long parent, String prefix,
      boolean checklists, TaskFacts v, int[] nextNode) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    int n = 0;
    for (ChecklistItem i : children.getOrDefault(parent, List.of())) {
      n++;
      // Checklists are numbered 1, 2, …; their items restart at 1 and deeper levels add ".n" (1.1, 1.2).
      String display = checklists || prefix.isEmpty() ? Integer.toString(n) : prefix + "." + n;
      int nodeId = nextNode[0]++;
      ObjectNode node = out.addObject();
      node.put("nodeId", nodeId);
      ObjectNode f = node.putObject("fields");
      f.put("id", i.id());
      f.putNull("copiedId");
      f.put("entityId", i.taskId());
      f.put("userId", i.createdBy());
      f.put("createdBy", i.createdBy());
      f.put("parentId", i.parentId());
      f.put("title", i.title());
      f.put("sortIndex", i.sortIndex());
      f.put("displaySortIndex", display);
      f.put("isComplete", i.complete());
      f.put("isImportant", i.important());
      f.put("completedCount", children.getOrDefault(i.id(), List.of()).stream().filter(ChecklistItem::complete)
          .count());
      f.set("members", membersCamel(i));
      f.set("attachments", Json.object());
      f.put("nodeId", nodeId);
      node.set("action", action(v, i));
      node.set("descendants", descendants(children, i.id(), checklists ? "" : display, false, v, nextNode));
    }
    return out;
  }

  /** Per-item rights: {@code modify}, {@code remove}, {@code toggle}, {@code add}, {@code addAccomplice}. */
  static ObjectNode action(TaskFacts v, ChecklistItem i) {
    ObjectNode a = Json.object();
    boolean edit = ChecklistRules.edit(v, i);
    a.put("modify", edit);
    a.put("remove", edit);
    a.put("toggle", ChecklistRules.toggle(v, i));
    a.put("add", ChecklistRules.add(v));
    a.put("addAccomplice", edit);
    return a;
  }

  private static ObjectNode membersCamel(ChecklistItem i) {
    ObjectNode out = Json.object();
    for (Map.Entry<Long, Character> m : i.members().entrySet()) {
      ObjectNode mo = out.putObject(Long.toString(m.getKey()));
      mo.put("id", m.getKey());
      mo.put("type", String.valueOf(m.getValue()));
    }
    return out;
  }

}
