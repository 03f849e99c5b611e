package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.client.tasks.Tasks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A Bitrix24 REST client: one per portal and set of credentials, thread-safe, meant to be shared.
 *
 * <pre>{@code
 * Bitrix24 b24 = Bitrix24.webhook("https://example.bitrix24.com/rest/1/abc123/");
 * Task t = b24.tasks().add(TaskFields.create().title("Call back").responsibleId(1));
 * b24.tasks().start(t.id());
 * }</pre>
 *
 * <p>Every call is a JSON {@code POST}. It goes through a client-side leaky bucket ({@link RateLimit}, standard
 * plan by default) and is retried, with the same {@code bx24_request_id}, after:
 *
 * <ul>
 *   <li>{@code 503 QUERY_LIMIT_EXCEEDED}: waits of 1.5 s, then ×1.5 each time;
 *   <li>{@code 429 OPERATION_TIME_LIMIT}: until the method's window resets ({@code time.operating_reset_at}), at
 *       least 10 s; a method near its budget waits before it is sent;
 *   <li>other 5xx and timeouts: exponential backoff from {@link Builder#retryDelay(Duration)}, ±10 %, at most 30 s;
 *   <li>a lost answer (connection closed, timeout): reads always; writes when {@link Builder#retryLostWrites}
 *       (on by default), because b24-tasks applies a write retried with the same request id once. Legacy
 *       positional methods ({@code task.*}) carry no request id (the portal reads them by position), so their
 *       writes and batches of writes are not retried after a lost answer.
 * </ul>
 *
 * <p>Other 4xx answers are never retried. An OAuth client renews its access token on {@code 401 expired_token}
 * (or when its known expiry has passed), once per expiry however many calls hit it, and tells the
 * {@code onRenewed} callback the new tokens.
 */
public final class Bitrix24 implements AutoCloseable {
  /** The client's version, sent as {@code bx24_sdk_ver} and in the User-Agent. */
  public static final String VERSION = "0.1.0";

  private static final String SDK_TYPE = "b24-tasks-java";
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** Codes never retried whatever their status (the JS SDK's list, less those a 4xx already rules out). */
  private static final Set<String> HARD_CODES = Set.of("INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER",
      "PORTAL_DELETED", "OVERLOAD_LIMIT", "ERROR_BATCH_METHOD_NOT_ALLOWED", "ERROR_BATCH_LENGTH_EXCEEDED");
  /** Last name segments of methods that only read, as b24-tasks classifies them. */
  private static final Set<String> READ_NAMES =
      Set.of("list", "fields", "current", "time", "methods", "scope", "profile", "count");

  private final Credentials.Webhook webhook;
  private final OAuthApp app;
  private final Consumer<OAuthTokens> onRenewed;
  private volatile OAuthTokens tokens;
  private final Object refreshLock = new Object();

  private final HttpClient http;
  private final boolean ownHttp;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final boolean retryLostWrites;
  private final RateLimit rateLimit;
  private final LeakyBucket bucket;
  private final OperatingLimiter operating;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String userAgent;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong renewals = new AtomicLong();

  private final Tasks tasks;

  private Bitrix24(Builder b) {
    this.webhook = b.webhook;
    this.app = b.app;
    this.onRenewed = b.onRenewed == null ? t -> {} : b.onRenewed;
    this.tokens = b.tokens;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.retryDelay = b.retryDelay;
    this.retryLostWrites = b.retryLostWrites;
    this.rateLimit = b.rateLimit;
    this.bucket = new LeakyBucket(b.rateLimit, clock);
    this.operating = new OperatingLimiter(b.operatingLimit, clock);
    this.userAgent = "b24-tasks-java-client/" + VERSION;
    this.tasks = new Tasks(this);
    if (b.http != null) {
      this.http = b.http;
      this.ownHttp = false;
    } else {
      boolean plain = target().startsWith("http:");
      // Plain http gets HTTP/1.1: the JDK's HTTP/2 default would send an h2c upgrade on every new connection.
      HttpClient.Builder hb = HttpClient.newBuilder();
      if (b.sslContext != null) hb.sslContext(b.sslContext);
      this.http = hb.connectTimeout(b.connectTimeout)
          .version(plain ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
          // Never followed: the JDK turns a redirected POST into a GET without its body. A portal that moved
          // answers 3xx, which surfaces as an error with that status.
          .followRedirects(HttpClient.Redirect.NEVER).build();
      this.ownHttp = true;
    }
  }

  /** A client of an inbound webhook, {@code https://portal/rest/{userId}/{code}/}, with the default settings. */
  public static Bitrix24 webhook(String url) {
    return builder().webhook(url).build();
  }

  /**
   * A client of an OAuth application's installation. {@code onRenewed} is told the new tokens each time the
   * client renews them, so the application can store them (it runs on the calling thread, inside the renewal).
   */
  public static Bitrix24 oauth(OAuthApp app, OAuthTokens tokens, Consumer<OAuthTokens> onRenewed) {
    return builder().oauth(app, tokens, onRenewed).build();
  }

  /** A builder for every setting. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------------------------------------ calling

  /** Calls {@code method} without parameters. */
  public Response call(String method) {
    return call(method, null);
  }

  /**
   * Calls {@code method} with {@code params}: a {@link Map}, a record or bean, or a Jackson tree; a {@link List}
   * for positional legacy methods ({@code [taskId, fields]} goes as {@code {"0":…,"1":…}}). Dates
   * ({@link java.time.OffsetDateTime} and friends) are written as ISO-8601 text.
   *
   * @throws Bitrix24Exception (or a subtype) when the portal answers an error, after the retries described on
   *     the class
   */
  public Response call(String method, Object params) {
    Objects.requireNonNull(method, "method");
    return execute(method, Json.params(params), false, lossRetryable(method));
  }

  /**
   * Calls a REST 3.0 method ({@code /rest/api/…}): the same credentials, limits and retries; a write (add,
   * update, delete) carries its request id as {@code Idempotency-Key}, so it is resent after a lost answer and
   * applied once. Errors in the v3 shape ({@code {"error":{"code","message","validation"}}}) become the same
   * exceptions ({@code …ENTITYNOTFOUNDEXCEPTION} a {@link NotFoundException}, the validation list in the
   * description). Typed v3 tasks: {@link dev.b24tasks.client.tasks.Tasks#v3()}.
   */
  public Response callV3(String method, Object params) {
    Objects.requireNonNull(method, "method");
    return execute(method, Json.params(params), true, isRead(method) || (retryLostWrites && v3Idempotent(method)));
  }

  /**
   * Every row of a list method, page after page as the stream is consumed, the way {@link Paging#AUTO} picks.
   * For {@code tasks.task.list} the rows are under {@code tasks} and their id is {@code id}; both are found.
   */
  public Stream<JsonNode> stream(String method, Object params) {
    return stream(method, params, Paging.AUTO);
  }

  /** Every row of a list method, walked as {@code paging} says. */
  public Stream<JsonNode> stream(String method, Object params, Paging paging) {
    return Pages.stream(this, method, Json.params(params), paging);
  }

  /** Sends up to 50 commands as one {@code batch} call. */
  public BatchResult batch(BatchRequest batch) {
    if (batch.size() == 0) return new BatchResult(Map.of(), Time.NONE);
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.put("halt", batch.halts() ? 1 : 0);
    ObjectNode cmd = params.putObject("cmd");
    boolean reads = true;
    for (Map.Entry<String, Command> c : batch.commands().entrySet()) {
      cmd.put(c.getKey(), c.getValue().method() + "?" + Json.query(Json.params(c.getValue().params())));
      reads &= isRead(c.getValue().method());
    }
    // b24-tasks keeps no answer of a batch for replay, so a batch is sent again after a lost answer only if it
    // only reads
    Response r = execute("batch", params, false, reads);
    return Batches.parse(batch, r);
  }

  /**
   * Sends up to 50 REST 3.0 commands as one {@code batch} call ({@code /rest/api/…/batch}): in order,
   * all-or-nothing (the first failing command's error is thrown, as from {@link #callV3}; the commands before it
   * stay done). Sent again after a lost answer only when every command reads.
   */
  public BatchV3.Result batchV3(BatchV3 batch) {
    if (batch.size() == 0) return new BatchV3.Result(List.of(), Map.of(), Time.NONE);
    // the JS SDK's numeric-key object form: one body that can also carry an OAuth client's auth
    ObjectNode params = Json.MAPPER.createObjectNode();
    boolean reads = true;
    int i = 0;
    for (BatchV3.Command c : batch.commands()) {
      ObjectNode one = params.putObject(Integer.toString(i++));
      one.put("method", c.method());
      one.set("query", Json.params(c.query()));
      if (c.as() != null) one.put("as", c.as());
      reads &= isRead(c.method());
    }
    return BatchV3.Result.of(batch, execute("batch", params, true, reads));
  }

  /**
   * Any number of commands, sent in batches of 50 one after another; the outcomes in the order of
   * {@code commands}. References between commands ({@link BatchRequest#ref}) work within one chunk of 50 only,
   * with the keys {@code "0"} to {@code "49"} of the chunk. With {@code halt} the first failure stops everything
   * after it (later commands come back {@link CommandResult#skipped() skipped}).
   */
  public List<CommandResult> batchAll(List<Command> commands, boolean halt) {
    List<CommandResult> out = new ArrayList<>(commands.size());
    boolean stopped = false;
    for (int from = 0; from < commands.size(); from += BatchRequest.MAX_COMMANDS) {
      List<Command> chunk = commands.subList(from, Math.min(commands.size(), from + BatchRequest.MAX_COMMANDS));
      if (stopped) {
        for (int i = 0; i < chunk.size(); i++) {
          out.add(new CommandResult(Integer.toString(i), chunk.get(i).method(), null, null, null, Time.NONE, null));
        }
        continue;
      }
      BatchRequest b = BatchRequest.create().halt(halt);
      for (int i = 0; i < chunk.size(); i++) b.add(Integer.toString(i), chunk.get(i));
      BatchResult r = batch(b);
      out.addAll(r.results().values());
      stopped = halt && !r.errors().isEmpty();
    }
    return out;
  }

  /** Typed access to tasks and their checklists, comments and elapsed time. */
  public Tasks tasks() {
    return tasks;
  }

  /** The current OAuth tokens (after any renewal), or null for a webhook client. */
  public OAuthTokens tokens() {
    return tokens;
  }

  /** Counters since this client was made. */
  public Stats stats() {
    return new Stats(requests.get(), retries.get(), waits.get(), renewals.get());
  }

  /**
   * What the client did so far.
   *
   * @param requests HTTP requests sent to the portal (every attempt counts; token renewals do not)
   * @param retries attempts repeated after an error or a lost answer
   * @param waits times a call waited for the rate limit, an operating limit or a backoff
   * @param renewals OAuth token renewals
   */
  public record Stats(long requests, long retries, long waits, long renewals) {}

  /** Closes the HTTP client if this client made it. */
  @Override
  public void close() {
    if (ownHttp) http.close();
  }

  // ------------------------------------------------------------------------------------------------ internals

  private String target() {
    return webhook != null ? webhook.restBase() : tokens.clientEndpoint().toString();
  }

  /** Whether a call of {@code method} may be sent again after its answer was lost. */
  private boolean lossRetryable(String method) {
    return isRead(method) || (!positional(method) && retryLostWrites);
  }

  /** REST 3.0 honours {@code Idempotency-Key} on its writing methods: add, update, delete. */
  private static boolean v3Idempotent(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    String last = lower.substring(lower.lastIndexOf('.') + 1);
    return last.equals("add") || last.equals("update") || last.equals("delete");
  }

  /** Legacy positional methods get no query string: a portal would read the extra values as arguments. */
  private static boolean positional(String method) {
    return method.toLowerCase(Locale.ROOT).startsWith("task.");
  }

  /** One logical call with its retries. */
  private Response execute(String method, ObjectNode params, boolean v3, boolean lossRetryable) {
    String requestId = positional(method) ? null : UUID.randomUUID().toString();
    int failures = 0;
    boolean renewed = false;
    while (true) {
      OAuthTokens used = tokens;
      if (used != null && used.expires() != null && !clock.instant().isBefore(used.expires()) && !renewed) {
        used = renew(used);
        renewed = true;
      }
      pause(operating.waitBefore(method));
      for (Duration d = bucket.tryAcquire(); !d.isZero(); d = bucket.tryAcquire()) pause(d);
      try {
        Response r = send(method, params, v3, requestId, used);
        operating.record(method, r.time());
        return r;
      } catch (AuthException e) {
        if (used != null && e.isExpiredToken() && !renewed) {
          renew(used);
          renewed = true;
          continue;
        }
        throw e;
      } catch (Bitrix24Exception e) {
        failures++;
        Duration wait = failures < maxAttempts ? retryWait(e, failures, method, lossRetryable) : null;
        if (wait == null) throw e;
        retries.incrementAndGet();
        pause(wait);
      }
    }
  }

  /** How long to wait before retrying after {@code e}, or null when it must not be retried. */
  private Duration retryWait(Bitrix24Exception e, int failures, String method, boolean lossRetryable) {
    if (e instanceof QueryLimitExceededException) {
      bucket.fill();
      double drain = rateLimit.isOff() ? RateLimit.STANDARD.drainPerSecond() : rateLimit.drainPerSecond();
      double base = retryDelay.toMillis() + 1000 / drain;
      return Duration.ofMillis((long) (base * Math.pow(1.5, failures - 1)));
    }
    if (e instanceof OperationTimeLimitException) return operating.waitAfterLimit(method);
    if (e instanceof TransportException) return lossRetryable ? backoff(failures) : null;
    if (e instanceof AuthException || e instanceof NotFoundException || HARD_CODES.contains(e.code())) return null;
    int s = e.httpStatus();
    return s >= 500 || s == 408 ? backoff(failures) : null;
  }

  private Duration backoff(int failures) {
    double ms = Math.min(MAX_BACKOFF.toMillis(), retryDelay.toMillis() * Math.pow(2, failures - 1));
    ms += ms * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    return Duration.ofMillis(Math.max(100, (long) ms));
  }

  private void pause(Duration d) {
    if (d.isZero() || d.isNegative()) return;
    waits.incrementAndGet();
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("INTERRUPTED", "interrupted while waiting to call", 0, null, e);
    }
  }

  private Response send(String method, ObjectNode params, boolean v3, String requestId, OAuthTokens auth) {
    Credentials where = webhook != null ? webhook : new Credentials.OAuth(auth.clientEndpoint());
    StringBuilder url = new StringBuilder(v3 ? where.v3(method) : where.v2(method));
    if (requestId != null) {
      url.append("?bx24_request_id=").append(requestId).append("&bx24_sdk_ver=").append(VERSION)
          .append("&bx24_sdk_type=").append(SDK_TYPE);
    }
    ObjectNode body = params;
    if (auth != null) {
      body = params.deepCopy();
      body.put("auth", auth.accessToken());
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
        .timeout(requestTimeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
    // REST 3.0 ignores the query string; its writes take the same id as an Idempotency-Key instead
    if (v3 && requestId != null && v3Idempotent(method)) request.header("Idempotency-Key", requestId);
    requests.incrementAndGet();
    HttpResponse<byte[]> response = exchange(request.build(), method);
    return Envelopes.read(method, response.statusCode(), response.body());
  }

  private HttpResponse<byte[]> exchange(HttpRequest request, String method) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TransportException("REQUEST_TIMEOUT", "no answer within " + requestTimeout, 0, method, e);
    } catch (IOException e) {
      throw new TransportException("NETWORK_ERROR", String.valueOf(e.getMessage()), 0, method, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("INTERRUPTED", "interrupted while calling", 0, method, e);
    }
  }

  /**
   * Renews the tokens {@code used} by a call that found them expired. Calls that hit the same expiry together
   * wait for one renewal and share its result.
   */
  private OAuthTokens renew(OAuthTokens used) {
    synchronized (refreshLock) {
      if (tokens != used) return tokens;
      if (used.refreshToken() == null) {
        throw new AuthException("expired_token", "the access token expired and there is no refresh token", 401,
            null);
      }
      URI endpoint = app.tokenEndpoint(used);
      String form = "grant_type=refresh_token&client_id=" + Json.encode(app.clientId()) + "&client_secret="
          + Json.encode(app.clientSecret()) + "&refresh_token=" + Json.encode(used.refreshToken());
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(requestTimeout)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .header("User-Agent", userAgent)
          .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
          .build();
      HttpResponse<byte[]> response = exchange(request, "oauth/token");
      JsonNode answer = Envelopes.tokenAnswer(response.statusCode(), response.body());
      OAuthTokens next = OAuthTokens.fromTokenAnswer(answer, used);
      tokens = next;
      renewals.incrementAndGet();
      onRenewed.accept(next);
      return next;
    }
  }

  /** True for methods that only read (their retries after a lost answer are harmless). */
  static boolean isRead(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    String last = lower.substring(lower.lastIndexOf('.') + 1);
    return last.startsWith("get") || last.startsWith("is") || READ_NAMES.contains(last)
        || lower.equals("method.get");
  }

  // ------------------------------------------------------------------------------------------------ builder

  /** Settings of a {@link Bitrix24} client; {@link #webhook(String)} or {@link #oauth} is required. */
  public static final class Builder {
    private Credentials.Webhook webhook;
    private OAuthApp app;
    private OAuthTokens tokens;
    private Consumer<OAuthTokens> onRenewed;
    private RateLimit rateLimit = RateLimit.STANDARD;
    private int maxAttempts = 3;
    private Duration retryDelay = Duration.ofSeconds(1);
    private boolean retryLostWrites = true;
    private Duration operatingLimit = Duration.ofSeconds(480);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private HttpClient http;
    private SSLContext sslContext;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD;

    private Builder() {}

    /**
     * An inbound webhook, {@code https://portal/rest/{userId}/{code}/} (the REST 3.0 form
     * {@code /rest/api/{userId}/{code}/} is read too). Plain {@code http://} is accepted for local servers.
     */
    public Builder webhook(String url) {
      this.webhook = Credentials.Webhook.parse(url);
      this.app = null;
      this.tokens = null;
      return this;
    }

    /** An OAuth application's installation; {@code onRenewed} (may be null) is told every renewal. */
    public Builder oauth(OAuthApp app, OAuthTokens tokens, Consumer<OAuthTokens> onRenewed) {
      this.app = Objects.requireNonNull(app, "app");
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      this.onRenewed = onRenewed;
      this.webhook = null;
      return this;
    }

    /** The client-side bucket; {@link RateLimit#STANDARD} by default, {@link RateLimit#OFF} for none. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit);
      return this;
    }

    /** Attempts per call, the first included (default 3, as the JS SDK); 1 switches retries off. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The base of the backoff (default 1 s). */
    public Builder retryDelay(Duration retryDelay) {
      this.retryDelay = Objects.requireNonNull(retryDelay);
      return this;
    }

    /**
     * Whether a write whose answer was lost is sent again with the same {@code bx24_request_id} (default true).
     * b24-tasks applies such a write once; a cloud portal does not promise that, so switch this off where a
     * duplicate would hurt more than a failure.
     */
    public Builder retryLostWrites(boolean retryLostWrites) {
      this.retryLostWrites = retryLostWrites;
      return this;
    }

    /** The per-method operating budget of the portal (default 480 s, cloud); {@link Duration#ZERO} ignores it. */
    public Builder operatingLimit(Duration operatingLimit) {
      this.operatingLimit = Objects.requireNonNull(operatingLimit);
      return this;
    }

    /** Connection timeout (default 10 s); ignored with {@link #httpClient}. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout);
      return this;
    }

    /** Time allowed for each answer (default 60 s, the portal's own limit on a request). */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout);
      return this;
    }

    /**
     * Trust the certificates in a PEM file (for example b24-tasks' own {@code <data>/tls/cert.pem}) instead of the
     * JDK's default trust store: a local server's self-signed HTTPS without turning verification off. Host names
     * are still checked against the certificate. Ignored with {@link #httpClient}.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public Builder trustCertificate(Path pem) {
      this.sslContext = Tls.trusting(Objects.requireNonNull(pem, "pem"));
      return this;
    }

    /** The TLS context of the client's own HTTP client (default: the JDK's); ignored with {@link #httpClient}. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext);
      return this;
    }

    /** An HTTP client of the caller's (proxy, TLS settings, executor); the caller closes it. */
    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    /** The clock of the bucket, the operating limits and token expiry (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** How the client waits (default {@link Sleeper#THREAD}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /** The client. */
    public Bitrix24 build() {
      if (webhook == null && app == null) throw new IllegalStateException("webhook(url) or oauth(...) is required");
      return new Bitrix24(this);
    }
  }

  /** Parameters as a map with insertion order, for the typed services. */
  public static Map<String, Object> params(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values come in pairs");
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return m;
  }
}
