package dev.b24tasks.testing;

import dev.b24tasks.cli.ConfigDefaults;
import dev.b24tasks.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** The command line run in-process as {@code b24-tasks … --database URL} runs it, with no environment. */
public final class Cli {
  private Cli() {}

  /** What a command came to: its exit code and what it printed. */
  public record Run(int exit, String out, String err) {}

  public static Run on(String database, String... args) {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--database";
    full[args.length + 1] = database;
    CommandLine cli = new CommandLine(new Main());
    cli.setDefaultValueProvider(ConfigDefaults.from(full, Map.of()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(full);
    return new Run(exit, out.toString(), err.toString());
  }
}
