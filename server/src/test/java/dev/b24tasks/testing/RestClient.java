package dev.b24tasks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls a running server over real HTTP, as a webhook or token client would. */
public final class RestClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private final String base; // e.g. http://127.0.0.1:1234
  private final String webhookPath; // e.g. /rest/1/code/

  public RestClient(String base, long userId, String code) {
    this.base = base;
    this.webhookPath = "/rest/" + userId + "/" + code + "/";
  }

  /** The same server, calling as another webhook. */
  public RestClient as(long userId, String code) {
    return new RestClient(base, userId, code);
  }

  public String base() {
    return base;
  }

  /** {@code /rest/{user}/{code}/}. */
  public String webhookPath() {
    return webhookPath;
  }

  /** POST {@code method} with a JSON body (a Map, a JsonNode, a String of JSON, or null for none). */
  public Response call(String method, Object body) {
    String json = body == null ? "" : body instanceof String s ? s : new String(Json.write(body), StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(base + webhookPath + method))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** POST {@code method} of REST 3.0 ({@code /rest/api/{user}/{code}/{method}}) with a JSON body and headers. */
  public Response v3(String method, Object body, String... headers) {
    String json = body == null ? "" : body instanceof String s ? s : new String(Json.write(body), StandardCharsets.UTF_8);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/rest/api/" + webhookPath.substring(6) + method))
        .header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return send(b.POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** POST a form-encoded body, as PHP CRest does. */
  public Response form(String method, String formBody) {
    return send(HttpRequest.newBuilder(URI.create(base + webhookPath + method))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody)));
  }

  /** GET {@code method?query}, as @2bad/bitrix does. */
  public Response get(String methodAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base + webhookPath + methodAndQuery)).GET());
  }

  /** Any request to a path of the server ({@code /rest/...}, {@code /health}). */
  public Response raw(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (contentType != null) b.header("Content-Type", contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return send(b);
  }

  static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json = null;
      String ct = r.headers().firstValue("Content-Type").orElse("");
      if (ct.contains("json")) json = Json.MAPPER.readTree(r.body());
      return new Response(r.statusCode(), json, r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
