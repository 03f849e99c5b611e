package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.auth.Secrets;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.StoreException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitrix24's classic REST gateway, free of HTTP-server types, in the order a request meets it:
 * <ol>
 *   <li>the request ({@link #handle(RestRequest)}): the URL form ({@code /rest/{user}/{code}/{method}} or
 *       {@code /rest/{method}} with {@code auth}), the credential, the parameters, the rate limit;
 *   <li>the call ({@link #call}): the method in the table, its scope, the operating-time budget, the handler in one
 *       transaction (through the reply store when it writes and a request id came), refusals mapped to errors;
 *       {@code batch} runs its sub-commands through this half alone;
 *   <li>the envelope: {@code {result,total,next,time}} or {@code {error, error_description}}, as JSON or XML.
 * </ol>
 */
public final class Gateway {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);
  /** Parameters the JS SDK adds to every call; they are not parameters of the method. */
  static final Set<String> TELEMETRY = Set.of("bx24_request_id", "bx24_sdk_ver", "bx24_sdk_type");

  private final MethodRegistry registry;
  private final OperatingBudget budget;
  private final AuthStore auth;
  private final RateLimiter rateLimiter;
  private final ZoneId zone;
  private final String language;
  private volatile GatewayHook hook = GatewayHook.NONE;
  private volatile AuthThrottle throttle = AuthThrottle.OFF;
  private volatile Dialect v3;
  private Clock clock = Clock.systemUTC();
  private volatile IdempotentCalls idempotent;
  private volatile Database db;

  /** What a call came to: a result (with list totals) or an error, and its timing. */
  public record Outcome(Object result, Long total, Long next, RestException error, Timing timing) {
    public boolean ok() {
      return error == null;
    }
  }

  /** Another dialect served under {@code /rest/api/}: REST 3.0. */
  public interface Dialect {
    /** Serves {@code request}; tells {@code steering} the caller and method once they are known. */
    RestResponse handle(RestRequest request, Steering steering);
  }

  /**
   * What a dialect tells the gateway once it knows who calls what: the hook may delay the call, fail it (a
   * {@link RestException} the dialect answers in its own form) or have its connection cut.
   */
  public interface Steering {
    Steering NONE = (caller, method) -> GatewayHook.Cut.NONE;

    GatewayHook.Cut beforeCall(Caller caller, String method);
  }

  /** The clock of the answers' {@code time} blocks (the portal's); real time until set. */
  public Gateway clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** When a call starts, on the portal's clock. */
  Timing.Start start() {
    return Timing.Start.now(clock);
  }

  /** Serves {@code /rest/api/…} with {@code v3}; until set, those paths are unknown methods as before. */
  public void serveApi(Dialect dialect) {
    this.v3 = dialect;
  }

  public Gateway(MethodRegistry registry, OperatingBudget budget, String language, AuthStore auth,
      RateLimiter rateLimiter, ZoneId zone) {
    this.registry = registry;
    this.budget = budget;
    this.language = language;
    this.auth = auth;
    this.rateLimiter = rateLimiter;
    this.zone = zone;
  }

  /** Makes writes retried with the same request id apply once (see {@link IdempotentCalls}). */
  public Gateway idempotent(IdempotentCalls calls) {
    this.idempotent = calls;
    return this;
  }

  /**
   * Runs every call (but those that open their own, {@link Method#oneTransaction}) as one transaction on one pool
   * connection: the handler, the services it calls, the answer's view and an idempotent call's stored reply.
   */
  public Gateway transactions(Database db) {
    this.db = db;
    return this;
  }

  /** Installs the hook called around every request (see {@link GatewayHook}). */
  public Gateway hook(GatewayHook hook) {
    this.hook = hook;
    return this;
  }

  /** Throttles failed authentications per client address (see {@link AuthThrottle}). */
  public Gateway throttle(AuthThrottle throttle) {
    this.throttle = throttle;
    return this;
  }

  public MethodRegistry registry() {
    return registry;
  }

  public String language() {
    return language;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The URL form of one request. */
  record Target(String method, Long webhookUser, String webhookCode, boolean xml) {}

  /**
   * Serves one request. Throws {@link GatewayHook.ConnectionCut} when the hook asked for the connection to be
   * closed without an answer.
   */
  public RestResponse handle(RestRequest request) {
    GatewayHook h = hook;
    for (int attempt = 1; ; attempt++) {
      h.beforeRequest();
      GatewayHook.Exchange x = new GatewayHook.Exchange();
      Dialect api = v3;
      RestResponse response;
      try {
        if (api != null && isApiPath(request.path())) {
          // REST 3.0 authenticates on its own and steers through the hook once the caller is known (faults,
          // the journal's caller); until then the journal names the call without the path's credentials
          x.method = apiLabel(request.path());
          response = throttled(api, request, (caller, method) -> {
            x.caller = caller;
            x.method = "api/" + method;
            GatewayHook.Cut cut = h.beforeCall(caller, method);
            x.cut = cut;
            return cut;
          });
        } else {
          response = handle(request, h, x);
        }
      } catch (GatewayHook.Redo redo) {
        // shared state changed between the start of the request and its transaction: nothing ran, so the
        // request is served again from the start on the state the database holds now
        if (attempt < REDO_ATTEMPTS) continue;
        response = error(RestException.of(RestError.OVERLOAD_LIMIT), false, x.method);
      }
      if (!x.recorded) h.afterCall(x, response);
      if (x.cut != GatewayHook.Cut.NONE) throw new GatewayHook.ConnectionCut();
      return response;
    }
  }

  /** How often a request is served again when the shared state keeps changing under it (see {@link GatewayHook#inCall}). */
  static final int REDO_ATTEMPTS = 5;

  private RestResponse handle(RestRequest request, GatewayHook h, GatewayHook.Exchange x) {
    Target target;
    try {
      target = parsePath(request.path());
    } catch (RestException e) {
      return error(e, false, null);
    }
    x.method = target.method();
    try {
      // Before the caller is known, work is bounded: a throttled address is refused at once; a credential in the
      // path, the Authorization header or the query string is checked before the body is decoded; the decoding
      // itself is linear and capped (ParamDecoder).
      String address = request.remoteAddress();
      if (throttle.blocked(address)) throw RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
      ParamDecoder.Decoding decoding = new ParamDecoder.Decoding();
      ObjectNode params = ParamDecoder.query(request.rawQuery(), decoding);
      Caller caller = null;
      JsonNode earlyAuth = params.get("auth");
      if (target.webhookUser() != null || request.authorization() != null || earlyAuth != null) {
        caller = authenticate(target, earlyAuth, request.authorization(), address);
      }
      ParamDecoder.mergeBody(params, request.contentType(), request.body(), decoding);
      String requestId = textOf(params.get("bx24_request_id"));
      for (String t : TELEMETRY) params.remove(t);
      JsonNode authParam = params.remove("auth");
      // like auth, auth_connector belongs to the credential, not to the method (events read it from the context)
      String connector = textOf(params.remove("auth_connector"));
      String token = target.webhookUser() == null ? Credentials.tokenOf(authParam, request.authorization()) : null;
      x.params = params;
      // an auth in the body wins over one in the query string, as PHP's $_REQUEST has it
      if (caller == null || (target.webhookUser() == null && authParam != null && !authParam.equals(earlyAuth))) {
        caller = authenticate(target, authParam, request.authorization(), address);
      }
      x.caller = caller;
      GatewayHook.Cut cut = h.beforeCall(caller, target.method());
      if (cut == GatewayHook.Cut.BEFORE) {
        x.cut = cut;
        return error(RestException.of(RestError.INTERNAL_SERVER_ERROR), target.xml(), target.method());
      }
      if (!rateLimiter.tryAcquire(caller.credentialKey())) throw RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
      Caller who = caller;
      // the answer is written, and the hook sees it (the journal), inside the call's own transaction
      Finish<RestResponse> finish = new Finish<>() {
        @Override
        public void start() {
          h.inCall();
        }

        @Override
        public RestResponse end(Outcome outcome) {
          x.cut = cut;
          RestResponse out = outcome.ok() ? success(outcome, target)
              : error(outcome.error(), target.xml(), target.method());
          h.afterCall(x, out);
          x.recorded = true;
          return out;
        }
      };
      return CallContext.run(caller, connector, token == null ? null : Secrets.hashHex(token),
          () -> call(who, target.method(), params, requestId, false, finish));
    } catch (RestException e) {
      return error(e, target.xml(), target.method());
    }
  }

  /** REST 3.0 under the same throttle: a blocked address is refused first, and its 401s count as failures. */
  private RestResponse throttled(Dialect api, RestRequest request, Steering steering) {
    String address = request.remoteAddress();
    RestException limited = RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
    if (throttle.blocked(address)) return error(limited, false, null);
    RestResponse out = api.handle(request, steering);
    if (out.status() == 401 && throttle.failed(address)) return error(limited, false, null);
    return out;
  }

  private Caller authenticate(Target target, JsonNode authParam, String authorizationHeader, String address) {
    try {
      return Credentials.authenticate(auth, target.webhookUser(), target.webhookCode(), authParam,
          authorizationHeader);
    } catch (RestException e) {
      // every failed authentication counts against the client's address; beyond the burst: throttled
      if (throttle.failed(address)) throw RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
      throw e;
    }
  }

  /** {@code api/1/code/tasks.task.get} as {@code api/tasks.task.get}: a REST 3.0 path without its credentials. */
  static String apiLabel(String rawPath) {
    String p = rawPath == null ? "" : rawPath;
    while (p.startsWith("/")) p = p.substring(1);
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    String[] parts = p.split("/", -1);
    return parts.length >= 2 ? "api/" + parts[parts.length - 1] : p;
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

  // ---- the call ---------------------------------------------------------------------------------------------

  /**
   * Runs one method call for an authenticated caller and reports the result or the error with its timing; knows
   * nothing of HTTP, so {@code batch} runs its sub-commands through it too.
   */
  public Outcome call(Caller caller, String methodName, ObjectNode params, String requestId, boolean inBatch) {
    return call(caller, methodName, params, requestId, inBatch, Finish.OUTCOME);
  }

  /**
   * What happens around a call's work inside its transaction: {@link #start} first, {@link #end} with the outcome
   * before the commit (after the rollback when the call failed). A call without a transaction of its own (refused
   * before its work, or a method that opens its own) gets {@code end} alone.
   */
  interface Finish<R> {
    Finish<Outcome> OUTCOME = o -> o;

    default void start() {}

    R end(Outcome outcome);
  }

  private <R> R call(Caller caller, String methodName, ObjectNode params, String requestId, boolean inBatch,
      Finish<R> finish) {
    Timing.Start start = start();
    Optional<Method> found = registry.find(methodName);
    if (found.isEmpty()) return finish.end(failed(RestException.of(RestError.METHOD_NOT_FOUND), start));
    Method method = found.get();
    if (!caller.hasScope(method.scope())) return finish.end(failed(RestException.of(RestError.INSUFFICIENT_SCOPE), start));
    if (inBatch && !method.batchable()) {
      return finish.end(failed(RestException.of(RestError.ERROR_BATCH_METHOD_NOT_ALLOWED), start));
    }
    // limits.md: the outer batch call is not counted against the operating budget; its sub-calls are.
    boolean charged = !Batch.NAME.equals(method.name());
    try {
      if (charged) budget.check(caller.credentialKey(), method.name());
    } catch (RestException e) {
      return finish.end(failed(e, start));
    }
    Call call = new Call(caller, method, new Params(params), language, requestId, inBatch);
    IdempotentCalls once = idempotent;
    Supplier<Object> work = once != null && once.applies(method, params, requestId, inBatch)
        ? () -> once.once(caller.credentialKey(), requestId, method.name(), params,
            () -> method.handler().handle(call))
        : () -> method.handler().handle(call);
    Database store = db;
    if (store == null || !method.oneTransaction()) return finish.end(run(method, caller, charged, start, work, true));
    if (store.inTransaction()) {
      // a command of a batch that runs inside the batch's own transaction (a retried batch's stored reply): the
      // command is a unit of it, undone on its own (a savepoint) when it fails, the batch going on
      return finish.end(run(method, caller, charged, start, () -> store.call(tx -> work.get()), true));
    }
    try {
      return store.call(tx -> {
        finish.start();
        Outcome outcome = run(method, caller, charged, start, work, false);
        // a refused call leaves nothing behind; what end writes (the journal) commits on the same connection
        if (!outcome.ok()) tx.rollbackAndContinue();
        return finish.end(outcome);
      });
    } catch (StoreException e) {
      // the commit itself failed, or the transaction kept losing to concurrent ones: nothing was written
      return finish.end(outcome(method, caller, charged, start, null, storeError(method, caller, e)));
    }
  }

  /**
   * The handler's work and what it came to. Inside a call's transaction ({@code alone} false) a deadlock or
   * serialization failure is passed on, so the transaction is run again as a whole.
   */
  private Outcome run(Method method, Caller caller, boolean charged, Timing.Start start, Supplier<Object> work,
      boolean alone) {
    long cpuStart = System.nanoTime();
    Object result;
    RestException error = null;
    try {
      result = work.get();
    } catch (RestException e) {
      result = null;
      error = e;
    } catch (GatewayHook.Redo e) {
      throw e;
    } catch (StoreException e) {
      if (!alone && Database.retryable(e)) throw e;
      result = null;
      error = storeError(method, caller, e);
    } catch (RuntimeException | StackOverflowError e) {
      Optional<RestException> refused = e instanceof RuntimeException r ? registry.refusal(r, method) : Optional.empty();
      if (refused.isPresent()) {
        error = refused.get();
        result = null;
      } else {
        // Never show the exception to the client: it may carry SQL, paths or data. The log has it.
        log.error("Method {} failed for user {}", method.name(), caller.userId(), e);
        result = null;
        error = RestException.of(RestError.INTERNAL_SERVER_ERROR);
      }
    }
    return outcome(method, caller, charged, start, cpuStart, result, error);
  }

  private Outcome outcome(Method method, Caller caller, boolean charged, Timing.Start start, Object result,
      RestException error) {
    return outcome(method, caller, charged, start, System.nanoTime(), result, error);
  }

  private Outcome outcome(Method method, Caller caller, boolean charged, Timing.Start start, long cpuStart,
      Object result,
      RestException error) {
    double processing = (System.nanoTime() - cpuStart) / 1e9;
    OperatingBudget.Usage usage = budget.charge(caller.credentialKey(), method.name(), charged ? processing : 0);
    Timing timing = start.until(processing, usage.operating(), usage.resetAt());
    if (error != null) return new Outcome(null, null, null, error, timing);
    if (result instanceof Page page) return new Outcome(page.result(), page.total(), page.next(), null, timing);
    return new Outcome(result, null, null, null, timing);
  }

  /**
   * A transaction that kept losing to concurrent ones wrote nothing and may be sent again: 503, which the SDKs
   * retry (with the same request id). Anything else the store reports is an internal error, logged here.
   */
  private static RestException storeError(Method method, Caller caller, StoreException e) {
    if (e.conflict()) return RestException.of(RestError.OVERLOAD_LIMIT);
    RestException refused = refusedValue(e.sqlState());
    if (refused != null) {
      log.debug("Method {} refused by the store (SQLSTATE {})", method.name(), e.sqlState());
      return refused;
    }
    log.error("Method {} failed for user {}", method.name(), caller.userId(), e);
    return RestException.of(RestError.INTERNAL_SERVER_ERROR);
  }

  /**
   * SQLSTATEs that mean the input, not the server, is at fault (class 22 data exceptions, class 23 integrity
   * violations), and 57014 (statement_timeout): Bitrix-style errors instead of 500, with no SQL in the text.
   */
  static RestException refusedValue(String sqlState) {
    if (sqlState == null) return null;
    if (sqlState.equals("57014")) return RestException.of(RestError.STATEMENT_TIMEOUT);
    if (sqlState.equals("23505")) return RestException.of(RestError.VALUE_REFUSED, "it duplicates an existing record");
    if (sqlState.equals("23503")) return RestException.of(RestError.VALUE_REFUSED, "it refers to a record that does not exist");
    if (sqlState.startsWith("23")) return RestException.of(RestError.VALUE_REFUSED, "it breaks a rule of the store");
    if (sqlState.startsWith("22")) return RestException.of(RestError.VALUE_REFUSED, "it is out of range or malformed");
    return null;
  }

  static Outcome failed(RestException e, Timing.Start start) {
    return new Outcome(null, null, null, e, start.until(0, 0, 0));
  }

  // ---- the envelope -----------------------------------------------------------------------------------------

  private RestResponse success(Outcome outcome, Target target) {
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
    return registry.find(method).map(Method::name).orElse(null);
  }

  private static String textOf(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  /** Used by batch: the same authentication-free path for sub-commands. */
  public static List<String> telemetryNames() {
    return List.copyOf(TELEMETRY);
  }
}
