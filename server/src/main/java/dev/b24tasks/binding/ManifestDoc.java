package dev.b24tasks.binding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Json;
import java.util.List;

/**
 * The answer of a family's {@code getmanifest}: the field lists and, per method, the positional parameters, built
 * from the same {@link Manifest}s the binder uses so the two cannot disagree. Bitrix marks it "not for machine
 * use"; its keys follow the portal's.
 */
public final class ManifestDoc {
  private final ObjectNode doc = Json.object();
  private final String alias;

  public ManifestDoc(String version, String alias) {
    this.alias = alias;
    doc.put("Manifest version", version);
    doc.put("Warning", "don't rely on format of this manifest, it can be changed without any notification");
    doc.put("REST: shortname alias to class", alias);
  }

  /** e.g. {@code fields("writable", "ID", "TITLE")} gives {@code "REST: writable checklistitem data fields"}. */
  public ManifestDoc fields(String kind, List<String> names) {
    ArrayNode a = doc.putArray("REST: " + kind + " " + alias + " data fields");
    names.forEach(a::add);
    return this;
  }

  public ManifestDoc dateFields(List<String> names) {
    ArrayNode a = doc.putArray("REST: date fields");
    names.forEach(a::add);
    return this;
  }

  public ObjectNode methods(List<Manifest> manifests) {
    ObjectNode methods = doc.putObject("REST: available methods");
    for (Manifest m : manifests) {
      ObjectNode mo = methods.putObject(m.methodName());
      mo.put("mandatoryParamsCount", m.params().stream().filter(Manifest.Param::mandatory).count());
      ArrayNode params = mo.putArray("params");
      for (Manifest.Param p : m.params()) {
        ObjectNode po = params.addObject();
        po.put("description", p.name());
        po.put("type", p.type().phpName);
        if (p.defaultValue() != null) po.set("defaultValue", p.defaultValue());
      }
    }
    return doc;
  }
}
