package dev.b24tasks.dependencies;

import static dev.b24tasks.binding.Manifest.required;

import dev.b24tasks.binding.ArgType;
import dev.b24tasks.binding.Args;
import dev.b24tasks.binding.LegacyErrors;
import dev.b24tasks.binding.Manifest;
import dev.b24tasks.binding.PositionalFamily;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import java.util.List;

/**
 * {@code task.dependence.add} / {@code delete} (named, the doc pages' codes and texts; success is {@code []}) and
 * the legacy positional {@code task.item.getdependson} (0: taskId) with its ctaskitem twin.
 */
public final class DependencyMethods {
  static final Manifest DEPENDS_ON = Manifest.of("ctaskitem", "getdependson", required("taskId", ArgType.INTEGER));

  private final DependencyService service;

  public DependencyMethods(DependencyService service) {
    this.service = service;
  }

  public void register(MethodRegistry r) {
    r.named("task.dependence.add", "task", c -> {
      service.add(c.userId(), c.params().requireLong("taskIdFrom"), c.params().requireLong("taskIdTo"),
          (int) c.params().requireLong("linkType"));
      return List.of();
    });
    r.named("task.dependence.delete", "task", c -> {
      service.delete(c.userId(), c.params().requireLong("taskIdFrom"), c.params().requireLong("taskIdTo"));
      return List.of();
    });
    new PositionalFamily(r, "task.item", "task").twin("task.ctaskitem").read(DEPENDS_ON, this::dependsOn);
  }

  private Object dependsOn(Call call, Args a) {
    return service.dependsOn(call.userId(), a.id(0))
        .orElseThrow(() -> LegacyErrors.message("legacy", "TASK_NOT_FOUND"))
        .stream().map(Object::toString).toList();
  }
}
