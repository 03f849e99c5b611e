package dev.b24tasks.files;

/** A Drive storage: a user's own ({@code user}, entity = user id) or an application's ({@code restapp}). */
record Storage(long id, String entityType, long entityId, String name, long rootId) {
  static final String USER = "user";
  static final String APP = "restapp";
}
