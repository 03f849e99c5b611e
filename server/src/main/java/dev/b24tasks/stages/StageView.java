package dev.b24tasks.stages;

import dev.b24tasks.rest.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stage as task.stages.get shows it: strings for numbers, defaults filled in, the three system columns. */
public record StageView(long id, Map<String, Object> fields) {
  static StageView of(Stage s, String language) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(s.id()));
    m.put("TITLE", title(s, language));
    m.put("SORT", Integer.toString(s.sort()));
    m.put("COLOR", s.color().isEmpty() ? Stage.DEFAULT_COLOR : s.color());
    m.put("SYSTEM_TYPE", s.systemType());
    m.put("ENTITY_ID", Long.toString(s.entityId()));
    m.put("ENTITY_TYPE", String.valueOf(s.entityType()));
    m.put("ADDITIONAL_FILTER", List.of());
    m.put("TO_UPDATE", List.of());
    m.put("TO_UPDATE_ACCESS", null);
    return new StageView(s.id(), m);
  }

  /** The stored title, or the default one of its system type. */
  static String title(Stage s, String language) {
    if (!s.title().isEmpty()) return s.title();
    return text("GROUP_" + (s.systemType() == null ? Stage.NEW : s.systemType()), language);
  }

  static String text(String key, String language) {
    return Messages.text("stages", key, language);
  }
}
