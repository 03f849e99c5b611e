package dev.b24tasks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code batch}: up to 50 sub-commands, each a query string {@code "method?param=value&…"}, run in order through
 * the {@link Gateway#call} half of the gateway as the same caller. Later commands may refer to earlier results with
 * {@code $result[key][field][0]}. The answer is always HTTP 200 with the five collections Bitrix24 documents
 * ({@code result}, {@code result_error}, {@code result_total}, {@code result_next}, {@code result_time}); a failing
 * sub-command only fills {@code result_error}. The batch call itself is not charged to the operating budget.
 */
public final class Batch {
  public static final String NAME = "batch";
  static final int MAX_COMMANDS = 50;
  /** Most {@code $result[…]} references one batch may hold, all commands together. */
  static final int MAX_REFERENCES = 1_000;

  /** {@code $result[a][b][0]} and its siblings; group 1 the collection, group 2 the bracket path. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\$(result|result_error|result_total|result_next|result_time)((?:\\[[^\\[\\]]*])+)");

  private final Gateway gateway;
  private final ZoneId zone;

  public Batch(Gateway gateway, ZoneId zone) {
    this.gateway = gateway;
    this.zone = zone;
  }

  public void register(MethodRegistry r) {
    // not batchable itself: a nested batch answers ERROR_BATCH_METHOD_NOT_ALLOWED (rest 24.0.0 and later)
    r.add(Method.named(NAME, "basic", this::run).reading().notBatchable().ownTransactions());
  }

  Object run(Call call) {
    JsonNode cmd = call.params().optArray("cmd").orElse(Json.object());
    if (cmd.size() > MAX_COMMANDS) throw RestException.of(RestError.ERROR_BATCH_LENGTH_EXCEEDED);
    boolean halt = Params.truthy(call.params().get("halt"));
    boolean listed = cmd.isArray();
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (String name : List.of("result", "result_error", "result_total", "result_next", "result_time")) {
      out.put(name, new LinkedHashMap<>());
    }
    List<Map.Entry<String, JsonNode>> commands = new ArrayList<>();
    if (listed) {
      int i = 0;
      for (JsonNode v : cmd) commands.add(Map.entry(Integer.toString(i++), v));
    } else {
      commands.addAll(cmd.properties());
    }
    References refs = new References(out);
    for (Map.Entry<String, JsonNode> command : commands) {
      String key = command.getKey();
      Gateway.Outcome outcome = runOne(call, command.getValue(), refs);
      out.get("result_time").put(key, outcome.timing().toMap(zone, false));
      if (outcome.ok()) {
        out.get("result").put(key, outcome.result());
        if (outcome.total() != null) out.get("result_total").put(key, outcome.total());
        if (outcome.next() != null) out.get("result_next").put(key, outcome.next());
      } else {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", outcome.error().code());
        error.put("error_description", outcome.error().description(call.language()));
        out.get("result_error").put(key, error);
        if (halt) break;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    out.forEach((name, values) -> result.put(name, listed ? phpArray(values) : values));
    return result;
  }

  /**
   * What {@code $result[…]} references resolve against: the collections so far, each command's value turned into
   * a tree once per batch (not once per reference), and the number of references met so far.
   */
  private static final class References {
    final Map<String, Map<String, Object>> soFar;
    final Map<String, JsonNode> trees = new java.util.HashMap<>();
    int count;

    References(Map<String, Map<String, Object>> soFar) {
      this.soFar = soFar;
    }

    JsonNode value(String collection, String key) {
      Map<String, Object> values = soFar.get(collection);
      if (values == null || !values.containsKey(key)) return null;
      return trees.computeIfAbsent(collection + "\u0000" + key, k -> {
        JsonNode tree = Json.MAPPER.valueToTree(values.get(key));
        return tree == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : tree;
      });
    }

    void counted() {
      if (++count > MAX_REFERENCES) {
        throw RestException.of(RestError.INVALID_REQUEST, "Too many $result references in one batch: at most "
            + MAX_REFERENCES);
      }
    }
  }

  private Gateway.Outcome runOne(Call call, JsonNode command, References soFar) {
    Timing.Start start = gateway.start();
    String text = command == null || command.isContainerNode() || command.isNull() ? "" : command.asText().trim();
    int q = text.indexOf('?');
    String method = methodOf(command);
    ObjectNode params = Json.object();
    try {
      if (q >= 0) ParamDecoder.parseForm(text.substring(q + 1), params);
      for (String t : Gateway.TELEMETRY) params.remove(t);
      params.remove("auth");
      substitute(params, soFar);
    } catch (RestException e) {
      return Gateway.failed(e, start);
    }
    return gateway.call(call.caller(), method, params, call.requestId(), true);
  }

  /** The method name of one command ({@code "tasks.task.add?fields[TITLE]=x"} is tasks.task.add). */
  static String methodOf(JsonNode command) {
    String text = command == null || command.isContainerNode() || command.isNull() ? "" : command.asText().trim();
    int q = text.indexOf('?');
    return stripSuffix(q < 0 ? text : text.substring(0, q));
  }

  private static String stripSuffix(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) return method.substring(0, method.length() - 5);
    if (lower.endsWith(".xml")) return method.substring(0, method.length() - 4);
    return method;
  }

  /** Replaces {@code $result[…]} references in every text value with what earlier commands returned. */
  private static void substitute(JsonNode node, References soFar) {
    if (node instanceof ObjectNode obj) {
      for (String name : new ArrayList<>(obj.properties().stream().map(Map.Entry::getKey).toList())) {
        JsonNode v = obj.get(name);
        if (v.isContainerNode()) substitute(v, soFar);
        else if (v.isTextual()) obj.set(name, resolve(v.asText(), soFar));
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i).isContainerNode()) substitute(arr.get(i), soFar);
        else if (arr.get(i).isTextual()) arr.set(i, resolve(arr.get(i).asText(), soFar));
      }
    }
  }

  private static JsonNode resolve(String value, References soFar) {
    if (value.indexOf('$') < 0) return TextNode.valueOf(value);
    Matcher m = REFERENCE.matcher(value);
    // A value that is one whole reference takes the referenced value as it is, list or map included.
    if (m.matches()) {
      JsonNode target = lookup(m.group(1), m.group(2), soFar);
      return target == null ? TextNode.valueOf("") : target;
    }
    m.reset();
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      JsonNode target = lookup(m.group(1), m.group(2), soFar);
      String text = target == null || target.isNull() ? "" : target.isContainerNode() ? "Array" : target.asText();
      m.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    m.appendTail(sb);
    return TextNode.valueOf(sb.toString());
  }

  private static JsonNode lookup(String collection, String path, References soFar) {
    soFar.counted();
    List<String> segments = ParamDecoder.splitKey("x" + path);
    JsonNode node = soFar.value(collection, segments.get(1));
    for (String segment : segments.subList(2, segments.size())) {
      if (node == null) return null;
      node = node.isArray() && segment.matches("\\d{1,9}") ? node.get(Integer.parseInt(segment)) : node.get(segment);
    }
    return node;
  }

  /** PHP's json_encode of an array: keys 0, 1, 2… in order make a list, anything else an object. */
  private static Object phpArray(Map<String, Object> values) {
    int i = 0;
    for (String k : values.keySet()) {
      if (!k.equals(Integer.toString(i++))) return values;
    }
    return new ArrayList<>(values.values());
  }
}
