package dev.b24tasks.rest;

import java.util.Objects;

/**
 * One REST method and the facts about it that dispatch, idempotency, batch and limits read (never its name): its
 * canonical name (as the docs spell it), the scope a credential needs, how it binds its parameters, whether it
 * writes (a retry with the same {@code bx24_request_id} then replays the first reply instead of running again),
 * whether a batch may contain it, whether it runs as one transaction of its own (every method but {@code batch},
 * whose sub-calls are calls of their own), and the refusal it answers when the domain's rules say no (a Bitrix
 * error code, or the family's message key; null when the family maps refusals itself).
 */
public record Method(String name, String scope, Binding binding, Handler handler, boolean batchable, boolean writes,
    boolean oneTransaction, String refusal) {
  public Method {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(handler, "handler");
  }

  /** A writing method with named parameters, batchable, in one transaction. */
  public static Method named(String name, String scope, Handler handler) {
    return new Method(name, scope, Binding.NAMED, handler, true, true, true, null);
  }

  /** A writing legacy method whose parameters are taken by position. */
  public static Method positional(String name, String scope, Handler handler) {
    return new Method(name, scope, Binding.POSITIONAL, handler, true, true, true, null);
  }

  /** The same method, declared to only read: its retries need no protection. */
  public Method reading() {
    return new Method(name, scope, binding, handler, batchable, false, oneTransaction, refusal);
  }

  /** The same method answering {@code refusal} when the domain refuses the call. */
  public Method refusing(String refusal) {
    return new Method(name, scope, binding, handler, batchable, writes, oneTransaction, refusal);
  }

  /** The same method, not allowed inside a batch. */
  public Method notBatchable() {
    return new Method(name, scope, binding, handler, false, writes, oneTransaction, refusal);
  }

  /** The same method, opening its own transactions (batch: each sub-call is a call of its own). */
  public Method ownTransactions() {
    return new Method(name, scope, binding, handler, batchable, writes, false, refusal);
  }
}
