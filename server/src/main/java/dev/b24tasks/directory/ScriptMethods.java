package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * {@code b24tasks.*}: methods of this server that Bitrix24 does not have, for scripts and tests that build an
 * organisation and then call as each of its people. Administrators only (403 ACCESS_DENIED for anyone else).
 */
public final class ScriptMethods {
  private static final Duration TOKEN_TTL = Duration.ofSeconds(3600);

  private final Database db;
  private final Directory directory;
  private final Users users;
  private final Workgroups groups;
  private final AuthStore auth;
  private final Function<Boolean, String> baseUrl;

  /** {@code baseUrl.apply(https)} gives e.g. {@code http://127.0.0.1:8080} once the server listens, or null. */
  public ScriptMethods(Database db, Directory directory, Users users, Workgroups groups, AuthStore auth,
      Function<Boolean, String> baseUrl) {
    this.db = db;
    this.directory = directory;
    this.users = users;
    this.groups = groups;
    this.auth = auth;
    this.baseUrl = baseUrl;
  }

  public void register(MethodRegistry r) {
    r.named("b24tasks.webhook.add", "b24tasks", this::webhookAdd);
    r.namedRead("b24tasks.webhook.list", "b24tasks", this::webhookList);
    r.named("b24tasks.webhook.delete", "b24tasks", this::webhookDelete);
    r.named("b24tasks.token.add", "b24tasks", this::tokenAdd);
    r.secretReplies("b24tasks.webhook.add", "b24tasks.token.add");
    r.named("b24tasks.user.admin.set", "b24tasks", this::setAdmin);
    r.named("b24tasks.group.tasks.set", "b24tasks", this::groupTasks);
  }

  Object webhookAdd(Call call) {
    requireAdmin(call);
    Params p = call.params();
    long user = activeUser(p);
    List<String> scopes = scopes(p.get("SCOPE"));
    String code = Input.text(p.get("CODE"));
    if (code != null && !code.matches("[A-Za-z0-9_-]{8,64}")) throw DirectoryErrors.invalid("EXT_BAD_CODE");
    Instant expires = expires(p.get("EXPIRES"), auth.clock().instant());
    Object[] made = db.tx(tx -> {
      // one webhook.add per user at a time, so the newest webhook of the user is the one made here
      tx.queryLong("SELECT id FROM users WHERE id = ? FOR UPDATE", user);
      if (code != null && auth.webhookExists(user, code)) throw DirectoryErrors.invalid("EXT_CODE_TAKEN", user);
      String c = auth.createWebhook(user, scopes, code, expires, Input.text(p.get("TITLE")));
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
    OptionalLong user = Input.integer(call.params().get("USER_ID"), "USER_ID",
        (f, v) -> DirectoryErrors.invalid("EXT_USER_NOT_FOUND", v));
    List<Object> out = new ArrayList<>();
    var zone = directory.zoneOf(call.userId());
    for (AuthStore.Webhook w : auth.webhooks(user.isPresent() ? user.getAsLong() : null)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ID", w.id());
      row.put("USER_ID", w.userId());
      row.put("SCOPE", List.copyOf(w.scopes()));
      row.put("TITLE", w.title());
      row.put("EXPIRES", w.expiresAt() == null ? null : DirectoryViews.date(w.expiresAt(), zone));
      row.put("DATE_CREATE", DirectoryViews.date(w.createdAt(), zone));
      out.add(row);
    }
    return out;
  }

  Object webhookDelete(Call call) {
    requireAdmin(call);
    JsonNode id = call.params().get("ID");
    OptionalLong n = Input.integer(id, "ID", (f, v) -> DirectoryErrors.invalid("EXT_WEBHOOK_NOT_FOUND", v));
    if (n.isEmpty() || !auth.deleteWebhook(n.getAsLong(), null)) {
      throw DirectoryErrors.invalid("EXT_WEBHOOK_NOT_FOUND", Params.display(id));
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

  Object setAdmin(Call call) {
    requireAdmin(call);
    long user = activeUser(call.params());
    Optional<Boolean> admin = Input.flag(call.params().get("ADMIN"));
    if (admin == null || admin.isEmpty()) throw DirectoryErrors.invalid("BAD_FIELD", "ADMIN", "Y or N");
    users.setAdmin(user, admin.get());
    return true;
  }

  /** GROUP_ID; ENABLED Y/N switches the tasks feature; PERMS {operation: least role A/E/K/L, or "" for default}. */
  Object groupTasks(Call call) {
    requireAdmin(call);
    Params p = call.params();
    OptionalLong id = Input.integer(p.get("GROUP_ID"), "GROUP_ID", (f, v) -> DirectoryErrors.sonet("SONET_WRONG_GROUP_ID"));
    if (id.isEmpty()) throw DirectoryErrors.sonet("SONET_WRONG_GROUP_ID");
    Optional<Boolean> enabled = Input.flag(p.get("ENABLED"));
    if (enabled == null) throw DirectoryErrors.sonet("SONET_BAD_FLAG", "ENABLED", Params.display(p.get("ENABLED")));
    Map<GroupPermission, String> roles = new EnumMap<>(GroupPermission.class);
    JsonNode perms = p.get("PERMS");
    if (perms != null && perms.isObject()) {
      for (var e : perms.properties()) {
        GroupPermission perm = GroupPerms.fromOperation(e.getKey());
        String role = e.getValue().asText();
        if (perm == null) throw DirectoryErrors.sonet("SONET_BAD_FEATURE", e.getKey());
        if (!role.isEmpty() && !GroupPerms.validRole(role)) throw DirectoryErrors.sonet("SONET_BAD_ROLE", e.getKey(), role);
        roles.put(perm, role.isEmpty() ? null : role);
      }
    } else if (perms != null && !Input.absent(perms)) {
      throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    }
    groups.setTasksFeature(id.getAsLong(), enabled.orElse(null), roles);
    return true;
  }

  private void requireAdmin(Call call) {
    if (!directory.isAdmin(call.userId())) throw DirectoryErrors.adminOnly();
  }

  private long activeUser(Params p) {
    JsonNode v = p.get("USER_ID");
    OptionalLong n = Input.integer(v, "USER_ID", (f, s) -> DirectoryErrors.invalid("EXT_USER_NOT_FOUND", s));
    if (n.isEmpty() || !directory.exists(n.getAsLong())) {
      throw DirectoryErrors.invalid("EXT_USER_NOT_FOUND", Params.display(v));
    }
    return n.getAsLong();
  }

  private static List<String> scopes(JsonNode v) {
    if (Input.absent(v)) return Scopes.ALL;
    List<JsonNode> items = v.isContainerNode() ? Params.values(v) : List.of(v);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (JsonNode item : items) {
      for (String s : item.asText().split(",")) {
        String scope = s.trim();
        if (scope.isEmpty()) continue;
        if (!Scopes.ALL.contains(scope)) throw DirectoryErrors.invalid("EXT_BAD_SCOPE", scope, String.join(",", Scopes.ALL));
        out.add(scope);
      }
    }
    return out.isEmpty() ? Scopes.ALL : List.copyOf(out);
  }

  private static Instant expires(JsonNode v, Instant now) {
    if (Input.absent(v)) return null;
    try {
      Instant t = OffsetDateTime.parse(v.asText().trim()).toInstant();
      if (t.isAfter(now)) return t;
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw DirectoryErrors.invalid("EXT_BAD_EXPIRES", Params.display(v));
  }
}
