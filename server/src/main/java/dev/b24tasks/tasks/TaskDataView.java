package dev.b24tasks.tasks;

import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task as {@code task.item.getdata} and {@code task.item.list} show it: the readable fields with UPPER_SNAKE
 * keys, {@code STATUS} the meta status (-1 overdue, -2 not viewed, …) and {@code REAL_STATUS} the stored one.
 * The values come from the tasks feature's own view (strings, Y/N, dates in the viewer's offset), so both APIs
 * always agree on a task.
 */
public final class TaskDataView {
  /** Readable fields of the legacy task, in the order the camelCase view has them. */
  static final List<String> READABLE = List.of("id", "parentId", "title", "description", "descriptionInBbcode",
      "mark", "priority", "status", "multitask", "notViewed", "replicate", "groupId", "stageId", "createdBy",
      "createdDate", "responsibleId", "accomplices", "auditors", "changedBy", "changedDate", "statusChangedBy",
      "statusChangedDate", "closedBy", "closedDate", "activityDate", "dateStart", "deadline", "startDatePlan",
      "endDatePlan", "guid", "xmlId", "commentsCount", "serviceCommentsCount", "newCommentsCount",
      "allowChangeDeadline", "allowTimeTracking", "taskControl", "addInReport", "forkedByTemplateId", "timeEstimate",
      "timeSpentInLogs", "matchWorkTime", "forumTopicId", "forumId", "siteId", "subordinate", "favorite",
      "viewedDate", "sorting", "durationPlan", "durationFact", "durationType");

  private final TaskService service;
  private final TaskView view;
  private final long viewerId;

  public TaskDataView(TaskService service, long viewerId) {
    this.service = service;
    this.viewerId = viewerId;
    this.view = service.view(viewerId);
  }

  public Map<String, Object> data(Task t, boolean escaped) {
    return data(t, view.full(t), escaped);
  }

  /**
   * List rows: the task data plus {@code ALLOWED_ACTIONS} (legacy numeric ids the caller may do), the whole page
   * loaded as one set.
   */
  public List<Map<String, Object>> rows(List<Task> tasks) {
    List<Map<String, Object>> objects = view.objects(tasks);
    TaskService.UserFacts f = service.facts(viewerId);
    List<Map<String, Object>> out = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      Map<String, Object> row = data(tasks.get(i), objects.get(i), false);
      row.put("ALLOWED_ACTIONS", allowedIds(service.access(f, tasks.get(i))));
      out.add(row);
    }
    return out;
  }

  private Map<String, Object> data(Task t, Map<String, Object> full, boolean escaped) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : READABLE) {
      Object v = full.get(key);
      if (key.equals("status")) {
        out.put("STATUS", Integer.toString(service.subStatus(t, viewerId)));
        out.put("REAL_STATUS", v);
        continue;
      }
      if (escaped && v instanceof String s && (key.equals("title") || key.equals("description"))) v = escape(s);
      out.put(Wire.upperSnake(key), v);
    }
    names(out, "CREATED_BY", t.createdBy());
    names(out, "RESPONSIBLE", t.responsibleId());
    out.put("DECLINE_REASON", null);
    return out;
  }

  /** The legacy ids of the allowed actions, in id order (copies of another action's rule have no id). */
  public static List<Integer> allowedIds(Map<TaskAction, Boolean> access) {
    List<Integer> out = new ArrayList<>();
    for (TaskAction a : LegacyActions.ORDERED) if (Boolean.TRUE.equals(access.get(a))) out.add(a.legacyId);
    return out;
  }

  private void names(Map<String, Object> out, String prefix, long userId) {
    User u = view.member(userId);
    out.put(prefix + "_NAME", u == null ? "" : u.name());
    out.put(prefix + "_LAST_NAME", u == null ? "" : u.lastName());
    out.put(prefix + "_SECOND_NAME", u == null ? "" : u.secondName());
  }


  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
