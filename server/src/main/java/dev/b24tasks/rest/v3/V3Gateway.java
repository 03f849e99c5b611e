package dev.b24tasks.rest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.auth.Secrets;
import dev.b24tasks.rest.CallContext;
import dev.b24tasks.rest.Credentials;
import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.GatewayHook;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.Messages;
import dev.b24tasks.rest.OperatingBudget;
import dev.b24tasks.rest.ParamDecoder;
import dev.b24tasks.rest.RateLimiter;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.RestRequest;
import dev.b24tasks.rest.RestResponse;
import dev.b24tasks.rest.Timing;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.StoreException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST 3.0 under {@code /rest/api/} (reference/bitrix-events-and-v3.md §B.2, §B.3): {@code api/{user}/{code}/{method}}
 * or {@code api/{method}} with {@code auth} in the body, an optional trailing slash, the query string ignored,
 * POST with a JSON body (GET for calls without parameters), the same credentials, scopes, rate limit and
 * operating budget as the classic dialect. Answers {@code {"result":{…},"time":{…}}} or
 * {@code {"error":{"code","message","validation"}}} (no {@code time}).
 */
public final class V3Gateway implements Gateway.Dialect {
  private static final Logger log = LoggerFactory.getLogger(V3Gateway.class);
  private static final String JSON = "application/json; charset=utf-8";
  /** Credentials grant {@code task}; REST 3.0 calls the same scope {@code tasks}. */
  public static final String BATCH = "batch";

  private final V3Registry registry;
  private final AuthStore auth;
  private final Clock clock;
  private final RateLimiter rateLimiter;
  private final OperatingBudget budget;
  private final V3Idempotency idempotency;
  private final Database db;
  private final ZoneId zone;
  private final String language;

  public V3Gateway(V3Registry registry, AuthStore auth, RateLimiter rateLimiter, OperatingBudget budget, Database db,
      Clock clock, ZoneId zone, String language) {
    this.registry = registry;
    this.auth = auth;
    this.rateLimiter = rateLimiter;
    this.budget = budget;
    this.idempotency = new V3Idempotency(db, clock);
    this.clock = clock;
    this.db = db;
    this.zone = zone;
    this.language = language;
  }

  public V3Registry registry() {
    return registry;
  }

  /** The URL form: method and, for webhooks, user and code. */
  record Target(String method, Long user, String code) {}

  @Override
  public RestResponse handle(RestRequest request, Gateway.Steering steering) {
    Timing.Start start = Timing.Start.now(clock);
    Target target;
    try {
      target = parsePath(request.path());
    } catch (V3Exception e) {
      return error(e, null);
    }
    try {
      String http = request.httpMethod() == null ? "POST" : request.httpMethod().toUpperCase(Locale.ROOT);
      if (!http.equals("POST") && !http.equals("GET")) throw V3Exception.of(V3Error.WRONG_HTTP_METHOD);
      JsonNode body = http.equals("GET") ? Json.object() : body(request);
      JsonNode authParam = null;
      String connector = null;
      if (body instanceof ObjectNode o) {
        authParam = o.remove("auth");
        // as in the classic gateway: auth_connector belongs to the credential (events read it from the context)
        JsonNode c = o.remove("auth_connector");
        if (c != null && !c.isContainerNode()) connector = c.asText();
      }
      Caller caller;
      try {
        caller = Credentials.authenticate(auth, target.user(), target.code(), authParam, request.authorization());
      } catch (RestException e) {
        return classic(e, target.method());
      }
      String token = target.user() == null ? Credentials.tokenOf(authParam, request.authorization()) : null;
      // the portal's faults, as on the classic path: a delay, a refusal in this dialect's form, a cut connection
      GatewayHook.Cut cut;
      try {
        cut = steering.beforeCall(caller, target.method());
      } catch (RestException e) {
        return fault(e, target.method());
      }
      if (cut == GatewayHook.Cut.BEFORE) return error(V3Exception.of(V3Error.INTERNAL), target.method());
      JsonNode parsed = body;
      // the hit the events see: the loop guard and an app's own-change filter work as for the classic REST
      return CallContext.run(caller, connector, token == null ? null : Secrets.hashHex(token),
          () -> serve(request, target, parsed, caller, start));
    } catch (V3Exception e) {
      return error(e, target.method());
    }
  }

  private RestResponse serve(RestRequest request, Target target, JsonNode parsed, Caller caller, Timing.Start start) {
    JsonNode body = parsed;
    try {
      if (!rateLimiter.tryAcquire(caller.credentialKey())) throw V3Exception.of(V3Error.RATE_LIMIT);
      if (target.method().equalsIgnoreCase(BATCH)) {
        List<Object> results = new V3Batch(this, caller).run(body);
        // the batch itself is not charged (its commands are); its time block still says when the window resets
        OperatingBudget.Usage usage = budget.charge(caller.credentialKey(), BATCH, 0);
        return render(200, envelope(results, timing(start, 0, new OperatingBudget.Usage(0, usage.resetAt()))),
            label(BATCH), null, Map.of());
      }
      V3Method method = registry.find(target.method())
          .orElseThrow(() -> V3Exception.of(V3Error.METHOD_NOT_FOUND, target.method()));
      // PHP writes an empty array as [], so an empty list is an empty parameter object
      if (body.isArray() && body.isEmpty()) body = Json.object();
      if (!(body instanceof ObjectNode params)) throw V3Exception.of(V3Error.INVALID_JSON);
      String key = request.header("idempotency-key");
      if (key != null && method.writes()) {
        V3Idempotency.check(key);
        long cpu = System.nanoTime();
        V3Idempotency.Answer answer = idempotency.once(caller.credentialKey(), caller.userId(), method.name(), key,
            request.body(), () -> {
              Object payload = invoke(caller, method, params, false);
              return Json.write(payload);
            });
        double seconds = (System.nanoTime() - cpu) / 1e9;
        OperatingBudget.Usage usage = budget.charge(caller.credentialKey(), method.name(), answer.replayed() ? 0 : seconds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", key);
        if (answer.replayed()) headers.put("Idempotent-Replayed", "true");
        return render(200, envelope(Json.MAPPER.readTree(answer.body()), timing(start, seconds, usage)), label(method.name()),
            null, headers);
      }
      long cpu = System.nanoTime();
      Object payload = invoke(caller, method, params, false);
      double seconds = (System.nanoTime() - cpu) / 1e9;
      OperatingBudget.Usage usage = budget.charge(caller.credentialKey(), method.name(), seconds);
      if (payload instanceof RawDocument doc) return render(200, doc.document(), label(method.name()), null, Map.of());
      return render(200, envelope(payload, timing(start, seconds, usage)), label(method.name()), null, Map.of());
    } catch (V3Exception e) {
      return error(e, target.method());
    } catch (java.io.IOException e) {
      log.error("A stored REST 3.0 answer cannot be read", e);
      return error(V3Exception.of(V3Error.INTERNAL), target.method());
    }
  }

  /** A document answered as it is, without {@code result} or {@code time} (the OpenAPI document). */
  public record RawDocument(Object document) {}

  /**
   * Runs one method for an authenticated caller: scope, operating budget, the handler; maps failures to REST 3.0
   * errors. Used for single calls and for each command of a batch.
   */
  Object invoke(Caller caller, V3Method method, ObjectNode params, boolean inBatch) {
    if (!caller.hasScope(method.scope())) throw V3Exception.of(V3Error.INSUFFICIENT_SCOPE);
    try {
      budget.check(caller.credentialKey(), method.name());
    } catch (RestException e) {
      throw V3Exception.of(V3Error.RATE_LIMIT);
    }
    try {
      // one transaction on one pool connection for the whole call, as for the classic REST (Database.call)
      return db.call(tx -> method.handler().handle(new V3Call(caller, method, params, language)));
    } catch (V3Exception e) {
      throw e;
    } catch (StoreException e) {
      if (e.conflict()) throw V3Exception.of(V3Error.RATE_LIMIT);
      log.error("REST 3.0 method {} failed for user {}", method.name(), caller.userId(), e);
      throw V3Exception.of(V3Error.INTERNAL);
    } catch (RuntimeException | StackOverflowError e) {
      // Never the exception text in an answer: it may carry SQL, paths or data. The log has it.
      log.error("REST 3.0 method {} failed for user {}", method.name(), caller.userId(), e);
      throw V3Exception.of(V3Error.INTERNAL);
    }
  }

  /** {@code api/1/abc/tasks.task.get/}, {@code api/tasks.task.get}: method and credentials. */
  static Target parsePath(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    while (path.startsWith("/")) path = path.substring(1);
    if (path.startsWith("api")) path = path.substring(3);
    while (path.startsWith("/")) path = path.substring(1);
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length; i++) parts[i] = ParamDecoder.urlDecode(parts[i]);
    if (parts.length == 1 && !parts[0].isEmpty()) return new Target(parts[0], null, null);
    if (parts.length == 3 && parts[0].matches("\\d{1,18}") && !parts[1].isEmpty() && !parts[2].isEmpty()) {
      return new Target(parts[2], Long.parseLong(parts[0]), parts[1]);
    }
    throw V3Exception.of(V3Error.METHOD_NOT_FOUND, path);
  }

  /** The body as JSON: form data, multipart or broken JSON is INVALIDJSONEXCEPTION. Empty is {@code {}}. */
  private JsonNode body(RestRequest request) {
    byte[] bytes = request.body() == null ? new byte[0] : request.body();
    String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
    if (bytes.length == 0) return Json.object();
    if (!type.isEmpty() && !type.contains("json")) throw V3Exception.of(V3Error.INVALID_JSON);
    try {
      JsonNode n = Json.MAPPER.readTree(bytes);
      if (n == null || !(n.isObject() || n.isArray())) throw V3Exception.of(V3Error.INVALID_JSON);
      try {
        // the classic caps, before the caller is known: values, keys per array, NUL
        ParamDecoder.checkCaps(n);
      } catch (RestException e) {
        throw V3Exception.message(V3Error.INVALID_JSON, "LITERAL", e.description(language));
      }
      return n;
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof V3Exception v) throw v;
      throw V3Exception.of(V3Error.INVALID_JSON);
    }
  }

  private Timing timing(Timing.Start start, double seconds, OperatingBudget.Usage usage) {
    return start.until(seconds, usage.operating(), usage.resetAt());
  }

  private Map<String, Object> envelope(Object payload, Timing timing) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", payload);
    out.put("time", timing.toMap(zone, true));
    return out;
  }

  /** {@code {"error":{"code","message","validation"}}}. */
  RestResponse error(V3Exception e, String method) {
    return render(e.error().status, errorBody(e), label(method), e.error().code, Map.of());
  }

  Map<String, Object> errorBody(V3Exception e) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", e.error().code);
    err.put("message", Messages.text("v3", e.key(), language, e.args()));
    if (!e.validation().isEmpty()) {
      ArrayNode list = Json.MAPPER.createArrayNode();
      for (V3Exception.Validation v : e.validation()) {
        ObjectNode row = list.addObject();
        row.put("field", v.field());
        row.put("message", Messages.text("v3", v.key(), language, v.args()));
      }
      err.put("validation", list);
    }
    return Map.of("error", err);
  }

  /** Authentication failures keep the classic body ({@code expired_token} is what clients refresh on). */
  /** A fault the portal controls injected: limits as REST 3.0 answers them, an expired token as every dialect. */
  private RestResponse fault(RestException e, String method) {
    return switch (e.code()) {
      case "QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT" -> error(V3Exception.of(V3Error.RATE_LIMIT), method);
      case "INTERNAL_SERVER_ERROR" -> error(V3Exception.of(V3Error.INTERNAL), method);
      default -> classic(e, method);
    };
  }

  private RestResponse classic(RestException e, String method) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.code());
    body.put("error_description", e.description(language));
    return render(e.status(), body, label(method), e.code(), Map.of());
  }

  private String label(String method) {
    if (method == null) return null;
    if (method.equalsIgnoreCase(BATCH)) return "v3:batch";
    Optional<V3Method> m = registry.find(method);
    return m.map(x -> "v3:" + x.name()).orElse(null);
  }

  private static RestResponse render(int status, Object body, String method, String errorCode,
      Map<String, String> headers) {
    return new RestResponse(status, JSON, Json.write(body), method, errorCode, headers);
  }
}
