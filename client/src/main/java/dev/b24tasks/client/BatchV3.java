package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Up to 50 REST 3.0 commands sent as one {@code /rest/api/…/batch} call. They run in order and all-or-nothing: the
 * first failing command's error is the answer of the whole batch (the commands before it stay done). Later
 * commands use earlier results through {@link #ref(String)} and {@link #refArray(String)}, resolved by the portal:
 *
 * <pre>{@code
 * BatchV3 b = BatchV3.create()
 *     .add("task", "tasks.task.get", Map.of("id", 42, "select", List.of("id", "title")))
 *     .add("tasks.task.update", Map.of("id", BatchV3.ref("task.id"), "fields", Map.of("title", "Renamed")));
 * BatchV3.Result r = client.batchV3(b);
 * }</pre>
 */
public final class BatchV3 {
  /** The JS SDK's limit of commands in one REST 3.0 batch (the portal documents none). */
  public static final int MAX_COMMANDS = 50;

  /** One command: its alias ({@code as}; null for none, then its index names it), method and query. */
  public record Command(String as, String method, Object query) {
    public Command {
      Objects.requireNonNull(method, "method");
    }
  }

  private final List<Command> commands = new ArrayList<>();
  private final Set<String> aliases = new HashSet<>();

  private BatchV3() {}

  /** An empty batch. */
  public static BatchV3 create() {
    return new BatchV3();
  }

  /** Adds a command without an alias: later commands refer to it by its index ({@code "0.item.id"}). */
  public BatchV3 add(String method, Object query) {
    return add(null, method, query);
  }

  /** Adds a command under the alias {@code as} (unique in the batch, the portal refuses duplicates). */
  public BatchV3 add(String as, String method, Object query) {
    if (as != null && (as.isBlank() || as.contains("."))) {
      throw new IllegalArgumentException("an alias must be non-blank, without '.'");
    }
    if (as != null && !aliases.add(as)) throw new IllegalArgumentException("duplicate alias " + as);
    if (commands.size() == MAX_COMMANDS) {
      throw new IllegalArgumentException("a REST 3.0 batch holds at most " + MAX_COMMANDS + " commands");
    }
    commands.add(new Command(as, method, query == null ? Map.of() : query));
    return this;
  }

  /**
   * One value of an earlier command's result, {@code {"$ref":"alias.path"}}. The portal keeps a get's {@code item}
   * and a list's {@code items} under the alias (or the index): {@code ref("task.id")} is the id of the item the
   * command {@code task} got, {@code ref("open.0.id")} the first row the list {@code open} found, {@code ref("task")}
   * the whole item.
   */
  public static Map<String, String> ref(String path) {
    return Map.of("$ref", Objects.requireNonNull(path, "path"));
  }

  /**
   * One field over the rows of an earlier list's {@code items}, {@code {"$refArray":"alias.field"}}:
   * {@code refArray("open.id")} is the ids of the rows the command {@code open} listed.
   */
  public static Map<String, String> refArray(String path) {
    if (!Objects.requireNonNull(path, "path").contains(".")) {
      throw new IllegalArgumentException("a $refArray path is alias.field");
    }
    return Map.of("$refArray", path);
  }

  /** The commands in order. */
  public List<Command> commands() {
    return Collections.unmodifiableList(commands);
  }

  /** How many commands. */
  public int size() {
    return commands.size();
  }

  /**
   * What a batch answered: each command's result in order (the unwrapped payload: {@code {"item":…}},
   * {@code {"items":[…]}}, {@code {"result":true}}), and one {@code time} for the whole batch.
   */
  public record Result(List<JsonNode> results, Map<String, JsonNode> byAlias, Time time) {
    /** The result of the command with alias {@code as}. */
    public JsonNode get(String as) {
      return byAlias.get(as);
    }

    static Result of(BatchV3 batch, Response r) {
      List<JsonNode> results = new ArrayList<>();
      Map<String, JsonNode> byAlias = new LinkedHashMap<>();
      JsonNode array = r.result();
      for (int i = 0; i < batch.size(); i++) {
        JsonNode one = array != null && array.isArray() ? array.get(i) : null;
        if (one == null) {
          throw new TransportException("ERROR_UNEXPECTED_ANSWER",
              "the batch answered " + (array == null ? 0 : array.size()) + " results for " + batch.size()
                  + " commands", 0, "batch", null);
        }
        results.add(one);
        String as = batch.commands.get(i).as();
        byAlias.put(as != null ? as : Integer.toString(i), one);
      }
      return new Result(List.copyOf(results), Collections.unmodifiableMap(byAlias), r.time());
    }
  }
}
