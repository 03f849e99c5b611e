package dev.b24tasks.auth;

import dev.b24tasks.store.Database;
import dev.b24tasks.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inbound webhooks and access tokens. Secrets are stored as SHA-256 hashes; a webhook code is compared in
 * constant time against every webhook of its user. Successful look-ups are cached for a few seconds so the hot
 * path does not ask the database on every call; a deleted webhook stops working within that time on every node.
 * That lifetime is real time, so a portal clock held still or set back keeps nothing alive; the credentials' own
 * expiry is portal time.
 */
public final class AuthStore {
  /** How long a positive look-up is trusted before the database is asked again. */
  private static final Duration CACHE_TTL = Duration.ofSeconds(2);
  /** Beyond this many cached look-ups, expired ones are swept before another is added. */
  private static final int CACHE_SWEEP_AT = 10_000;
  /** Shortest webhook code accepted (a random one has 16 characters). */
  public static final int MIN_CODE_LENGTH = 8;

  private final Database db;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** {@code fresh} until the real-time nanos {@code freshUntil}; the credential's own expiry is portal time. */
  private record Cached(Caller caller, long freshUntil, Instant credentialExpiresAt) {
    boolean fresh() {
      return System.nanoTime() - freshUntil < 0;
    }
  }

  /** One webhook as listed: the code itself is not kept, only its hash. */
  public record Webhook(long id, long userId, Set<String> scopes, Instant expiresAt, Instant createdAt, String title) {}

  /** A new access token, shown once. */
  public record IssuedToken(String accessToken, long userId, Set<String> scopes, Instant expiresAt) {}

  /**
   * Another kind of access token a feature keeps (an application's OAuth tokens): looked up by the token's
   * SHA-256 when {@code access_tokens} does not know it. Return empty for "not mine".
   */
  @FunctionalInterface
  public interface TokenSource {
    Optional<Credential> find(byte[] tokenHash);
  }

  /**
   * A token a {@link TokenSource} knows: the caller it stands for and when it expires, or the 401 it must be
   * refused with before expiry is even looked at (e.g. its application is gone).
   */
  public record Credential(Caller caller, Instant expiresAt, AuthException refusal) {}

  private final List<TokenSource> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

  public AuthStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The caller of {@code /rest/{userId}/{code}/…}; 401 NO_AUTH_FOUND when the pair is unknown or expired. */
  public Caller webhook(long userId, String code) {
    String key = "w:" + userId + "/" + cacheKey(code); // never the secret itself
    Instant now = clock.instant();
    Cached hit = cache.get(key);
    if (hit != null && hit.fresh()
        && (hit.credentialExpiresAt == null || hit.credentialExpiresAt.isAfter(now))) {
      return hit.caller;
    }
    byte[] presented = Secrets.hash(code);
    List<WebhookRow> rows = db.read(tx -> tx.query(
        "SELECT w.id, w.code_hash, w.scopes, w.expires_at FROM webhooks w JOIN users u ON u.id = w.user_id "
            + "WHERE w.user_id = ? AND u.active",
        rs -> new WebhookRow(rs.getLong(1), rs.getBytes(2), Sql.strings(rs, "scopes"), Sql.instant(rs, "expires_at")),
        userId));
    WebhookRow match = null;
    for (WebhookRow row : rows) {
      // every row is compared, so the time taken does not tell which one matched
      if (java.security.MessageDigest.isEqual(presented, row.codeHash())) match = row;
    }
    if (match == null) throw new AuthException(AuthException.Reason.NO_AUTH_FOUND);
    Instant expires = match.expiresAt();
    if (expires != null && !expires.isAfter(now)) throw new AuthException(AuthException.Reason.NO_AUTH_FOUND);
    Caller caller = new Caller(userId, Set.of(match.scopes()), "webhook:" + match.id(), Caller.Kind.WEBHOOK);
    remember(key, new Cached(caller, System.nanoTime() + CACHE_TTL.toNanos(), expires), now);
    return caller;
  }

  /** A webhook of the user, as the credential check reads it. */
  private record WebhookRow(long id, byte[] codeHash, String[] scopes, Instant expiresAt) {}

  /** An access token with its user's state, as the credential check reads it. */
  private record TokenRow(long id, long userId, String[] scopes, Instant expiresAt, boolean userActive) {}

  private static String cacheKey(String secret) {
    return Secrets.hashHex(secret);
  }

  private void remember(String key, Cached entry, Instant now) {
    if (cache.size() >= CACHE_SWEEP_AT) cache.values().removeIf(c -> !c.fresh());
    cache.put(key, entry);
  }

  /** Lets a feature's tokens be used as {@code auth} / Bearer on {@code /rest/{method}}. */
  public void addTokenSource(TokenSource source) {
    sources.add(source);
  }

  /** The caller of an access token; 401 expired_token once it is past its lifetime. */
  public Caller token(String token) {
    String key = "t:" + cacheKey(token);
    Instant now = clock.instant();
    Cached hit = cache.get(key);
    if (hit != null && hit.fresh() && hit.credentialExpiresAt.isAfter(now)) return hit.caller;
    Optional<TokenRow> row = db.read(tx -> tx.queryOne(
        "SELECT t.id, t.user_id, t.scopes, t.expires_at, u.active FROM access_tokens t "
            + "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
        rs -> new TokenRow(rs.getLong(1), rs.getLong(2), Sql.strings(rs, "scopes"), Sql.instant(rs, "expires_at"),
            rs.getBoolean(5)),
        (Object) Secrets.hash(token)));
    if (row.isEmpty()) return fromSources(key, token, now);
    TokenRow r = row.get();
    if (!r.userActive()) throw new AuthException(AuthException.Reason.INVALID_TOKEN);
    Instant expires = r.expiresAt();
    if (!expires.isAfter(now)) throw new AuthException(AuthException.Reason.EXPIRED_TOKEN);
    Caller caller = new Caller(r.userId(), Set.of(r.scopes()), "token:" + r.id(), Caller.Kind.TOKEN);
    remember(key, new Cached(caller, System.nanoTime() + CACHE_TTL.toNanos(), expires), now);
    return caller;
  }

  private Caller fromSources(String key, String token, Instant now) {
    byte[] hash = Secrets.hash(token);
    for (TokenSource source : sources) {
      Optional<Credential> found = source.find(hash);
      if (found.isEmpty()) continue;
      Credential c = found.get();
      if (c.refusal() != null) throw c.refusal();
      if (!c.expiresAt().isAfter(now)) throw new AuthException(AuthException.Reason.EXPIRED_TOKEN);
      remember(key, new Cached(c.caller(), System.nanoTime() + CACHE_TTL.toNanos(), c.expiresAt()), now);
      return c.caller();
    }
    throw new AuthException(AuthException.Reason.INVALID_TOKEN);
  }

  /** Creates a webhook; {@code code} null makes a random one. Returns the code (the only time it is seen). */
  public String createWebhook(long userId, Collection<String> scopes, String code, Instant expiresAt, String title) {
    String theCode = code == null || code.isBlank() ? Secrets.newCode(16) : code;
    if (theCode.length() < MIN_CODE_LENGTH) {
      throw new IllegalArgumentException("A webhook code must have at least " + MIN_CODE_LENGTH + " characters");
    }
    db.tx(tx -> tx.update(
        "INSERT INTO webhooks (user_id, code_hash, scopes, expires_at, title, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        userId, Secrets.hash(theCode), new LinkedHashSet<>(scopes).toArray(String[]::new), expiresAt, title,
        clock.instant()));
    return theCode;
  }

  /** True when the user already has a webhook with exactly this code. */
  public boolean webhookExists(long userId, String code) {
    try {
      webhook(userId, code);
      return true;
    } catch (AuthException e) {
      return false;
    }
  }

  public List<Webhook> webhooks(Long userId) {
    return db.read(tx -> tx.query(
        "SELECT id, user_id, scopes, expires_at, created_at, title FROM webhooks "
            + (userId == null ? "" : "WHERE user_id = ? ") + "ORDER BY id",
        AuthStore::webhookRow, userId == null ? new Object[0] : new Object[] {userId}));
  }

  /** Deletes a webhook; false when there was none with that id (and, if given, that user). */
  public boolean deleteWebhook(long id, Long userId) {
    int n = db.tx(tx -> userId == null
        ? tx.update("DELETE FROM webhooks WHERE id = ?", id)
        : tx.update("DELETE FROM webhooks WHERE id = ? AND user_id = ?", id, userId));
    cache.clear();
    return n == 1;
  }

  /** Issues an OAuth-style access token for {@code userId}, valid for {@code ttl}. */
  public IssuedToken createToken(long userId, Collection<String> scopes, Duration ttl) {
    String token = Secrets.newCode(32) + Long.toHexString(clock.millis());
    Instant expires = clock.instant().plus(ttl);
    Set<String> scopeSet = new LinkedHashSet<>(scopes);
    db.tx(tx -> tx.update(
        "INSERT INTO access_tokens (user_id, token_hash, scopes, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
        userId, Secrets.hash(token), scopeSet.toArray(String[]::new), expires, clock.instant()));
    return new IssuedToken(token, userId, scopeSet, expires);
  }

  /** The clock expiry is judged by (the portal clock). */
  public Clock clock() {
    return clock;
  }

  /** The keys of the credential cache (hashes of the secrets, never the secrets): for diagnostics and tests. */
  public Set<String> cacheKeys() {
    return Set.copyOf(cache.keySet());
  }

  /** Forgets cached look-ups, e.g. after a reset of the portal. */
  public void clearCache() {
    cache.clear();
  }

  private static Webhook webhookRow(ResultSet rs) throws SQLException {
    return new Webhook(rs.getLong("id"), rs.getLong("user_id"), new LinkedHashSet<>(List.of(Sql.strings(rs, "scopes"))),
        Sql.instant(rs, "expires_at"), Sql.instant(rs, "created_at"), rs.getString("title"));
  }
}
