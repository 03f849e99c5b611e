package dev.b24tasks.events;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Outgoing webhooks (the portal's "Outgoing webhook" scenario): a handler URL, the events it gets, and the
 * application token the handler checks. Delivered like app events, with the reduced {@code auth} (no tokens).
 */
public final class OutgoingWebhooks {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Clock clock;

  public OutgoingWebhooks(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public record Outgoing(long id, String url, List<String> events, String applicationToken, String title,
      Instant createdAt) {}

  /**
   * Creates one; throws IllegalArgumentException with a message for a bad URL or an event that cannot be sent
   * (only the task events are online events of this portal).
   */
  public Outgoing create(String url, List<String> events, String title) {
    EventErrors.checkHandlerUrl(url);
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String e : events) {
      String name = e.trim().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) continue;
      if (!EventCatalogue.TASK.contains(name)) throw EventErrors.eventNotFound();
      names.add(name);
    }
    if (names.isEmpty()) throw EventErrors.argument("Argument 'EVENTS' is null or empty");
    // 32 hex digits, like the portal's application tokens
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Instant now = clock.instant();
    String theTitle = title == null ? "" : title;
    long id = db.tx(tx -> {
      long made = tx.insert("INSERT INTO outgoing_webhooks (handler, application_token, title, created_at)"
          + " VALUES (?, ?, ?, ?) RETURNING id", url, token, theTitle, now);
      for (String name : names) {
        tx.update("INSERT INTO event_handlers (app_id, event_name, handler, user_id, outgoing_id, created_at)"
            + " VALUES (0, ?, ?, 0, ?, ?)", name, url, made, now);
      }
      return made;
    });
    return new Outgoing(id, url, List.copyOf(names), token, theTitle, now);
  }

  public List<Outgoing> list() {
    return db.read(tx -> {
      List<Outgoing> out = new ArrayList<>();
      for (Outgoing row : tx.query("SELECT o.id, o.handler, o.application_token, o.title, o.created_at,"
          + " array_agg(h.event_name ORDER BY h.id) AS events FROM outgoing_webhooks o"
          + " LEFT JOIN event_handlers h ON h.outgoing_id = o.id GROUP BY o.id ORDER BY o.id",
          rs -> new Outgoing(rs.getLong(1), rs.getString(2), events(Sql.strings(rs, "events")), rs.getString(3),
              rs.getString(4), Sql.instant(rs, "created_at")))) {
        out.add(row);
      }
      return out;
    });
  }

  /** The events of a handler's row; a webhook without handlers aggregates to a lone null. */
  private static List<String> events(String[] names) {
    List<String> events = new ArrayList<>();
    for (String e : names) if (e != null) events.add(e);
    return events;
  }

  public Optional<Outgoing> find(long id) {
    return list().stream().filter(o -> o.id() == id).findFirst();
  }

  /** Deletes one and its handler rows; false when there is none with this id. */
  public boolean delete(long id) {
    return db.tx(tx -> tx.update("DELETE FROM outgoing_webhooks WHERE id = ?", id)) == 1;
  }
}
