package dev.b24tasks.client.tasks;

import static dev.b24tasks.client.Bitrix24.params;

import dev.b24tasks.client.Bitrix24;
import java.util.List;
import java.util.Map;

/** {@code task.commentitem.*}: a task's comments (legacy positional methods; the client sends them in order). */
public final class Comments {
  private final Bitrix24 client;

  Comments(Bitrix24 client) {
    this.client = client;
  }

  /** Posts a comment as the caller; answers its id. */
  public long add(long taskId, String message) {
    return add(taskId, params("POST_MESSAGE", message));
  }

  /** Posts a comment with any of {@code POST_MESSAGE}, {@code AUTHOR_ID}, {@code POST_DATE}; answers its id. */
  public long add(long taskId, Map<String, ?> fields) {
    return Wire.id(client.call("task.commentitem.add", params("TASKID", taskId, "FIELDS", fields)).result());
  }

  /** The comment. */
  public Comment get(long taskId, long commentId) {
    return Comment.from(client.call("task.commentitem.get", params("TASKID", taskId, "ITEMID", commentId))
        .result());
  }

  /** The task's comments, oldest first. */
  public List<Comment> list(long taskId) {
    return Wire.rows(client.call("task.commentitem.getlist", params("TASKID", taskId, "ORDER", Map.of("ID",
        "asc"))).result()).stream().map(Comment::from).toList();
  }

  /** Replaces the comment's text. */
  public void update(long taskId, long commentId, String message) {
    client.call("task.commentitem.update",
        params("TASKID", taskId, "ITEMID", commentId, "FIELDS", params("POST_MESSAGE", message)));
  }

  /** Deletes the comment. */
  public void delete(long taskId, long commentId) {
    client.call("task.commentitem.delete", params("TASKID", taskId, "ITEMID", commentId));
  }
}
