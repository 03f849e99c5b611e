package dev.b24tasks.console;

import dev.b24tasks.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed-in browsers, kept in PostgreSQL so that every node of a cluster accepts a session made by any other.
 * The browser holds a random token; the table holds its SHA-256, so a copy of the table signs nobody in. A
 * session is only ever made by a successful sign-in (never adopted from a cookie the browser brings), and each
 * carries its own anti-forgery token.
 */
public final class Sessions {
  /** A session ends this long after its last use... */
  static final Duration IDLE = Duration.ofHours(12);
  /** ...and at the latest this long after the sign-in. */
  static final Duration LIFETIME = Duration.ofDays(7);
  /** Last use is written at most this often. */
  private static final Duration TOUCH = Duration.ofMinutes(5);

  public record Session(long userId, String csrf, Instant seenAt) {}

  /** A new session: the token for the cookie (seen only now) and the session itself. */
  public record Opened(String token, Session session) {}

  private final Database db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Sessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Signs {@code userId} in: a new session; the one the browser had before (if any) ends. */
  public Opened open(long userId, String previousToken) {
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    db.tx(tx -> {
      if (previousToken != null) tx.update("DELETE FROM console_sessions WHERE token_hash = ?", hash(previousToken));
      tx.update("DELETE FROM console_sessions WHERE expires_at < ?", now);
      tx.update("INSERT INTO console_sessions (token_hash, user_id, csrf, created_at, seen_at, expires_at) "
          + "VALUES (?, ?, ?, ?, ?, ?)", hash(token), userId, csrf, now, now, now.plus(LIFETIME));
      return null;
    });
    return new Opened(token, new Session(userId, csrf, now));
  }

  /** The live session of this cookie token, if any (its user must still be active). */
  public Optional<Session> find(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
    Instant now = clock.instant();
    Optional<Session> s = db.read(tx -> tx.queryOne(
        "SELECT s.user_id, s.csrf, s.seen_at FROM console_sessions s JOIN users u ON u.id = s.user_id "
            + "WHERE s.token_hash = ? AND s.expires_at > ? AND s.seen_at > ? AND u.active",
        rs -> new Session(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
        hash(token), now, now.minus(IDLE)));
    s.filter(x -> x.seenAt().isBefore(now.minus(TOUCH))).ifPresent(x -> db.tx(tx -> tx.update(
        "UPDATE console_sessions SET seen_at = ? WHERE token_hash = ?", now, hash(token))));
    return s;
  }

  public void close(String token) {
    if (token != null) db.tx(tx -> tx.update("DELETE FROM console_sessions WHERE token_hash = ?", hash(token)));
  }

  /** Ends every session of a user but the one given (after a password change). */
  public void closeOthers(long userId, String keepToken) {
    db.tx(tx -> tx.update("DELETE FROM console_sessions WHERE user_id = ? AND token_hash <> ?", userId,
        hash(keepToken == null ? "" : keepToken)));
  }

  String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two tokens. */
  static boolean same(String a, String b) {
    if (a == null || b == null) return false;
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
