package dev.b24tasks.events;

import dev.b24tasks.apps.AppService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The applications feature as the events feature sees it, through {@link AppService}'s public API. */
public final class AppsFromService implements Apps {
  private final AppService apps;
  private final Supplier<String> origin;

  /** {@code origin}: {@code http(s)://host:port} apps reach this portal at (the same one AppService is given). */
  public AppsFromService(AppService apps, Supplier<String> origin) {
    this.apps = apps;
    this.origin = origin;
  }

  public AppService service() {
    return apps;
  }

  @Override
  public Optional<App> app(long appId) {
    return apps.app(appId).map(a -> new App(a.id(), a.clientId(), Set.copyOf(a.scopes()), a.applicationToken(),
        a.installed()));
  }

  @Override
  public Map<String, Object> authBlock(long appId, long userId) {
    return new LinkedHashMap<>(apps.authBlock(appId, userId));
  }

  @Override
  public Map<String, Object> portal() {
    String o = origin.get();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", o.replaceFirst("^https?://", ""));
    m.put("client_endpoint", o + "/rest/");
    m.put("server_endpoint", o + "/rest/");
    m.put("member_id", apps.memberId());
    return m;
  }
}
