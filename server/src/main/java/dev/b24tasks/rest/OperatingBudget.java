package dev.b24tasks.rest;

/**
 * The per-method operating-time limit: execution time of one credential's calls of one method summed over a
 * sliding 10-minute window of one-minute buckets. Checked before a call (the call that crosses the limit still
 * completes; the next one is refused with 429 OPERATION_TIME_LIMIT) and charged after it.
 */
public interface OperatingBudget {
  /** Throws 429 OPERATION_TIME_LIMIT when the budget of this credential and method is spent. */
  void check(String credentialKey, String method);

  /** Adds {@code seconds} of execution and returns the usage now. */
  Usage charge(String credentialKey, String method, double seconds);

  /** Seconds used in the window, and the unix time when the oldest bucket drops. */
  record Usage(double operating, long resetAt) {}
}
