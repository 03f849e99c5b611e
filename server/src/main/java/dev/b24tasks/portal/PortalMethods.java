package dev.b24tasks.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Handler;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * {@code b24tasks.clock.*}, {@code b24tasks.snapshot.*}, {@code b24tasks.fault.*}, {@code b24tasks.journal.*} and
 * {@code b24tasks.conformance}: scope {@code b24tasks}, administrators only (403 ACCESS_DENIED otherwise), bad
 * arguments 400 INVALID_ARGUMENT with a text that names them.
 */
final class PortalMethods {
  private final Portal portal;
  private final LongPredicate isAdmin;
  private final MethodRegistry registry;
  private final java.util.function.Supplier<java.util.Collection<String>> servedElsewhere;

  PortalMethods(Portal portal, LongPredicate isAdmin, MethodRegistry registry,
      java.util.function.Supplier<java.util.Collection<String>> servedElsewhere) {
    this.portal = portal;
    this.isAdmin = isAdmin;
    this.registry = registry;
    this.servedElsewhere = servedElsewhere;
  }

  void register(MethodRegistry r) {
    r.namedRead("b24tasks.clock.get", "b24tasks", admin(c -> clock(portal.clock.setting())));
    r.named("b24tasks.clock.set", "b24tasks", admin(this::clockSet));
    r.named("b24tasks.clock.advance", "b24tasks", admin(this::clockAdvance));
    r.named("b24tasks.clock.reset", "b24tasks",
        admin(c -> clock(portal.state.setClock(PortalClock.Setting.REAL))));
    r.named("b24tasks.snapshot.save", "b24tasks", admin(c -> Snapshots.describe(portal.snapshots.save(name(c)))));
    r.named("b24tasks.snapshot.restore", "b24tasks", admin(this::restore));
    r.namedRead("b24tasks.snapshot.list", "b24tasks",
        admin(c -> portal.snapshots.list().stream().map(Snapshots::describe).toList()));
    r.named("b24tasks.snapshot.delete", "b24tasks", admin(c -> {
      portal.snapshots.delete(name(c));
      return true;
    }));
    r.named("b24tasks.fault.add", "b24tasks", admin(this::faultAdd));
    r.namedRead("b24tasks.fault.list", "b24tasks",
        admin(c -> portal.faults.list().stream().map(Faults::describe).toList()));
    r.named("b24tasks.fault.clear", "b24tasks", admin(c -> Map.of("CLEARED",
        portal.faults.clear(optLong(c.params(), "ID")))));
    r.namedRead("b24tasks.journal.list", "b24tasks", admin(this::journalList));
    r.named("b24tasks.journal.clear", "b24tasks", admin(c -> Map.of("CLEARED", portal.journal().clear())));
    r.named("b24tasks.conformance", "b24tasks", admin(c -> Conformance.of(registry).asResult()));
  }

  private Handler admin(Handler h) {
    return call -> {
      if (!isAdmin.test(call.userId())) throw PortalErrors.adminOnly();
      return h.handle(call);
    };
  }

  Object clockSet(Call c) {
    return portal.clockAnswer(portal.setClock(text(c.params(), "TIME"), text(c.params(), "MODE")));
  }

  Object clockAdvance(Call c) {
    return portal.clockAnswer(portal.advanceClock(text(c.params(), "SECONDS")));
  }

  private Map<String, Object> clock(PortalClock.Setting s) {
    return portal.clockAnswer(s);
  }

  Object restore(Call c) {
    Map<String, Object> out = Snapshots.describe(portal.snapshots.restore(name(c)));
    // this node at once; the others before their next call (the generation was bumped)
    portal.state.dropLocalCaches();
    return out;
  }

  Object faultAdd(Call c) {
    Params p = c.params();
    String method = text(p, "METHOD");
    if (method == null) throw PortalErrors.invalid("FAULT_METHOD_MISSING");
    Long latency = optLong(p, "LATENCY_MS");
    Long times = optLong(p, "TIMES");
    Long seed = optLong(p, "SEED");
    Double probability = null;
    String prob = text(p, "PROBABILITY");
    if (prob != null) {
      try {
        probability = Double.parseDouble(prob);
      } catch (NumberFormatException e) {
        throw PortalErrors.invalid("FAULT_BAD_PROBABILITY", prob);
      }
    }
    if (times != null && times > Integer.MAX_VALUE) throw PortalErrors.invalid("FAULT_BAD_TIMES", times);
    if (latency != null && (latency < 0 || latency > 60_000)) throw PortalErrors.invalid("FAULT_BAD_LATENCY", latency);
    long id = portal.faults.add(method, optLong(p, "USER_ID"), text(p, "ERROR"),
        latency == null ? 0 : latency.intValue(), times == null ? null : times.intValue(), probability, seed,
        served());
    return Map.of("ID", id);
  }

  /** Every method a fault may target: the classic table and REST 3.0's. */
  private java.util.Collection<String> served() {
    java.util.Set<String> all = new java.util.LinkedHashSet<>(registry.names());
    all.addAll(servedElsewhere.get());
    return all;
  }

  Object journalList(Call c) {
    Journal journal = portal.journal();
    JsonNode f = c.params().first("FILTER", "filter");
    if (f != null && !f.isObject() && !(f.isArray() && f.isEmpty()) && !f.asText().isEmpty()) {
      throw PortalErrors.invalid("JOURNAL_BAD_FILTER");
    }
    Journal.Filter filter = new Journal.Filter(
        filterText(f, "METHOD"), filterLong(f, "USER_ID"), filterLong(f, "STATUS") == null ? null
            : filterLong(f, "STATUS").intValue(), filterText(f, "ERROR"), filterTime(f, ">=TIME"),
        filterTime(f, "<=TIME"));
    Long start = optLong(c.params(), "start");
    if (start != null && start < 0) start = 0L;
    int from = start == null ? 0 : (int) Math.min(start, Integer.MAX_VALUE);
    Journal.Page page = journal.list(filter, from);
    List<Map<String, Object>> rows = page.entries().stream().map(Journal::describe).toList();
    Long next = from + Journal.PAGE < page.total() ? (long) from + Journal.PAGE : null;
    return new Page(rows, page.total(), next);
  }

  private static String name(Call c) {
    String n = text(c.params(), "NAME");
    if (n == null) throw PortalErrors.invalid("SNAPSHOT_NAME_MISSING");
    return n;
  }

  private static String text(Params p, String upper) {
    JsonNode v = p.first(upper, upper.toLowerCase(java.util.Locale.ROOT));
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }

  private static Long optLong(Params p, String upper) {
    String s = text(p, upper);
    if (s == null) return null;
    if (!s.matches("-?\\d{1,18}")) throw PortalErrors.invalid("BAD_INTEGER", upper, s);
    return Long.parseLong(s);
  }

  private static JsonNode filterValue(JsonNode f, String key) {
    if (f == null || !f.isObject()) return null;
    for (var e : f.properties()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
    return null;
  }

  private static String filterText(JsonNode f, String key) {
    JsonNode v = filterValue(f, key);
    if (v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank()) return null;
    return v.asText().trim();
  }

  private static Long filterLong(JsonNode f, String key) {
    String s = filterText(f, key);
    if (s == null) return null;
    if (!s.matches("-?\\d{1,18}")) throw PortalErrors.invalid("BAD_INTEGER", "FILTER." + key, s);
    return Long.parseLong(s);
  }

  private static Instant filterTime(JsonNode f, String key) {
    String s = filterText(f, key);
    if (s == null) return null;
    try {
      return PortalTime.parseInstant(s);
    } catch (DateTimeException e) {
      throw PortalErrors.invalid("CLOCK_BAD_TIME", s);
    }
  }
}
