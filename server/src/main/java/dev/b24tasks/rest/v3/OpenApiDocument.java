package dev.b24tasks.rest.v3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rest.documentation.openapi} (alias {@code documentation}): the OpenAPI 3.0.0 document of the REST 3.0
 * methods served, made from the method table and the features' DTO schemas, so it cannot drift from what is
 * served. Answered bare, without {@code result} or {@code time}, as the portal does (JS SDK changelog #338).
 */
public final class OpenApiDocument {
  public static final String NAME = "rest.documentation.openapi";

  private OpenApiDocument() {}

  /** Registers the document method (and its alias) over {@code registry}, with the DTO {@code schemas}. */
  public static void register(V3Registry registry, Map<String, Object> schemas) {
    registry.add(new V3Method(NAME, "basic", false, List.of(), "document", null,
        "The OpenAPI document of the REST 3.0 methods", call -> new V3Gateway.RawDocument(document(registry, schemas))));
    registry.alias("documentation", NAME);
  }

  static Map<String, Object> document(V3Registry registry, Map<String, Object> schemas) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.0");
    doc.put("info", Map.of("title", "b24-tasks REST 3.0", "version", "3.0"));
    doc.put("servers", List.of(Map.of("url", "/rest/api/{userId}/{webhook}",
        "variables", Map.of("userId", Map.of("default", "1"), "webhook", Map.of("default", "code")))));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (V3Method m : registry.methods()) {
      if (m.name().equals(NAME)) continue;
      Map<String, Object> props = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (V3Method.Param p : m.params()) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (schemas.containsKey(p.type())) schema.put("$ref", "#/components/schemas/" + p.type());
        else schema.put("type", p.type());
        schema.put("description", p.description());
        props.put(p.name(), schema);
        if (p.required()) required.add(p.name());
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "object");
      body.put("properties", props);
      if (!required.isEmpty()) body.put("required", required);
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("operationId", m.name());
      op.put("summary", m.summary());
      op.put("tags", List.of(m.scope()));
      op.put("requestBody", Map.of("required", !required.isEmpty(),
          "content", Map.of("application/json", Map.of("schema", body))));
      op.put("responses", Map.of(
          "200", Map.of("description", "Success", "content", Map.of("application/json",
              Map.of("schema", envelope(m, schemas)))),
          "400", Map.of("description", "Error", "content", Map.of("application/json",
              Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))))));
      paths.put("/" + m.name(), Map.of("post", op));
    }
    doc.put("paths", paths);
    Map<String, Object> components = new LinkedHashMap<>(schemas);
    components.put("Error", Map.of("type", "object", "properties", Map.of("error", Map.of("type", "object",
        "properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"),
            "validation", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")))))))));
    doc.put("components", Map.of("schemas", components));
    return doc;
  }

  private static Map<String, Object> envelope(V3Method m, Map<String, Object> schemas) {
    Object entity = m.entity() != null && schemas.containsKey(m.entity())
        ? Map.of("$ref", "#/components/schemas/" + m.entity()) : Map.of("type", "object");
    Object payload = switch (m.result()) {
      case "item" -> Map.of("type", "object", "properties", Map.of("item", entity));
      case "items" -> Map.of("type", "object", "properties", Map.of("items", Map.of("type", "array", "items", entity)));
      default -> Map.of("type", "object", "properties", Map.of("result",
          m.entity() != null ? entity : Map.of("type", "boolean")));
    };
    return Map.of("type", "object", "properties", Map.of("result", payload, "time", Map.of("type", "object")));
  }
}
