package dev.b24tasks.rest.v3;

import java.util.List;
import java.util.Objects;

/**
 * One REST 3.0 method and the facts about it the gateway, the batch, idempotency and the OpenAPI document read:
 * the scope a credential needs, whether it writes (Idempotency-Key applies), its parameters, the shape of its
 * result and the DTO its items are.
 *
 * @param result {@code item}, {@code items} or {@code result} (a boolean): the key of the payload
 * @param entity the DTO of {@code item}/{@code items} (for the OpenAPI document), or null
 */
public record V3Method(String name, String scope, boolean writes, List<Param> params, String result, String entity,
    String summary, Handler handler) {
  public V3Method {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(handler, "handler");
    params = List.copyOf(params);
  }

  /** A parameter as the OpenAPI document describes it; {@code type} is an OpenAPI type or a DTO name. */
  public record Param(String name, String type, boolean required, String description) {}

  /** The code behind a method: returns the payload ({@code {"item":…}}, {@code {"items":[…]}}, {@code {"result":…}}). */
  @FunctionalInterface
  public interface Handler {
    Object handle(V3Call call);
  }

  public boolean takesParams() {
    return !params.isEmpty();
  }
}
