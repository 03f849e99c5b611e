package dev.b24tasks.console;

import dev.b24tasks.ops.DemoCompany;
import dev.b24tasks.ops.PortalReset;
import dev.b24tasks.portal.Faults;
import dev.b24tasks.portal.Portal;
import dev.b24tasks.portal.PortalClock;
import dev.b24tasks.portal.Snapshots;
import dev.b24tasks.rest.RestException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test portal's controls for administrators, on the portal feature's service: the clock (fix it, run it with
 * an offset, advance it, back to real time), named snapshots (save, restore, delete) and the faults in force
 * (clear them). The same operations as {@code b24tasks.clock.*}, {@code .snapshot.*} and {@code .fault.*}.
 */
public final class PortalPage {
  /** What the page shows. {@code flash}: what the last change did. */
  public record Model(java.time.Instant time, String mode, java.time.Instant real, String clockInput,
      List<Snapshots.Info> snapshots, List<Faults.Fault> faults, boolean demoPresent) {}

  private final Console console;
  private final Portal portal;
  private final PortalClock clock;
  private final DemoCompany demo;
  private final Runnable dropCaches;

  /** {@code dropCaches}: after a reset, this node's credential cache (the others follow the generation). */
  public PortalPage(Console console, Portal portal, PortalClock clock, DemoCompany demo, Runnable dropCaches) {
    this.console = console;
    this.portal = portal;
    this.clock = clock;
    this.demo = demo;
    this.dropCaches = dropCaches;
  }

  public void register() {
    console.addSection(new Section("portal", "/console/admin/portal", "nav.portal", true));
    console.addRoutes(r -> r
        .get("/console/admin/portal", console.admin(c -> show(c, null, null)))
        .post("/console/admin/portal/clock", console.adminChange((c, f) -> {
          String mode = f.get("mode");
          if (mode.equals("real")) {
            portal.state().setClock(PortalClock.Setting.REAL);
          } else {
            String at;
            try {
              at = LocalDateTime.parse(f.get("time")).atZone(c.t().zone()).toInstant().toString();
            } catch (DateTimeParseException e) {
              at = f.get("time"); // the portal's own parser says what is wrong with it
            }
            portal.setClock(at, mode);
          }
          done(c, "portal.clock.done");
        }))
        .post("/console/admin/portal/advance", console.adminChange((c, f) -> {
          portal.advanceClock(f.get("seconds"));
          done(c, "portal.clock.done");
        }))
        .post("/console/admin/portal/snapshots", console.adminChange((c, f) -> {
          portal.snapshots().save(f.get("name").trim());
          done(c, "portal.snapshot.saved");
        }))
        .post("/console/admin/portal/snapshots/restore", console.adminChange((c, f) -> {
          portal.snapshots().restore(f.get("name"));
          done(c, "portal.snapshot.restored");
        }))
        .post("/console/admin/portal/snapshots/delete", console.adminChange((c, f) -> {
          portal.snapshots().delete(f.get("name"));
          done(c, "portal.snapshot.deleted");
        }))
        .post("/console/admin/portal/faults/clear", console.adminChange((c, f) -> {
          portal.faults().clear(f.id("id"));
          done(c, "portal.faults.cleared");
        }))
        .post("/console/admin/portal/reset", console.adminChange((c, f) -> {
          if (!f.yes("confirm")) throw new IllegalArgumentException("portal.reset.confirmFirst");
          // the administrator at the console stays, with her password, session and webhooks
          PortalReset.reset(console.db(), new PortalReset.Keep(c.user(), null, null, true));
          portal.state().bumpGeneration();
          dropCaches.run();
          done(c, "portal.reset.done");
        }))
        .post("/console/admin/portal/seed", console.adminChange((c, f) -> {
          if (!f.yes("confirm")) throw new IllegalArgumentException("portal.seed.confirmFirst");
          done(c, demo.seed().isPresent() ? "portal.seed.done" : "portal.seed.there");
        })));
  }

  private void done(Console.Ctx c, String key) {
    Web.redirect(c.req(), c.res(), "/console/admin/portal?done=" + key);
  }

  private void show(Console.Ctx c, String flash, String kind) {
    String done = Web.query(c.req()).get("done");
    if (flash == null && done.startsWith("portal.")) {
      flash = c.t().get(done);
      kind = "ok";
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", console.frame(c, c.t().get("portal.title"), "portal", flash, kind));
    m.put("m", new Model(clock.instant(), clock.setting().mode(), clock.realInstant(), c.t().input(clock.instant()),
        portal.snapshots().list(), portal.faults().list(), demo.present()));
    console.render(c, 200, "portal.jte", m);
  }

  /** A refusal of the portal feature (a bad time, an unknown snapshot) in the viewer's language. */
  static String describe(RestException e, Texts t) {
    return e.description(t.language());
  }
}
