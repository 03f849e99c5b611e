package dev.b24tasks.stages;

/**
 * One Kanban stage: of a workgroup's board ({@code G}, entity = group id) or of a user's "My plan" ({@code U},
 * entity = user id). An empty title stands for the default title of its system type.
 */
record Stage(long id, char entityType, long entityId, String title, int sort, String color, String systemType) {
  static final String NEW = "NEW";
  /** The colour a stage without one is shown in (StagesTable::DEF_COLOR_STAGE). */
  static final String DEFAULT_COLOR = "47D1E2";

  boolean isGroup() {
    return entityType == 'G';
  }

  Stage with(String newTitle, String newColor, int newSort, String newSystemType) {
    return new Stage(id, entityType, entityId, newTitle, newSort, newColor, newSystemType);
  }
}
