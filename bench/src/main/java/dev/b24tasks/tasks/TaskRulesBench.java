package dev.b24tasks.tasks;

import dev.b24tasks.directory.GroupPermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The permission rules: one decision (what every status call asks), and the whole getaccess row (every exported
 * action) that each task of a list answer needs. Inputs cover every status and the usual parts a caller plays.
 * (In package dev.b24tasks.tasks to reach the package-private parts of Task's construction it shares.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TaskRulesBench {
  static final long CREATOR = 2, RESPONSIBLE = 3, ACCOMPLICE = 4, MANAGER = 5, STRANGER = 6, ADMIN = 1;

  List<Task> tasks;
  List<Actor> actors;
  List<TaskAction> exported;
  int next;

  @Setup
  public void setUp() {
    tasks = new ArrayList<>();
    for (Status s : Status.values()) {
      tasks.add(task(s, false));
      tasks.add(task(s, true));
    }
    actors = List.of(
        actor(CREATOR, false, Set.of()), actor(RESPONSIBLE, false, Set.of()), actor(ACCOMPLICE, false, Set.of()),
        actor(MANAGER, false, Set.of(RESPONSIBLE, 40L, 41L, 42L)), actor(STRANGER, false, Set.of()),
        actor(ADMIN, true, Set.of()));
    exported = new ArrayList<>();
    for (TaskAction a : TaskAction.values()) if (a.exported()) exported.add(a);
  }

  /** One decision, as a status method asks it: START by a rotating (task, actor) pair. */
  @Benchmark
  public boolean oneDecision() {
    int i = next++;
    return TaskRules.allows(TaskAction.START, actors.get(i % actors.size()), tasks.get((i / 7) % tasks.size()));
  }

  /** A getaccess row: every exported action for one (task, actor) pair. */
  @Benchmark
  public void accessRow(Blackhole bh) {
    int i = next++;
    Actor a = actors.get(i % actors.size());
    Task t = tasks.get((i / 7) % tasks.size());
    for (TaskAction action : exported) bh.consume(TaskRules.allows(action, a, t));
  }

  static Actor actor(long id, boolean admin, Set<Long> subordinates) {
    return new Actor(id, admin, subordinates, Set.<GroupPermission>of(), false, false);
  }

  static Task task(Status status, boolean control) {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    return new Task(8017, null, "Quarterly report", "", null, 1, status, false, false, 0, 0, CREATOR, now,
        RESPONSIBLE, Set.of(ACCOMPLICE), Set.of(7L), CREATOR, now, CREATOR, now, null, null, now, null,
        now.plusSeconds(86_400), null, null, "{guid}", null, null, null, true, false, control, false, 0, null, false,
        "s1", 1, null, null, null, "days", Task.ViewerFlags.none(RESPONSIBLE));
  }
}
