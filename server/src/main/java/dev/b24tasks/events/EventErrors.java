package dev.b24tasks.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.RestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The errors and argument handling of the rest module's event API (api/event.php), texts as the portal sends them. */
final class EventErrors {
  private EventErrors() {}

  static RestException argument(String text) {
    return RestException.literal("ERROR_ARGUMENT", 400, text);
  }

  static RestException core(String text) {
    return RestException.literal("ERROR_CORE", 400, text);
  }

  /** AccessException: 403 {@code Access denied!} and the reason, if any. */
  static RestException denied(String reason) {
    return RestException.literal("ACCESS_DENIED", 403, reason == null ? "Access denied!" : "Access denied! " + reason);
  }

  static RestException eventNotFound() {
    return RestException.literal("ERROR_EVENT_NOT_FOUND", 400, "Event not found");
  }

  /** Every event method first: only an application's OAuth context may call it. */
  static Caller requireApp(Call call) {
    Caller c = call.caller();
    if (!c.isApp()) {
      throw RestException.literal("WRONG_AUTH_TYPE", 403, "Current authorization type is denied for this method");
    }
    return c;
  }

  /** array_change_key_case: the parameters with upper- or lower-cased names (the first spelling wins). */
  static Map<String, JsonNode> keys(Call call, boolean upper) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : call.params().root().properties()) {
      String k = upper ? e.getKey().toUpperCase(Locale.ROOT) : e.getKey().toLowerCase(Locale.ROOT);
      out.putIfAbsent(k, e.getValue());
    }
    return out;
  }

  static String text(JsonNode v) {
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().trim();
  }

  /**
   * HandlerHelper::checkCallback: a host with a dot after its first character (here also {@code localhost}, so
   * handlers on the developer's machine work), then http or https.
   */
  static void checkHandlerUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw RestException.literal("ERROR_WRONG_HANDLER_URL", 400, "Wrong handler URL");
    }
    String host = uri.getHost();
    if (host == null || !(host.indexOf('.') > 0 || host.equalsIgnoreCase("localhost"))) {
      throw RestException.literal("ERROR_WRONG_HANDLER_URL", 400, "Wrong handler URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw RestException.literal("ERROR_UNSUPPORTED_PROTOCOL", 400, "Unsupported handler protocol");
    }
  }
}
