package dev.b24tasks.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Params;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The REST side of applications. {@code b24tasks.app.*} (scope {@code b24tasks}, administrators only) is what
 * the portal's local-app form does; {@code app.info}, {@code app.option.*} and {@code user.option.*} are the
 * portal's methods, answered as its {@code rest} module does (application context required).
 */
public final class AppMethods {
  /** Scopes an application may ask for: this server's, never {@code b24tasks} (an app is not the operator). */
  static final List<String> APP_SCOPES = AppService.SCOPES;

  private final AppService apps;
  private final Directory directory;
  private final String language;

  public AppMethods(AppService apps, Directory directory, String language) {
    this.apps = apps;
    this.directory = directory;
    this.language = language == null ? "en" : language.toLowerCase(Locale.ROOT);
  }

  public void register(MethodRegistry r) {
    r.named("b24tasks.app.add", "b24tasks", this::add);
    r.namedRead("b24tasks.app.list", "b24tasks", this::list);
    r.named("b24tasks.app.update", "b24tasks", this::update);
    r.named("b24tasks.app.delete", "b24tasks", this::delete);
    r.named("b24tasks.app.install", "b24tasks", this::install);
    r.named("b24tasks.app.uninstall", "b24tasks", this::uninstall);
    r.named("b24tasks.app.open", "b24tasks", this::open);
    r.namedRead("app.info", "basic", this::info);
    r.namedRead("app.option.get", "basic", call -> optionGet(call, false));
    r.named("app.option.set", "basic", call -> optionSet(call, false));
    r.namedRead("user.option.get", "basic", call -> optionGet(call, true));
    r.named("user.option.set", "basic", call -> optionSet(call, true));
  }

  // ---- b24tasks.app.* ---------------------------------------------------------------------------------------

  Object add(Call call) {
    requireAdmin(call);
    Params p = call.params();
    String name = text(p, "NAME");
    if (name == null || name.isBlank()) throw formError("MP_ERROR_EMPTY_NAME", "Application name is required");
    String handler = text(p, "HANDLER");
    if (!validUrl(handler)) throw formError("MP_ERROR_INCORRECT_URL", "Handler path must be an http(s) URL");
    String install = text(p, "INSTALL");
    if (install != null && install.isBlank()) install = null;
    if (install != null && !validUrl(install)) {
      throw formError("MP_ERROR_INCORRECT_URL_INSTALL", "Initial installation path must be an http(s) URL");
    }
    List<String> scopes = scopes(p.first("SCOPE", "scope"));
    if (scopes == null || scopes.isEmpty()) throw formError("MP_ERROR_EMPTY_SCOPE", "Choose at least one permission");
    JsonNode apiOnly = p.first("API_ONLY", "api_only");
    AppService.Registered reg = apps.register(call.userId(),
        new AppService.Form(name.trim(), handler.trim(), install == null ? null : install.trim(), scopes,
            apiOnly == null || Params.truthy(apiOnly)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ID", reg.app().id());
    out.put("CLIENT_ID", reg.app().clientId());
    out.put("CLIENT_SECRET", reg.clientSecret());
    return out;
  }

  Object list(Call call) {
    requireAdmin(call);
    List<Map<String, Object>> out = new ArrayList<>();
    for (AppService.AppInfo a : apps.list()) out.add(row(a));
    return out;
  }

  static Map<String, Object> row(AppService.AppInfo a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", a.id());
    m.put("NAME", a.name());
    m.put("CLIENT_ID", a.clientId());
    m.put("CODE", a.code());
    m.put("HANDLER", a.handlerUrl());
    m.put("INSTALL", a.installUrl() == null ? "" : a.installUrl());
    m.put("SCOPE", a.scopes());
    m.put("API_ONLY", a.apiOnly() ? "Y" : "N");
    m.put("STATUS", AppService.STATUS);
    m.put("INSTALLED", a.installed() ? "Y" : "N");
    m.put("STATE", a.state().toUpperCase(Locale.ROOT));
    return m;
  }

  Object update(Call call) {
    requireAdmin(call);
    long id = appId(call);
    Params p = call.params();
    JsonNode fields = p.first("FIELDS", "fields");
    Params f = fields != null && fields.isObject() ? new Params((ObjectNode) fields) : p;
    AppService.AppInfo current = apps.app(id).orElseThrow(AppMethods::notFound);
    String name = text(f, "NAME");
    if (name != null && name.isBlank()) throw formError("MP_ERROR_EMPTY_NAME", "Application name is required");
    String handler = text(f, "HANDLER");
    if (handler != null && !validUrl(handler)) {
      throw formError("MP_ERROR_INCORRECT_URL", "Handler path must be an http(s) URL");
    }
    String install = text(f, "INSTALL");
    if (install != null && !install.isBlank() && !validUrl(install)) {
      throw formError("MP_ERROR_INCORRECT_URL_INSTALL", "Initial installation path must be an http(s) URL");
    }
    JsonNode scopeNode = f.first("SCOPE", "scope");
    List<String> scopes = scopeNode == null ? null : scopes(scopeNode);
    if (scopes != null && scopes.isEmpty()) throw formError("MP_ERROR_EMPTY_SCOPE", "Choose at least one permission");
    JsonNode apiOnly = f.first("API_ONLY", "api_only");
    apps.update(id, new AppService.Form(name == null ? null : name.trim(), handler == null ? null : handler.trim(),
        install == null ? null : install.trim(), scopes, apiOnly == null ? current.apiOnly() : Params.truthy(apiOnly)));
    return true;
  }

  Object delete(Call call) {
    requireAdmin(call);
    if (!apps.delete(appId(call))) throw notFound();
    return true;
  }

  /** What an app with an interface's {@code BX24.installFinish()} does; also reinstalls an uninstalled app. */
  Object install(Call call) {
    requireAdmin(call);
    long id = appId(call);
    if (apps.app(id).isEmpty()) throw notFound();
    return apps.install(id, call.userId());
  }

  Object uninstall(Call call) {
    requireAdmin(call);
    long id = appId(call);
    if (apps.app(id).isEmpty()) throw notFound();
    return apps.uninstall(id);
  }

  /**
   * What the portal's browser posts into the app's frame when a user opens it: the URL, and the form fields to
   * POST there (an emulator has no page to host the frame, so the caller posts them).
   */
  Object open(Call call) {
    requireAdmin(call);
    long id = appId(call);
    AppService.AppInfo app = apps.app(id).orElseThrow(AppMethods::notFound);
    if (app.uninstalled()) throw RestException.literal("ERROR_NOT_INSTALLED", 400, "Application not installed");
    JsonNode userNode = call.params().first("USER_ID", "user_id");
    long user = userNode == null ? call.userId() : Params.asLong(userNode)
        .orElseThrow(() -> RestException.of(RestError.ARGUMENT_TYPE, Params.display(userNode), "USER_ID", "int"));
    if (!directory.exists(user)) throw RestException.literal("ERROR_NOT_FOUND", 400, "User not found");
    if (!app.installed() && !directory.isAdmin(user)) {
      throw RestException.literal("ERROR_NOT_INSTALLED", 400,
          "The application is not fully installed yet; an administrator must open it first");
    }
    String placement = text(call.params(), "PLACEMENT");
    JsonNode options = call.params().first("PLACEMENT_OPTIONS", "placement_options");
    String optionsJson = options == null || options.isNull() ? "{}"
        : options.isTextual() ? options.asText() : json(options);
    return apps.frame(id, user, placement == null || placement.isBlank() ? "DEFAULT" : placement, optionsJson);
  }

  private void requireAdmin(Call call) {
    if (!directory.isAdmin(call.userId())) throw RestException.of(RestError.ACCESS_DENIED);
  }

  private static long appId(Call call) {
    JsonNode v = call.params().first("ID", "id");
    if (v == null || v.isNull()) throw RestException.of(RestError.ARGUMENT_MISSING, "ID");
    return Params.asLong(v).orElseThrow(() -> RestException.of(RestError.ARGUMENT_TYPE, Params.display(v), "ID", "int"));
  }

  private static RestException notFound() {
    return RestException.literal("ERROR_NOT_FOUND", 400, "Application not found");
  }

  private static RestException formError(String code, String text) {
    return RestException.literal(code, 400, text);
  }

  private static String text(Params p, String upper) {
    JsonNode v = p.first(upper, upper.toLowerCase(Locale.ROOT));
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  /** {@code SCOPE: ["task","user"]}, {@code SCOPE[]=task}, or {@code "task,user"}; an unknown scope is an error. */
  private static List<String> scopes(JsonNode v) {
    if (v == null || v.isNull()) return null;
    Set<String> out = new LinkedHashSet<>();
    List<String> raw = new ArrayList<>();
    if (v.isContainerNode()) Params.values(v).forEach(n -> raw.add(n.asText()));
    else raw.addAll(List.of(v.asText().split("[,\\s]+")));
    for (String s : raw) {
      String scope = s.trim().toLowerCase(Locale.ROOT);
      if (scope.isEmpty() || scope.equals("basic")) continue;
      if (!APP_SCOPES.contains(scope)) {
        throw formError("MP_ERROR_WRONG_SCOPE", "Unknown permission '" + s.trim() + "'; known: "
            + String.join(", ", APP_SCOPES));
      }
      out.add(scope);
    }
    return new ArrayList<>(out);
  }

  static boolean validUrl(String url) {
    return AppService.validUrl(url);
  }

  // ---- app.info, options ------------------------------------------------------------------------------------

  private static RestException denied(String reason) {
    return RestException.literal("ACCESS_DENIED", 403, "Access denied! " + reason);
  }

  /** With an app's token, the app's fields; through a webhook, {@code SCOPE} and {@code LICENSE} only. */
  Object info(Call call) {
    Caller caller = call.caller();
    Map<String, Object> out = new LinkedHashMap<>();
    if (caller.kind() == Caller.Kind.WEBHOOK) {
      out.put("SCOPE", List.copyOf(caller.scopes()));
      out.put("LICENSE", license());
      return out;
    }
    if (!caller.isApp()) throw denied("Application context required");
    AppService.AppInfo app = apps.app(caller.appId()).orElseThrow(() -> denied("Application context required"));
    out.put("ID", app.id());
    out.put("CODE", app.code());
    out.put("VERSION", 1);
    out.put("STATUS", AppService.STATUS);
    out.put("INSTALLED", app.installed());
    out.put("PAYMENT_EXPIRED", "N");
    out.put("DAYS", null);
    out.put("LANGUAGE_ID", language);
    out.put("LICENSE", license());
    return out;
  }

  private String license() {
    return language + "_selfhosted";
  }

  Object optionGet(Call call, boolean perUser) {
    long appId = appContext(call);
    Map<String, JsonNode> all = apps.options(appId, perUser ? call.userId() : 0);
    JsonNode option = call.params().first("option", "OPTION");
    if (option != null && !option.isNull() && !option.isContainerNode()) return all.get(option.asText());
    // PHP's empty array is [] on the wire
    return all.isEmpty() ? List.of() : all;
  }

  Object optionSet(Call call, boolean perUser) {
    long appId = appContext(call);
    if (!perUser && !directory.isAdmin(call.userId())) throw denied("Administrator authorization required");
    JsonNode options = call.params().first("options", "OPTIONS");
    Map<String, JsonNode> values = new LinkedHashMap<>();
    if (options != null) {
      if (options.isObject()) options.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    } else {
      call.params().root().properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    }
    if (values.isEmpty()) {
      throw RestException.literal("ERROR_ARGUMENT", 400, "Argument 'options' is null or empty");
    }
    apps.setOptions(appId, perUser ? call.userId() : 0, values);
    return true;
  }

  private static long appContext(Call call) {
    if (!call.caller().isApp()) throw denied("Application context required");
    return call.caller().appId();
  }

  static String json(Object o) {
    return new String(Json.write(o), java.nio.charset.StandardCharsets.UTF_8);
  }
}
