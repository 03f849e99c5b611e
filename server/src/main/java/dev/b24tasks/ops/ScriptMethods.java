package dev.b24tasks.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Wire;
import dev.b24tasks.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code b24tasks.webhook.*} and {@code b24tasks.token.add}: credentials made over REST, for scripts and tests that
 * build an organisation and then call as each of its people (the directory's own {@code b24tasks.*} writes are in
 * {@code directory/AdminMethods}). Administrators only (403 ACCESS_DENIED for anyone else). Texts live in
 * {@code i18n/ops_*.properties}.
 */
public final class ScriptMethods {
  private static final Duration TOKEN_TTL = Duration.ofSeconds(3600);

  static final String BUNDLE = "ops";

  private final Database db;
  private final Directory directory;
  private final AuthStore auth;
  private final Function<Boolean, String> baseUrl;

  /** {@code baseUrl.apply(https)} gives e.g. {@code http://127.0.0.1:8080} once the server listens, or null. */
  public ScriptMethods(Database db, Directory directory, AuthStore auth, Function<Boolean, String> baseUrl) {
    this.db = db;
    this.directory = directory;
    this.auth = auth;
    this.baseUrl = baseUrl;
  }

  public void register(MethodRegistry r) {
    r.named("b24tasks.webhook.add", "b24tasks", this::webhookAdd);
    r.namedRead("b24tasks.webhook.list", "b24tasks", this::webhookList);
    r.named("b24tasks.webhook.delete", "b24tasks", this::webhookDelete);
    r.named("b24tasks.token.add", "b24tasks", this::tokenAdd);
    r.secretReplies("b24tasks.webhook.add", "b24tasks.token.add");
  }

  Object webhookAdd(Call call) {
    requireAdmin(call);
    Params p = call.params();
    long user = activeUser(p);
    List<String> scopes = scopes(p.get("SCOPE"));
    String code = text(p.get("CODE"));
    if (code != null && !code.matches("[A-Za-z0-9_-]{8,64}")) throw invalid("EXT_BAD_CODE");
    Instant expires = expires(p.get("EXPIRES"), auth.clock().instant());
    Object[] made = db.tx(tx -> {
      // one webhook.add per user at a time, so the newest webhook of the user is the one made here
      tx.queryLong("SELECT id FROM users WHERE id = ? FOR UPDATE", user);
      if (code != null && auth.webhookExists(user, code)) throw invalid("EXT_CODE_TAKEN", user);
      String c = auth.createWebhook(user, scopes, code, expires, text(p.get("TITLE")));
      long id = auth.webhooks(user).stream().mapToLong(AuthStore.Webhook::id).max().orElseThrow();
      return new Object[] {id, c};
    });
    String path = "/rest/" + user + "/" + made[1] + "/";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ID", made[0]);
    out.put("USER_ID", user);
    out.put("CODE", made[1]);
    out.put("PATH", path);
    String base = baseUrl.apply(false);
    out.put("URL", base == null ? path : base + path);
    String tls = baseUrl.apply(true);
    out.put("URL_HTTPS", tls == null ? null : tls + path);
    return out;
  }

  Object webhookList(Call call) {
    requireAdmin(call);
    OptionalLong user = integer(call.params().get("USER_ID"), "USER_ID",
        (f, v) -> invalid("EXT_USER_NOT_FOUND", v));
    List<Object> out = new ArrayList<>();
    var zone = directory.zoneOf(call.userId());
    for (AuthStore.Webhook w : auth.webhooks(user.isPresent() ? user.getAsLong() : null)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ID", w.id());
      row.put("USER_ID", w.userId());
      row.put("SCOPE", List.copyOf(w.scopes()));
      row.put("TITLE", w.title());
      row.put("EXPIRES", w.expiresAt() == null ? null : Wire.date(w.expiresAt(), zone));
      row.put("DATE_CREATE", Wire.date(w.createdAt(), zone));
      out.add(row);
    }
    return out;
  }

  Object webhookDelete(Call call) {
    requireAdmin(call);
    JsonNode id = call.params().get("ID");
    OptionalLong n = integer(id, "ID", (f, v) -> invalid("EXT_WEBHOOK_NOT_FOUND", v));
    if (n.isEmpty() || !auth.deleteWebhook(n.getAsLong(), null)) {
      throw invalid("EXT_WEBHOOK_NOT_FOUND", Params.display(id));
    }
    return true;
  }

  Object tokenAdd(Call call) {
    requireAdmin(call);
    long user = activeUser(call.params());
    AuthStore.IssuedToken t = auth.createToken(user, scopes(call.params().get("SCOPE")), TOKEN_TTL);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", t.accessToken());
    out.put("expires_in", TOKEN_TTL.toSeconds());
    out.put("expires", t.expiresAt().getEpochSecond());
    out.put("scope", String.join(",", t.scopes()));
    out.put("user_id", t.userId());
    return out;
  }

  private void requireAdmin(Call call) {
    if (!directory.isAdmin(call.userId())) throw adminOnly();
  }

  private long activeUser(Params p) {
    JsonNode v = p.get("USER_ID");
    OptionalLong n = integer(v, "USER_ID", (f, s) -> invalid("EXT_USER_NOT_FOUND", s));
    if (n.isEmpty() || !directory.exists(n.getAsLong())) {
      throw invalid("EXT_USER_NOT_FOUND", Params.display(v));
    }
    return n.getAsLong();
  }

  private static List<String> scopes(JsonNode v) {
    if (absent(v)) return Scopes.ALL;
    List<JsonNode> items = v.isContainerNode() ? Params.values(v) : List.of(v);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (JsonNode item : items) {
      for (String s : item.asText().split(",")) {
        String scope = s.trim();
        if (scope.isEmpty()) continue;
        if (!Scopes.ALL.contains(scope)) throw invalid("EXT_BAD_SCOPE", scope, String.join(",", Scopes.ALL));
        out.add(scope);
      }
    }
    return out.isEmpty() ? Scopes.ALL : List.copyOf(out);
  }

  private static Instant expires(JsonNode v, Instant now) {
    if (absent(v)) return null;
    try {
      Instant t = OffsetDateTime.parse(v.asText().trim()).toInstant();
      if (t.isAfter(now)) return t;
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw invalid("EXT_BAD_EXPIRES", Params.display(v));
  }

  private static RestException adminOnly() {
    return RestException.message("ACCESS_DENIED", 403, BUNDLE, "ADMIN_ONLY");
  }

  private static RestException invalid(String key, Object... args) {
    return RestException.message("INVALID_ARGUMENT", 400, BUNDLE, key, args);
  }

  private static boolean absent(JsonNode v) {
    return v == null || v.isNull() || (v.isTextual() && v.asText().isBlank());
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  /** An integer, or empty when absent; anything else is the error {@code bad} makes of its text. */
  private static OptionalLong integer(JsonNode v, String field, BiFunction<String, String, RuntimeException> bad) {
    if (absent(v)) return OptionalLong.empty();
    OptionalLong n = v.isContainerNode() ? OptionalLong.empty() : Params.asLong(v);
    if (n.isEmpty()) throw bad.apply(field, Params.display(v));
    return n;
  }
}
