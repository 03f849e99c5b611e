package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.AuthException;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bitrix24's classic REST gateway, free of HTTP-server types: reads the URL form ({@code /rest/{user}/{code}/
 * {method}} or {@code /rest/{method}} with {@code auth}), decodes the parameters, authenticates, applies the rate
 * limit, dispatches, and writes the envelope ({@code {result,total,next,time}} or {@code {error,
 * error_description}}) as JSON or XML.
 */
public final class Gateway {
  /** Parameters the JS SDK adds to every call; they are not parameters of the method. */
  static final Set<String> TELEMETRY = Set.of("bx24_request_id", "bx24_sdk_ver", "bx24_sdk_type");

  private final Dispatcher dispatcher;
  private final AuthStore auth;
  private final RateLimiter rateLimiter;
  private final ZoneId zone;
  private final String language;
  private volatile Dialect v3;

  /** Another dialect served under {@code /rest/api/}: REST 3.0. */
  public interface Dialect {
    RestResponse handle(RestRequest request);
  }

  /** Serves {@code /rest/api/…} with {@code v3}; until set, those paths are unknown methods as before. */
  public void serveApi(Dialect dialect) {
    this.v3 = dialect;
  }

  public Gateway(Dispatcher dispatcher, AuthStore auth, RateLimiter rateLimiter, ZoneId zone) {
    this.dispatcher = dispatcher;
    this.auth = auth;
    this.rateLimiter = rateLimiter;
    this.zone = zone;
    this.language = dispatcher.language();
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The URL form of one request. */
  record Target(String method, Long webhookUser, String webhookCode, boolean xml) {}

  public RestResponse handle(RestRequest request) {
    Dialect api = v3;
    if (api != null && isApiPath(request.path())) return api.handle(request);
    Target target;
    try {
      target = parsePath(request.path());
    } catch (RestException e) {
      return error(e, false, null);
    }
    try {
      ObjectNode params = ParamDecoder.decode(request.rawQuery(), request.contentType(), request.body());
      String requestId = textOf(params.get("bx24_request_id"));
      for (String t : TELEMETRY) params.remove(t);
      JsonNode authParam = params.remove("auth");
      Caller caller = authenticate(target, authParam, request.authorization());
      if (!rateLimiter.tryAcquire(caller.credentialKey())) throw RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
      Dispatcher.Outcome outcome = dispatcher.call(caller, target.method(), params, requestId, false);
      if (!outcome.ok()) return error(outcome.error(), target.xml(), target.method());
      return success(outcome, target);
    } catch (RestException e) {
      return error(e, target.xml(), target.method());
    }
  }

  private Caller authenticate(Target target, JsonNode authParam, String authorizationHeader) {
    return authenticate(auth, target.webhookUser(), target.webhookCode(), authParam, authorizationHeader);
  }

  /**
   * The caller of a request, for every dialect: the webhook of the path, else the token of {@code auth} or of
   * {@code Authorization: Bearer}. Throws the classic 401 {@code NO_AUTH_FOUND}, {@code invalid_token} or
   * {@code expired_token}.
   */
  public static Caller authenticate(AuthStore auth, Long webhookUser, String webhookCode, JsonNode authParam,
      String authorizationHeader) {
    try {
      return credential(auth, webhookUser, webhookCode, authParam, authorizationHeader);
    } catch (AuthException e) {
      if (e.reason() == AuthException.Reason.REFUSED) throw RestException.literal(e.code(), 401, e.description());
      throw RestException.of(switch (e.reason()) {
        case NO_AUTH_FOUND -> RestError.NO_AUTH_FOUND;
        case INVALID_TOKEN -> RestError.INVALID_TOKEN;
        case EXPIRED_TOKEN -> RestError.EXPIRED_TOKEN;
        case REFUSED -> throw new IllegalStateException();
      });
    }
  }

  private static Caller credential(AuthStore auth, Long webhookUser, String webhookCode, JsonNode authParam,
      String authorizationHeader) {
    if (webhookUser != null) return auth.webhook(webhookUser, webhookCode);
    String token = null;
    if (authParam != null && !authParam.isContainerNode() && !authParam.asText().isBlank()) token = authParam.asText();
    if (token == null && authorizationHeader != null) {
      String h = authorizationHeader.trim();
      token = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : h;
    }
    if (token == null || token.isEmpty()) throw RestException.of(RestError.NO_AUTH_FOUND);
    return auth.token(token);
  }

  /** {@code api/…}: the REST 3.0 prefix (the segment after {@code /rest/}). */
  static boolean isApiPath(String rawPath) {
    String p = rawPath == null ? "" : rawPath;
    while (p.startsWith("/")) p = p.substring(1);
    return p.equals("api") || p.startsWith("api/");
  }

  /** {@code 1/abc/tasks.task.get.json}, {@code tasks.task.get}, {@code batch.xml/}: method, credentials, format. */
  static Target parsePath(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    while (path.startsWith("/")) path = path.substring(1);
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length; i++) parts[i] = ParamDecoder.urlDecode(parts[i]);
    String method;
    Long user = null;
    String code = null;
    if (parts.length == 1 && !parts[0].isEmpty()) {
      method = parts[0];
    } else if (parts.length == 3 && parts[0].matches("\\d{1,18}") && !parts[1].isEmpty()) {
      user = Long.parseLong(parts[0]);
      code = parts[1];
      method = parts[2];
    } else {
      // REST 3.0 (/rest/api/...) and anything else: not served here.
      throw RestException.of(RestError.METHOD_NOT_FOUND);
    }
    boolean xml = false;
    String lower = method.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      method = method.substring(0, method.length() - 5);
    } else if (lower.endsWith(".xml")) {
      method = method.substring(0, method.length() - 4);
      xml = true;
    }
    if (method.isEmpty()) throw RestException.of(RestError.METHOD_NOT_FOUND);
    return new Target(method, user, code, xml);
  }

  private RestResponse success(Dispatcher.Outcome outcome, Target target) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("result", outcome.result());
    if (outcome.total() != null) envelope.put("total", outcome.total());
    if (outcome.next() != null) envelope.put("next", outcome.next());
    envelope.put("time", outcome.timing().toMap(zone, true));
    return render(200, envelope, target.xml(), label(target.method()), null);
  }

  RestResponse error(RestException e, boolean xml, String method) {
    return render(e.status(), errorBody(e), xml, label(method), e.code());
  }

  /** {@code {"error": code, "error_description": text}}: no {@code result}, no {@code time}. */
  public Map<String, Object> errorBody(RestException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.code());
    body.put("error_description", e.description(language));
    return body;
  }

  private static RestResponse render(int status, Map<String, Object> envelope, boolean xml, String method,
      String errorCode) {
    if (xml) return new RestResponse(status, "text/xml; charset=utf-8", Xml.write(envelope), method, errorCode);
    return new RestResponse(status, "application/json; charset=utf-8", Json.write(envelope), method, errorCode);
  }

  /** The canonical name of a registered method, else null: unknown names must not grow the metrics labels. */
  private String label(String method) {
    return dispatcher.registry().find(method).map(Method::name).orElse(null);
  }

  private static String textOf(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  /** Used by batch: the same authentication-free path for sub-commands. */
  public static List<String> telemetryNames() {
    return List.copyOf(TELEMETRY);
  }
}
