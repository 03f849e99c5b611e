package dev.b24tasks;

import dev.b24tasks.cli.AppCommand;
import dev.b24tasks.cli.BackupCommand;
import dev.b24tasks.cli.ConfigDefaults;
import dev.b24tasks.cli.ResetCommand;
import dev.b24tasks.cli.RestoreCommand;
import dev.b24tasks.cli.SeedCommand;
import dev.b24tasks.cli.ServeCommand;
import dev.b24tasks.cli.TokenCommand;
import dev.b24tasks.cli.UserCommand;
import dev.b24tasks.cli.WebhookCommand;
import dev.b24tasks.config.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code b24-tasks} command: {@code serve} and the administrative subcommands. */
@Command(
    name = "b24-tasks",
    mixinStandardHelpOptions = true,
    version = "b24-tasks 0.1.0",
    description = "A self-hosted, Bitrix24-compatible Tasks REST server.",
    subcommands = {ServeCommand.class, WebhookCommand.class, TokenCommand.class, AppCommand.class, UserCommand.class,
        SeedCommand.class, BackupCommand.class, RestoreCommand.class, ResetCommand.class})
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
