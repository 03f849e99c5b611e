package dev.b24tasks.rest.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.rest.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST 3.0 batch (reference §B.5): a JSON array of {@code {method, query, as?, parallel?}} (or the JS SDK's
 * object with keys "0", "1", …), run one after another; the first failure is the whole answer (earlier commands
 * stay done, later ones do not run); {@code {"$ref":"alias.path"}} and {@code {"$refArray":"alias.field"}} anywhere
 * in a query take values from the {@code item} / {@code items} of earlier commands, by alias or index.
 */
final class V3Batch {
  /** As many as the JS SDK sends in one batch. */
  static final int MAX_COMMANDS = 50;

  private final V3Gateway gateway;
  private final Caller caller;
  private final Map<String, JsonNode> context = new HashMap<>();

  V3Batch(V3Gateway gateway, Caller caller) {
    this.gateway = gateway;
    this.caller = caller;
  }

  List<Object> run(JsonNode body) {
    List<JsonNode> commands = commands(body);
    Set<String> aliases = new HashSet<>();
    for (JsonNode c : commands) {
      if (!c.isObject() || !c.path("method").isTextual() || !c.has("query")) {
        throw V3Exception.message(V3Error.INVALID_SELECT, "BATCH_ITEM");
      }
      if (c.hasNonNull("as") && !aliases.add(c.get("as").asText())) {
        throw V3Exception.message(V3Error.INVALID_SELECT, "BATCH_ALIAS_TWICE", c.get("as").asText());
      }
    }
    List<Object> results = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      JsonNode c = commands.get(i);
      String name = c.get("method").asText();
      if (name.equalsIgnoreCase(V3Gateway.BATCH)) throw V3Exception.of(V3Error.METHOD_NOT_FOUND, name);
      V3Method method = gateway.registry().find(name).orElseThrow(() -> V3Exception.of(V3Error.METHOD_NOT_FOUND, name));
      JsonNode query = resolve(c.get("query"));
      if (!(query instanceof ObjectNode params)) throw V3Exception.message(V3Error.INVALID_SELECT, "BATCH_ITEM");
      Object payload = gateway.invoke(caller, method, params, true);
      JsonNode tree = Json.MAPPER.valueToTree(payload);
      results.add(tree);
      JsonNode entry = tree.has("item") ? tree.get("item") : tree.has("items") ? tree.get("items") : null;
      if (entry != null) {
        context.put(Integer.toString(i), entry);
        if (c.hasNonNull("as")) context.put(c.get("as").asText(), entry);
      }
    }
    return results;
  }

  /** The commands of an array body, or of the JS SDK's numeric-key object; the v2 {@code cmd} form is refused. */
  private static List<JsonNode> commands(JsonNode body) {
    List<JsonNode> out = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(out::add);
    } else if (body.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().matches("\\d+")) throw V3Exception.message(V3Error.INVALID_SELECT, "BATCH_V2_FORM");
        out.add(e.getValue());
      }
    }
    if (out.isEmpty()) throw V3Exception.message(V3Error.INVALID_SELECT, "BATCH_EMPTY");
    if (out.size() > MAX_COMMANDS) throw V3Exception.message(V3Error.INVALID_SELECT, "BATCH_TOO_LARGE", MAX_COMMANDS);
    return out;
  }

  /** A copy of {@code node} with every {@code $ref} / {@code $refArray} replaced by its value. */
  private JsonNode resolve(JsonNode node) {
    if (node == null) return null;
    if (node.isObject()) {
      if (node.size() == 1 && node.has("$ref") && node.get("$ref").isTextual()) return ref(node.get("$ref").asText());
      if (node.size() == 1 && node.has("$refArray") && node.get("$refArray").isTextual()) {
        return refArray(node.get("$refArray").asText());
      }
      ObjectNode out = Json.object();
      node.properties().forEach(e -> out.set(e.getKey(), resolve(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      node.forEach(n -> out.add(resolve(n)));
      return out;
    }
    return node;
  }

  private JsonNode ref(String path) {
    return walk(path, path.split("\\.", -1).length);
  }

  /** {@code alias.field} (or {@code alias.path.to.array.field}): the field of every element of the array. */
  private JsonNode refArray(String path) {
    int dot = path.lastIndexOf('.');
    if (dot <= 0 || dot == path.length() - 1) throw V3Exception.message(V3Error.INVALID_SELECT, "REF_ARRAY_FORMAT");
    String arrayPath = path.substring(0, dot);
    String field = path.substring(dot + 1);
    JsonNode array = walk(arrayPath, arrayPath.split("\\.", -1).length);
    if (!array.isArray()) throw V3Exception.message(V3Error.INVALID_SELECT, "REF_NOT_ARRAY", arrayPath);
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (JsonNode item : array) {
      if (!item.has(field)) throw V3Exception.message(V3Error.INVALID_SELECT, "REF_FIELD_MISSING", field);
      out.add(item.get(field));
    }
    return out;
  }

  private JsonNode walk(String path, int segments) {
    String[] parts = path.split("\\.", -1);
    JsonNode at = context.get(parts[0]);
    if (at == null) throw V3Exception.message(V3Error.INVALID_SELECT, "REF_NOT_FOUND", path);
    StringBuilder walked = new StringBuilder(parts[0]);
    for (int i = 1; i < segments; i++) {
      String p = parts[i];
      JsonNode next;
      if (at.isArray()) {
        if (!p.matches("\\d+")) throw V3Exception.message(V3Error.INVALID_SELECT, "REF_EXPECTED_ARRAY", path, walked);
        next = at.get(Integer.parseInt(p));
      } else {
        next = at.get(p);
      }
      if (next == null) throw V3Exception.message(V3Error.INVALID_SELECT, "REF_NOT_FOUND", path);
      walked.append('.').append(p);
      at = next;
    }
    return at;
  }
}
