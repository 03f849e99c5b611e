package dev.b24tasks.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code b24-tasks user create}: a person of the portal, whom webhooks and tokens can act as. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Portal users.",
    subcommands = {UserCommand.Create.class})
public final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user and print its id.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--email", required = true, description = "E-mail address (also the login)")
    String email;

    @Option(names = "--name", description = "First name")
    String name = "";

    @Option(names = "--last-name", description = "Last name")
    String lastName = "";

    @Option(names = "--admin", description = "Make the user a portal administrator")
    boolean admin;

    @Override
    public Integer call() {
      if (!email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new ParameterException(spec.commandLine(), "--email must look like name@example.com; got " + email);
      }
      return AdminStore.with(spec, store, s -> {
        long id = s.directory.createUser(email, name, lastName, admin);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created user " + id + (admin ? " (administrator)" : "") + ": " + email);
        out.flush();
        return 0;
      });
    }
  }
}
