package dev.b24tasks.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Method;
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

  /**
   * How each task method answers a {@link TaskException}: the method table names one of these as the method's
   * {@link Method#refusal}, and {@link #refusal} is the only place a refusal becomes an error.
   */
  enum Refusal {
    /** {@code new Error($e->getMessage())}: code 0 (start, complete, delegate, add, update). */
    PLAIN {
      RestException of(TaskException e) {
        return TaskErrors.of(e, TaskErrors.PLAIN);
      }
    },
    /** 1048582 with the engine's text (pause, defer, renew, approve, disapprove). */
    ACTION_NOT_ALLOWED {
      RestException of(TaskException e) {
        return TaskErrors.of(e, TaskErrors.ACTION_NOT_ALLOWED);
      }
    },
    /** tasks.task.delete: 1048582 with its own text, whatever the reason. */
    DELETE_DENIED {
      RestException of(TaskException e) {
        return RestException.message(TaskErrors.ACTION_NOT_ALLOWED, 400, BUNDLE, "DELETE_DENIED");
      }
    },
    /** startwatch/stopwatch: a missing or hidden task is 1048584 "a:0:{}", as the docs show. */
    WATCH {
      RestException of(TaskException e) {
        return RestException.literal("1048584", 400, "a:0:{}");
      }
    },
    /** task.item.* actions: ERROR_CORE "action not allowed", or the validation's own text. */
    LEGACY_ACTION {
      RestException of(TaskException e) {
        return legacy(e, LegacyErrors.actionNotAllowed());
      }
    },
    LEGACY_UPDATE {
      RestException of(TaskException e) {
        return legacy(e, LegacyErrors.message("legacy", "UPDATE_NOT_ALLOWED"));
      }
    },
    LEGACY_DELETE {
      RestException of(TaskException e) {
        return legacy(e, LegacyErrors.message("legacy", "DELETE_NOT_ALLOWED"));
      }
    };

    abstract RestException of(TaskException e);

    /** A refused action shows {@code denied}; a validation error its own ERROR_CORE text from the tasks bundle. */
    private static RestException legacy(TaskException e, RestException denied) {
      if (e.kind() == TaskException.Kind.DENIED) return denied;
      return RestException.message(LegacyErrors.CODE, LegacyErrors.STATUS, BUNDLE, e.key(), e.args());
    }
  }

  /** The error {@code method} answers for a refusal, from the refusal its table entry names (null: none). */
  static RestException refusal(TaskException e, Method method) {
    return method.refusal() == null ? null : Refusal.valueOf(method.refusal()).of(e);
  }

  /** A TaskException as the method with refusal code {@code code} reports it. */
  static RestException of(TaskException e, String code) {
    if (e.kind() == TaskException.Kind.DENIED) return notAllowed(code);
    return RestException.message("ERROR_CORE", 400, BUNDLE, e.key(), e.args());
  }
}
