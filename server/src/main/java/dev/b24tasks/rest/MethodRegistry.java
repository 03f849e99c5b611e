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

  /** Registers a method with named parameters. */
  public MethodRegistry named(String name, String scope, Handler handler) {
    return add(new Method(name, scope, Binding.NAMED, handler, true));
  }

  /** Registers a legacy method whose parameters are taken by position. */
  public MethodRegistry positional(String name, String scope, Handler handler) {
    return add(new Method(name, scope, Binding.POSITIONAL, handler, true));
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
