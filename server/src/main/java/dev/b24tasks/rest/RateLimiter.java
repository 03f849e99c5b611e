package dev.b24tasks.rest;

/** The leaky bucket per webhook or token: one request, one drop; a full bucket answers 503 QUERY_LIMIT_EXCEEDED. */
public interface RateLimiter {
  /** True when the request may go ahead. */
  boolean tryAcquire(String credentialKey);

  RateLimiter OFF = key -> true;
}
