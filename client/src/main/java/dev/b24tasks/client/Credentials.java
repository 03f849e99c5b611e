package dev.b24tasks.client;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where calls go and how they are authorised. Internal. */
sealed interface Credentials {

  /** The URL of a classic (v2) call, without the query string. */
  String v2(String method);

  /** The URL of a REST 3.0 call. */
  String v3(String method);

  /** An inbound webhook: {@code https://host/rest/{userId}/{code}/}; the credentials travel in the path. */
  record Webhook(String restBase, long userId, String code) implements Credentials {
    private static final Pattern URL =
        Pattern.compile("^(https?://[^/?#]+(?:/[^?#]*?)?/rest/)(?:api/)?(\\d+)/([^/?#]+)/?.*$");

    static Webhook parse(String url) {
      Matcher m = URL.matcher(url.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "not a webhook URL: expected https://portal/rest/{userId}/{code}/ (or /rest/api/{userId}/{code}/)");
      }
      return new Webhook(m.group(1), Long.parseLong(m.group(2)), m.group(3));
    }

    @Override
    public String v2(String method) {
      return restBase + userId + "/" + code + "/" + Json.encode(method);
    }

    @Override
    public String v3(String method) {
      return restBase + "api/" + userId + "/" + code + "/" + Json.encode(method);
    }

    @Override
    public String toString() {
      return "Webhook[" + restBase + userId + "/***/]";
    }
  }

  /** An OAuth application: the token goes in the body as {@code auth}; calls go to {@code client_endpoint}. */
  record OAuth(URI clientEndpoint) implements Credentials {
    @Override
    public String v2(String method) {
      return clientEndpoint + Json.encode(method);
    }

    @Override
    public String v3(String method) {
      return clientEndpoint + "api/" + Json.encode(method);
    }
  }
}
