package dev.b24tasks.cli;

import dev.b24tasks.portal.Conformance;
import dev.b24tasks.portal.Portal;
import dev.b24tasks.portal.PortalClock;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The portal controls from the command line, on the store directly (a running server follows at its next call):
 * {@code clock}, {@code snapshot}, {@code fault}, {@code journal}, {@code conformance}. Each runs the same code as
 * its {@code b24tasks.*} method and prints the same fields, as JSON.
 */
public final class PortalCommands {
  private PortalCommands() {}

  /** What a subcommand does with the portal; answers what to print. */
  interface Work {
    Object run(Portal portal);
  }

  /** A subcommand on the store: runs its work on the portal and prints the answer (JSON) or the error. */
  abstract static class Leaf implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    int with(Work work) {
      try (Database db = store.open(true)) {
        Portal portal = Portal.open(db, new PortalClock(Clock.systemUTC()), null, Portal.JournalOptions.DEFAULT, "cli");
        Object out = work.run(portal);
        spec.commandLine().getOut().println(out instanceof String s ? s
            : new String(Json.write(out), StandardCharsets.UTF_8));
        return 0;
      } catch (RestException e) {
        spec.commandLine().getErr().println("b24-tasks: " + e.description("en"));
        return 1;
      }
    }
  }

  abstract static class Group implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(name = "clock", mixinStandardHelpOptions = true, description = "The portal clock every node follows.",
      subcommands = {ClockCommand.Get.class, ClockCommand.Set.class, ClockCommand.Advance.class,
          ClockCommand.Reset.class})
  public static final class ClockCommand extends Group {
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print the portal time and its setting.")
    static final class Get extends Leaf {

      @Override
      public Integer call() {
        return with(p -> p.clockAnswer(p.state().clock().setting()));
      }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set the portal time: fixed (stands still, the default) or offset (runs on from there).")
    static final class Set extends Leaf {

      @Parameters(index = "0", description = "ISO-8601 date-time, e.g. 2027-01-31T09:00:00Z")
      String time;

      @Option(names = "--mode", description = "fixed or offset. Default: ${DEFAULT-VALUE}")
      String mode = "fixed";

      @Override
      public Integer call() {
        return with(p -> p.clockAnswer(p.setClock(time, mode)));
      }
    }

    @Command(name = "advance", mixinStandardHelpOptions = true, description = "Move the portal time by SECONDS.")
    static final class Advance extends Leaf {

      @Parameters(index = "0", description = "Seconds, e.g. 3600 or -86400", paramLabel = "SECONDS")
      String seconds;

      @Override
      public Integer call() {
        return with(p -> p.clockAnswer(p.advanceClock(seconds)));
      }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Back to real time.")
    static final class Reset extends Leaf {

      @Override
      public Integer call() {
        return with(p -> p.clockAnswer(p.state().setClock(PortalClock.Setting.REAL)));
      }
    }
  }

  @Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Named snapshots of the whole portal.",
      subcommands = {SnapshotCommand.Save.class, SnapshotCommand.Restore.class, SnapshotCommand.ListAll.class,
          SnapshotCommand.Delete.class})
  public static final class SnapshotCommand extends Group {
    @Command(name = "save", mixinStandardHelpOptions = true, description = "Save the portal as NAME (replacing it).")
    static final class Save extends Leaf {

      @Parameters(index = "0", paramLabel = "NAME")
      String name;

      @Override
      public Integer call() {
        return with(p -> Portal.describe(p.snapshots().save(name)));
      }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Put the portal back as NAME was saved.")
    static final class Restore extends Leaf {

      @Parameters(index = "0", paramLabel = "NAME")
      String name;

      @Override
      public Integer call() {
        return with(p -> Portal.describe(p.snapshots().restore(name)));
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved snapshots.")
    static final class ListAll extends Leaf {

      @Override
      public Integer call() {
        return with(p -> p.snapshots().list().stream().map(Portal::describe).toList());
      }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete snapshot NAME.")
    static final class Delete extends Leaf {

      @Parameters(index = "0", paramLabel = "NAME")
      String name;

      @Override
      public Integer call() {
        return with(p -> {
          p.snapshots().delete(name);
          return "Deleted snapshot " + name;
        });
      }
    }
  }

  @Command(name = "fault", mixinStandardHelpOptions = true, description = "Faults on demand for REST calls.",
      subcommands = {FaultCommand.Add.class, FaultCommand.ListAll.class, FaultCommand.Clear.class})
  public static final class FaultCommand extends Group {
    @Command(name = "add", mixinStandardHelpOptions = true,
        description = "Make matching calls slow, fail, or lose their connection. Prints the fault's ID.")
    static final class Add extends Leaf {

      @Option(names = "--method", required = true, description = "A method name or a pattern with *, e.g. tasks.task.*")
      String method;

      @Option(names = "--user", description = "Only calls of this user")
      Long user;

      @Option(names = "--error", description = "QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT, expired_token, "
          + "INTERNAL_SERVER_ERROR, CUT_BEFORE or CUT_AFTER")
      String error;

      @Option(names = "--latency-ms", description = "Delay each matching call by this much")
      int latencyMs;

      @Option(names = "--times", description = "Only the next N matching calls; default: all of them")
      Integer times;

      @Option(names = "--probability", description = "Fire on this share of the matching calls (0..1]")
      Double probability;

      @Option(names = "--seed", description = "Seed of the probability's sequence. Default: 0")
      Long seed;

      @Override
      public Integer call() {
        return with(p -> Map.of("ID", p.faults().add(method, user, error, latencyMs, times, probability, seed,
            Conformance.fromIndex().methodNames())));
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the faults and how often they fired.")
    static final class ListAll extends Leaf {

      @Override
      public Integer call() {
        return with(p -> p.faults().list().stream().map(Portal::describe).toList());
      }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove one fault (--id) or all.")
    static final class Clear extends Leaf {

      @Option(names = "--id", description = "The fault to remove; default: all")
      Long id;

      @Override
      public Integer call() {
        return with(p -> Map.of("CLEARED", p.faults().clear(id)));
      }
    }
  }

  @Command(name = "journal", mixinStandardHelpOptions = true, description = "The request journal.",
      subcommands = {JournalCommand.ListAll.class, JournalCommand.Clear.class})
  public static final class JournalCommand extends Group {
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Recorded calls, newest first, 50 a page.")
    static final class ListAll extends Leaf {

      @Option(names = "--method", description = "A method name or a pattern with *")
      String method;

      @Option(names = "--user", description = "Calls of this user")
      Long user;

      @Option(names = "--status", description = "HTTP status, e.g. 400")
      Integer status;

      @Option(names = "--since", description = "Calls at or after this ISO-8601 time (portal clock)")
      String since;

      @Option(names = "--start", description = "Skip this many entries (pages of 50)")
      int start;

      @Override
      public Integer call() {
        return with(p -> p.journalPage(method, user, status, since, start));
      }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Forget every recorded call.")
    static final class Clear extends Leaf {

      @Override
      public Integer call() {
        return with(p -> Map.of("CLEARED", p.journal().clear()));
      }
    }
  }

  @Command(name = "conformance", mixinStandardHelpOptions = true,
      description = "Every served method: exact, partial or not modelled, the notes that apply, the tests that prove it.")
  public static final class ConformanceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", description = "text, markdown or json. Default: ${DEFAULT-VALUE}")
    String format = "text";

    @Override
    public Integer call() {
      Conformance c = Conformance.fromIndex();
      java.io.PrintWriter out = spec.commandLine().getOut();
      switch (format) {
        case "text" -> out.print(c.text());
        case "markdown" -> out.print(c.markdown());
        case "json" -> out.println(new String(Json.write(c.asResult()), StandardCharsets.UTF_8));
        default -> {
          spec.commandLine().getErr().println("b24-tasks: --format must be text, markdown or json, got " + format);
          return 1;
        }
      }
      out.flush();
      return 0;
    }
  }
}
