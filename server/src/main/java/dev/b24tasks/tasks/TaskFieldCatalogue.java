package dev.b24tasks.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The field descriptions of tasks.task.getFields (§3.3): title, type, and primary/required/default/values. */
final class TaskFieldCatalogue {
  private TaskFieldCatalogue() {}

  /** The task's own fields, the portal's three built-in user fields, then {@code custom} (task.item.userfield.*). */
  static Map<String, Object> fields(List<TaskUserFields.Described> custom) {
    Map<String, Object> f = fields();
    f.put("UF_CRM_TASK", field("CRM Entities", "crm"));
    f.put("UF_TASK_WEBDAV_FILES", field("Upload Files", "disk_file"));
    f.put("UF_MAIL_MESSAGE", field(null, "mail_message"));
    for (TaskUserFields.Described d : custom) f.put(d.fieldName(), field(d.title(), d.type()));
    return f;
  }

  static Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ID", field("ID", "integer", "primary", true));
    f.put("PARENT_ID", field("Base Task ID", "integer", "default", 0));
    f.put("TITLE", field("Title", "string", "required", true));
    f.put("DESCRIPTION", field("Description", "string"));
    f.put("MARK", withValues(field("Rating", "enum"), ordered("N", "Negative", "P", "Positive"), null));
    f.put("PRIORITY", withValues(field("Priority", "enum"), ordered("2", "High", "1", "Medium", "0", "Low"), 1));
    f.put("STATUS", withValues(field("Status", "enum"), ordered("2", "Pending", "3", "In Progress", "4",
        "Awaiting Review", "5", "Completed", "6", "Deferred"), 2));
    f.put("MULTITASK", yesNo("Multiple Assignees Task"));
    f.put("NOT_VIEWED", yesNo("Not Viewed"));
    f.put("REPLICATE", yesNo("Recurring Task"));
    f.put("GROUP_ID", field("Project", "integer", "default", 0));
    f.put("STAGE_ID", field("Stage", "integer", "default", 0));
    f.put("SPRINT_ID", field("Sprint", "integer", "default", 0));
    f.put("BACKLOG_ID", field("Backlog", "integer", "default", 0));
    f.put("CREATED_BY", field("Created by", "integer", "required", true));
    f.put("CREATED_DATE", field("Created on", "datetime"));
    f.put("RESPONSIBLE_ID", field("Assignee", "integer", "required", true));
    f.put("ACCOMPLICES", field("Participants", "array"));
    f.put("AUDITORS", field("Observers", "array"));
    f.put("CHANGED_BY", field("Modified by", "integer"));
    f.put("CHANGED_DATE", field("Modified on", "datetime"));
    f.put("STATUS_CHANGED_BY", field("Status changed by", "integer"));
    f.put("STATUS_CHANGED_DATE", field("Status changed on", "datetime"));
    f.put("CLOSED_BY", field("Closed by", "integer", "default", null));
    f.put("CLOSED_DATE", field("Closed on", "datetime", "default", null));
    f.put("ACTIVITY_DATE", field("Activity date", "datetime", "default", null));
    f.put("DATE_START", field("Started on", "datetime", "default", null));
    f.put("DEADLINE", field("Deadline", "datetime", "default", null));
    f.put("START_DATE_PLAN", field("Planned Start Date", "datetime", "default", null));
    f.put("END_DATE_PLAN", field("Planned End Date", "datetime", "default", null));
    f.put("GUID", field("GUID", "string", "default", null));
    f.put("XML_ID", field("XML_ID", "string", "default", null));
    f.put("COMMENTS_COUNT", field("Comments", "integer", "default", 0));
    f.put("SERVICE_COMMENTS_COUNT", field("Service comments", "integer", "default", 0));
    f.put("NEW_COMMENTS_COUNT", field("New comments", "integer", "default", 0));
    f.put("ALLOW_CHANGE_DEADLINE", yesNo("Assignee can change deadline"));
    f.put("ALLOW_TIME_TRACKING", yesNo("Task time tracking"));
    f.put("TASK_CONTROL", yesNo("Accept work"));
    f.put("ADD_IN_REPORT", yesNo("Add to Report"));
    f.put("FORKED_BY_TEMPLATE_ID", yesNo("Created from template"));
    f.put("TIME_ESTIMATE", field("Time required", "integer"));
    f.put("TIME_SPENT_IN_LOGS", field("Time spent", "integer"));
    f.put("MATCH_WORK_TIME", field("Skip weekends", "integer"));
    f.put("FORUM_TOPIC_ID", field("FORUM_TOPIC_ID", "integer"));
    f.put("FORUM_ID", field("FORUM_ID", "integer"));
    f.put("SITE_ID", field("SITE_ID", "string"));
    f.put("SUBORDINATE", yesNo("Subordinate task"));
    f.put("FAVORITE", yesNo("Favorite"));
    f.put("EXCHANGE_MODIFIED", field("EXCHANGE_MODIFIED", "datetime"));
    f.put("EXCHANGE_ID", field("EXCHANGE_ID", "integer"));
    f.put("OUTLOOK_VERSION", field("OUTLOOK_VERSION", "integer"));
    f.put("VIEWED_DATE", field("Last viewed on", "datetime"));
    f.put("SORTING", field("Sort index", "double"));
    f.put("DURATION_PLAN", field("Planned duration", "integer"));
    f.put("DURATION_FACT", field("Actual duration", "integer"));
    f.put("CHECKLIST", field("Checklist", "array"));
    f.put("DURATION_TYPE", withValues(field("Planned duration type", "enum"),
        List.of("secs", "mins", "hours", "days", "weeks", "months", "years"), "days"));
    f.put("IS_MUTED", yesNo("Muted"));
    f.put("IS_PINNED", yesNo("Pinned"));
    f.put("IS_PINNED_IN_GROUP", yesNo("Pinned in group"));
    f.put("FLOW_ID", field("Flow", "integer", "default", 0));
    return f;
  }

  private static Map<String, Object> field(String title, String type, Object... extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("type", type);
    for (int i = 0; i + 1 < extra.length; i += 2) m.put((String) extra[i], extra[i + 1]);
    return m;
  }

  private static Map<String, Object> withValues(Map<String, Object> m, Object values, Object def) {
    m.put("values", values);
    m.put("default", def);
    return m;
  }

  private static Map<String, Object> yesNo(String title) {
    return withValues(field(title, "enum"), ordered("Y", "Yes", "N", "No"), "N");
  }

  private static Map<String, Object> ordered(String... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
