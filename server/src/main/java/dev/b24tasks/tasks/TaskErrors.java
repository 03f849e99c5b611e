package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;

/**
 * The error catalogue of the tasks.task.* controllers (reference/bitrix-task-semantics.md §4.2): which code each
 * method answers a refusal with, the task-id binder errors, and ERROR_CORE for field validation. All HTTP 400.
 */
final class TaskErrors {
  static final String BUNDLE = "tasks";
  /** TE_ACTION_NOT_ALLOWED | TE_ACCESS_DENIED, as Error::createFromThrowable passes it on. */
  static final String ACTION_NOT_ALLOWED = "1048582";
  /** {@code new Error($e->getMessage())}: start, complete, delegate, take, update. */
  static final String PLAIN = "0";

  private TaskErrors() {}

  /** The task id of a call ({@code taskId}, or {@code id}), with the binder's errors. */
  static long taskId(Call call) {
    return taskId(call, "taskId", "id");
  }

  /** The task id under the first of {@code names} present (mute/unmute/pin document {@code id}). */
  static long taskId(Call call, String... names) {
    JsonNode v = call.params().first(names);
    if (v == null || v.isNull()) {
      throw RestException.literal("100", 400,
          "CTaskItem All parameters in the constructor must have real class type");
    }
    long id = Params.phpInt(v);
    if (id <= 0) throw RestException.literal("0", 400, "wrong task id");
    return id;
  }

  static RestException notAllowed(String code) {
    return RestException.message(code, 400, BUNDLE, "ACTION_NOT_ALLOWED");
  }

  /** A TaskException as the method with refusal code {@code code} reports it. */
  static RestException of(TaskException e, String code) {
    if (e.kind() == TaskException.Kind.DENIED) return notAllowed(code);
    return RestException.message("ERROR_CORE", 400, BUNDLE, e.key(), e.args());
  }
}
