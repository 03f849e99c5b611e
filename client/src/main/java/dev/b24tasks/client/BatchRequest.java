package dev.b24tasks.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Up to 50 named commands sent as one {@code batch} call. Later commands may use earlier results through
 * {@link #ref(String, Object...)}:
 *
 * <pre>{@code
 * BatchRequest b = BatchRequest.create()
 *     .add("task", "tasks.task.add", Map.of("fields", Map.of("TITLE", "Call back", "RESPONSIBLE_ID", 1)))
 *     .add("start", "tasks.task.start", Map.of("taskId", BatchRequest.ref("task", "task", "id")));
 * BatchResult r = client.batch(b);
 * }</pre>
 *
 * With {@link #halt(boolean) halt} the portal stops at the first failing command; without it (the default)
 * every command runs and each failure is kept in its {@link CommandResult}.
 */
public final class BatchRequest {
  /** The portal's limit of commands in one batch. */
  public static final int MAX_COMMANDS = 50;

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private boolean halt;

  private BatchRequest() {}

  /** An empty batch that runs every command ({@code halt=0}). */
  public static BatchRequest create() {
    return new BatchRequest();
  }

  /** Adds a command under {@code key}; keys are unique, at most {@value #MAX_COMMANDS} commands. */
  public BatchRequest add(String key, String method, Object params) {
    return add(key, new Command(method, params));
  }

  /** Adds a command under {@code key}. */
  public BatchRequest add(String key, Command command) {
    if (key == null || key.isEmpty() || key.contains("[") || key.contains("]") || key.contains("?")) {
      throw new IllegalArgumentException("a command key must be non-empty, without brackets or '?'");
    }
    if (commands.containsKey(key)) throw new IllegalArgumentException("duplicate command key " + key);
    if (commands.size() == MAX_COMMANDS) {
      throw new IllegalArgumentException("a batch holds at most " + MAX_COMMANDS
          + " commands; Bitrix24.batchAll splits longer lists");
    }
    commands.put(key, command);
    return this;
  }

  /** Whether the portal stops at the first failing command ({@code halt=1}). */
  public BatchRequest halt(boolean halt) {
    this.halt = halt;
    return this;
  }

  /** True when the batch stops at the first failing command. */
  public boolean halts() {
    return halt;
  }

  /** The commands by key, in order. */
  public Map<String, Command> commands() {
    return Collections.unmodifiableMap(commands);
  }

  /** The number of commands. */
  public int size() {
    return commands.size();
  }

  /**
   * A reference to an earlier command's result, {@code $result[key][path…]}, for use as a parameter value: the
   * portal replaces it with the value before the command runs. {@code ref("task", "task", "id")} is the new
   * task's id after {@code tasks.task.add}; {@code ref("list", "tasks", 0, "id")} the first row of a list.
   */
  public static String ref(String key, Object... path) {
    StringBuilder sb = new StringBuilder("$result[").append(key).append(']');
    for (Object p : path) sb.append('[').append(p).append(']');
    return sb.toString();
  }
}
