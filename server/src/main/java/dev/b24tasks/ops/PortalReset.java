package dev.b24tasks.ops;

import dev.b24tasks.store.Database;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties the portal for the next test suite: every table of every feature is truncated and its ids restart at
 * 1, except the administrator's user row and the credentials asked to be kept. Reads the table list from the
 * catalog, so a new feature's tables are emptied without being named here. Replies kept for retries are
 * forgotten (they name ids that no longer exist), except the reset's own, so a retried reset replays its reply;
 * rate-limit buckets are left alone.
 */
public final class PortalReset {
  /**
   * Tables that survive a reset in part (users, credentials) or entirely (migrations, transient state). The web
   * console's passwords, sessions and language choices are kept for the users who stay (the others' rows go with
   * them), so the administrator who resets is not signed out or locked out.
   */
  private static final List<String> KEPT =
      List.of("flyway_schema_history", "request_replies", "rate_buckets", "users", "webhooks", "access_tokens",
          "console_passwords", "console_sessions", "console_preferences");

  /** Which rows survive: the administrator, and either one credential or all of the administrator's webhooks. */
  public record Keep(long adminId, Long webhookId, Long tokenId, boolean allAdminWebhooks) {}

  private PortalReset() {}

  /** The portal's administrator: the first active admin user; null when there is none. */
  public static Long administrator(Database db) {
    return db.read(tx -> tx.queryOne("SELECT id FROM users WHERE is_admin AND active ORDER BY id LIMIT 1",
        rs -> rs.getLong(1)).orElse(null));
  }

  /** Resets in one transaction (joining the caller's, if any); returns the names of the tables emptied. */
  public static List<String> reset(Database db, Keep keep) {
    return db.tx(tx -> {
      Connection c = tx.connection();
      List<String> emptied = Schema.tables(c, KEPT);
      if (!emptied.isEmpty()) tx.execute("TRUNCATE " + Schema.quoteAll(emptied) + " RESTART IDENTITY");
      if (keep.allAdminWebhooks()) {
        tx.update("DELETE FROM webhooks WHERE user_id <> ?", keep.adminId());
      } else {
        tx.update("DELETE FROM webhooks WHERE id IS DISTINCT FROM ?", keep.webhookId());
      }
      tx.update("DELETE FROM access_tokens WHERE id IS DISTINCT FROM ?", keep.tokenId());
      tx.update("DELETE FROM users WHERE id <> ? AND id NOT IN (SELECT user_id FROM webhooks UNION "
          + "SELECT user_id FROM access_tokens)", keep.adminId());
      Schema.advanceSequences(c, List.of("users", "webhooks", "access_tokens"));
      // committed replies always hold their reply; the one still empty is this reset's own claim, if any
      tx.update("DELETE FROM request_replies WHERE reply IS NOT NULL");
      return new ArrayList<>(emptied);
    });
  }
}
