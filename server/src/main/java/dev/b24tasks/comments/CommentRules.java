package dev.b24tasks.comments;

/**
 * Who may do what with comments (bitrix-tasks-api.md §7): anyone who can read the task may comment; only the
 * author or a portal administrator may edit or delete a comment.
 */
final class CommentRules {
  private CommentRules() {}

  /** The legacy action ids (1, 2, … in this order) of {@code task.commentitem.isactionallowed}. */
  enum Action {
    ADD, UPDATE, DELETE;

    static Action of(long id) {
      return id >= 1 && id <= values().length ? values()[(int) id - 1] : null;
    }
  }

  /** Presumes read access to the task. */
  static boolean mayChange(long userId, boolean admin, Comment c) {
    return admin || c.authorId() == userId;
  }
}
