package dev.b24tasks.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Drive files attached to tasks ({@code UF_TASK_WEBDAV_FILES}), as the tasks feature sees them: the files feature
 * implements it and keeps the attachments; the tasks feature only hands over what a call wrote and asks for the
 * attachment ids of the tasks of one answer, all at once. Calls join the caller's transaction.
 */
public interface TaskFiles {
  /** The refusal of a value that names no file the writer may attach; {@code value} is the value as given. */
  final class FileRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String value;

    public FileRefused(String value) {
      super("file " + value, null, false, false);
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /**
   * Makes the task's attachments exactly {@code values}: {@code n<fileId>} attaches that Drive file (kept when it
   * is attached already), a bare number keeps that attachment; the task's other attachments go. Throws
   * {@link FileRefused} for a file {@code userId} may not read and for a number that is no attachment of the task.
   */
  void replace(long userId, long taskId, List<String> values);

  /**
   * tasks.task.files.attach: attaches Drive file {@code fileId} (once: a file attached already keeps its
   * attachment) and returns the attachment id; {@link FileRefused} when {@code userId} may not read the file.
   */
  long attach(long userId, long taskId, long fileId);

  /** The attachment ids of each task of {@code taskIds} (absent: none), oldest first, with one query. */
  Map<Long, List<Long>> attachmentIds(Collection<Long> taskIds);

  /**
   * task.item.addfile: a new Drive file {@code name} with the bytes of {@code base64} in {@code userId}'s own
   * storage, as disk.folder.uploadfile makes one (a name taken there gets a unique one), attached to the task;
   * returns the attachment id. Bad base64, no name or content and an over-limit file get the Drive's 4xx errors.
   */
  long upload(long userId, long taskId, String name, String base64);

  /** task.item.deletefile: removes attachment {@code attachmentId} of the task; false when it is none of its. */
  boolean detach(long taskId, long attachmentId);

  /** No Drive: nothing is attached, and a file named on a task is refused. */
  TaskFiles NONE = new TaskFiles() {
    @Override
    public void replace(long userId, long taskId, List<String> values) {
      for (String v : values) if (!v.isBlank()) throw new FileRefused(v);
    }

    @Override
    public long attach(long userId, long taskId, long fileId) {
      throw new FileRefused(Long.toString(fileId));
    }

    @Override
    public Map<Long, List<Long>> attachmentIds(Collection<Long> taskIds) {
      return Map.of();
    }

    @Override
    public long upload(long userId, long taskId, String name, String base64) {
      throw new FileRefused(name == null ? "" : name);
    }

    @Override
    public boolean detach(long taskId, long attachmentId) {
      return false;
    }
  };
}
