package dev.b24tasks.console;

import dev.b24tasks.files.DiskService;
import java.util.List;

/** The task page: the task, and the Drive files attached to it (with their download links). */
public record TaskModel(Desk.Detail d, List<DiskService.Attached> files) {
  public TaskModel(Desk.Detail d) {
    this(d, List.of());
  }
}
