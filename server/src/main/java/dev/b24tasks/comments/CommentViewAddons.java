package dev.b24tasks.comments;

import dev.b24tasks.tasks.TaskViewAddons;
import java.util.Map;

/**
 * What the comments feature adds to the task object: {@code newCommentsCount}, others' comments not yet read,
 * counted for every task of the set in one query.
 */
public final class CommentViewAddons implements TaskViewAddons {
  private final CommentService comments;

  public CommentViewAddons(CommentService comments) {
    this.comments = comments;
  }

  @Override
  public Parts load(TaskSet set) {
    Map<Long, Long> unread = comments.newCounts(set.ids(), set.viewerId());
    if (unread.isEmpty()) return NOTHING;
    return new Parts() {
      @Override
      public long newCommentsCount(long taskId) {
        return unread.getOrDefault(taskId, 0L);
      }
    };
  }
}
