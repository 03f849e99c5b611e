package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer: {@code result}, and for list methods {@code total} and {@code next} (the {@code start} of
 * the next page, present only when there is one).
 *
 * @param method the method called
 * @param result the {@code result} as the portal sent it
 * @param total the {@code total} of a list method, or null
 * @param next the {@code start} of the next page, or null when this is the last page (or not a list)
 * @param time the {@code time} block
 */
public record Response(String method, JsonNode result, Long total, Long next, Time time) {

  /** The result mapped to {@code type} with the client's JSON mapper (Jackson). */
  public <T> T as(Class<T> type) {
    return Json.MAPPER.convertValue(result, type);
  }

  /** True when another page follows ({@code next} present). */
  public boolean hasMore() {
    return next != null;
  }
}
