package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Caller;
import java.util.List;

/** One method call as a handler sees it: who calls, with which parameters, in which language. */
public final class Call {
  private final Caller caller;
  private final Method method;
  private final Params params;
  private final String language;
  private final String requestId;
  private final boolean inBatch;

  public Call(Caller caller, Method method, Params params, String language, String requestId, boolean inBatch) {
    this.caller = caller;
    this.method = method;
    this.params = params;
    this.language = language;
    this.requestId = requestId;
    this.inBatch = inBatch;
  }

  public Caller caller() {
    return caller;
  }

  /** The user the call runs as. */
  public long userId() {
    return caller.userId();
  }

  public Method method() {
    return method;
  }

  public Params params() {
    return params;
  }

  /**
   * Positional arguments: the values in the order sent, names ignored ({@code auth} and telemetry removed, and text
   * values that contain the method's name, as the portal skips them).
   */
  public List<JsonNode> args() {
    return params.positional(method == null ? null : method.name());
  }

  /** Portal language of error texts: "en" or "ru". */
  public String language() {
    return language;
  }

  /** The client's {@code bx24_request_id}, or null: the same on every retry of one call. */
  public String requestId() {
    return requestId;
  }

  public boolean inBatch() {
    return inBatch;
  }
}
