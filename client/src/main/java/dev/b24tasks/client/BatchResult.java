package dev.b24tasks.client;

import java.util.List;
import java.util.Map;

/**
 * The answer of one {@code batch} call: every command's {@link CommandResult} by key, in the order sent.
 *
 * @param results the commands' outcomes by key
 * @param time the {@code time} block of the batch call itself
 */
public record BatchResult(Map<String, CommandResult> results, Time time) {

  /** The outcome of the command {@code key}. */
  public CommandResult get(String key) {
    CommandResult r = results.get(key);
    if (r == null) throw new IllegalArgumentException("no command " + key + " in this batch");
    return r;
  }

  /** The commands that failed. */
  public List<CommandResult> errors() {
    return results.values().stream().filter(r -> r.error() != null).toList();
  }

  /** True when every command ran and succeeded. */
  public boolean ok() {
    return results.values().stream().allMatch(CommandResult::ok);
  }
}
