package dev.b24tasks.apps;

import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An application's HTTP calls: the token endpoint (GET query or POST form) and REST with its access token. */
record OAuth(RestClient http, String clientId, String clientSecret) {
  Response refresh(String refreshToken) {
    return tokenPost(form("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
        "refresh_token", refreshToken));
  }

  Response code(String code) {
    return tokenGet(form("grant_type", "authorization_code", "client_id", clientId, "client_secret", clientSecret,
        "code", code));
  }

  Response tokenPost(String form) {
    return http.raw("POST", "/oauth/token/", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
  }

  Response tokenGet(String query) {
    return http.raw("GET", "/oauth/token/?" + query, null, null);
  }

  /** REST call {@code method} with a JSON body and the access token as {@code auth}. */
  Response call(String accessToken, String method, String jsonBody) {
    return http.raw("POST", "/rest/" + method + ".json", "application/json",
        jsonBody.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + accessToken);
  }

  static String form(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> {
      if (!sb.isEmpty()) sb.append('&');
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return sb.toString();
  }
}
