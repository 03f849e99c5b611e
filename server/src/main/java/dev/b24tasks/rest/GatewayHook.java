package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.Caller;

/**
 * A feature's hook around every REST call the {@link Gateway} serves (not the commands inside a batch): refresh
 * shared state first, steer the call once the caller is known (delay it, fail it, cut the connection), and see
 * what was answered. The portal controls (clock, faults, journal) use it; infrastructure knows nothing of them.
 */
public interface GatewayHook {
  GatewayHook NONE = new GatewayHook() {};

  /** What to do with the connection around a call. */
  enum Cut {
    /** Answer as usual. */
    NONE,
    /** Close the connection without running the call. */
    BEFORE,
    /** Run the call (its writes commit), then close the connection without answering. */
    AFTER
  }

  /** First thing for every request, before its parameters are read or its caller authenticated. */
  default void beforeRequest() {}

  /** Once the caller is known, before the rate limit and the call; may sleep, or throw a {@link RestException}. */
  default Cut beforeCall(Caller caller, String method) {
    return Cut.NONE;
  }

  /**
   * First thing inside the call's own transaction (not for a batch's commands): may throw {@link Redo} when what
   * ran before the transaction (authentication, {@link #beforeCall}) ran on shared state the transaction shows to
   * have changed since.
   */
  default void inCall() {}

  /**
   * When the answer is known, before it is sent (also for a call whose connection is then cut). For a call with a
   * transaction of its own this runs inside it, before the commit (after the rollback when the call was refused),
   * so what it writes costs the call no transaction of its own.
   */
  default void afterCall(Exchange exchange, RestResponse response) {}

  /** Thrown by {@link #inCall}: nothing has run yet; the gateway serves the request again from the start. */
  final class Redo extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Redo() {
      super("shared state changed before the call", null, false, false);
    }
  }

  /** What the gateway learned about one request, as far as it got. */
  final class Exchange {
    private final long startNanos = System.nanoTime();
    String method;
    Caller caller;
    ObjectNode params;
    Cut cut = Cut.NONE;
    /** True once {@link #afterCall} saw this exchange (inside the call's transaction). */
    boolean recorded;

    /** The method name as requested (null when the path could not be read). */
    public String method() {
      return method;
    }

    /** The authenticated caller, or null when authentication failed or was not reached. */
    public Caller caller() {
      return caller;
    }

    /** The parameters without {@code auth} and the SDK's telemetry, or null when they could not be read. */
    public ObjectNode params() {
      return params;
    }

    public Cut cut() {
      return cut;
    }

    public long elapsedNanos() {
      return System.nanoTime() - startNanos;
    }
  }

  /** Thrown by {@link Gateway#handle} when a hook asked for the connection to be closed without an answer. */
  final class ConnectionCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionCut() {
      super("connection cut on purpose", null, false, false);
    }
  }
}
