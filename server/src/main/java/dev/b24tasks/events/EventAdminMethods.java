package dev.b24tasks.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's view of event delivery (scope {@code b24tasks}): {@code b24tasks.event.log},
 * {@code b24tasks.event.redeliver} and {@code b24tasks.outgoing.add|list|delete}.
 */
final class EventAdminMethods {
  private final Directory directory;
  private final EventLog log;
  private final OutgoingWebhooks outgoing;
  private final ZoneId zone;

  EventAdminMethods(Directory directory, EventLog log, OutgoingWebhooks outgoing, ZoneId zone) {
    this.directory = directory;
    this.log = log;
    this.outgoing = outgoing;
    this.zone = zone;
  }

  void register(MethodRegistry r) {
    r.named("b24tasks.event.log", "b24tasks", this::log);
    r.named("b24tasks.event.redeliver", "b24tasks", this::redeliver);
    r.named("b24tasks.outgoing.add", "b24tasks", this::add);
    r.namedRead("b24tasks.outgoing.list", "b24tasks", this::list);
    r.named("b24tasks.outgoing.delete", "b24tasks", this::delete);
  }

  private void admin(Call call) {
    if (!directory.isAdmin(call.userId())) throw RestException.of(RestError.ACCESS_DENIED);
  }

  private String iso(Instant i) {
    return i == null ? null : Wire.date(i, zone);
  }

  /** The newest attempts first; filters {@code eventId}, {@code handlerId}, {@code event}, {@code outcome}; limit. */
  Object log(Call call) {
    admin(call);
    Params p = call.params();
    EventLog.Filter f = new EventLog.Filter(p.optLong("eventId").isPresent() ? p.optLong("eventId").getAsLong() : null,
        p.optLong("handlerId").isPresent() ? p.optLong("handlerId").getAsLong() : null,
        p.optString("event").orElse(null), p.optString("outcome").orElse(null), null,
        (int) Math.max(1, Math.min(500, p.optLong("limit").orElse(50))));
    return log.deliveries(f).stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id());
      m.put("eventId", d.eventId());
      m.put("event", d.event());
      m.put("handlerId", d.handlerId());
      m.put("handler", d.handler());
      m.put("appId", d.appId());
      m.put("userId", d.userId());
      m.put("data", EventDelivery.json(d.data()));
      m.put("enqueuedAt", iso(d.enqueuedAt()));
      m.put("attemptedAt", iso(d.attemptedAt()));
      m.put("attempt", d.attempt());
      m.put("httpStatus", d.httpStatus());
      m.put("durationMs", d.durationMs());
      m.put("answer", d.answer());
      m.put("error", d.error());
      m.put("outcome", d.outcome());
      m.put("node", d.node());
      return m;
    }).toList();
  }

  /** Queues an event from the log again, to the same handler with the same data; the attempt count goes on. */
  Object redeliver(Call call) {
    admin(call);
    long eventId = call.params().requireLong("eventId");
    if (!log.redeliver(eventId)) {
      throw RestException.literal("ERROR_NOT_FOUND", 400, "No delivery of event " + eventId + " in the log");
    }
    return Map.of("eventId", eventId, "queued", true);
  }

  private Map<String, Object> view(OutgoingWebhooks.Outgoing o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("url", o.url());
    m.put("events", o.events());
    m.put("applicationToken", o.applicationToken());
    m.put("title", o.title());
    m.put("createdAt", iso(o.createdAt()));
    return m;
  }

  /** {@code url}, {@code events} (array or comma list), {@code title}. */
  Object add(Call call) {
    admin(call);
    Params p = call.params();
    String url = p.optString("url").map(String::trim).orElse("");
    if (url.isEmpty()) throw EventErrors.argument("Argument 'URL' is null or empty");
    JsonNode ev = p.get("events");
    List<String> events = new ArrayList<>();
    if (ev != null && Params.isArrayLike(ev)) {
      for (JsonNode e : Params.values(ev)) events.add(e.asText());
    } else if (ev != null && !ev.isNull()) {
      events.addAll(List.of(ev.asText().split(",")));
    }
    return view(outgoing.create(url, events, p.optString("title").orElse(null)));
  }

  Object list(Call call) {
    admin(call);
    return outgoing.list().stream().map(this::view).toList();
  }

  Object delete(Call call) {
    admin(call);
    long id = call.params().requireLong("id");
    if (!outgoing.delete(id)) {
      throw RestException.literal("ERROR_NOT_FOUND", 400, "No outgoing webhook " + id);
    }
    return true;
  }
}
