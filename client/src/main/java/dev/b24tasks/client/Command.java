package dev.b24tasks.client;

import java.util.Objects;

/**
 * One call inside a batch: a method and its parameters (a map, a record or a JSON tree). A parameter value may be
 * a reference to an earlier command's result, made with {@link BatchRequest#ref(String, Object...)}.
 *
 * @param method the REST method
 * @param params its parameters, or null for none
 */
public record Command(String method, Object params) {
  /** Checks the method. */
  public Command {
    Objects.requireNonNull(method, "method");
    if (method.equalsIgnoreCase("batch")) throw new IllegalArgumentException("a batch cannot contain a batch");
  }

  /** A command with parameters. */
  public static Command of(String method, Object params) {
    return new Command(method, params);
  }

  /** A command without parameters. */
  public static Command of(String method) {
    return new Command(method, null);
  }
}
