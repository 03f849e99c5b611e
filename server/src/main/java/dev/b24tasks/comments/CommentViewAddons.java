package dev.b24tasks.comments;

import dev.b24tasks.tasks.TaskViewAddons;

/** What the comments feature adds to the task object: {@code newCommentsCount}, others' comments not yet read. */
public final class CommentViewAddons implements TaskViewAddons {
  private final CommentService comments;

  public CommentViewAddons(CommentService comments) {
    this.comments = comments;
  }

  @Override
  public long newCommentsCount(long taskId, long viewerId) {
    return comments.newCount(taskId, viewerId);
  }
}
