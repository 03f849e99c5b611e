package dev.b24tasks.cli;

import dev.b24tasks.ops.PortalReset;
import dev.b24tasks.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code b24-tasks reset}: an empty portal that keeps the administrator and the administrator's webhooks. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Empty the portal (tasks, users, groups...) but keep the administrator and their webhooks.")
public final class ResetCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    try (Database db = store.open(true)) {
      Long admin = PortalReset.administrator(db);
      if (admin == null) {
        System.err.println("The portal has no administrator; nothing to keep. Start the server once instead.");
        return 1;
      }
      int tables = PortalReset.reset(db, new PortalReset.Keep(admin, null, null, true)).size();
      System.out.println("Reset: emptied " + tables + " tables; kept administrator " + admin + " and their webhooks.");
      return 0;
    }
  }
}
