package dev.b24tasks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.Response;
import dev.b24tasks.testing.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local application as an integrator makes one: registered by the administrator with an install URL on the
 * test's handler, it receives ONAPPINSTALL with its tokens and then calls REST with the access token.
 */
record AppKit(long appId, String clientId, String accessToken, String applicationToken, String base) {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static AppKit install(RestClient admin, EventReceiver receiver, String name, List<String> scopes) throws Exception {
    String installPath = "/install-" + name;
    Response added = admin.call("b24tasks.app.add", Map.of("NAME", name, "HANDLER", receiver.url("/app-" + name),
        "INSTALL", receiver.url(installPath), "SCOPE", scopes, "API_ONLY", "Y"));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    EventReceiver.Received install = receiver.next(installPath);
    JsonNode auth = install.auth();
    return new AppKit(added.result().get("ID").asLong(), added.result().get("CLIENT_ID").asText(),
        auth.get("access_token").asText(), auth.get("application_token").asText(), admin.base());
  }

  /** A REST call with the app's access token ({@code Authorization: Bearer}), JSON body. */
  Response call(String method, Object body) {
    return call(accessToken, method, body);
  }

  Response call(String token, String method, Object body) {
    String json = body instanceof String s ? s : new String(Json.write(body), StandardCharsets.UTF_8);
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/" + method + ".json"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode parsed = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
      return new Response(r.statusCode(), parsed, r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A REST 3.0 call ({@code /rest/api/{method}}) with the app's token as {@code auth} in the JSON body. */
  Response v3(String method, Map<String, Object> body) {
    Map<String, Object> withAuth = new java.util.LinkedHashMap<>(body);
    withAuth.put("auth", accessToken);
    String json = new String(Json.write(withAuth), StandardCharsets.UTF_8);
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/api/" + method))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), Json.MAPPER.readTree(r.body()), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form-encoded call with the token as {@code auth}, as PHP CRest sends it. */
  Response form(String method, String form) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rest/" + method + ".json"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form + "&auth=" + accessToken)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), Json.MAPPER.readTree(r.body()), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void bind(String event, String handler) {
    Response r = call("event.bind", Map.of("event", event, "handler", handler));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().asBoolean()).isTrue();
  }
}
