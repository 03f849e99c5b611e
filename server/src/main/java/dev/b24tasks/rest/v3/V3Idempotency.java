package dev.b24tasks.rest.v3;

import dev.b24tasks.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} of REST 3.0 (reference §B.6): on a writing method, the first successful answer is stored
 * for 24 hours under (credential, user, method, key) in the write's own transaction; the same key with the same
 * body replays it, with another body is 422. Keys are stored hashed. A concurrent duplicate waits on the row and
 * then replays (the portal lets both run; waiting is the safer reading and no client can tell).
 */
final class V3Idempotency {
  static final Duration WINDOW = Duration.ofHours(24);

  /** The stored answer of a call, or the fresh one; {@code replayed} when it came from the store. */
  record Answer(byte[] body, boolean replayed) {}

  private final Database db;
  private final Clock clock;

  V3Idempotency(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** 1–255 printable ASCII characters, else 400 INVALIDIDEMPOTENCYKEYEXCEPTION. */
  static void check(String key) {
    boolean ok = !key.isEmpty() && key.length() <= 255;
    for (int i = 0; ok && i < key.length(); i++) ok = key.charAt(i) >= 0x20 && key.charAt(i) < 0x7f;
    if (!ok) throw V3Exception.of(V3Error.INVALID_IDEMPOTENCY_KEY);
  }

  /**
   * Runs {@code work} (which answers the success body, or throws) once for this key: inside one transaction that
   * claims the key, runs the write and stores its answer, so both commit or neither does.
   */
  Answer once(String credentialKey, long userId, String method, String key, byte[] requestBody, Supplier<byte[]> work) {
    String keyHash = sha(credentialKey + "\u0000" + userId + "\u0000" + method.toLowerCase(java.util.Locale.ROOT)
        + "\u0000" + key);
    String bodyHash = sha(new String(requestBody, StandardCharsets.UTF_8));
    return db.tx(tx -> {
      Instant now = clock.instant();
      tx.update("DELETE FROM v3_idempotency WHERE key_hash = ? AND created_at < ?", keyHash, now.minus(WINDOW));
      boolean claimed = tx.update("INSERT INTO v3_idempotency (key_hash, body_hash, created_at) VALUES (?, ?, ?) "
          + "ON CONFLICT (key_hash) DO NOTHING", keyHash, bodyHash, now) == 1;
      if (!claimed) {
        Optional<Stored> stored = tx.queryOne("SELECT body_hash, answer FROM v3_idempotency WHERE key_hash = ?",
            rs -> new Stored(rs.getString(1), rs.getBytes(2)), keyHash);
        if (stored.isPresent()) {
          if (!stored.get().bodyHash().equals(bodyHash)) throw V3Exception.of(V3Error.IDEMPOTENCY_KEY_REUSED);
          if (stored.get().answer() != null) return new Answer(stored.get().answer(), true);
        }
      }
      byte[] body = work.get();
      tx.updateOne("UPDATE v3_idempotency SET answer = ? WHERE key_hash = ?", body, keyHash);
      return new Answer(body, false);
    });
  }

  /** What a key holds: the hash of the body first sent with it, and the answer once there is one. */
  private record Stored(String bodyHash, byte[] answer) {}

  /** Forgets answers older than the window (run now and then; any node may). */
  int purge() {
    return db.tx(tx -> tx.update("DELETE FROM v3_idempotency WHERE created_at < ?", clock.instant().minus(WINDOW)));
  }

  private static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
