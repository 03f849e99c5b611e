package dev.b24tasks.comments;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Drive files attached to task comments ({@code UF_FORUM_MESSAGE_DOC}); the files feature implements it. Calls
 * join the caller's transaction.
 */
public interface CommentFiles {
  /** A value that names no file the writer may attach. */
  final class FileRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FileRefused(String value) {
      super("file " + value, null, false, false);
    }
  }

  /**
   * Makes the comment's attachments exactly {@code values} ({@code n<fileId>}: that Drive file; a bare number:
   * that attachment of this comment, kept); throws {@link FileRefused}.
   */
  void replace(long userId, long taskId, long commentId, List<String> values);

  /** {@code ATTACHED_OBJECTS} of each comment of {@code commentIds} (absent: none), with one query. */
  Map<Long, Map<String, Object>> attachedObjects(long viewerId, Collection<Long> commentIds);

  CommentFiles NONE = new CommentFiles() {
    @Override
    public void replace(long userId, long taskId, long commentId, List<String> values) {
      for (String v : values) if (!v.isBlank()) throw new FileRefused(v);
    }

    @Override
    public Map<Long, Map<String, Object>> attachedObjects(long viewerId, Collection<Long> commentIds) {
      return Map.of();
    }
  };
}
