package dev.b24tasks.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * The one JSON configuration of the server. Output follows PHP's json_encode as Bitrix24 uses it: an empty
 * associative array is written as {@code []}, never {@code {}} (clients test {@code auditorsData: []}).
 */
public final class Json {
  /** Deepest nesting accepted in a request body; deeper input is refused with a clear error. */
  public static final int MAX_DEPTH = 64;

  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(16 * 1024 * 1024).build());
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true); // 0.000012, not 1.2E-5, as PHP
    // a decimal read back (a stored reply, a client's 1.50) keeps its scale: 1796119200.000000 stays as written
    mapper.configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    mapper.disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);
    SimpleModule php = new SimpleModule("php-empty-array");
    php.setSerializerModifier(new BeanSerializerModifier() {
      @Override
      public JsonSerializer<?> modifyMapSerializer(
          SerializationConfig config, MapType type, BeanDescription desc, JsonSerializer<?> serializer) {
        return new EmptyMapAsArray(serializer);
      }
    });
    php.addSerializer(ObjectNode.class, new EmptyObjectNodeAsArray());
    mapper.registerModule(php);
    return mapper;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialize a response", e);
    }
  }

  /**
   * Writes one value of an answer: text, flags and whole numbers straight to the generator, anything else (maps,
   * lists, nodes) through the mapper's serializers, so PHP's {@code []} for empty maps holds.
   */
  public static void writeValue(JsonGenerator gen, SerializerProvider provider, Object v) throws IOException {
    if (v == null) gen.writeNull();
    else if (v instanceof String str) gen.writeString(str);
    else if (v instanceof Boolean b) gen.writeBoolean(b);
    else if (v instanceof Long l) gen.writeNumber(l);
    else if (v instanceof Integer i) gen.writeNumber(i);
    else provider.defaultSerializeValue(v, gen);
  }

  private static final class EmptyMapAsArray extends JsonSerializer<Map<?, ?>>
      implements ContextualSerializer, ResolvableSerializer {
    private final JsonSerializer<Object> delegate;

    @SuppressWarnings("unchecked")
    EmptyMapAsArray(JsonSerializer<?> delegate) {
      this.delegate = (JsonSerializer<Object>) delegate;
    }

    /**
     * Maps with text keys (every answer the server builds) are written entry by entry, the common values straight
     * to the generator, so a 50-row page does not look up a serializer for each of its 4,000 values.
     */
    @Override
    public void serialize(Map<?, ?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isEmpty()) {
        gen.writeStartArray();
        gen.writeEndArray();
        return;
      }
      for (Object k : value.keySet()) {
        if (!(k instanceof String)) {
          delegate.serialize(value, gen, provider);
          return;
        }
      }
      gen.writeStartObject(value);
      for (Map.Entry<?, ?> e : value.entrySet()) {
        gen.writeFieldName((String) e.getKey());
        writeValue(gen, provider, e.getValue());
      }
      gen.writeEndObject();
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property)
        throws JsonMappingException {
      if (delegate instanceof ContextualSerializer c) return new EmptyMapAsArray(c.createContextual(prov, property));
      return this;
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
      if (delegate instanceof ResolvableSerializer r) r.resolve(provider);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Map<?, ?> value) {
      return value == null || value.isEmpty();
    }
  }

  private static final class EmptyObjectNodeAsArray extends JsonSerializer<ObjectNode> {
    @Override
    public void serialize(ObjectNode value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isEmpty()) {
        gen.writeStartArray();
        gen.writeEndArray();
        return;
      }
      gen.writeStartObject();
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : value.properties()) {
        gen.writeFieldName(e.getKey());
        provider.defaultSerializeValue(e.getValue(), gen);
      }
      gen.writeEndObject();
    }
  }
}
