package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Writes retried with the same {@code bx24_request_id} are applied once. The official JS SDK resends a call that
 * got a 503 or no answer with the same request id; without this a task would be created twice.
 *
 * <p>The call runs inside one transaction that first claims the row {@code (credential, request id)} and, before
 * committing, stores the reply, so the write and its reply commit together or not at all. A concurrent duplicate
 * blocks on the primary key until the first commits, then replays the stored reply; if the first rolls back (an
 * error, which is never stored), the duplicate runs the call itself. Handlers' own {@code db.tx} calls join this
 * transaction.
 */
public final class IdempotentCalls {
  /** How long a reply is kept for replay; the SDK's retries come within seconds. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** Expired replies are swept at most this often by each node, on its next protected call (and by a timer). */
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private final Database db;
  private final Clock clock;
  private final Predicate<String> secretReplies;
  private final Predicate<String> writes;
  private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

  public IdempotentCalls(Database db, Clock clock) {
    this(db, clock, name -> false, name -> false);
  }

  /**
   * {@code secretReplies} names the methods whose answer carries a secret (a webhook code, an access token): their
   * replies are never stored, so the store keeps no secret in plaintext; such a call is not protected.
   * {@code writes} is the method table's fact of whether a method writes ({@link Method#writes}).
   */
  public IdempotentCalls(Database db, Clock clock, Predicate<String> secretReplies, Predicate<String> writes) {
    this.db = db;
    this.clock = clock;
    this.secretReplies = secretReplies;
    this.writes = writes;
  }

  /**
   * True for a call whose retries must not repeat it: a method the table declares writing, called (not in a batch)
   * with a request id. A {@code batch} is a write when any of its commands is; none of them may reply with a secret.
   */
  public boolean applies(Method method, ObjectNode params, String requestId, boolean inBatch) {
    if (inBatch || requestId == null || requestId.isBlank() || requestId.length() > 200) return false;
    if (!method.name().equalsIgnoreCase(Batch.NAME)) return method.writes() && !secretReplies.test(method.name());
    JsonNode cmd = params.get("cmd");
    if (cmd == null || !cmd.isContainerNode()) return false;
    boolean anyWrites = false;
    for (JsonNode c : cmd) {
      String name = Batch.methodOf(c);
      if (secretReplies.test(name)) return false;
      anyWrites |= writes.test(name);
    }
    return anyWrites;
  }

  /** Sweeps expired replies when the last sweep of this node is older than {@link #PURGE_EVERY}. */
  public void purgeIfDue() {
    long now = clock.millis();
    long last = lastPurge.get();
    if (last != Long.MIN_VALUE && now - last < PURGE_EVERY.toMillis()) return;
    if (lastPurge.compareAndSet(last, now)) purge();
  }

  /**
   * Runs {@code work} once for this credential and request id, or answers with the reply it gave before. The
   * result is what the handler returned the first time, or a {@link JsonNode} (inside a {@link Page} for lists)
   * when replayed.
   */
  public Object once(String credentialKey, String requestId, String method, ObjectNode params, Supplier<Object> work) {
    String callHash = callHash(method, params);
    // Old replies are swept once a minute by each node that is busy (and by App's timer); the sweep is idempotent.
    purgeIfDue();
    return db.tx(tx -> {
      Instant now = clock.instant();
      boolean claimed = tx.queryOne(
          "INSERT INTO request_replies (credential_key, request_id, call_hash, created_at) VALUES (?, ?, ?, ?) "
              + "ON CONFLICT (credential_key, request_id) DO UPDATE "
              + "SET call_hash = EXCLUDED.call_hash, created_at = EXCLUDED.created_at, reply = NULL "
              + "WHERE request_replies.created_at < ? RETURNING true",
          rs -> true, credentialKey, requestId, callHash, now, now.minus(WINDOW)).isPresent();
      if (!claimed) {
        Optional<String[]> earlier = tx.queryOne(
            "SELECT call_hash, reply FROM request_replies WHERE credential_key = ? AND request_id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, credentialKey, requestId);
        if (earlier.isPresent() && earlier.get()[1] != null && earlier.get()[0].equals(callHash)) {
          return replay(earlier.get()[1]);
        }
        // The id was reused for another method or other parameters: not a retry of the same call, so it runs.
        return work.get();
      }
      Object result = work.get();
      tx.updateOne("UPDATE request_replies SET reply = ? WHERE credential_key = ? AND request_id = ?",
          serialize(result), credentialKey, requestId);
      return result;
    });
  }

  /** Forgets replies older than the window; any node may run it, it is idempotent. Returns the rows removed. */
  public int purge() {
    return db.tx(tx -> tx.update("DELETE FROM request_replies WHERE created_at < ?", clock.instant().minus(WINDOW)));
  }

  /** The method (case-insensitive) and the parameters as sent: a retry repeats both exactly. */
  static String callHash(String method, ObjectNode params) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(method.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      // Jackson's default writer, not the server's: a number such as 1e10000 cannot be written "plain"
      sha.update(params.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serialize(Object result) {
    ObjectNode stored = Json.object();
    if (result instanceof Page page) {
      stored.set("result", Json.MAPPER.valueToTree(page.result()));
      stored.put("total", page.total());
      if (page.next() != null) stored.put("next", page.next());
    } else {
      stored.set("result", Json.MAPPER.valueToTree(result));
    }
    // Written with the server's mapper so an empty map is stored exactly as it was sent: [].
    return new String(Json.write(stored), StandardCharsets.UTF_8);
  }

  private static Object replay(String stored) {
    try {
      JsonNode node = Json.MAPPER.readTree(stored);
      JsonNode result = node.get("result");
      if (!node.has("total")) return result;
      return new Page(result, node.get("total").asLong(), node.has("next") ? node.get("next").asLong() : null);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored reply cannot be read", e);
    }
  }
}
