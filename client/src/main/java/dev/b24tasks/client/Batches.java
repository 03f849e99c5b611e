package dev.b24tasks.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a batch answer: {@code result}, {@code result_error}, {@code result_total}… per command. Internal. */
final class Batches {
  private Batches() {}

  static BatchResult parse(BatchRequest batch, Response r) {
    JsonNode all = r.result();
    Map<String, CommandResult> out = new LinkedHashMap<>();
    List<String> keys = List.copyOf(batch.commands().keySet());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String method = batch.commands().get(key).method();
      JsonNode result = pick(all.get("result"), key, i);
      JsonNode error = pick(all.get("result_error"), key, i);
      JsonNode total = pick(all.get("result_total"), key, i);
      JsonNode next = pick(all.get("result_next"), key, i);
      Bitrix24Exception e = null;
      if (error != null && !error.isNull()) {
        String code = error.isObject() ? error.path("error").asText() : error.asText();
        String description = error.isObject() ? error.path("error_description").asText("") : "";
        e = Bitrix24Exception.of(code, description, 0, method);
      }
      out.put(key, new CommandResult(key, method, e == null ? result : null, number(total), number(next),
          Time.from(pick(all.get("result_time"), key, i)), e));
    }
    return new BatchResult(out, r.time());
  }

  /**
   * A command's entry in one of the collections: by key in an object, by position in a list (PHP writes a
   * collection whose keys are 0, 1, 2… as a list).
   */
  private static JsonNode pick(JsonNode collection, String key, int index) {
    if (collection == null || collection.isNull()) return null;
    if (collection.isObject()) return collection.get(key);
    if (collection.isArray() && key.equals(Integer.toString(index))) return collection.get(index);
    return null;
  }

  private static Long number(JsonNode n) {
    return n == null || n.isNull() ? null : n.asLong();
  }
}
