package dev.b24tasks.userfields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One custom field of tasks (ENTITY_ID {@code TASKS_TASK}) as the store keeps it: the flags as booleans, SHOW_FILTER
 * as its letter (N, I, E, S), the type's settings already completed by {@link UserFieldTypes#settings}, and the five
 * label sets, each language to its text.
 */
record UserField(long id, String fieldName, String userTypeId, String xmlId, int sort, boolean multiple,
    boolean mandatory, String showFilter, boolean showInList, boolean editInList, boolean searchable,
    Map<String, Object> settings, Map<String, Map<String, String>> labels) {
  static final String ENTITY_ID = "TASKS_TASK";
  /** The label sets, in the order the answers list them. */
  static final List<String> LABEL_SETS = List.of("EDIT_FORM_LABEL", "LIST_COLUMN_LABEL", "LIST_FILTER_LABEL",
      "ERROR_MESSAGE", "HELP_MESSAGE");

  /** Ids below this are the portal's built-in fields; the store's own start here. */
  static final long FIRST_ID = 100;

  /** The built-in fields every portal lists (the tasks feature serves their values itself); never stored. */
  static final List<UserField> BUILT_IN = List.of(
      builtIn(1, "UF_CRM_TASK", "crm", "", true, false, false, ordered("LEAD", "Y", "CONTACT", "Y", "COMPANY", "Y",
          "DEAL", "Y"), "CRM Entities"),
      builtIn(2, "UF_MAIL_MESSAGE", "mail_message", "", false, false, false, Map.of(), null),
      builtIn(3, "UF_TASK_WEBDAV_FILES", "disk_file", "TASK_WEBDAV_FILES", true, true, true,
          ordered("IBLOCK_ID", 0, "SECTION_ID", 0, "UF_TO_SAVE_ALLOW_EDIT", ""), "Upload Files"));

  boolean builtIn() {
    return id < FIRST_ID;
  }

  /** The label of the set in {@code language}, or null when there is none. */
  String label(String set, String language) {
    Map<String, String> texts = labels.get(set);
    if (texts == null) return null;
    String t = texts.get(language);
    return t == null || t.isEmpty() ? null : t;
  }

  /** What an error about the field calls it: its edit-form label in {@code language}, else its name. */
  String title(String language) {
    String t = label("EDIT_FORM_LABEL", language);
    return t == null ? fieldName : t;
  }

  /**
   * The field as task.item.userfield.get answers it (ids, sort and flags as strings, the settings object, PHP's
   * {@code []} for empty settings), with the label sets when {@code withLabels} (getlist leaves them out).
   */
  Map<String, Object> wire(boolean withLabels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(id));
    m.put("ENTITY_ID", ENTITY_ID);
    m.put("FIELD_NAME", fieldName);
    m.put("USER_TYPE_ID", userTypeId);
    m.put("XML_ID", xmlId);
    m.put("SORT", Integer.toString(sort));
    m.put("MULTIPLE", yn(multiple));
    m.put("MANDATORY", yn(mandatory));
    m.put("SHOW_FILTER", showFilter);
    m.put("SHOW_IN_LIST", yn(showInList));
    m.put("EDIT_IN_LIST", yn(editInList));
    m.put("IS_SEARCHABLE", yn(searchable));
    m.put("SETTINGS", settings.isEmpty() ? List.of() : settings);
    if (withLabels) {
      for (String set : LABEL_SETS) {
        Map<String, String> texts = labels.get(set);
        m.put(set, texts == null || texts.isEmpty() ? List.of() : texts);
      }
    }
    return m;
  }

  private static String yn(boolean b) {
    return b ? "Y" : "N";
  }

  private static UserField builtIn(long id, String name, String type, String xmlId, boolean multiple,
      boolean showInList, boolean searchable, Map<String, Object> settings, String title) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    if (title != null) labels.put("EDIT_FORM_LABEL", Map.of("en", title));
    return new UserField(id, name, type, xmlId, 100, multiple, false, "N", showInList, showInList, searchable,
        settings, labels);
  }

  static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
