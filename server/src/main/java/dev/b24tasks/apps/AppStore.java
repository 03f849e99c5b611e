package dev.b24tasks.apps;

import dev.b24tasks.apps.AppService.AppInfo;
import dev.b24tasks.store.Sql;
import dev.b24tasks.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The applications' tables: {@code apps}, {@code app_tokens}, {@code app_codes}, {@code app_options},
 * {@code app_user_options} and {@code app_portal} (the member id). Secrets arrive here as hashes only.
 */
final class AppStore {
  /** A token pair being issued: hashes and expiry times. */
  record NewTokens(long appId, long userId, byte[] accessHash, Instant accessExpires, byte[] refreshHash,
      Instant refreshExpires, Instant at) {}

  /** What an access token stands for, joined with its app and user for the gateway's check. */
  record TokenOwner(long appId, long userId, Instant accessExpires, List<String> scopes, String state,
      boolean userActive) {}

  // -------------------------------------------------------------------------------------------------------
  // apps

  long insertApp(Tx tx, String clientId, byte[] secretHash, AppService.Form form, String state, long adminId,
      Instant at) throws SQLException {
    return tx.insert("INSERT INTO apps (client_id, secret_hash, name, handler_url, install_url, scopes, api_only, "
            + "state, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        clientId, secretHash, form.name(), form.handlerUrl(), form.installUrl(),
        form.scopes().toArray(String[]::new), form.apiOnly(), state, adminId, at, at);
  }

  /** Name, handler, install URL (null: none), scopes and the API-only flag, all written as given. */
  void updateApp(Tx tx, long appId, String name, String handlerUrl, String installUrl, List<String> scopes,
      boolean apiOnly, Instant at) throws SQLException {
    tx.updateOne("UPDATE apps SET name = ?, handler_url = ?, install_url = ?, scopes = ?, api_only = ?, updated_at = ? "
            + "WHERE id = ?",
        name, handlerUrl, installUrl, scopes.toArray(String[]::new), apiOnly, at, appId);
  }

  void markInstalled(Tx tx, long appId, String applicationToken, Instant at) throws SQLException {
    tx.updateOne("UPDATE apps SET state = 'installed', application_token = ?, updated_at = ? WHERE id = ?",
        applicationToken, at, appId);
  }

  void markUninstalled(Tx tx, long appId, Instant at) throws SQLException {
    tx.updateOne("UPDATE apps SET state = 'uninstalled', application_token = NULL, updated_at = ? WHERE id = ?",
        at, appId);
  }

  void deleteApp(Tx tx, long appId) throws SQLException {
    tx.updateOne("DELETE FROM apps WHERE id = ?", appId);
  }

  /** Tokens, codes and options of an app go (the local app's CLEAN); the registration stays. */
  void clean(Tx tx, long appId) throws SQLException {
    tx.update("DELETE FROM app_tokens WHERE app_id = ?", appId);
    tx.update("DELETE FROM app_codes WHERE app_id = ?", appId);
    tx.update("DELETE FROM app_options WHERE app_id = ?", appId);
    tx.update("DELETE FROM app_user_options WHERE app_id = ?", appId);
  }

  Optional<AppInfo> app(Tx tx, long appId, boolean lock) throws SQLException {
    return tx.queryOne("SELECT * FROM apps WHERE id = ?" + (lock ? " FOR UPDATE" : ""), AppStore::appRow, appId);
  }

  Optional<AppInfo> byClientId(Tx tx, String clientId) throws SQLException {
    return tx.queryOne("SELECT * FROM apps WHERE client_id = ?", AppStore::appRow, clientId);
  }

  List<AppInfo> list(Tx tx) throws SQLException {
    return tx.query("SELECT * FROM apps ORDER BY id", AppStore::appRow);
  }

  boolean clientIdTaken(Tx tx, String clientId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM apps WHERE client_id = ?", rs -> 1, clientId).isPresent();
  }

  /** The app id and client secret hash of a client id. */
  Optional<Map.Entry<Long, byte[]>> secretOf(Tx tx, String clientId) throws SQLException {
    return tx.queryOne("SELECT id, secret_hash FROM apps WHERE client_id = ?",
        rs -> Map.entry(rs.getLong(1), rs.getBytes(2)), clientId);
  }

  private static AppInfo appRow(ResultSet rs) throws SQLException {
    return new AppInfo(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"), rs.getString("handler_url"),
        rs.getString("install_url"), List.of(Sql.strings(rs, "scopes")), rs.getBoolean("api_only"),
        rs.getString("state"), rs.getString("application_token"));
  }

  // -------------------------------------------------------------------------------------------------------
  // tokens and codes

  void insertTokens(Tx tx, NewTokens t) throws SQLException {
    tx.update("INSERT INTO app_tokens (app_id, user_id, access_hash, access_expires_at, refresh_hash, "
            + "refresh_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        t.appId(), t.userId(), t.accessHash(), t.accessExpires(), t.refreshHash(), t.refreshExpires(), t.at());
  }

  /** The owner of an access token, with its app's scopes and state and whether its user is active. */
  Optional<TokenOwner> tokenOwner(Tx tx, byte[] accessHash) throws SQLException {
    return tx.queryOne(
        "SELECT t.app_id, t.user_id, t.access_expires_at, a.scopes, a.state, u.active FROM app_tokens t "
            + "JOIN apps a ON a.id = t.app_id JOIN users u ON u.id = t.user_id WHERE t.access_hash = ?",
        rs -> new TokenOwner(rs.getLong("app_id"), rs.getLong("user_id"), Sql.instant(rs, "access_expires_at"),
            List.of(Sql.strings(rs, "scopes")), rs.getString("state"), rs.getBoolean("active")),
        (Object) accessHash);
  }

  boolean userActive(Tx tx, long userId) throws SQLException {
    return tx.queryOne("SELECT active FROM users WHERE id = ?", rs -> rs.getBoolean(1), userId).orElse(false);
  }

  void insertCode(Tx tx, byte[] codeHash, long appId, long userId, Instant expires) throws SQLException {
    tx.update("INSERT INTO app_codes (code_hash, app_id, user_id, expires_at) VALUES (?, ?, ?, ?)",
        codeHash, appId, userId, expires);
  }

  /** Redeems an unused, unexpired code once (one conditional UPDATE): its user, or empty. */
  Optional<Long> redeemCode(Tx tx, byte[] codeHash, long appId, Instant now) throws SQLException {
    return tx.queryOne("UPDATE app_codes SET used_at = ? WHERE code_hash = ? AND app_id = ? "
        + "AND used_at IS NULL AND expires_at > ? RETURNING user_id", rs -> rs.getLong(1), now, codeHash, appId, now);
  }

  /** Whether an unused code exists (then it has expired, since it could not be redeemed). */
  boolean unusedCode(Tx tx, byte[] codeHash, long appId) throws SQLException {
    return tx.queryOne("SELECT 1 FROM app_codes WHERE code_hash = ? AND app_id = ? AND used_at IS NULL",
        rs -> 1, codeHash, appId).isPresent();
  }

  /** Redeems an unredeemed, unexpired refresh token once across every node: its user, or empty. */
  Optional<Long> redeemRefreshOnce(Tx tx, byte[] refreshHash, long appId, Instant now) throws SQLException {
    return tx.queryOne("UPDATE app_tokens SET redeemed_at = ? WHERE refresh_hash = ? AND app_id = ? "
        + "AND redeemed_at IS NULL AND refresh_expires_at > ? RETURNING user_id", rs -> rs.getLong(1),
        now, refreshHash, appId, now);
  }

  /** The user of an unexpired refresh token (reusable mode), or empty. */
  Optional<Long> refreshUser(Tx tx, byte[] refreshHash, long appId, Instant now) throws SQLException {
    return tx.queryOne("SELECT user_id FROM app_tokens WHERE refresh_hash = ? AND app_id = ? "
        + "AND refresh_expires_at > ?", rs -> rs.getLong(1), refreshHash, appId, now);
  }

  /** Whether a refresh token exists, and whether it was redeemed. Empty when unknown. */
  Optional<Boolean> refreshRedeemed(Tx tx, byte[] refreshHash, long appId) throws SQLException {
    return tx.queryOne("SELECT redeemed_at FROM app_tokens WHERE refresh_hash = ? AND app_id = ?",
        rs -> Sql.instant(rs, "redeemed_at") != null, refreshHash, appId);
  }

  // -------------------------------------------------------------------------------------------------------
  // options and the portal's identity

  /** An app's option map ({@code userId} 0) or one user's, as JSON texts by name. */
  Map<String, String> options(Tx tx, long appId, long userId) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String[]> rows = userId == 0
        ? tx.query("SELECT name, value::text FROM app_options WHERE app_id = ? ORDER BY name",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, appId)
        : tx.query("SELECT name, value::text FROM app_user_options WHERE app_id = ? AND user_id = ? ORDER BY name",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, appId, userId);
    for (String[] r : rows) out.put(r[0], r[1]);
    return out;
  }

  void putOption(Tx tx, long appId, long userId, String name, String json) throws SQLException {
    if (userId == 0) {
      tx.update("INSERT INTO app_options (app_id, name, value) VALUES (?, ?, ?::jsonb) "
          + "ON CONFLICT (app_id, name) DO UPDATE SET value = EXCLUDED.value", appId, name, json);
    } else {
      tx.update("INSERT INTO app_user_options (app_id, user_id, name, value) VALUES (?, ?, ?, ?::jsonb) "
          + "ON CONFLICT (app_id, user_id, name) DO UPDATE SET value = EXCLUDED.value", appId, userId, name, json);
    }
  }

  /** The portal's member id, {@code fresh} written first when there is none yet. */
  String memberId(Tx tx, String fresh) throws SQLException {
    Optional<String> id = tx.queryOne("SELECT member_id FROM app_portal WHERE id = 1", rs -> rs.getString(1));
    if (id.isPresent()) return id.get();
    tx.update("INSERT INTO app_portal (id, member_id) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", fresh);
    return tx.queryOne("SELECT member_id FROM app_portal WHERE id = 1", rs -> rs.getString(1)).orElseThrow();
  }
}
