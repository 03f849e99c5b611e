package dev.b24tasks.console;

import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.directory.Departments;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.Users;
import dev.b24tasks.directory.Workgroups;
import dev.b24tasks.rest.Messages;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.store.Database;
import dev.b24tasks.store.Tx;
import dev.b24tasks.tasks.TaskException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The web console, served under {@code /console/} by the same server as {@code /rest/}: server-rendered pages
 * (precompiled JTE templates, escaping on) and htmx for the parts that change in place. Every page acts as the
 * signed-in person through {@link Desk}; every change needs the session's anti-forgery token and a same-origin
 * request.
 */
public final class Console {
  static final String SESSION_COOKIE = "b24_session";
  /** The sign-in form's own anti-forgery cookie (there is no session yet to hold a token). */
  static final String FORM_COOKIE = "b24_signin";
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Console.class);
  private static final int PER_COLUMN = 20;

  private final String serverLanguage;
  private final Database db;
  private final Desk desk;
  private final AuthStore auth;
  private final Users users;
  private final Departments departments;
  private final Workgroups workgroups;
  private final Function<Boolean, String> baseUrl;
  private final Passwords passwords;
  private final Sessions sessions;
  private final SignIns signIns;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Console.class.getClassLoader(), "dev.b24tasks.console.jte");
  private final List<Section> sections = new CopyOnWriteArrayList<>();
  private final List<java.util.function.Consumer<HttpRouting.Builder>> extensions = new CopyOnWriteArrayList<>();
  private final Map<String, Asset> assets = new HashMap<>();

  private record Asset(byte[] bytes, String type) {}

  /** The signed-in request: who, in which words, with which session. */
  public record Ctx(ServerRequest req, ServerResponse res, String token, Sessions.Session session, Desk.Person me,
      boolean admin, Texts t) {
    public long user() {
      return me.id();
    }
  }

  @FunctionalInterface
  public interface Page {
    void handle(Ctx c) throws Exception;
  }

  @FunctionalInterface
  public interface Change {
    void handle(Ctx c, Web.Form form) throws Exception;
  }

  public Console(String serverLanguage, Database db, Clock clock, Desk desk, AuthStore auth, Users users,
      Departments departments, Workgroups workgroups, Function<Boolean, String> baseUrl) {
    this.serverLanguage = serverLanguage;
    this.db = db;
    this.desk = desk;
    this.auth = auth;
    this.users = users;
    this.departments = departments;
    this.workgroups = workgroups;
    this.baseUrl = baseUrl;
    this.passwords = new Passwords(db, clock);
    this.sessions = new Sessions(db, clock);
    this.signIns = new SignIns(db, clock, sessions);
    sections.add(new Section("board", "/console/board", "nav.board", false));
    sections.add(new Section("people", "/console/people", "nav.people", false));
    sections.add(new Section("users", "/console/admin/users", "nav.users", true));
    sections.add(new Section("webhooks", "/console/admin/webhooks", "nav.webhooks", true));
    assets.put("htmx.min.js", new Asset(resource(htmxPath()), "text/javascript; charset=utf-8"));
    assets.put("console.css", new Asset(resource("console/static/console.css"), "text/css; charset=utf-8"));
    assets.put("console.js", new Asset(resource("console/static/console.js"), "text/javascript; charset=utf-8"));
  }

  /** The task page lists attached Drive files from {@code disk}. */
  public void useFiles(dev.b24tasks.files.DiskService disk) {
    desk.useFiles(disk);
  }

  public Passwords passwords() {
    return passwords;
  }

  public SignIns signIns() {
    return signIns;
  }

  /**
   * Adds a menu entry (the request journal, event deliveries, apps…). Its pages register their own routes under
   * {@code /console/} and may use {@link #signedIn} to get the viewer.
   */
  public void addSection(Section s) {
    sections.add(s);
  }

  /** Adds routes (under {@code /console/}) served beside the console's own; call before the server starts. */
  public void addRoutes(java.util.function.Consumer<HttpRouting.Builder> more) {
    extensions.add(more);
  }

  /** A one-time sign-in link for the portal's administrator when she has no password yet; else null. */
  public String firstStartLink(long adminId) {
    if (passwords.has(adminId)) return null;
    String base = baseUrl.apply(false);
    if (base == null) base = baseUrl.apply(true);
    return base == null ? null : base + "/console/link/" + signIns.newLink(adminId);
  }

  // ---- routes ----------------------------------------------------------------------------------------------

  public void routing(HttpRouting.Builder r) {
    extensions.forEach(e -> e.accept(r));
    r.get("/", (req, res) -> Web.redirect(req, res, "/console/"));
    r.get("/favicon.ico", (req, res) -> res.status(Status.NO_CONTENT_204).send());
    r.get("/console/static/{file}", this::asset);
    r.get("/console/signin", (req, res) -> guard(req, res, () -> signInPage(req, res, "", null, 200,
        Web.query(req).get("next"))));
    r.post("/console/signin", (req, res) -> guard(req, res, () -> signIn(req, res)));
    r.get("/console/link/{token}", (req, res) -> guard(req, res, () -> useLink(req, res)));
    r.post("/console/signout", change((c, f) -> {
      sessions.close(c.token());
      Web.clearCookie(c.req(), c.res(), SESSION_COOKIE);
      Web.redirect(c.req(), c.res(), "/console/signin");
    }));
    r.get("/console", page(c -> Web.redirect(c.req(), c.res(), "/console/")));
    r.get("/console/", page(this::board));
    r.get("/console/board", page(this::board));
    r.get("/console/pick", page(this::pick));
    r.get("/console/tasks/new", page(this::newTask));
    r.post("/console/tasks", change(this::createTask));
    r.get("/console/tasks/{id}", page(this::task));
    r.post("/console/tasks/{id}/edit", change(this::editTask));
    r.post("/console/tasks/{id}/comments", change((c, f) -> {
      long id = taskId(c);
      desk.comment(c.user(), id, f.get("message"));
      Web.redirect(c.req(), c.res(), "/console/tasks/" + id + "#h-comments");
    }));
    r.post("/console/tasks/{id}/elapsed", change((c, f) -> {
      long id = taskId(c);
      long minutes = Math.max(0, Math.min(100_000, f.largest("minutes", 0, 100_000)));
      if (minutes == 0) throw new IllegalArgumentException("elapsed.minutesNeeded");
      desk.logTime(c.user(), id, minutes * 60, f.get("comment"));
      Web.redirect(c.req(), c.res(), "/console/tasks/" + id + "#elapsed");
    }));
    r.post("/console/tasks/{id}/checklist", change((c, f) -> {
      long id = taskId(c);
      desk.addChecklistItem(c.user(), id, f.get("title"));
      Web.redirect(c.req(), c.res(), "/console/tasks/" + id + "#checklist");
    }));
    r.post("/console/tasks/{id}/checklist/{item}", change((c, f) -> {
      long id = taskId(c);
      long item = pathId(c, "item");
      desk.tick(c.user(), id, item, f.yes("complete"));
      if (Web.htmx(c.req())) {
        task(c); // htmx picks the checklist out of the page (hx-select)
      } else {
        Web.redirect(c.req(), c.res(), "/console/tasks/" + id);
      }
    }));
    r.post("/console/tasks/{id}/stage", change((c, f) -> {
      Long stage = f.id("stage");
      if (stage == null) throw new IllegalArgumentException("stage.pick");
      String flash = null;
      try {
        desk.moveToStage(c.user(), taskId(c), stage);
      } catch (RestException refused) { // the stages feature's unit is rolled back to its savepoint
        flash = PortalPage.describe(refused, c.t()).replace("<br>", "");
      }
      boardAnswer(c, f, flash, true);
    }));
    r.post("/console/tasks/{id}/{move}", change(this::move));
    r.get("/console/people", page(this::people));
    r.get("/console/account", page(c -> account(c, null, null)));
    r.post("/console/account/language", change((c, f) -> {
      String lang = Texts.LANGUAGES.contains(f.get("language")) ? f.get("language") : "";
      db.tx(tx -> tx.update("INSERT INTO console_preferences (user_id, language) VALUES (?, ?) "
          + "ON CONFLICT (user_id) DO UPDATE SET language = excluded.language", c.user(), lang));
      Web.redirect(c.req(), c.res(), "/console/account");
    }));
    r.post("/console/account/password", change((c, f) -> {
      if (passwords.has(c.user()) && !passwords.matches(c.user(), f.get("current"))) {
        account(c, c.t().get("account.password.wrong"), "error");
        return;
      }
      passwords.set(c.user(), f.get("password"));
      sessions.closeOthers(c.user(), c.token());
      account(c, c.t().get("account.password.saved"), "ok");
    }));
    r.get("/console/admin/users", admin(c -> adminUsers(c, null, null)));
    r.post("/console/admin/users/{id}/password", adminChange((c, f) -> {
      long id = pathId(c, "id");
      if (desk.person(id).isEmpty()) throw TaskException.denied();
      passwords.set(id, f.get("password"));
      adminUsers(c, c.t().get("admin.users.saved", desk.person(id).get().name()), "ok");
    }));
    r.get("/console/admin/webhooks", admin(c -> webhooks(c, null, null)));
    r.post("/console/admin/webhooks", adminChange(this::createWebhook));
    r.post("/console/admin/webhooks/{id}/revoke", adminChange((c, f) -> {
      auth.deleteWebhook(pathId(c, "id"), null);
      Web.redirect(c.req(), c.res(), "/console/admin/webhooks");
    }));
  }

  // ---- the request wrappers --------------------------------------------------------------------------------

  private interface Body {
    void run() throws Exception;
  }

  /** Turns what can go wrong into a page: never a stack trace, never a 500 for bad input. */
  private void guard(ServerRequest req, ServerResponse res, Body body) {
    try {
      body.run();
    } catch (Web.TooLarge e) {
      plain(res, 413, "Request too large");
    } catch (RuntimeException e) {
      log.error("Console request {} {} failed", req.prologue().method().text(), req.path().rawPath(), e);
      if (!res.isSent()) plain(res, 500, "Something went wrong; the server log has the details.");
    } catch (Exception e) {
      log.error("Console request {} failed", req.path().rawPath(), e);
      if (!res.isSent()) plain(res, 500, "Something went wrong; the server log has the details.");
    }
  }

  private static void plain(ServerResponse res, int status, String text) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    res.send(text);
  }

  /** The signed-in person of this request, if any (for pages other features add). */
  public Optional<Ctx> signedIn(ServerRequest req, ServerResponse res) {
    String token = null;
    Optional<Sessions.Session> s = Optional.empty();
    for (String sent : Web.cookies(req, SESSION_COOKIE)) { // an old cookie of path /console may come first
      s = sessions.find(sent);
      token = sent;
      if (s.isPresent()) break;
    }
    if (s.isEmpty()) return Optional.empty();
    Optional<Desk.Person> me = desk.person(s.get().userId());
    if (me.isEmpty()) return Optional.empty();
    boolean admin = desk.directory().isAdmin(me.get().id());
    return Optional.of(new Ctx(req, res, token, s.get(), me.get(), admin, texts(me.get().id())));
  }

  /**
   * The user a {@code Cookie} header's console session belongs to (for the OAuth authorization page, which
   * signs in with the console's session), or empty.
   */
  public Optional<Long> sessionUser(String cookieHeader) {
    if (cookieHeader == null) return Optional.empty();
    for (String part : cookieHeader.split(";")) {
      String c = part.trim();
      if (!c.startsWith(SESSION_COOKIE + "=")) continue;
      Optional<Sessions.Session> s = sessions.find(c.substring(SESSION_COOKIE.length() + 1));
      if (s.isPresent()) return Optional.of(s.get().userId());
    }
    return Optional.empty();
  }

  /** The sign-in page that brings the visitor back to {@code next} (a console path or an authorize request). */
  public String signInUrl(String next) {
    return "/console/signin?next=" + URLEncoder.encode(Web.safeNext(next), StandardCharsets.UTF_8);
  }

  private Texts texts(long userId) {
    String chosen = preference(userId);
    Directory d = desk.directory();
    return new Texts(chosen.isEmpty() ? serverLanguage : chosen, d.zoneOf(userId));
  }

  private String preference(long userId) {
    return db.read(tx -> tx.queryOne("SELECT language FROM console_preferences WHERE user_id = ?",
        rs -> rs.getString(1), userId)).orElse("");
  }

  /** A page for signed-in people (others are sent to sign in first). */
  public io.helidon.webserver.http.Handler page(Page p) {
    return (req, res) -> guard(req, res, () -> inTransaction(true, res, () -> {
      Optional<Ctx> c = signedIn(req, res);
      if (c.isEmpty()) {
        String next = req.path().rawPath()
            + (req.prologue().query().rawValue().isEmpty() ? "" : "?" + req.prologue().query().rawValue());
        Web.redirect(req, res, "/console/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return;
      }
      noStore(res);
      try {
        p.handle(c.get());
      } catch (TaskException | RestException e) {
        notFound(c.get());
      }
    }));
  }

  /**
   * Runs a whole console request in one transaction, as the REST dispatcher runs a call: a page
   * ({@code call} true: {@code Database.call}, every service's unit joins it without savepoints) reads one
   * picture from one pool connection; a change ({@code Database.tx}) keeps each service's unit under a savepoint,
   * and a refused change rolls back as a whole. The answer is held until the commit (a browser that follows a
   * redirect at once finds the change there), and a transaction retried after a conflict answers once.
   */
  private void inTransaction(boolean call, ServerResponse res, Body body) throws Exception {
    Web.holding(held -> inTransaction(call, held, body));
  }

  private void inTransaction(boolean call, List<Runnable> held, Body body) throws Exception {
    Tx.Work<Void> work = tx -> {
      held.clear(); // a retried attempt answers afresh
      try {
        body.run();
      } catch (RuntimeException | SQLException e) {
        throw e;
      } catch (Exception e) {
        throw new Checked(e);
      }
      return null;
    };
    try {
      if (call) {
        db.call(work);
      } else {
        db.tx(work);
      }
    } catch (Checked e) {
      throw (Exception) e.getCause();
    }
  }

  private static final class Checked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Checked(Exception cause) {
      super(cause);
    }
  }

  /** A page for administrators. */
  public io.helidon.webserver.http.Handler admin(Page p) {
    return page(c -> {
      if (!c.admin()) {
        forbidden(c);
        return;
      }
      p.handle(c);
    });
  }

  /**
   * A changing request: signed in, from our own origin, carrying the session's anti-forgery token (header
   * {@code X-CSRF-Token} from htmx, or the form field {@code _csrf}). Anything else is 403 and changes nothing.
   */
  public io.helidon.webserver.http.Handler change(Change ch) {
    return (req, res) -> guard(req, res, () -> {
      Web.Form form = Web.body(req);
      Ctx[] who = new Ctx[1];
      try {
        inTransaction(false, res, () -> {
          Optional<Ctx> c = signedIn(req, res);
          if (c.isEmpty()) {
            Web.redirect(req, res, "/console/signin");
            return;
          }
          String sent = req.headers().first(HeaderNames.create("X-CSRF-Token")).orElse(form.get("_csrf"));
          if (!Web.sameOrigin(req) || !Sessions.same(sent, c.get().session().csrf())) {
            res.status(Status.FORBIDDEN_403);
            message(c.get(), 403, c.get().t().get("csrf.title"), c.get().t().get("csrf.text"));
            return;
          }
          noStore(res);
          who[0] = c.get();
          ch.handle(c.get(), form);
        });
      } catch (RuntimeException e) {
        // a refusal: the change's transaction is rolled back; the answer says why
        if (who[0] == null) throw e;
        refusal(who[0], e);
      }
    });
  }

  private void refusal(Ctx c, RuntimeException refused) {
    try {
      throw refused;
    } catch (TaskException e) {
      if (e.kind() == TaskException.Kind.INVALID) {
        refused(c, Messages.text("tasks", e.key(), c.t().language(), e.args()).replace("<br>", ""));
      } else {
        refused(c, c.t().get("error.notAllowed"));
      }
    } catch (RestException e) {
      refused(c, e.status() == 400 || e.status() == 404 ? PortalPage.describe(e, c.t()).replace("<br>", "")
          : c.t().get("error.notAllowed"));
    } catch (IllegalArgumentException e) {
      refused(c, c.t().get(e.getMessage()));
    }
  }

  public io.helidon.webserver.http.Handler adminChange(Change ch) {
    return change((c, f) -> {
      if (!c.admin()) {
        forbidden(c);
        return;
      }
      ch.handle(c, f);
    });
  }

  /** A refused change: back where it came from, with the reason. */
  private void refused(Ctx c, String why) {
    if (Web.htmx(c.req())) {
      c.res().status(Status.OK_200);
      html(c.res(), 200, "parts/flash.jte", Map.of("text", why));
      return;
    }
    message(c, 400, c.t().get("error.refused"), why);
  }

  private static void noStore(ServerResponse res) {
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
  }

  public Frame frame(Ctx c, String title, String nav, String flash, String flashKind) {
    List<Section> visible = sections.stream().filter(s -> !s.adminOnly() || c.admin()).toList();
    return new Frame(c.t(), c.me(), c.session().csrf(), title, nav, visible, flash, flashKind);
  }

  /** Renders a template of {@code src/main/jte} (any feature may keep its pages there, in a folder of its own). */
  public void render(Ctx c, int status, String template, Map<String, Object> params) {
    html(c.res(), status, template, params);
  }

  private void html(ServerResponse res, int status, String template, Map<String, Object> params) {
    html(res, status, template, params, true);
  }

  private void html(ServerResponse res, int status, String template, Map<String, Object> params, boolean formsHere) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    Web.answer(() -> send(res, status, out.toString(), formsHere));
  }

  private static void send(ServerResponse res, int status, String page, boolean formsHere) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.header(HeaderNames.create("X-Frame-Options"), "DENY");
    res.header(HeaderNames.create("Content-Security-Policy"), "default-src 'self'; img-src 'self' data:; "
        + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; " + (formsHere ? "form-action 'self'; " : "")
        + "base-uri 'none'");
    res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
    res.send(page);
  }

  private void message(Ctx c, int status, String heading, String text) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(c, heading, "", null, null));
    p.put("heading", heading);
    p.put("text", text);
    render(c, status, "message.jte", p);
  }

  private void notFound(Ctx c) {
    message(c, 404, c.t().get("notFound.title"), c.t().get("notFound.text"));
  }

  private void forbidden(Ctx c) {
    message(c, 403, c.t().get("forbidden.title"), c.t().get("forbidden.text"));
  }

  private static long taskId(Ctx c) {
    return pathId(c, "id");
  }

  static long pathId(Ctx c, String name) {
    try {
      long id = Long.parseLong(c.req().path().pathParameters().get(name));
      if (id > 0) return id;
    } catch (NumberFormatException ignored) {
      // falls through to "not found"
    }
    throw TaskException.denied();
  }

  // ---- static files ----------------------------------------------------------------------------------------

  private void asset(ServerRequest req, ServerResponse res) {
    Asset a = assets.get(req.path().pathParameters().get("file"));
    if (a == null) {
      plain(res, 404, "Not found");
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, a.type());
    res.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
    res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    res.send(a.bytes());
  }

  private static String htmxPath() {
    Properties p = new Properties();
    try (InputStream in = Console.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
      if (in == null) throw new IllegalStateException("the htmx WebJar is not on the class path");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "META-INF/resources/webjars/htmx.org/" + p.getProperty("version") + "/dist/htmx.min.js";
  }

  private static byte[] resource(String path) {
    try (InputStream in = Console.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing console resource " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- signing in ------------------------------------------------------------------------------------------

  private void signInPage(ServerRequest req, ServerResponse res, String email, String error, int status, String next) {
    // the form's token lives in a cookie of its own and in the form: a page elsewhere can read neither
    String formToken = sessions.randomToken();
    Web.setCookie(req, res, FORM_COOKIE, formToken, Duration.ofHours(2), SetCookie.SameSite.STRICT);
    noStore(res);
    Texts t = new Texts(serverLanguage, desk.directory().portalZone());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", new Frame(t, null, "", t.get("signin.title"), "signin", List.of(), null, null));
    p.put("email", email);
    p.put("formToken", formToken);
    p.put("error", error);
    String back = next == null || next.isEmpty() ? "" : Web.safeNext(next);
    p.put("next", back);
    // signing in for an app's authorization request ends on the app's redirect URL, and a browser checks a form's
    // redirects against form-action too: that page lets its one form go where the authorization sends it
    html(res, status, "signin.jte", p, !back.startsWith("/oauth/"));
  }

  private void signIn(ServerRequest req, ServerResponse res) {
    Web.Form f = Web.body(req);
    Texts t = new Texts(serverLanguage, desk.directory().portalZone());
    String formCookie = Web.cookie(req, FORM_COOKIE).orElse(null);
    if (!Web.sameOrigin(req) || !Sessions.same(formCookie, f.get("_form"))) {
      signInPage(req, res, f.get("email"), t.get("signin.expired"), 403, f.get("next"));
      return;
    }
    String email = f.get("email").trim();
    String client = Web.client(req);
    if (!signIns.allowed(email, client)) {
      signInPage(req, res, email, t.get("signin.throttled", SignIns.WINDOW.toMinutes()), 429, f.get("next"));
      return;
    }
    Optional<dev.b24tasks.directory.User> user = email.isEmpty() ? Optional.empty() : users.byEmail(email);
    if (!passwords.matches(user.map(dev.b24tasks.directory.User::id).orElse(null), f.get("password"))) {
      signIns.failed(email, client);
      signInPage(req, res, email, t.get("signin.wrong"), 401, f.get("next"));
      return;
    }
    signIns.succeeded(email);
    startSession(req, res, user.get().id());
    Web.clearCookie(req, res, FORM_COOKIE);
    String next = Web.query(req).get("next");
    Web.redirect(req, res, Web.safeNext(next.isEmpty() ? f.get("next") : next));
  }

  /** A fresh session whatever cookie came in (no fixation): the old one, if it was one, ends. */
  private void startSession(ServerRequest req, ServerResponse res, long userId) {
    List<String> before = Web.cookies(req, SESSION_COOKIE);
    Sessions.Opened s = sessions.open(userId, before.isEmpty() ? null : before.get(0));
    for (String old : before.subList(Math.min(1, before.size()), before.size())) sessions.close(old);
    Web.setCookie(req, res, SESSION_COOKIE, s.token(), Sessions.LIFETIME, SetCookie.SameSite.LAX);
  }

  private void useLink(ServerRequest req, ServerResponse res) {
    Optional<Long> user = signIns.useLink(req.path().pathParameters().get("token"));
    if (user.isEmpty() || desk.person(user.get()).isEmpty()) {
      signInPage(req, res, "", new Texts(serverLanguage, desk.directory().portalZone()).get("signin.linkUsed"), 404,
          "");
      return;
    }
    startSession(req, res, user.get());
    Web.redirect(req, res, "/console/account");
  }

  // ---- the board -------------------------------------------------------------------------------------------

  private void board(Ctx c) {
    boardAnswer(c, Web.query(c.req()), null, false);
  }

  private void boardAnswer(Ctx c, Web.Form q, String flash, boolean fragment) {
    String role = q.get("role");
    Long responsible = q.id("responsible");
    Long group = q.id("group");
    String deadline = q.get("deadline");
    Instant before = null;
    try {
      if (!deadline.isEmpty()) before = LocalDate.parse(deadline).plusDays(1).atStartOfDay(c.t().zone()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      deadline = "";
    }
    int limit = q.largest("limit", PER_COLUMN, 500);
    Desk.Filters filters = new Desk.Filters(role, responsible, group, before, q.yes("overdue"), q.get("q"));
    // a workgroup's board shows its Kanban stages unless the viewer asks for the status columns
    String asked = q.get("view");
    String view = asked.equals("plan") ? "plan" : group != null && !asked.equals("status") ? "stages" : "status";
    Optional<Desk.StageBoard> staged = view.equals("stages")
        ? desk.stageBoard(c.user(), filters, limit, c.t().language())
        : view.equals("plan") ? Optional.of(desk.planBoard(c.user(), filters, limit, c.t().language()))
        : Optional.empty();
    List<Desk.ColumnView> columns = staged.isPresent() ? staged.get().columns() : desk.board(c.user(), filters, limit);
    BoardModel b = new BoardModel(role, responsible, group, deadline, q.yes("overdue"), q.get("q"), limit,
        // without a workgroup the list keeps "Kanban stages" chosen, so choosing a group shows its stages
        people(""), groups(c), columns, flash, group == null && !view.equals("plan") ? "" : view,
        staged.map(Desk.StageBoard::stages).orElse(List.of()), staged.map(Desk.StageBoard::mayMove).orElse(false));
    Map<String, Object> p = new LinkedHashMap<>();
    if (fragment || (Web.htmx(c.req()) && !c.req().headers().contains(HeaderNames.create("HX-History-Restore-Request")))) {
      p.put("t", c.t());
      p.put("b", b);
      render(c, 200, "parts/board.jte", p);
      return;
    }
    p.put("f", frame(c, c.t().get("board.title"), "board", null, null));
    p.put("b", b);
    render(c, 200, "board.jte", p);
  }

  Desk desk() {
    return desk;
  }

  Database db() {
    return db;
  }

  /** The first 200 active people by name, for pickers. */
  List<Desk.Person> people() {
    return people("");
  }

  private List<Desk.Person> people(String q) {
    List<Desk.Person> out = new ArrayList<>();
    for (Users.Listed u : users.search(q, 0, 200)) out.add(Desk.Person.of(u.user()));
    return out;
  }

  private List<Desk.GroupOption> groups(Ctx c) {
    List<Desk.GroupOption> out = new ArrayList<>();
    for (Workgroups.Workgroup g : workgroups.list("true", List.of(), "g.name, g.id", 0, 200)) {
      out.add(new Desk.GroupOption(g.id(), g.name()));
    }
    return out;
  }

  private void pick(Ctx c) {
    Web.Form q = Web.query(c.req());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("t", c.t());
    List<Desk.Person> found = new ArrayList<>();
    for (Users.Listed u : users.search(q.get("pq"), 0, 8)) found.add(Desk.Person.of(u.user()));
    p.put("people", found);
    render(c, 200, "parts/picks.jte", p);
  }

  private void move(Ctx c, Web.Form f) {
    long id = taskId(c);
    Optional<Desk.Move> move = Desk.Move.of(c.req().path().pathParameters().get("move"));
    if (move.isEmpty()) throw TaskException.denied();
    boolean fromTask = "task".equals(f.get("back"));
    String flash = null;
    try {
      desk.move(c.user(), id, move.get(), f.id("to"));
    } catch (TaskException e) {
      if (fromTask || !Web.htmx(c.req())) throw e;
      flash = c.t().get("error.notAllowed");
    } catch (IllegalArgumentException e) {
      if (fromTask || !Web.htmx(c.req())) throw e;
      flash = c.t().get(e.getMessage());
    }
    if (fromTask || !Web.htmx(c.req())) {
      Web.redirect(c.req(), c.res(), "/console/tasks/" + id);
      return;
    }
    boardAnswer(c, f, flash, true);
  }

  // ---- one task --------------------------------------------------------------------------------------------

  private void task(Ctx c) {
    Optional<Desk.Detail> d = desk.detail(c.user(), taskId(c));
    if (d.isEmpty()) {
      notFound(c);
      return;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(c, d.get().task().title(), "board", null, null));
    p.put("m", new TaskModel(d.get(), desk.files(c.user(), d.get().task().id())));
    render(c, 200, "task.jte", p);
  }

  private void editTask(Ctx c, Web.Form f) {
    long id = taskId(c);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TITLE", f.get("title"));
    fields.put("DESCRIPTION", f.get("description"));
    fields.put("DEADLINE", f.get("deadline"));
    fields.put("PRIORITY", f.yes("important") ? 2 : 1);
    fields.put("TASK_CONTROL", f.yes("control") ? "Y" : "N");
    desk.update(c.user(), id, fields, c.t().zone());
    Web.redirect(c.req(), c.res(), "/console/tasks/" + id);
  }

  private void newTask(Ctx c) {
    newTaskForm(c, Web.query(c.req()), null, 200);
  }

  private void newTaskForm(Ctx c, Web.Form q, String error, int status) {
    Long parent = q.id("parent");
    String parentTitle = parent == null ? "" : desk.detail(c.user(), parent).map(d -> d.task().title()).orElse("");
    Map<String, String> values = new HashMap<>();
    for (String k : List.of("title", "description", "responsible", "deadline", "group", "important", "control")) {
      if (!q.get(k).isEmpty()) values.put(k, q.get(k));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(c, c.t().get("task.new"), "board", error, error == null ? null : "error"));
    p.put("people", people(""));
    p.put("groups", groups(c));
    p.put("parent", parent == null || parentTitle.isEmpty() ? 0L : parent);
    p.put("parentTitle", parentTitle);
    p.put("values", values);
    render(c, status, "newtask.jte", p);
  }

  private void createTask(Ctx c, Web.Form f) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TITLE", f.get("title"));
    fields.put("DESCRIPTION", f.get("description"));
    fields.put("RESPONSIBLE_ID", f.id("responsible") == null ? c.user() : f.id("responsible"));
    if (!f.get("deadline").isEmpty()) fields.put("DEADLINE", f.get("deadline"));
    if (f.id("group") != null) fields.put("GROUP_ID", f.id("group"));
    if (f.id("parent") != null) fields.put("PARENT_ID", f.id("parent"));
    fields.put("PRIORITY", f.yes("important") ? 2 : 1);
    fields.put("TASK_CONTROL", f.yes("control") ? "Y" : "N");
    long id;
    try {
      id = desk.create(c.user(), fields, c.t().zone());
    } catch (TaskException e) {
      String why = e.kind() == TaskException.Kind.INVALID
          ? Messages.text("tasks", e.key(), c.t().language(), e.args()).replace("<br>", "")
          : c.t().get("error.notAllowed");
      newTaskForm(c, f, why, 400);
      return;
    }
    Web.redirect(c.req(), c.res(), "/console/tasks/" + id);
  }

  // ---- people ----------------------------------------------------------------------------------------------

  private void people(Ctx c) {
    Web.Form q = Web.query(c.req());
    List<Users.Listed> all = users.search("", 0, 1000);
    Map<Long, Long> membersOf = new HashMap<>();
    for (Users.Listed u : all) for (long d : u.departments()) membersOf.merge(d, 1L, Long::sum);
    List<Departments.Department> deps = departments.all();
    Map<Long, List<Departments.Department>> children = new LinkedHashMap<>();
    for (Departments.Department d : deps) children.computeIfAbsent(d.parentId() == null ? 0L : d.parentId(),
        k -> new ArrayList<>()).add(d);
    List<Long> heads = deps.stream().map(Departments.Department::headId).filter(h -> h != null).toList();
    Map<Long, Desk.Person> headPeople = desk.persons(heads);
    List<PeopleModel.Dep> tree = new ArrayList<>();
    walk(children, 0L, 0, tree, headPeople, membersOf, new java.util.HashSet<>());
    Map<Long, String> depNames = new HashMap<>();
    deps.forEach(d -> depNames.put(d.id(), d.name()));

    List<PeopleModel.GroupRow> groups = new ArrayList<>();
    List<Workgroups.Workgroup> gs = workgroups.list("true", List.of(), "g.name, g.id", 0, 100);
    for (Workgroups.Workgroup g : gs) {
      List<Workgroups.Member> ms = workgroups.members(g.id());
      Map<Long, Desk.Person> ps = desk.persons(ms.stream().map(Workgroups.Member::userId).toList());
      groups.add(new PeopleModel.GroupRow(g.id(), g.name(), g.closed(), ms.stream().filter(m -> ps.containsKey(m.userId()))
          .map(m -> new PeopleModel.Member(ps.get(m.userId()), m.role())).toList()));
    }
    String text = q.get("q");
    List<PeopleModel.UserRow> rows = new ArrayList<>();
    for (Users.Listed u : users.search(text, 0, 100)) {
      rows.add(new PeopleModel.UserRow(Desk.Person.of(u.user()), String.join(", ",
          u.departments().stream().map(d -> depNames.getOrDefault(d, "#" + d)).toList())));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(c, c.t().get("people.title"), "people", null, null));
    p.put("m", new PeopleModel(tree, groups, rows, users.searchCount(text), text));
    render(c, 200, "people.jte", p);
  }

  private static void walk(Map<Long, List<Departments.Department>> children, long parent, int depth,
      List<PeopleModel.Dep> out, Map<Long, Desk.Person> heads, Map<Long, Long> members, java.util.Set<Long> seen) {
    for (Departments.Department d : children.getOrDefault(parent, List.of())) {
      if (!seen.add(d.id())) continue;
      out.add(new PeopleModel.Dep(d.id(), d.name(), depth, d.headId() == null ? null : heads.get(d.headId()),
          members.getOrDefault(d.id(), 0L)));
      walk(children, d.id(), depth + 1, out, heads, members, seen);
    }
  }

  // ---- account and administration -------------------------------------------------------------------------

  private void account(Ctx c, String flash, String kind) {
    Ctx fresh = signedIn(c.req(), c.res()).orElse(c); // a language just chosen shows at once
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(fresh, fresh.t().get("account.title"), "account", flash, kind));
    p.put("chosen", preference(c.user()));
    p.put("hasPassword", passwords.has(c.user()));
    p.put("serverLanguage", serverLanguage.equals("ru") ? "Русский" : "English");
    render(fresh, 200, "account.jte", p);
  }

  private void adminUsers(Ctx c, String flash, String kind) {
    List<AdminModel.UserRow> rows = new ArrayList<>();
    for (Users.Listed u : users.search("", 0, 500)) {
      rows.add(new AdminModel.UserRow(Desk.Person.of(u.user()), passwords.has(u.user().id())));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(c, c.t().get("admin.users.title"), "users", flash, kind));
    p.put("m", new AdminModel.Users(rows));
    render(c, 200, "admin_users.jte", p);
  }

  private void webhooks(Ctx c, String newUrl, String newUrlHttps) {
    List<AuthStore.Webhook> hooks = auth.webhooks(null);
    Map<Long, Desk.Person> owners = desk.persons(hooks.stream().map(AuthStore.Webhook::userId).distinct().toList());
    List<AdminModel.Hook> rows = hooks.stream().map(w -> new AdminModel.Hook(w.id(),
        owners.getOrDefault(w.userId(), Desk.Person.unknown(w.userId())), w.title() == null ? "" : w.title(),
        w.scopes(), w.createdAt())).toList();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", frame(c, c.t().get("admin.webhooks.title"), "webhooks", null, null));
    p.put("m", new AdminModel.Webhooks(rows, people(""), Scopes.ALL, newUrl, newUrlHttps));
    render(c, 200, "admin_webhooks.jte", p);
  }

  private void createWebhook(Ctx c, Web.Form f) {
    Long user = f.id("user");
    if (user == null || desk.person(user).isEmpty()) throw new IllegalArgumentException("admin.webhooks.noUser");
    List<String> scopes = f.all("scope").stream().filter(Scopes.ALL::contains).distinct().toList();
    if (scopes.isEmpty()) throw new IllegalArgumentException("admin.webhooks.noScopes");
    String title = f.get("title").trim();
    String code = auth.createWebhook(user, scopes, null, null, title.isEmpty() ? null : title);
    String path = "/rest/" + user + "/" + code + "/";
    String http = baseUrl.apply(false);
    String https = baseUrl.apply(true);
    webhooks(c, (http != null ? http : https) + path, http != null && https != null ? https + path : null);
  }
}
