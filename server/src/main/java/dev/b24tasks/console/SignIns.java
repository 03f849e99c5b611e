package dev.b24tasks.console;

import dev.b24tasks.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What guards the sign-in: throttling of failed attempts (per e-mail address and per client address, counted in
 * PostgreSQL so a cluster throttles as one) and the one-time sign-in links printed at start.
 */
public final class SignIns {
  /** Failures counted over this window... */
  static final Duration WINDOW = Duration.ofMinutes(15);
  /** ...beyond which an e-mail address is refused until the window has passed. */
  static final int PER_EMAIL = 5;
  /** ...and a client address (guessing many addresses from one place). */
  static final int PER_CLIENT = 20;
  static final Duration LINK_LIFETIME = Duration.ofHours(24);

  private final Database db;
  private final Clock clock;
  private final Sessions tokens;

  public SignIns(Database db, Clock clock, Sessions tokens) {
    this.db = db;
    this.clock = clock;
    this.tokens = tokens;
  }

  /** Whether a sign-in for this e-mail from this client may be tried now. */
  public boolean allowed(String email, String client) {
    Instant since = clock.instant().minus(WINDOW);
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM console_signin_failures WHERE subject = ? AND at > ?",
        emailKey(email), since) < PER_EMAIL
        && tx.queryLong("SELECT count(*) FROM console_signin_failures WHERE subject = ? AND at > ?",
        "client:" + client, since) < PER_CLIENT);
  }

  public void failed(String email, String client) {
    Instant now = clock.instant();
    db.tx(tx -> {
      tx.update("DELETE FROM console_signin_failures WHERE at < ?", now.minus(WINDOW));
      tx.update("INSERT INTO console_signin_failures (subject, at) VALUES (?, ?), (?, ?)", emailKey(email), now,
          "client:" + client, now);
      return null;
    });
  }

  /** A successful sign-in forgets the address's failures. */
  public void succeeded(String email) {
    db.tx(tx -> tx.update("DELETE FROM console_signin_failures WHERE subject = ?", emailKey(email)));
  }

  private static String emailKey(String email) {
    return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
  }

  /** A new one-time sign-in link token for the user (valid for a day, good for one sign-in). */
  public String newLink(long userId) {
    String token = tokens.randomToken();
    Instant now = clock.instant();
    db.tx(tx -> tx.update("INSERT INTO console_signin_links (token_hash, user_id, created_at, expires_at) "
        + "VALUES (?, ?, ?, ?)", Sessions.hash(token), userId, now, now.plus(LINK_LIFETIME)));
    return token;
  }

  /** Uses up a link: its user, once; empty when unknown, used or expired. */
  public Optional<Long> useLink(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
    Instant now = clock.instant();
    return db.tx(tx -> tx.queryOne("DELETE FROM console_signin_links WHERE token_hash = ? AND expires_at > ? "
        + "RETURNING user_id", rs -> rs.getLong(1), Sessions.hash(token), now));
  }
}
