package dev.b24tasks.console;

import dev.b24tasks.apps.AppService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local applications for administrators, on the applications feature's service: the list with each app's
 * client id, scopes, handler (redirect) URL and installation state; a new app (its client secret shown this
 * once); install, uninstall (its tokens are revoked) and delete. The same operations as {@code b24tasks.app.*}.
 */
public final class AppsPage {
  /** The page. {@code made}: the app just registered, with its secret, or null. */
  public record Model(List<AppService.AppInfo> apps, List<String> scopes, AppService.Registered made) {
    /** Where an app sends a person to agree: the portal's authorization page. */
    public String authorize(AppService.AppInfo a) {
      return "/oauth/authorize/?client_id=" + java.net.URLEncoder.encode(a.clientId(),
          java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final Console console;
  private final AppService apps;

  public AppsPage(Console console, AppService apps) {
    this.console = console;
    this.apps = apps;
  }

  public void register() {
    console.addSection(new Section("apps", "/console/admin/apps", "nav.apps", true));
    console.addRoutes(r -> r
        .get("/console/admin/apps", console.admin(c -> show(c, null, null)))
        .post("/console/admin/apps", console.adminChange((c, f) -> {
          String name = f.get("name").trim();
          if (name.isEmpty()) throw new IllegalArgumentException("apps.error.name");
          String handler = f.get("handler").trim();
          if (!AppService.validUrl(handler)) throw new IllegalArgumentException("apps.error.handler");
          String install = f.get("install").trim();
          if (!install.isEmpty() && !AppService.validUrl(install)) throw new IllegalArgumentException("apps.error.install");
          List<String> scopes = f.all("scope").stream().filter(AppService.SCOPES::contains).distinct().toList();
          if (scopes.isEmpty()) throw new IllegalArgumentException("apps.error.scopes");
          AppService.Registered made = apps.register(c.user(), new AppService.Form(name, handler,
              install.isEmpty() ? null : install, scopes, f.yes("apiOnly")));
          show(c, made, c.t().get("apps.created", made.app().name()));
        }))
        .post("/console/admin/apps/{id}/install", console.adminChange((c, f) -> {
          apps.install(known(c), c.user());
          done(c);
        }))
        .post("/console/admin/apps/{id}/uninstall", console.adminChange((c, f) -> {
          apps.uninstall(known(c));
          done(c);
        }))
        .post("/console/admin/apps/{id}/delete", console.adminChange((c, f) -> {
          apps.delete(known(c));
          done(c);
        })));
  }

  private long known(Console.Ctx c) {
    long id = Console.pathId(c, "id");
    if (apps.app(id).isEmpty()) throw new IllegalArgumentException("apps.error.unknown");
    return id;
  }

  private static void done(Console.Ctx c) {
    Web.redirect(c.req(), c.res(), "/console/admin/apps");
  }

  private void show(Console.Ctx c, AppService.Registered made, String flash) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f", console.frame(c, c.t().get("apps.title"), "apps", flash, flash == null ? null : "ok"));
    m.put("m", new Model(apps.list(), AppService.SCOPES, made));
    console.render(c, 200, "apps.jte", m);
  }
}
