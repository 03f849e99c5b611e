package dev.b24tasks.cli;

import dev.b24tasks.events.OutgoingWebhooks;
import dev.b24tasks.rest.RestException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code b24-tasks outgoing create|list|delete}: outgoing webhooks, as on the portal's "Outgoing webhook" page. */
@Command(name = "outgoing", mixinStandardHelpOptions = true, description = "Outgoing webhooks (events to a URL).",
    subcommands = {OutgoingCommand.Create.class, OutgoingCommand.ListOutgoing.class, OutgoingCommand.Delete.class})
public final class OutgoingCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Send events to a URL; prints the application token the handler should check.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--url", required = true, description = "The handler, http(s)://...")
    String url;

    @Option(names = "--events", required = true, description = "Comma-separated, e.g. ONTASKADD,ONTASKUPDATE")
    String events;

    @Option(names = "--title", description = "A note saying what it is for")
    String title;

    @Override
    public Integer call() {
      return AdminStore.with(spec, store, s -> {
        OutgoingWebhooks.Outgoing o;
        try {
          o = s.outgoing().create(url, List.of(events.split(",")), title);
        } catch (RestException e) {
          throw new ParameterException(spec.commandLine(), e.description("en") + " (" + e.code() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Outgoing webhook " + o.id() + " to " + o.url() + " for " + String.join(",", o.events()));
        out.println("Application token: " + o.applicationToken());
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List outgoing webhooks and their tokens.")
  static final class ListOutgoing implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
      return AdminStore.with(spec, store, s -> {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-6s %-34s %-50s %s%n", "ID", "APPLICATION TOKEN", "EVENTS", "URL");
        for (OutgoingWebhooks.Outgoing o : s.outgoing().list()) {
          out.printf("%-6d %-34s %-50s %s%n", o.id(), o.applicationToken(), String.join(",", o.events()), o.url());
        }
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an outgoing webhook.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--id", required = true, description = "Its id (see list)")
    long id;

    @Override
    public Integer call() {
      return AdminStore.with(spec, store, s -> {
        if (!s.outgoing().delete(id)) {
          throw new ParameterException(spec.commandLine(), "No outgoing webhook " + id);
        }
        spec.commandLine().getOut().println("Deleted outgoing webhook " + id);
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }
}
