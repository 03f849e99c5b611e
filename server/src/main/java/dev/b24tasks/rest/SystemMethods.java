package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Scopes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The {@code basic} helpers every credential may call: {@code methods}, {@code method.get}, {@code scope}, {@code server.time}. */
public final class SystemMethods {

  private final MethodRegistry registry;
  private final ZoneId zone;
  private final Clock clock;

  public SystemMethods(MethodRegistry registry, ZoneId zone, Clock clock) {
    this.registry = registry;
    this.zone = zone;
    this.clock = clock;
  }

  public void register(MethodRegistry r) {
    r.namedRead("methods", "basic", this::methods);
    r.namedRead("method.get", "basic", this::methodGet);
    r.namedRead("scope", "basic", this::scope);
    r.namedRead("server.time", "basic", call -> OffsetDateTime.now(clock.withZone(zone)).format(Wire.DATE));
  }

  /** Method names (lower case) the caller may use, or of one scope, or all with {@code full=true}. */
  Object methods(Call call) {
    boolean full = Params.truthy(call.params().first("full", "FULL"));
    String scope = call.params().optString("scope").or(() -> call.params().optString("SCOPE")).orElse(null);
    List<String> out = new java.util.ArrayList<>();
    for (String name : registry.names()) {
      Method m = registry.find(name).orElseThrow();
      // one scope lists what it grants: "user" holds user.current, which a user_brief credential may call too
      boolean include = scope != null
          ? m.scope().equals(scope) || !m.scope().equals("basic") && Scopes.grants(List.of(scope), m.scope())
          : (full || call.caller().hasScope(m.scope()));
      if (include) out.add(name);
    }
    return out;
  }

  Object methodGet(Call call) {
    JsonNode n = call.params().first("name", "NAME");
    String name = n == null || n.isContainerNode() ? "" : n.asText().trim().toLowerCase(Locale.ROOT);
    Map<String, Object> out = new LinkedHashMap<>();
    var m = name.isEmpty() ? java.util.Optional.<Method>empty() : registry.find(name);
    out.put("isExisting", m.isPresent());
    out.put("isAvailable", m.isPresent() && call.caller().hasScope(m.get().scope()));
    return out;
  }

  Object scope(Call call) {
    if (Params.truthy(call.params().first("full", "FULL"))) {
      TreeSet<String> all = new TreeSet<>();
      registry.methods().forEach(m -> all.add(m.scope()));
      all.addAll(Scopes.ALL); // user_basic names no method of its own: it grants user_brief's and the contacts
      return List.copyOf(all);
    }
    return List.copyOf(new TreeSet<>(call.caller().scopes()));
  }
}
