package dev.b24tasks.ops;

import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;

/**
 * {@code b24tasks.reset} (scope {@code b24tasks}, administrators only): empties the portal between test suites
 * and keeps the administrator and the credential that called, so the suite can go on with the same URL.
 */
public final class OpsMethods {
  private final Database db;
  private final Directory directory;
  private final AuthStore auth;
  private final Runnable dropCachesEverywhere;

  /** {@code dropCachesEverywhere} runs in the reset's transaction and tells every node to drop its caches. */
  public OpsMethods(Database db, Directory directory, AuthStore auth, Runnable dropCachesEverywhere) {
    this.db = db;
    this.directory = directory;
    this.auth = auth;
    this.dropCachesEverywhere = dropCachesEverywhere;
  }

  public void register(MethodRegistry r) {
    r.named("b24tasks.reset", "b24tasks", this::reset);
  }

  Object reset(Call call) {
    Caller caller = call.caller();
    if (!directory.isAdmin(caller.userId())) throw RestException.of(RestError.ACCESS_DENIED);
    Long admin = PortalReset.administrator(db);
    Long webhook = caller.kind() == Caller.Kind.WEBHOOK ? credentialId(caller) : null;
    Long token = caller.kind() == Caller.Kind.TOKEN ? credentialId(caller) : null;
    db.tx(tx -> {
      PortalReset.reset(db, new PortalReset.Keep(admin == null ? caller.userId() : admin, webhook, token, false));
      dropCachesEverywhere.run();
      return null;
    });
    // this node at once; every other node before its next call
    auth.clearCache();
    return true;
  }

  /** The row id in a credential key such as {@code webhook:12}. */
  private static Long credentialId(Caller caller) {
    String key = caller.credentialKey();
    return Long.parseLong(key.substring(key.indexOf(':') + 1));
  }
}
