package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one batch command: its result (with {@code total}/{@code next} for lists), or the error it got.
 * A command that never ran (after an earlier failure in a halting batch) has neither.
 *
 * @param key the command's key in the batch
 * @param method the command's method
 * @param result its {@code result}, or null
 * @param total its {@code result_total}, or null
 * @param next its {@code result_next}, or null
 * @param time its {@code result_time}
 * @param error the error it got, or null
 */
public record CommandResult(String key, String method, JsonNode result, Long total, Long next, Time time,
    Bitrix24Exception error) {

  /** True when the command ran and succeeded. */
  public boolean ok() {
    return error == null && result != null;
  }

  /** True when the command did not run (a halting batch stopped before it). */
  public boolean skipped() {
    return error == null && result == null;
  }

  /** The result, or the command's error thrown. */
  public JsonNode orThrow() {
    if (error != null) throw error;
    if (result == null) {
      throw new Bitrix24Exception("BATCH_COMMAND_SKIPPED", "the batch halted before command " + key, 0, method);
    }
    return result;
  }
}
