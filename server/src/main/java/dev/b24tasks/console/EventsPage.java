package dev.b24tasks.console;

import dev.b24tasks.events.EventCatalogue;
import dev.b24tasks.events.EventLog;
import dev.b24tasks.events.OutgoingWebhooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event delivery for administrators, on the events feature's service: every delivery attempt (event, handler
 * URL, app or outgoing webhook, attempt, outcome, HTTP status, error, payload and answer), what still waits in
 * the outbox, a redelivery of any logged event; and the outgoing webhooks (create with events, the application
 * token the handler checks, delete). The same operations as {@code b24tasks.event.log|redeliver} and
 * {@code b24tasks.outgoing.*}.
 */
public final class EventsPage {
  /** How many attempts one page shows. */
  static final int PAGE = 100;
  /** The outcomes a delivery can have, for the filter. */
  public static final List<String> OUTCOMES = List.of("delivered", "retry", "failed", "skipped");

  /** The deliveries page: filters as given, the newest attempts, the outbox. */
  public record Model(String event, String outcome, Long eventId, String app, List<EventLog.Delivery> rows,
      EventLog.Outbox outbox, List<String> events, List<String> outcomes) {
    public boolean failed(EventLog.Delivery d) {
      return !d.outcome().equals("delivered");
    }

    /** The app, or what else the handler is. */
    public String by(EventLog.Delivery d, Texts t) {
      return d.appId() > 0 ? t.get("events.app", d.appId()) : t.get("events.outgoingHandler");
    }
  }

  /** The outgoing webhooks page. {@code made}: the one just created (its token shown in full), or null. */
  public record Outgoing(List<OutgoingWebhooks.Outgoing> rows, List<String> events, OutgoingWebhooks.Outgoing made) {}

  private final Console console;
  private final EventLog log;
  private final OutgoingWebhooks outgoing;

  public EventsPage(Console console, EventLog log, OutgoingWebhooks outgoing) {
    this.console = console;
    this.log = log;
    this.outgoing = outgoing;
  }

  public void register() {
    console.addSection(new Section("events", "/console/admin/events", "nav.events", true));
    console.addSection(new Section("outgoing", "/console/admin/outgoing", "nav.outgoing", true));
    console.addRoutes(r -> r
        .get("/console/admin/events", console.admin(this::deliveries))
        .post("/console/admin/events/redeliver", console.adminChange((c, f) -> {
          Long eventId = f.id("eventId");
          if (eventId == null || !log.redeliver(eventId)) throw new IllegalArgumentException("events.unknown");
          Web.redirect(c.req(), c.res(), "/console/admin/events?done=" + eventId);
        }))
        .get("/console/admin/outgoing", console.admin(c -> outgoingPage(c, null)))
        .post("/console/admin/outgoing", console.adminChange((c, f) -> {
          OutgoingWebhooks.Outgoing made = outgoing.create(f.get("url").trim(),
              f.all("event").stream().filter(EventCatalogue.TASK::contains).toList(), f.get("title").trim());
          outgoingPage(c, made);
        }))
        .post("/console/admin/outgoing/{id}/delete", console.adminChange((c, f) -> {
          if (!outgoing.delete(Console.pathId(c, "id"))) throw new IllegalArgumentException("outgoing.unknown");
          Web.redirect(c.req(), c.res(), "/console/admin/outgoing");
        })));
  }

  private void deliveries(Console.Ctx c) {
    Web.Form q = Web.query(c.req());
    String event = q.get("event").trim();
    String outcome = OUTCOMES.contains(q.get("outcome")) ? q.get("outcome") : "";
    Long eventId = q.id("eventId");
    // the sender: an application's id, 0 for the outgoing webhooks, empty for all
    String app = q.get("app").trim();
    Long appId = app.equals("0") ? Long.valueOf(0) : q.id("app");
    if (appId == null) app = "";
    List<EventLog.Delivery> rows = log.deliveries(new EventLog.Filter(eventId, null, event.isEmpty() ? null : event,
        outcome.isEmpty() ? null : outcome, appId, PAGE));
    Long done = q.id("done");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", console.frame(c, c.t().get("events.title"), "events",
        done == null ? null : c.t().get("events.redelivered", done), done == null ? null : "ok"));
    m.put("m", new Model(event, outcome, eventId, app, rows, log.outbox(50), EventCatalogue.TASK, OUTCOMES));
    console.render(c, 200, "events.jte", m);
  }

  private void outgoingPage(Console.Ctx c, OutgoingWebhooks.Outgoing made) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", console.frame(c, c.t().get("outgoing.title"), "outgoing", made == null ? null
        : c.t().get("outgoing.created"), made == null ? null : "ok"));
    m.put("m", new Outgoing(outgoing.list(), EventCatalogue.TASK, made));
    console.render(c, 200, "outgoing.jte", m);
  }
}
