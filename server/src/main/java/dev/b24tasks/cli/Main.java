package dev.b24tasks.cli;

import dev.b24tasks.config.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code b24-tasks} command: {@code serve} and the administrative subcommands. It lives with them in
 * {@code cli/}, so the root package holds only {@code App}, the wiring, which no other package but the command
 * line imports.
 */
@Command(
    name = "b24-tasks",
    mixinStandardHelpOptions = true,
    version = "b24-tasks 0.1.0",
    description = "A self-hosted, Bitrix24-compatible Tasks REST server.",
    subcommands = {ServeCommand.class, WebhookCommand.class, TokenCommand.class, AppCommand.class, UserCommand.class,
        SeedCommand.class, BackupCommand.class, RestoreCommand.class, ResetCommand.class,
        PortalCommands.ClockCommand.class, PortalCommands.SnapshotCommand.class, PortalCommands.FaultCommand.class,
        PortalCommands.JournalCommand.class, PortalCommands.ConformanceCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    Logging.bridgeJul();
    CommandLine cli = new CommandLine(new Main());
    cli.setDefaultValueProvider(ConfigDefaults.from(args));
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
