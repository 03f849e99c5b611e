package dev.b24tasks.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The method table. Each feature registers its methods here, one line per method, grouped as the Bitrix24 docs
 * group them. Names match case-insensitively ({@code tasks.task.getFields} = {@code tasks.task.getfields}); an
 * unknown name is rejected here and nowhere else.
 */
public final class MethodRegistry {
  private final Map<String, Method> byLowerName = new LinkedHashMap<>();
  private final java.util.Set<Method> secretReplies = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Marks registered methods whose answer carries a secret (a webhook code, an access token): such replies are
   * never stored for retries, so no secret is kept in plaintext.
   */
  public MethodRegistry secretReplies(String... names) {
    for (String n : names) {
      secretReplies.add(find(n).orElseThrow(() -> new IllegalStateException("No method " + n + " to mark")));
    }
    return this;
  }

  /** True when {@code name} is a method marked by {@link #secretReplies}. */
  public boolean repliesWithSecrets(String name) {
    return find(name).map(secretReplies::contains).orElse(false);
  }
  private final Map<Class<? extends RuntimeException>, Refusals<?>> refusals = new LinkedHashMap<>();

  /** How a family turns its domain's refusal into the method's error, from the method's facts. */
  @FunctionalInterface
  public interface Refusals<E extends RuntimeException> {
    RestException of(E refusal, Method method);
  }

  /** Registers a writing method with named parameters. */
  public MethodRegistry named(String name, String scope, Handler handler) {
    return add(Method.named(name, scope, handler));
  }

  /** Registers a method with named parameters that only reads. */
  public MethodRegistry namedRead(String name, String scope, Handler handler) {
    return add(Method.named(name, scope, handler).reading());
  }

  /** Registers a writing legacy method whose parameters are taken by position. */
  public MethodRegistry positional(String name, String scope, Handler handler) {
    return add(Method.positional(name, scope, handler));
  }

  /** Registers a legacy positional method that only reads. */
  public MethodRegistry positionalRead(String name, String scope, Handler handler) {
    return add(Method.positional(name, scope, handler).reading());
  }

  /**
   * Every method that throws {@code type} (a domain's refusal) answers what {@code mapping} makes of it with the
   * method's {@link Method#refusal}: the one place a family maps its refusals.
   */
  public <E extends RuntimeException> MethodRegistry refusals(Class<E> type, Refusals<E> mapping) {
    refusals.put(type, mapping);
    return this;
  }

  /** The error a method answers for a domain refusal, or empty when no family claims this exception. */
  @SuppressWarnings("unchecked")
  public Optional<RestException> refusal(RuntimeException e, Method method) {
    for (Map.Entry<Class<? extends RuntimeException>, Refusals<?>> r : refusals.entrySet()) {
      if (r.getKey().isInstance(e)) {
        return Optional.ofNullable(((Refusals<RuntimeException>) r.getValue()).of(e, method));
      }
    }
    return Optional.empty();
  }

  public MethodRegistry add(Method method) {
    String key = method.name().toLowerCase(Locale.ROOT);
    if (byLowerName.putIfAbsent(key, method) != null) {
      throw new IllegalStateException("Method registered twice: " + method.name());
    }
    return this;
  }

  /** Registers {@code alias} as another name of an already registered method. */
  public MethodRegistry alias(String alias, String existing) {
    Method m = find(existing).orElseThrow(() -> new IllegalStateException("No method " + existing + " to alias"));
    byLowerName.put(alias.toLowerCase(Locale.ROOT), m);
    return this;
  }

  public Optional<Method> find(String name) {
    if (name == null) return Optional.empty();
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every registered name (aliases included), in registration order, lower-cased as {@code methods} lists them. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(byLowerName.keySet()));
  }

  public List<Method> methods() {
    return byLowerName.values().stream().distinct().toList();
  }
}
