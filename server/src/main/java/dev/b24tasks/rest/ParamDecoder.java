package dev.b24tasks.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a query string and a body (JSON, form-urlencoded or multipart/form-data) into one parameter tree, the
 * way PHP fills {@code $_REQUEST}: bracket keys nest ({@code fields[TITLE]=x}, {@code select[]=ID},
 * {@code 0=13}), the body wins over the query on a top-level name, and order is kept.
 *
 * <p>Decoding runs before the caller is known, so its work is linear in the request and capped: at most
 * {@link #MAX_PARAMETERS} values in all (PHP's {@code max_input_vars} is 1,000 by default; portals raise it) and
 * {@link #MAX_ARRAY_WIDTH} keys in one array or object; beyond either, and for a NUL character anywhere, the answer
 * is 400 INVALID_REQUEST. A NUL cannot be stored by PostgreSQL and no Bitrix text contains one.
 */
public final class ParamDecoder {
  /** Most values (leaves of the tree) one request may carry, query string and body together. */
  public static final int MAX_PARAMETERS = 10_000;
  /** Most keys one array or object of a request may have. */
  public static final int MAX_ARRAY_WIDTH = 5_000;

  private ParamDecoder() {}

  /**
   * The state of one decoding: PHP's "next index" of every array met so far (so {@code a[]=} is O(1), not a rescan
   * of the array's keys) and the number of values so far.
   */
  public static final class Decoding {
    private final IdentityHashMap<ObjectNode, long[]> nextIndex = new IdentityHashMap<>();
    private int values;

    void counted() {
      if (++values > MAX_PARAMETERS) throw tooMany();
    }

    long next(ObjectNode node) {
      long[] n = nextIndex.computeIfAbsent(node, ParamDecoder::scanNextIndex);
      return n[0];
    }

    void used(ObjectNode node, String key) {
      long[] n = nextIndex.computeIfAbsent(node, ParamDecoder::scanNextIndex);
      long k = numericKey(key);
      if (k >= n[0]) n[0] = k == Long.MAX_VALUE ? k : k + 1;
    }
  }

  static RestException tooMany() {
    return RestException.of(RestError.INVALID_REQUEST, "Too many parameters: at most " + MAX_PARAMETERS
        + " values in one request");
  }

  static RestException tooWide() {
    return RestException.of(RestError.INVALID_REQUEST, "Too many keys in one array: at most " + MAX_ARRAY_WIDTH);
  }

  static RestException nul() {
    return RestException.of(RestError.INVALID_REQUEST, "Parameters must not contain the NUL character");
  }

  /** Decodes the query string and the body and merges them (body wins). */
  public static ObjectNode decode(String rawQuery, String contentType, byte[] body) {
    Decoding d = new Decoding();
    ObjectNode params = query(rawQuery, d);
    mergeBody(params, contentType, body, d);
    return params;
  }

  /** The query string alone (bounded by the HTTP request line), decoded first so a credential in it is checked early. */
  static ObjectNode query(String rawQuery, Decoding d) {
    ObjectNode params = Json.object();
    if (rawQuery != null && !rawQuery.isEmpty()) parseForm(rawQuery, params, d);
    return params;
  }

  /** Decodes the body into {@code params} (from {@link #query}); a body value replaces a query one. */
  static void mergeBody(ObjectNode params, String contentType, byte[] body, Decoding d) {
    if (body == null || body.length == 0) return;
    ObjectNode fromBody = decodeBody(contentType, body, d);
    for (Map.Entry<String, JsonNode> e : fromBody.properties()) {
      params.remove(e.getKey()); // a body value replaces the query one and takes the body's position
      params.set(e.getKey(), e.getValue());
    }
  }

  static ObjectNode decodeBody(String contentType, byte[] body) {
    return decodeBody(contentType, body, new Decoding());
  }

  static ObjectNode decodeBody(String contentType, byte[] body, Decoding d) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json") || type.endsWith("+json")) return json(body, d);
    if (type.startsWith("multipart/form-data")) return Multipart.parse(contentType, body, d);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      ObjectNode out = Json.object();
      parseForm(new String(body, StandardCharsets.UTF_8), out, d);
      return out;
    }
    if (!type.isBlank() && !type.startsWith("text/plain")) {
      // PHP would silently ignore such a body; saying so is kinder than running the method without its params.
      throw RestException.of(RestError.UNSUPPORTED_MEDIA_TYPE, contentType.split(";")[0].trim());
    }
    // No content type, or text/plain: sniff, as lenient clients send JSON as text/plain.
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) i++;
    if (i < body.length && (body[i] == '{' || body[i] == '[')) return json(body, d);
    ObjectNode out = Json.object();
    parseForm(new String(body, StandardCharsets.UTF_8), out, d);
    return out;
  }

  /**
   * Checks a tree that did not come through {@link #put} (a JSON body): values, width and NUL characters, in one
   * walk, so a JSON body is bounded by the same caps as a form.
   */
  static void check(JsonNode node, Decoding d) {
    if (node.isContainerNode()) {
      if (node.size() > MAX_ARRAY_WIDTH) throw tooWide();
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (e.getKey().indexOf(0) >= 0) throw nul();
          check(e.getValue(), d);
        }
      } else {
        for (JsonNode v : node) check(v, d);
      }
      if (node.isEmpty()) d.counted();
      return;
    }
    d.counted();
    if (node.isTextual() && node.textValue().indexOf(0) >= 0) throw nul();
  }

  /**
   * Checks a JSON tree parsed elsewhere (the REST 3.0 body) against the same caps as every classic request;
   * throws {@link RestException} (INVALID_REQUEST) with the reason.
   */
  public static void checkCaps(JsonNode tree) {
    if (tree != null && tree.isContainerNode()) check(tree, new Decoding());
  }

  static ObjectNode json(byte[] body) {
    return json(body, new Decoding());
  }

  static ObjectNode json(byte[] body, Decoding d) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (StreamConstraintsException e) {
      throw RestException.of(RestError.INVALID_REQUEST, "Request body is nested deeper than " + Json.MAX_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      throw RestException.of(RestError.INVALID_REQUEST, "Malformed JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw RestException.of(RestError.INVALID_REQUEST, "Unreadable request body");
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) return Json.object();
    if (tree.isContainerNode()) check(tree, d);
    if (tree.isObject()) return (ObjectNode) tree;
    if (tree.isArray()) {
      // A JSON list body is the positional form of the legacy methods: [13] is {"0":13}.
      ObjectNode out = Json.object();
      int i = 0;
      for (JsonNode v : tree) out.set(Integer.toString(i++), v);
      return out;
    }
    throw RestException.of(RestError.INVALID_REQUEST, "The JSON body must be an object or a list");
  }

  /** Parses {@code a=1&b[c]=2&d[]=3} into {@code out}; {@code +} and {@code %20} are both spaces. */
  public static void parseForm(String raw, ObjectNode out) {
    parseForm(raw, out, new Decoding());
  }

  static void parseForm(String raw, ObjectNode out, Decoding d) {
    int start = 0;
    int n = raw.length();
    while (start <= n) {
      int amp = raw.indexOf('&', start);
      if (amp < 0) amp = n;
      if (amp > start) {
        String pair = raw.substring(start, amp);
        int eq = pair.indexOf('=');
        String key = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : urlDecode(pair.substring(eq + 1));
        if (!key.isEmpty()) put(out, key, TextNode.valueOf(value), d);
      }
      start = amp + 1;
    }
  }

  public static String urlDecode(String s) {
    try {
      String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
      if (decoded.indexOf(0) >= 0) throw nul();
      return decoded;
    } catch (IllegalArgumentException e) {
      throw RestException.of(RestError.INVALID_REQUEST, "Malformed percent-encoding in the form body or query");
    }
  }

  /** Puts one PHP-style key ({@code fields[PHONE][0][VALUE]}) with its value into the tree. */
  public static void put(ObjectNode root, String key, JsonNode value) {
    put(root, key, value, new Decoding());
  }

  static void put(ObjectNode root, String key, JsonNode value, Decoding d) {
    if (key.indexOf(0) >= 0 || (value.isTextual() && value.textValue().indexOf(0) >= 0)) throw nul();
    d.counted();
    List<String> path = splitKey(key);
    if (path.size() > Json.MAX_DEPTH) {
      throw RestException.of(RestError.INVALID_REQUEST, "Parameter name is nested deeper than " + Json.MAX_DEPTH + " levels");
    }
    ObjectNode node = root;
    for (int i = 0; i < path.size(); i++) {
      String seg = path.get(i);
      if (seg.isEmpty()) seg = Long.toString(d.next(node));
      d.used(node, seg);
      if (i == path.size() - 1) {
        if (node.remove(seg) == null && node.size() >= MAX_ARRAY_WIDTH) throw tooWide();
        node.set(seg, value); // PHP: a repeated scalar key keeps the last value
      } else {
        JsonNode child = node.get(seg);
        if (!(child instanceof ObjectNode)) {
          if (child == null && node.size() >= MAX_ARRAY_WIDTH) throw tooWide();
          child = Json.object();
          node.set(seg, child);
        }
        node = (ObjectNode) child;
      }
    }
  }

  /** "a[b][]" -> [a, b, ""]; a key without a well-formed bracket part stays whole, as in PHP. */
  static List<String> splitKey(String key) {
    List<String> out = new ArrayList<>(4);
    int open = key.indexOf('[');
    if (open <= 0 || key.indexOf(']', open) < 0) {
      out.add(key);
      return out;
    }
    out.add(key.substring(0, open));
    int i = open;
    while (i < key.length() && key.charAt(i) == '[') {
      int close = key.indexOf(']', i);
      if (close < 0) break;
      out.add(key.substring(i + 1, close));
      i = close + 1;
    }
    return out;
  }

  /** PHP's next index of an array not built by this decoding: one past its largest integer key, or 0. */
  private static long[] scanNextIndex(ObjectNode node) {
    long next = 0;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      long k = numericKey(it.next());
      if (k >= next) next = k == Long.MAX_VALUE ? k : k + 1;
    }
    return new long[] {next};
  }

  /** The key as PHP's integer key (canonical decimal digits, no sign), or -1 for a string key. */
  private static long numericKey(String key) {
    int n = key.length();
    if (n == 0 || n > 18 || (n > 1 && key.charAt(0) == '0')) return -1;
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
