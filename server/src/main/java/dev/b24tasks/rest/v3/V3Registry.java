package dev.b24tasks.rest.v3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The REST 3.0 method table; names match in any letter case, as on the portal. */
public final class V3Registry {
  private final Map<String, V3Method> methods = new LinkedHashMap<>();

  public V3Registry add(V3Method method) {
    String key = method.name().toLowerCase(Locale.ROOT);
    if (methods.putIfAbsent(key, method) != null) {
      throw new IllegalStateException("REST 3.0 method registered twice: " + method.name());
    }
    return this;
  }

  /** Another name for a method, e.g. {@code documentation} for {@code rest.documentation.openapi}. */
  public V3Registry alias(String alias, String existing) {
    V3Method m = find(existing).orElseThrow(() -> new IllegalStateException("no method " + existing));
    methods.put(alias.toLowerCase(Locale.ROOT), m);
    return this;
  }

  public Optional<V3Method> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(methods.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every method once, in registration order (aliases left out). */
  public List<V3Method> methods() {
    List<V3Method> out = new ArrayList<>();
    for (V3Method m : methods.values()) if (!out.contains(m)) out.add(m);
    return out;
  }
}
