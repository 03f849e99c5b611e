package dev.b24tasks.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the events feature needs of the applications feature: an app's facts and fresh auth blocks for its
 * handlers' users. Events import apps, never the other way round; {@link #NONE} serves a portal without apps.
 */
public interface Apps {
  /** An installed or uninstalled local application. */
  record App(long id, String clientId, Set<String> scopes, String applicationToken, boolean installed) {}

  Optional<App> app(long appId);

  /**
   * The {@code auth} block of a delivery for {@code userId}: tokens issued now, plus {@code domain},
   * {@code client_endpoint}, {@code server_endpoint}, {@code member_id}, {@code application_token}, … in the
   * portal's order.
   */
  Map<String, Object> authBlock(long appId, long userId);

  /** The portal's part of an auth block without tokens: domain, client_endpoint, server_endpoint, member_id. */
  Map<String, Object> portal();

  /** No applications at all: only outgoing webhooks deliver. */
  static Apps none(java.util.function.Supplier<Map<String, Object>> portal) {
    return new Apps() {
      @Override
      public Optional<App> app(long appId) {
        return Optional.empty();
      }

      @Override
      public Map<String, Object> authBlock(long appId, long userId) {
        return new LinkedHashMap<>(portal.get());
      }

      @Override
      public Map<String, Object> portal() {
        return portal.get();
      }
    };
  }
}
