package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.store.StoreException;
import dev.b24tasks.store.Database;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one method call for an authenticated caller: finds the method, checks its scope and the operating-time
 * budget, calls the handler, and reports the result or the error with its timing. Knows nothing of HTTP, so
 * {@code batch} runs its sub-commands through the same path.
 */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final MethodRegistry registry;
  private final OperatingBudget budget;
  private final String language;
  private volatile IdempotentCalls idempotent;
  private volatile Database db;

  /** What a call came to: a result (with list totals) or an error, and its timing. */
  public record Outcome(Object result, Long total, Long next, RestException error, Timing timing) {
    public boolean ok() {
      return error == null;
    }
  }

  public Dispatcher(MethodRegistry registry, OperatingBudget budget, String language) {
    this.registry = registry;
    this.budget = budget;
    this.language = language;
  }

  /** Makes writes retried with the same request id apply once (see {@link IdempotentCalls}). */
  public Dispatcher idempotent(IdempotentCalls calls) {
    this.idempotent = calls;
    return this;
  }

  /**
   * Runs every call (but those that open their own, {@link Method#oneTransaction}) as one transaction on one pool
   * connection: the handler, the services it calls, the answer's view and an idempotent call's stored reply.
   */
  public Dispatcher transactions(Database db) {
    this.db = db;
    return this;
  }

  public MethodRegistry registry() {
    return registry;
  }

  public String language() {
    return language;
  }

  public Outcome call(Caller caller, String methodName, ObjectNode params, String requestId, boolean inBatch) {
    long start = Timing.nowNanos();
    long cpuStart = System.nanoTime();
    Optional<Method> found = registry.find(methodName);
    if (found.isEmpty()) return failed(RestException.of(RestError.METHOD_NOT_FOUND), start);
    Method method = found.get();
    if (!caller.hasScope(method.scope())) return failed(RestException.of(RestError.INSUFFICIENT_SCOPE), start);
    if (inBatch && !method.batchable()) return failed(RestException.of(RestError.ERROR_BATCH_METHOD_NOT_ALLOWED), start);
    // limits.md: the outer batch call is not counted against the operating budget; its sub-calls are.
    boolean charged = !Batch.NAME.equals(method.name());
    try {
      if (charged) budget.check(caller.credentialKey(), method.name());
    } catch (RestException e) {
      return failed(e, start);
    }
    Object result;
    RestException error = null;
    try {
      Call call = new Call(caller, method, new Params(params), language, requestId, inBatch);
      IdempotentCalls once = idempotent;
      Supplier<Object> work = once != null && once.applies(method, params, requestId, inBatch)
          ? () -> once.once(caller.credentialKey(), requestId, method.name(), params,
              () -> method.handler().handle(call))
          : () -> method.handler().handle(call);
      Database store = db;
      result = store != null && method.oneTransaction() ? store.call(tx -> work.get()) : work.get();
    } catch (RestException e) {
      result = null;
      error = e;
    } catch (StoreException e) {
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
    double processing = (System.nanoTime() - cpuStart) / 1e9;
    OperatingBudget.Usage usage = budget.charge(caller.credentialKey(), method.name(), charged ? processing : 0);
    Timing timing = new Timing(start, Timing.nowNanos(), processing, usage.operating(), usage.resetAt());
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

  private static Outcome failed(RestException e, long start) {
    return new Outcome(null, null, null, e, new Timing(start, Timing.nowNanos(), 0, 0, 0));
  }
}
