package dev.b24tasks.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.AuthException;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.auth.Secrets;
import dev.b24tasks.config.Settings;
import dev.b24tasks.rest.Json;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Local applications: registration (what the portal's developer form does), installation and uninstallation,
 * the OAuth 2.0 authorization codes and token pairs, and the per-app / per-user option maps. Every secret is
 * kept as SHA-256 only; the application token is kept as is, because every event carries it back.
 *
 * <p>Other features use this service, never its tables: {@link #app}, {@link #authBlock} (a fresh token pair
 * for an event's {@code auth}) and {@link #addLifecycleListener} (called inside the install / uninstall
 * transaction).
 */
public final class AppService {
  /** Access tokens live one hour ({@code expires_in} 3600). */
  public static final Duration ACCESS_TTL = Duration.ofHours(1);
  /** Authorization codes live 30 seconds and are redeemed once. */
  public static final Duration CODE_TTL = Duration.ofSeconds(30);
  /** Scopes an application may ask for: this server's, never {@code b24tasks} (an app is not the operator). */
  public static final List<String> SCOPES =
      dev.b24tasks.auth.Scopes.ALL.stream().filter(s -> !s.equals("b24tasks")).toList();

  /** http(s) with a host, as the portal's form checks handler and install paths. */
  public static boolean validUrl(String url) {
    if (url == null || url.isBlank()) return false;
    try {
      java.net.URI u = java.net.URI.create(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Local apps always have status {@code L}. */
  public static final String STATUS = "L";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /** One registered application. {@code code} is what {@code app.info} calls CODE: the client id for local apps. */
  public record AppInfo(long id, String clientId, String name, String handlerUrl, String installUrl,
      List<String> scopes, boolean apiOnly, String state, String applicationToken) {
    public String code() {
      return clientId;
    }

    /** INSTALLED=Y: events are delivered, {@code app.info} says {@code INSTALLED: true}. */
    public boolean installed() {
      return "installed".equals(state);
    }

    /** Registered but uninstalled: its tokens are gone and the token endpoint answers NOT_INSTALLED. */
    public boolean uninstalled() {
      return "uninstalled".equals(state);
    }
  }

  /** What registering answers: the app and its client secret, shown this once. */
  public record Registered(AppInfo app, String clientSecret) {}

  /** The fields of the portal's local-app form. */
  public record Form(String name, String handlerUrl, String installUrl, List<String> scopes, boolean apiOnly) {}

  /** Told about installations inside their transaction (events fires ONAPPINSTALL / ONAPPUNINSTALL from here). */
  public interface LifecycleListener {
    default void installed(long appId, String applicationToken) {}

    default void uninstalling(long appId, String applicationToken) {}
  }

  private final Database db;
  private final AppStore store = new AppStore();
  private final Clock clock;
  private final Settings settings;
  private final AuthStore auth;
  private final Supplier<String> portalOrigin;
  private final InstallNotice notice;
  private final List<LifecycleListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param portalOrigin {@code http(s)://host:port} this server is reached at, for endpoints in event blocks
   */
  public AppService(Database db, Clock clock, Settings settings, AuthStore auth, Supplier<String> portalOrigin) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.auth = auth;
    this.portalOrigin = portalOrigin;
    this.notice = new InstallNotice(settings.language == null ? "en" : settings.language);
    auth.addTokenSource(this::credential);
  }

  public void addLifecycleListener(LifecycleListener listener) {
    listeners.add(listener);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Registration and installation

  /**
   * Registers an app as the portal's form does on its first save, by administrator {@code adminId}. An API-only
   * app is installed at once; with an install URL it gets {@code ONAPPINSTALL} there, after the commit, with a
   * token pair of {@code adminId}. An app with an interface and an install URL waits for {@link #install}.
   */
  public Registered register(long adminId, Form form) {
    String secret = randomSecret();
    String origin = portalOrigin.get();
    Object[] out = db.tx(tx -> {
      String clientId = newClientId(tx);
      Instant now = clock.instant();
      boolean pending = !form.apiOnly() && form.installUrl() != null;
      long id = store.insertApp(tx, clientId, Secrets.hash(secret), form, pending ? "pending" : "uninstalled",
          adminId, now);
      Map<String, String> block = pending ? null : finishInstall(tx, id, adminId, origin);
      return new Object[] {id, block};
    });
    AppInfo app = app((Long) out[0]).orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, String> block = (Map<String, String>) out[1];
    // sent once the installation is committed: a handler that calls back at once finds its tokens
    if (block != null && !block.isEmpty()) db.afterCommit(() -> notice.send(app, block, clock.instant()));
    return new Registered(app, secret);
  }

  /**
   * Finishes an installation: an app with an interface saying {@code installFinish}, or a reinstall of an
   * uninstalled one (a new application token; an API-only app with an install URL gets ONAPPINSTALL again).
   * False when the app is already installed.
   */
  public boolean install(long appId, long adminId) {
    String origin = portalOrigin.get();
    Map<String, String> block = db.tx(tx -> {
      Optional<AppInfo> app = store.app(tx, appId, true);
      if (app.isEmpty() || app.get().installed()) return null;
      return finishInstall(tx, appId, adminId, origin);
    });
    if (block == null) return false;
    AppInfo app = app(appId).orElseThrow();
    if (!block.isEmpty()) db.afterCommit(() -> notice.send(app, block, clock.instant()));
    return true;
  }

  /**
   * State installed, a new application token, the listeners told; answers the auth block (with a fresh token
   * pair of {@code userId}) ONAPPINSTALL carries, or an empty map when it will not be sent.
   */
  private Map<String, String> finishInstall(Tx tx, long appId, long userId, String origin) throws SQLException {
    String applicationToken = randomHex(16);
    store.markInstalled(tx, appId, applicationToken, clock.instant());
    for (LifecycleListener l : listeners) l.installed(appId, applicationToken);
    AppInfo app = store.app(tx, appId, false).orElseThrow();
    if (!app.apiOnly() || app.installUrl() == null) return Map.of();
    return block(tx, app, userId, origin);
  }

  /**
   * Uninstalls: the listeners are told first (ONAPPUNINSTALL goes to the app's own handlers), then its tokens,
   * codes and options go (the local-app CLEAN); the registration stays so it can be installed again.
   */
  public boolean uninstall(long appId) {
    boolean done = db.tx(tx -> {
      Optional<AppInfo> app = store.app(tx, appId, true);
      if (app.isEmpty() || app.get().uninstalled()) return false;
      clean(tx, app.get());
      store.markUninstalled(tx, appId, clock.instant());
      return true;
    });
    if (done) auth.clearCache();
    return done;
  }

  /** Deletes the app as the portal deletes a local app: uninstalled (CLEAN) and then removed with its tokens. */
  public boolean delete(long appId) {
    boolean done = db.tx(tx -> {
      Optional<AppInfo> app = store.app(tx, appId, true);
      if (app.isEmpty()) return false;
      if (!app.get().uninstalled()) clean(tx, app.get());
      store.deleteApp(tx, appId);
      return true;
    });
    if (done) auth.clearCache();
    return done;
  }

  private void clean(Tx tx, AppInfo app) throws SQLException {
    for (LifecycleListener l : listeners) l.uninstalling(app.id(), app.applicationToken());
    store.clean(tx, app.id());
  }

  /** Changes the form's fields (null: unchanged). Saving again never sends ONAPPINSTALL. False when unknown. */
  public boolean update(long appId, Form changes) {
    return db.tx(tx -> {
      Optional<AppInfo> found = store.app(tx, appId, true);
      if (found.isEmpty()) return false;
      AppInfo a = found.get();
      store.updateApp(tx, appId,
          changes.name() != null ? changes.name() : a.name(),
          changes.handlerUrl() != null ? changes.handlerUrl() : a.handlerUrl(),
          changes.installUrl() != null ? (changes.installUrl().isEmpty() ? null : changes.installUrl()) : a.installUrl(),
          changes.scopes() != null ? changes.scopes() : a.scopes(),
          changes.apiOnly(), clock.instant());
      auth.clearCache();
      return true;
    });
  }

  public Optional<AppInfo> app(long appId) {
    return db.read(tx -> store.app(tx, appId, false));
  }

  public Optional<AppInfo> byClientId(String clientId) {
    if (clientId == null || clientId.isEmpty()) return Optional.empty();
    return db.read(tx -> store.byClientId(tx, clientId));
  }

  public List<AppInfo> list() {
    return db.read(store::list);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Tokens

  /**
   * A fresh token pair of {@code userId} for the app, as the {@code auth} block an event handler receives:
   * access_token, expires, expires_in, scope, domain, server_endpoint, status, client_endpoint, member_id,
   * user_id, refresh_token, application_token (in this order). Runs in the caller's transaction when there is one.
   */
  public Map<String, String> authBlock(long appId, long userId) {
    String origin = portalOrigin.get();
    return db.tx(tx -> {
      AppInfo app = store.app(tx, appId, false).orElseThrow(() -> new IllegalArgumentException("no app " + appId));
      return block(tx, app, userId, origin);
    });
  }

  /**
   * What the portal's page posts into the app's frame when {@code userId} opens it (§1.4): the target (the
   * install URL while an app with an interface is not installed yet, else the handler path) with DOMAIN,
   * PROTOCOL, LANG and APP_SID in its query, and the form fields AUTH_ID, AUTH_EXPIRES (seconds), REFRESH_ID,
   * member_id, status, PLACEMENT, PLACEMENT_OPTIONS (always sent, JSON).
   */
  public Map<String, Object> frame(long appId, long userId, String placement, String placementOptions) {
    String origin = portalOrigin.get();
    return db.tx(tx -> {
      AppInfo app = store.app(tx, appId, false).orElseThrow(() -> new IllegalArgumentException("no app " + appId));
      Map<String, String> block = block(tx, app, userId, origin);
      String target = !app.installed() && app.installUrl() != null ? app.installUrl() : app.handlerUrl();
      Map<String, String> query = new LinkedHashMap<>();
      query.put("DOMAIN", host(origin));
      query.put("PROTOCOL", origin.startsWith("https:") ? "1" : "0");
      query.put("LANG", settings.language == null ? "en" : settings.language);
      query.put("APP_SID", randomHex(16));
      StringBuilder url = new StringBuilder(target);
      query.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=')
          .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("AUTH_ID", block.get("access_token"));
      fields.put("AUTH_EXPIRES", block.get("expires_in"));
      fields.put("REFRESH_ID", block.get("refresh_token"));
      fields.put("member_id", block.get("member_id"));
      fields.put("status", STATUS);
      fields.put("PLACEMENT", placement);
      fields.put("PLACEMENT_OPTIONS", placementOptions);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("URL", url.toString());
      out.put("METHOD", "POST");
      out.put("FIELDS", fields);
      return out;
    });
  }

  /** The auth block without tokens that ONAPPUNINSTALL carries: domain, endpoints, member_id, application token. */
  public Map<String, String> bareAuthBlock(long appId) {
    String origin = portalOrigin.get();
    AppInfo app = app(appId).orElseThrow(() -> new IllegalArgumentException("no app " + appId));
    Map<String, String> out = new LinkedHashMap<>();
    out.put("domain", host(origin));
    out.put("server_endpoint", origin + "/rest/");
    out.put("client_endpoint", origin + "/rest/");
    out.put("member_id", memberId());
    out.put("application_token", app.applicationToken() == null ? "" : app.applicationToken());
    return out;
  }

  private Map<String, String> block(Tx tx, AppInfo app, long userId, String origin) throws SQLException {
    Map<String, Object> pair = mint(tx, app, userId, origin);
    Map<String, String> out = new LinkedHashMap<>();
    pair.forEach((k, v) -> out.put(k, String.valueOf(v)));
    out.put("application_token", app.applicationToken() == null ? "" : app.applicationToken());
    return out;
  }

  /**
   * Issues a token pair and answers it as the token endpoint does, field order included. {@code oauthOrigin}
   * is the OAuth server's address ({@code domain}, {@code server_endpoint}), {@code client_endpoint} the portal.
   */
  private Map<String, Object> mint(Tx tx, AppInfo app, long userId, String oauthOrigin) throws SQLException {
    String origin = portalOrigin.get();
    String access = randomHex(35);
    String refresh = randomHex(35);
    Instant now = clock.instant();
    Instant expires = now.plus(ACCESS_TTL);
    store.insertTokens(tx, new AppStore.NewTokens(app.id(), userId, Secrets.hash(access), expires,
        Secrets.hash(refresh), now.plus(Duration.ofDays(settings.oauthRefreshDays)), now));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", access);
    out.put("expires", expires.getEpochSecond());
    out.put("expires_in", ACCESS_TTL.toSeconds());
    out.put("scope", String.join(",", app.scopes()));
    out.put("domain", host(oauthOrigin));
    out.put("server_endpoint", oauthOrigin + "/rest/");
    out.put("status", STATUS);
    out.put("client_endpoint", origin + "/rest/");
    out.put("member_id", memberId(tx));
    out.put("user_id", userId);
    out.put("refresh_token", refresh);
    return out;
  }

  /** The caller an app's access token stands for (the gateway asks through {@link AuthStore}). */
  private Optional<AuthStore.Credential> credential(byte[] tokenHash) {
    return db.read(tx -> store.tokenOwner(tx, tokenHash)).map(t -> {
      Caller caller = new Caller(t.userId(), java.util.Set.copyOf(t.scopes()),
          // one app and user share one rate-limit bucket, however often its tokens are renewed
          "app:" + t.appId() + ":" + t.userId(), Caller.Kind.APP, t.appId());
      AuthException refusal = null;
      if ("uninstalled".equals(t.state())) {
        refusal = AuthException.refused("APPLICATION_NOT_FOUND", "Application not found");
      } else if (!t.userActive()) {
        refusal = AuthException.refused("authorization_error", "Unable to authorize user");
      }
      return new AuthStore.Credential(caller, t.accessExpires(), refusal);
    });
  }

  /**
   * The OAuth server's {@code app.info} of an access token: client_id, scope, expires (ISO), user_id and the
   * installation (installed, version, status, scope, domain, uri, client_endpoint, member_id).
   */
  Map<String, Object> tokenInfo(String accessToken) {
    Instant now = clock.instant();
    Optional<AppStore.TokenOwner> row = db.read(tx -> store.tokenOwner(tx, Secrets.hash(accessToken)));
    if (row.isEmpty()) throw new OAuthError(401, "invalid_token", "The access token provided is invalid.");
    Instant expires = row.get().accessExpires();
    if (!expires.isAfter(now)) throw new OAuthError(401, "expired_token", "The access token provided has expired.");
    AppInfo app = app(row.get().appId()).orElseThrow(OAuthError::notInstalled);
    String portal = portalOrigin.get();
    Map<String, Object> install = new LinkedHashMap<>();
    install.put("installed", app.installed());
    install.put("version", 1);
    install.put("status", STATUS);
    install.put("scope", String.join(",", app.scopes()));
    install.put("domain", host(portal));
    install.put("uri", portal);
    install.put("client_endpoint", portal + "/rest/");
    install.put("member_id", memberId());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("client_id", app.clientId());
    out.put("scope", String.join(",", app.scopes()));
    out.put("expires", java.time.OffsetDateTime.ofInstant(expires, java.time.ZoneOffset.UTC)
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    out.put("user_id", row.get().userId());
    out.put("install", install);
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // OAuth 2.0 grants

  /** The app a token request names, with its secret checked: 400 invalid_client, 401 NOT_INSTALLED. */
  AppInfo client(String clientId, String clientSecret, boolean checkSecret) {
    if (clientId == null || clientId.isEmpty()) throw OAuthError.invalidClient();
    Optional<Map.Entry<Long, byte[]>> row = db.read(tx -> store.secretOf(tx, clientId));
    if (row.isEmpty()) throw OAuthError.invalidClient();
    if (checkSecret && (clientSecret == null || !Secrets.matches(clientSecret, row.get().getValue()))) {
      throw OAuthError.invalidClient();
    }
    AppInfo app = app(row.get().getKey()).orElseThrow(OAuthError::invalidClient);
    if (app.uninstalled()) throw OAuthError.notInstalled();
    return app;
  }

  /** A 30-second, single-use authorization code for {@code userId} (the user who agreed). */
  String issueCode(AppInfo app, long userId) {
    String code = randomHex(35);
    db.tx(tx -> {
      if (!store.userActive(tx, userId)) throw new OAuthError(401, "authorization_error", "Unable to authorize user");
      store.insertCode(tx, Secrets.hash(code), app.id(), userId, clock.instant().plus(CODE_TTL));
      return null;
    });
    return code;
  }

  /** {@code grant_type=authorization_code}: the code is redeemed once, within its 30 seconds. */
  Map<String, Object> redeemCode(AppInfo app, String code, String origin) {
    Instant now = clock.instant();
    byte[] hash = Secrets.hash(code);
    return db.tx(tx -> {
      Optional<Long> user = store.redeemCode(tx, hash, app.id(), now);
      if (user.isEmpty()) {
        if (store.unusedCode(tx, hash, app.id())) {
          throw new OAuthError(401, "expired_token", "The authorization token provided has expired.");
        }
        throw OAuthError.invalidGrant();
      }
      return mint(tx, app, user.get(), origin);
    });
  }

  /**
   * {@code grant_type=refresh_token}: a new pair for the same user. In single-use mode the refresh token is
   * redeemed once across every node (one conditional UPDATE); the access tokens issued before stay valid until
   * they expire.
   */
  Map<String, Object> redeemRefresh(AppInfo app, String refresh, String origin) {
    Instant now = clock.instant();
    byte[] hash = Secrets.hash(refresh);
    boolean once = settings.oauthRefreshSingleUse;
    return db.tx(tx -> {
      Optional<Long> user = once
          ? store.redeemRefreshOnce(tx, hash, app.id(), now)
          : store.refreshUser(tx, hash, app.id(), now);
      if (user.isEmpty()) {
        Optional<Boolean> redeemed = store.refreshRedeemed(tx, hash, app.id());
        if (redeemed.isPresent() && (!once || !redeemed.get())) {
          throw new OAuthError(401, "expired_token", "The refresh token provided has expired.");
        }
        throw OAuthError.invalidGrant();
      }
      return mint(tx, app, user.get(), origin);
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Options

  /** The option map of an app ({@code userId} 0) or of one user of it. */
  public Map<String, JsonNode> options(long appId, long userId) {
    return db.read(tx -> {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      store.options(tx, appId, userId).forEach((name, json) -> out.put(name, parse(json)));
      return out;
    });
  }

  /** Merges {@code values} key by key into the app's ({@code userId} 0) or the user's map. */
  public void setOptions(long appId, long userId, Map<String, JsonNode> values) {
    db.tx(tx -> {
      for (Map.Entry<String, JsonNode> e : values.entrySet()) {
        String json = new String(Json.write(e.getValue()), java.nio.charset.StandardCharsets.UTF_8);
        store.putOption(tx, appId, userId, e.getKey(), json);
      }
      return null;
    });
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Identity and formats

  /** The portal's {@code member_id}: 32 hex, made on first use. */
  public String memberId() {
    return db.tx(this::memberId);
  }

  private String memberId(Tx tx) throws SQLException {
    return store.memberId(tx, randomHex(16));
  }

  /** {@code local.} + 14 lower-case hex + {@code .} + 8 digits, as the portal issues them. */
  private String newClientId(Tx tx) throws SQLException {
    while (true) {
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < 8; i++) digits.append(RANDOM.nextInt(10));
      String id = "local." + randomHex(7) + "." + digits;
      if (!store.clientIdTaken(tx, id)) return id;
    }
  }

  /** 50 letters and digits, as the portal's "Application key". */
  private static String randomSecret() {
    StringBuilder sb = new StringBuilder(50);
    for (int i = 0; i < 50; i++) sb.append(SECRET_ALPHABET[RANDOM.nextInt(SECRET_ALPHABET.length)]);
    return sb.toString();
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** {@code host[:port]} of an origin such as {@code http://127.0.0.1:8080}. */
  static String host(String origin) {
    return origin.replaceFirst("^https?://", "").replaceAll("/+$", "");
  }

  /** Waits up to {@code timeout} for ONAPPINSTALL notices still on their way (for the command line). */
  public void awaitNotices(Duration timeout) throws InterruptedException {
    notice.await(timeout);
  }

  /** The app list as rows, for the CLI. */
  public List<Map<String, Object>> describe() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AppInfo a : list()) out.add(AppMethods.row(a));
    return out;
  }
}
