package dev.b24tasks.tasks;

import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.User;
import dev.b24tasks.rest.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private final Directory directory;
  private final TaskView view;
  private final long viewerId;

  public TaskDataView(TaskService service, Directory directory, long viewerId) {
    this.service = service;
    this.directory = directory;
    this.viewerId = viewerId;
    this.view = new TaskView(service, directory, service.viewAddons(), viewerId);
  }

  public Map<String, Object> data(Task t, boolean escaped) {
    Map<String, Object> full = view.full(t);
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

  /** A list row: the task data plus {@code ALLOWED_ACTIONS} (legacy numeric ids the caller may do). */
  public Map<String, Object> row(Task t) {
    Map<String, Object> out = data(t, false);
    out.put("ALLOWED_ACTIONS", allowedIds(service.access(service.facts(viewerId), t)));
    return out;
  }

  /** The legacy ids of the allowed actions, in id order (copies of another action's rule have no id). */
  public static List<Integer> allowedIds(Map<TaskAction, Boolean> access) {
    List<Integer> out = new ArrayList<>();
    for (TaskAction a : LegacyActions.ORDERED) if (Boolean.TRUE.equals(access.get(a))) out.add(a.legacyId);
    return out;
  }

  private void names(Map<String, Object> out, String prefix, long userId) {
    User u = directory.users(Set.of(userId)).get(userId);
    out.put(prefix + "_NAME", u == null ? "" : u.name());
    out.put(prefix + "_LAST_NAME", u == null ? "" : u.lastName());
    out.put(prefix + "_SECOND_NAME", u == null ? "" : u.secondName());
  }


  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
