package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code select} of get and list: UPPER field names, {@code "*"} for all. Unknown names are dropped; a
 * non-empty select always gets FAVORITE; {@code group} and {@code action} are always there; {@code creator},
 * {@code responsible}, {@code *Data} and the checklist keys follow the fields they belong to; one of the task's
 * user fields ({@code UF_CRM_TASK}, {@code UF_TASK_WEBDAV_FILES}, {@code UF_MAIL_MESSAGE}) brings all three.
 */
final class TaskSelect {
  private static final Map<String, String> COMPOSITE = Map.of(
      "creator", "CREATED_BY", "responsible", "RESPONSIBLE_ID", "accomplicesData", "ACCOMPLICES",
      "auditorsData", "AUDITORS", "checkListTree", "CHECKLIST", "checkListCanAdd", "CHECKLIST",
      "subStatus", "STATUS");
  private static final Set<String> ALWAYS = Set.of("group", "action");
  /** Key of the task object -> the field a select names it by; the keys are a fixed set, so this stays small. */
  private static final Map<String, String> FIELD = new java.util.concurrent.ConcurrentHashMap<>(COMPOSITE);

  private final Set<String> fields; // null = everything

  private TaskSelect(Set<String> fields) {
    this.fields = fields;
  }

  static TaskSelect of(JsonNode select, boolean list) {
    Set<String> f = new LinkedHashSet<>();
    for (JsonNode v : Params.values(select)) {
      String name = v.asText().trim().toUpperCase(Locale.ROOT);
      if (name.equals("*")) return new TaskSelect(null);
      if (!name.isEmpty()) f.add(name);
    }
    if (f.isEmpty()) return new TaskSelect(null);
    f.add("FAVORITE");
    // the portal's task user fields come together: naming one of them selects all three
    if (f.contains("UF_CRM_TASK") || f.contains("UF_TASK_WEBDAV_FILES") || f.contains("UF_MAIL_MESSAGE")) {
      f.addAll(List.of("UF_CRM_TASK", "UF_TASK_WEBDAV_FILES", "UF_MAIL_MESSAGE"));
    }
    if (f.contains("REAL_STATUS")) f.add("STATUS");
    return new TaskSelect(f);
  }

  boolean all() {
    return fields == null;
  }

  /** True when the select names {@code upperField} itself ({@code "*"} or no select does not). */
  boolean named(String upperField) {
    return fields != null && fields.contains(upperField);
  }

  /** Whether the select asks for custom fields: {@code "UF_*"} or one by name (not the built-in ones). */
  boolean userFields() {
    if (fields == null) return false;
    for (String f : fields) if (f.startsWith("UF_") && !TaskInput.BUILT_IN_FIELDS.contains(f)) return true;
    return false;
  }

  /** The custom fields the select names; null for all of them ({@code "UF_*"}). */
  Set<String> userFieldNames() {
    if (fields == null || fields.contains("UF_*")) return null;
    Set<String> out = new LinkedHashSet<>();
    for (String f : fields) if (f.startsWith("UF_") && !TaskInput.BUILT_IN_FIELDS.contains(f)) out.add(f);
    return out;
  }

  boolean has(String upperField) {
    return fields == null || fields.contains(upperField);
  }

  /** What {@link #keeps} decided for each key of the task object (one select serves one call's rows). */
  private final Map<String, Boolean> kept = new java.util.HashMap<>();

  /** True when the key {@code k} of the task object stays in the answer. */
  boolean keeps(String k) {
    if (fields == null) return true;
    Boolean known = kept.get(k);
    if (known != null) return known;
    boolean keep = ALWAYS.contains(k) || fields.contains(FIELD.computeIfAbsent(k, Wire::upperSnake));
    kept.put(k, keep);
    return keep;
  }
}
