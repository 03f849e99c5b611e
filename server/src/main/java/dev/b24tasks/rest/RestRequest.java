package dev.b24tasks.rest;

/**
 * An HTTP request to {@code /rest/…} as the gateway needs it, free of any web-server type.
 *
 * @param path the path after {@code /rest/}, undecoded, e.g. {@code 1/abc123/tasks.task.get.json}
 */
public record RestRequest(String httpMethod, String path, String rawQuery, String contentType, byte[] body,
    String authorization) {}
