package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What one legacy method takes, in order: the Bitrix class and method names its error texts quote
 * ({@code ctaskitem::defer()}) and its parameters. Mandatory parameters come first, as in Bitrix's manifests
 * ({@code mandatoryParamsCount}).
 */
public record Manifest(String className, String methodName, List<Param> params) {
  /** One declared parameter: its manifest name (quoted in errors), type, and default when optional. */
  public record Param(String name, ArgType type, boolean mandatory, JsonNode defaultValue) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public Manifest {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
    params = List.copyOf(params);
    boolean optionalSeen = false;
    for (Param p : params) {
      if (p.mandatory() && optionalSeen) {
        throw new IllegalArgumentException(className + "::" + methodName + ": mandatory " + p.name()
            + " follows an optional parameter");
      }
      optionalSeen |= !p.mandatory();
    }
  }

  public static Manifest of(String className, String methodName, Param... params) {
    return new Manifest(className, methodName, List.of(params));
  }

  /** The shape of most item methods: {@code (taskId, itemId, …extra)}, both ids mandatory integers. */
  public static Manifest ofItem(String className, String methodName, Param... extra) {
    java.util.List<Param> params = new java.util.ArrayList<>();
    params.add(required("taskId", ArgType.INTEGER));
    params.add(required("itemId", ArgType.INTEGER));
    params.addAll(List.of(extra));
    return new Manifest(className, methodName, params);
  }

  public static Param required(String name, ArgType type) {
    return new Param(name, type, true, null);
  }

  public static Param optional(String name, ArgType type) {
    return new Param(name, type, false, null);
  }

  public static Param optional(String name, ArgType type, JsonNode defaultValue) {
    return new Param(name, type, false, defaultValue);
  }

  /** {@code ctaskitem::defer()}, as the error texts write it. */
  public String qualifiedName() {
    return className + "::" + methodName + "()";
  }
}
