package dev.b24tasks.client.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A task comment ({@code task.commentitem.get}/{@code getlist}).
 *
 * @param id the comment's id
 * @param authorId its author
 * @param authorName the author's name
 * @param postDate when it was posted
 * @param message its text (BBCode)
 * @param raw the comment as sent
 */
public record Comment(long id, long authorId, String authorName, OffsetDateTime postDate, String message,
    JsonNode raw) {

  /** Reads a comment. */
  public static Comment from(JsonNode n) {
    return new Comment(Wire.id(n, null, "ID"), Wire.id(n, null, "AUTHOR_ID"), Wire.text(n, null, "AUTHOR_NAME"),
        Wire.date(n, null, "POST_DATE"), Wire.text(n, null, "POST_MESSAGE"), n);
  }
}
