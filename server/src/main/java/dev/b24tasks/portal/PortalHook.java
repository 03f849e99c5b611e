package dev.b24tasks.portal;

import dev.b24tasks.auth.Caller;
import dev.b24tasks.rest.GatewayHook;
import dev.b24tasks.rest.RestResponse;

/** The portal controls on the gateway: the shared state first, then faults, and the journal last. */
final class PortalHook implements GatewayHook {
  private final PortalState state;
  private final Faults faults;
  private final Journal journal;

  PortalHook(PortalState state, Faults faults, Journal journal) {
    this.state = state;
    this.faults = faults;
    this.journal = journal;
  }

  @Override
  public void beforeRequest() {
    state.beforeRequest();
  }

  @Override
  public void inCall() {
    state.check();
  }

  @Override
  public Cut beforeCall(Caller caller, String method) {
    return faults.apply(faults.decide(caller, method));
  }

  @Override
  public void afterCall(Exchange exchange, RestResponse response) {
    state.endRequest();
    if (journal != null) journal.record(exchange, response);
  }
}
