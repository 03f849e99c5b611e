package dev.b24tasks.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** JSON and query-string encoding the way Bitrix24 reads them. Internal. */
final class Json {
  private Json() {}

  /** Dates as ISO-8601 text with offset ({@code 2025-12-31T23:59:59+02:00}), which every portal parses. */
  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .registerModule(new SimpleModule("bitrix24-time")
          .addSerializer(OffsetDateTime.class, text(v -> v.format(ISO)))
          .addSerializer(ZonedDateTime.class, text(v -> v.format(ISO)))
          .addSerializer(Instant.class, text(v -> v.atOffset(java.time.ZoneOffset.UTC).format(ISO)))
          .addSerializer(LocalDateTime.class, text(v -> v.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)))
          .addSerializer(LocalDate.class, text(LocalDate::toString)));

  private static <T> JsonSerializer<T> text(java.util.function.Function<T, String> f) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(f.apply(value));
      }
    };
  }

  /** Parameters of any shape (a map, a record, a JSON tree) as a JSON object. */
  static ObjectNode params(Object params) {
    if (params == null) return MAPPER.createObjectNode();
    JsonNode tree = MAPPER.valueToTree(params);
    if (tree instanceof ObjectNode o) return o;
    if (tree.isArray()) {
      // positional parameters: [1, {...}] goes on the wire as {"0": 1, "1": {...}}, as the JS SDK sends it
      ObjectNode o = MAPPER.createObjectNode();
      for (int i = 0; i < tree.size(); i++) o.set(Integer.toString(i), tree.get(i));
      return o;
    }
    throw new IllegalArgumentException("parameters must be an object or a list, not " + tree.getNodeType());
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalArgumentException("parameters cannot be written as JSON", e);
    }
  }

  /**
   * PHP-style bracket encoding, RFC 3986 escaping ({@code %20} for a space), as a batch command's query string
   * ({@code taskId=1&fields%5BTITLE%5D=a%20b}): nested objects {@code a[b]=}, lists {@code a[0]=}, booleans
   * {@code true}/{@code false}, null an empty value. Empty objects and lists are left out, as PHP's
   * {@code http_build_query} does.
   */
  static String query(JsonNode params) {
    StringBuilder sb = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> it = params.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      append(sb, e.getKey(), e.getValue());
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String key, JsonNode v) {
    if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        append(sb, key + "[" + e.getKey() + "]", e.getValue());
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) append(sb, key + "[" + i + "]", v.get(i));
    } else {
      if (!sb.isEmpty()) sb.append('&');
      sb.append(encode(key)).append('=').append(v.isNull() ? "" : encode(v.asText()));
    }
  }

  /** RFC 3986 percent-encoding of one key or value. */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }
}
