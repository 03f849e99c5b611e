package dev.b24tasks.rest;

/**
 * An HTTP request to {@code /rest/…} as the gateway needs it, free of any web-server type.
 *
 * @param path the path after {@code /rest/}, undecoded, e.g. {@code 1/abc123/tasks.task.get.json}
 * @param remoteAddress the client's address (failed authentications are throttled per address), or null
 */
public record RestRequest(String httpMethod, String path, String rawQuery, String contentType, byte[] body,
    String authorization, String remoteAddress) {
  public RestRequest(String httpMethod, String path, String rawQuery, String contentType, byte[] body,
      String authorization) {
    this(httpMethod, path, rawQuery, contentType, body, authorization, null);
  }
}
