package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Handler;
import dev.b24tasks.rest.Method;
import dev.b24tasks.rest.MethodRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One {@code task.*item.*} family's part of the method table. Each method is named for its manifest
 * ({@code prefix + "." + methodName}) and bound by it before its handler runs, so a handler gets its arguments
 * type-checked; the manifests registered are the ones {@code getmanifest} lists. What repeats from family to family
 * lives here too: {@code isactionallowed}, the allow-list of an {@code arFields} and the ORDER of a list.
 */
public final class PositionalFamily {
  /** A handler of a method whose arguments the manifest has bound. */
  @FunctionalInterface
  public interface Bound {
    Object handle(Call call, Args args);
  }

  /** A service call on one item: {@code (userId, taskId, itemId)}. */
  @FunctionalInterface
  public interface ItemAction {
    void run(long userId, long taskId, long itemId);
  }

  /** {@code isactionallowed(taskId, itemId, actionId)} of a family's service. */
  @FunctionalInterface
  public interface ActionCheck {
    boolean allowed(long userId, long taskId, long itemId, long actionId);
  }

  private final MethodRegistry registry;
  private final String prefix;
  private final String scope;
  private final List<Manifest> manifests = new ArrayList<>();
  private String twin;

  public PositionalFamily(MethodRegistry registry, String prefix, String scope) {
    this.registry = registry;
    this.prefix = prefix;
    this.scope = scope;
  }

  /** Every method registered after this answers under {@code twinPrefix} too ({@code task.ctaskitem.*}). */
  public PositionalFamily twin(String twinPrefix) {
    this.twin = twinPrefix;
    return this;
  }

  /** A writing method bound by {@code m}. */
  public PositionalFamily write(Manifest m, Bound h) {
    return add(m, Method.positional(name(m), scope, bound(m, h)));
  }

  /** A writing method bound by {@code m} that answers the refusal {@code refusal} when the rules say no. */
  public PositionalFamily write(Manifest m, String refusal, Bound h) {
    return add(m, Method.positional(name(m), scope, bound(m, h)).refusing(refusal));
  }

  /** A reading method bound by {@code m}. */
  public PositionalFamily read(Manifest m, Bound h) {
    return add(m, Method.positional(name(m), scope, bound(m, h)).reading());
  }

  /** The manifests registered so far, in order: what {@code getmanifest} lists. */
  public List<Manifest> manifests() {
    return manifests;
  }

  private PositionalFamily add(Manifest m, Method method) {
    manifests.add(m);
    registry.add(method);
    if (twin != null) registry.alias(twin + "." + m.methodName(), method.name());
    return this;
  }

  /**
   * A writing method on one item ({@code taskId, itemId}, both positive ids) that answers {@code answer} once the
   * service has run: what {@code delete} is in every family ({@code true} or {@code null}, as each portal family
   * answers).
   */
  public PositionalFamily writeItem(Manifest m, ItemAction action, Object answer) {
    return write(m, (c, a) -> {
      action.run(c.userId(), a.id(0), a.id(1));
      return answer;
    });
  }

  /** A reading method listed under {@code m} that binds its values itself (it reorders them first). */
  public PositionalFamily readUnbound(Manifest m, Handler h) {
    return add(m, Method.positional(name(m), scope, h).reading());
  }

  /** {@code isactionallowed(taskId, itemId, actionId)}: what the service says, ids taken as given. */
  public PositionalFamily actionAllowed(Manifest m, ActionCheck check) {
    return read(m, (c, a) -> check.allowed(c.userId(), a.integer(0), a.integer(1), a.integer(2)));
  }

  /** {@code getmanifest}: the family's field lists ({@code doc}, made anew each call) and every method above. */
  public PositionalFamily manifest(Supplier<ManifestDoc> doc) {
    registry.positionalRead(prefix + ".getmanifest", scope, c -> doc.get().methods(manifests));
    return this;
  }

  private String name(Manifest m) {
    return prefix + "." + m.methodName();
  }

  private static Handler bound(Manifest m, Bound h) {
    return call -> h.handle(call, PositionalBinder.bind(m, call.args()));
  }

  // ---- what the families share -------------------------------------------------------------------------------

  /** Refuses, as the portal does, a key of parameter {@code index} that is not in {@code allowed}; returns it. */
  public static ObjectNode onlyKeys(Manifest m, int index, ObjectNode given, Collection<String> allowed) {
    for (Map.Entry<String, JsonNode> e : given.properties()) {
      if (!allowed.contains(e.getKey())) throw PositionalBinder.forbiddenKey(m, index, e.getKey());
    }
    return given;
  }

  /**
   * ORDER {@code {FIELD: asc|desc}} of parameter {@code index} as a comparator over the rows, field by field
   * ({@code desc} in any case reverses, anything else is ascending); a field not in {@code sortable} is refused.
   * Null when ORDER is empty.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> Comparator<T> order(Manifest m, int index, ObjectNode order, Collection<String> sortable,
      Function<String, Function<T, Comparable>> key) {
    onlyKeys(m, index, order, sortable);
    Comparator<T> cmp = null;
    for (Map.Entry<String, JsonNode> e : order.properties()) {
      Comparator<T> one = Comparator.comparing(key.apply(e.getKey()));
      if (e.getValue().asText().trim().equalsIgnoreCase("desc")) one = one.reversed();
      cmp = cmp == null ? one : cmp.thenComparing(one);
    }
    return cmp;
  }
}
