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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a query string and a body (JSON, form-urlencoded or multipart/form-data) into one parameter tree, the
 * way PHP fills {@code $_REQUEST}: bracket keys nest ({@code fields[TITLE]=x}, {@code select[]=ID},
 * {@code 0=13}), the body wins over the query on a top-level name, and order is kept.
 */
public final class ParamDecoder {
  private ParamDecoder() {}

  /** Decodes the query string and the body and merges them (body wins). */
  public static ObjectNode decode(String rawQuery, String contentType, byte[] body) {
    ObjectNode params = Json.object();
    if (rawQuery != null && !rawQuery.isEmpty()) parseForm(rawQuery, params);
    if (body != null && body.length > 0) {
      ObjectNode fromBody = decodeBody(contentType, body);
      for (Map.Entry<String, JsonNode> e : fromBody.properties()) {
        params.remove(e.getKey()); // a body value replaces the query one and takes the body's position
        params.set(e.getKey(), e.getValue());
      }
    }
    return params;
  }

  static ObjectNode decodeBody(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json") || type.endsWith("+json")) return json(body);
    if (type.startsWith("multipart/form-data")) return Multipart.parse(contentType, body);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      ObjectNode out = Json.object();
      parseForm(new String(body, StandardCharsets.UTF_8), out);
      return out;
    }
    if (!type.isBlank() && !type.startsWith("text/plain")) {
      // PHP would silently ignore such a body; saying so is kinder than running the method without its params.
      throw RestException.of(RestError.UNSUPPORTED_MEDIA_TYPE, contentType.split(";")[0].trim());
    }
    // No content type, or text/plain: sniff, as lenient clients send JSON as text/plain.
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) i++;
    if (i < body.length && (body[i] == '{' || body[i] == '[')) return json(body);
    ObjectNode out = Json.object();
    parseForm(new String(body, StandardCharsets.UTF_8), out);
    return out;
  }

  static ObjectNode json(byte[] body) {
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
        if (!key.isEmpty()) put(out, key, TextNode.valueOf(value));
      }
      start = amp + 1;
    }
  }

  public static String urlDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RestException.of(RestError.INVALID_REQUEST, "Malformed percent-encoding in the form body or query");
    }
  }

  /** Puts one PHP-style key ({@code fields[PHONE][0][VALUE]}) with its value into the tree. */
  public static void put(ObjectNode root, String key, JsonNode value) {
    List<String> path = splitKey(key);
    if (path.size() > Json.MAX_DEPTH) {
      throw RestException.of(RestError.INVALID_REQUEST, "Parameter name is nested deeper than " + Json.MAX_DEPTH + " levels");
    }
    ObjectNode node = root;
    for (int i = 0; i < path.size(); i++) {
      String seg = path.get(i);
      if (seg.isEmpty()) seg = nextIndex(node);
      if (i == path.size() - 1) {
        node.remove(seg); // PHP: a repeated scalar key keeps the last value
        node.set(seg, value);
      } else {
        JsonNode child = node.get(seg);
        if (!(child instanceof ObjectNode)) {
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

  private static String nextIndex(ObjectNode node) {
    long max = -1;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      try {
        max = Math.max(max, Long.parseLong(name));
      } catch (NumberFormatException ignored) {
        // non-numeric keys do not take part in PHP's next index
      }
    }
    return Long.toString(max + 1);
  }
}
