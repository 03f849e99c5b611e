package dev.b24tasks.console;

import dev.b24tasks.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Console passwords, stored as bcrypt hashes (Spring Security's implementation: a random salt and the cost are
 * inside the stored string, so the cost can be raised later without losing old hashes).
 */
public final class Passwords {
  /** 2^12 rounds: a few hundred milliseconds per guess on a server core. */
  static final int COST = 12;
  public static final int MIN_LENGTH = 8;
  /** bcrypt reads at most 72 bytes of the password; longer ones are refused rather than silently cut. */
  public static final int MAX_BYTES = 72;

  /** A well-formed hash of a random password, checked against when the user is unknown (same time taken). */
  private static final String DECOY = BCrypt.hashpw("decoy-" + System.nanoTime(), BCrypt.gensalt(COST));

  private final Database db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Passwords(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Why this password cannot be used, as a text key, or empty when it can. */
  public static Optional<String> problem(String password) {
    if (password == null || password.length() < MIN_LENGTH) return Optional.of("password.tooShort");
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return Optional.of("password.tooLong");
    return Optional.empty();
  }

  /** Sets (or replaces) the user's password; throws IllegalArgumentException with a text key for a bad one. */
  public void set(long userId, String password) {
    problem(password).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    String hash = BCrypt.hashpw(password, BCrypt.gensalt(COST, random));
    db.tx(tx -> tx.update("INSERT INTO console_passwords (user_id, hash, changed_at) VALUES (?, ?, ?) "
        + "ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, changed_at = excluded.changed_at",
        userId, hash, clock.instant()));
  }

  public boolean has(long userId) {
    return db.read(tx -> tx.queryLong("SELECT count(*) FROM console_passwords WHERE user_id = ?", userId) > 0);
  }

  /** Whether {@code password} is the user's; an unknown user takes as long as a known one. */
  public boolean matches(Long userId, String password) {
    Optional<String> hash = userId == null ? Optional.empty() : db.read(tx -> tx.queryOne(
        "SELECT hash FROM console_passwords WHERE user_id = ?", rs -> rs.getString(1), userId));
    String candidate = password == null ? "" : password;
    boolean tooLong = candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    boolean ok = BCrypt.checkpw(tooLong ? "" : candidate, hash.orElse(DECOY));
    return ok && hash.isPresent() && !tooLong;
  }
}
