package dev.b24tasks;

import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Scopes;
import dev.b24tasks.chat.ChatService;
import dev.b24tasks.chat.ChatV3Methods;
import dev.b24tasks.chat.ImMethods;
import dev.b24tasks.checklist.ChecklistMethods;
import dev.b24tasks.checklist.ChecklistService;
import dev.b24tasks.checklist.ChecklistViewAddons;
import dev.b24tasks.comments.CommentMethods;
import dev.b24tasks.comments.CommentService;
import dev.b24tasks.comments.CommentViewAddons;
import dev.b24tasks.config.Settings;
import dev.b24tasks.console.Console;
import dev.b24tasks.console.AppsPage;
import dev.b24tasks.console.Desk;
import dev.b24tasks.console.EventsPage;
import dev.b24tasks.console.JournalPage;
import dev.b24tasks.console.PortalPage;
import dev.b24tasks.dependencies.DependencyMethods;
import dev.b24tasks.dependencies.DependencyService;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.directory.UserMethods;
import dev.b24tasks.elapsed.ElapsedMethods;
import dev.b24tasks.files.DiskMethods;
import dev.b24tasks.files.DiskService;
import dev.b24tasks.files.FileRoutes;
import dev.b24tasks.elapsed.ElapsedService;
import dev.b24tasks.events.AppsFromService;
import dev.b24tasks.events.Events;
import dev.b24tasks.ops.OpsMethods;
import dev.b24tasks.portal.Portal;
import dev.b24tasks.portal.PortalClock;
import dev.b24tasks.rest.AuthThrottle;
import dev.b24tasks.rest.Batch;
import dev.b24tasks.rest.BucketRateLimiter;
import dev.b24tasks.rest.Gateway;
import dev.b24tasks.rest.IdempotentCalls;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.RateLimiter;
import dev.b24tasks.rest.SystemMethods;
import dev.b24tasks.rest.OperatingBudget;
import dev.b24tasks.rest.WindowedOperatingBudget;
import dev.b24tasks.results.ResultMethods;
import dev.b24tasks.results.ResultService;
import dev.b24tasks.results.ResultV3Methods;
import dev.b24tasks.rest.v3.OpenApiDocument;
import dev.b24tasks.stages.StageMethods;
import dev.b24tasks.stages.StageService;
import dev.b24tasks.rest.v3.V3Gateway;
import dev.b24tasks.rest.v3.V3Registry;
import dev.b24tasks.store.Database;
import dev.b24tasks.rest.SharedRateLimiter;
import dev.b24tasks.tasks.TaskItemMethods;
import dev.b24tasks.tasks.TaskLink;
import dev.b24tasks.tasks.TaskListMethods;
import dev.b24tasks.tasks.TaskMethods;
import dev.b24tasks.tasks.TaskService;
import dev.b24tasks.tasks.TaskUserMethods;
import dev.b24tasks.tasks.TaskV3Methods;
import dev.b24tasks.web.HttpServer;
import dev.b24tasks.web.RestStreams;
import dev.b24tasks.web.SelfSignedCertificate;
import io.helidon.common.tls.Tls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One running b24-tasks: the store, the services of every feature, the method table and the HTTP listeners.
 * {@link #start} is the single wiring function, used by {@code serve} and by the tests alike.
 */
public final class App implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(App.class);

  /** The names the OAuth listener's certificate carries: the public OAuth servers' hosts, and loopback. */
  static final String OAUTH_NAMES = "dns:oauth.bitrix.info,dns:oauth.bitrix24.tech,ip:127.0.0.1,dns:localhost";
  public final Settings settings;
  public final Clock clock;
  public final Database db;
  public final AuthStore auth;
  public final Directory directory;
  public final TaskService tasks;
  public final Events events;
  public final dev.b24tasks.apps.AppService apps;
  public final MethodRegistry registry;
  public final Gateway gateway;
  private final HttpServer http;
  private final Bootstrap.Result bootstrap;
  private Thread purger;
  public final Console console;

  private App(Settings settings, Clock clock, Database db, AuthStore auth, Directory directory, TaskService tasks,
      Events events, MethodRegistry registry, Gateway gateway, HttpServer http, Bootstrap.Result bootstrap,
      dev.b24tasks.apps.AppService apps, Console console) {
    this.settings = settings;
    this.clock = clock;
    this.db = db;
    this.auth = auth;
    this.directory = directory;
    this.tasks = tasks;
    this.events = events;
    this.apps = apps;
    this.registry = registry;
    this.gateway = gateway;
    this.http = http;
    this.bootstrap = bootstrap;
    this.console = console;
  }

  public static App start(Settings settings) {
    return start(settings, registry -> {});
  }

  /** Starts with {@code extraMethods} registered after the built-in ones (tests add small probe methods). */
  public static App start(Settings settings, Consumer<MethodRegistry> extraMethods) {
    PortalClock clock = new PortalClock(settings.clock);
    long t0 = System.nanoTime();
    // The store starts in another process and mostly makes this thread wait: meanwhile the JVM loads and links
    // what the first answer needs (HTTP stack, JSON, the driver), which used to come after it.
    Thread warm = Thread.ofPlatform().daemon().name("b24-warm-up").start(Warmup::run);
    Database db = Database.open(settings);
    long storeReady = System.nanoTime();
    try {
      Portal portal = Portal.open(db, clock, settings.clockSpec, new Portal.JournalOptions(settings.journal,
          settings.journalSize, Duration.ofSeconds(settings.journalMaxAgeSeconds)), settings.host + ":" + settings.port);
      AuthStore auth = new AuthStore(db, clock);
      portal.state().onGenerationChange(auth::clearCache);
      Directory directory = new Directory(db, settings.timeZone);
      MethodRegistry registry = new MethodRegistry();
      new SystemMethods(registry, settings.timeZone, clock).register(registry);
      new OpsMethods(db, directory, auth, portal.state()::bumpGeneration).register(registry);
      portal.register(registry, directory::isAdmin);
      // Feature method families register here, one line each, in the order the docs group them.
      var users = new dev.b24tasks.directory.Users(db);
      var departments = new dev.b24tasks.directory.Departments(db);
      var workgroups = new dev.b24tasks.directory.Workgroups(db, clock);
      var listening = new java.util.concurrent.atomic.AtomicReference<App>();
      new UserMethods(directory, users, auth).register(registry);
      new dev.b24tasks.directory.UserQuery(directory, users).register(registry);
      new dev.b24tasks.directory.DepartmentMethods(directory, departments).register(registry);
      new dev.b24tasks.directory.GroupMethods(directory, workgroups).register(registry);
      new dev.b24tasks.directory.AdminMethods(directory, users, workgroups).register(registry);
      new dev.b24tasks.ops.ScriptMethods(db, directory, auth,
          https -> listening.get() == null ? null : listening.get().baseUrl(https)).register(registry);
      TaskService tasks = new TaskService(db, directory, clock, settings);
      TaskMethods taskMethods = new TaskMethods(tasks, directory);
      taskMethods.register(registry);
      new TaskListMethods(tasks, taskMethods).register(registry);
      new TaskUserMethods(tasks, directory, taskMethods).register(registry);
      new TaskItemMethods(tasks).register(registry);
      // The features that hang off a task reach it through TaskLink (read access, rules, counters).
      TaskLink taskLink = new TaskLink(tasks);
      ChecklistService checklists = new ChecklistService(db, taskLink, clock);
      tasks.addViewAddons(new ChecklistViewAddons(checklists));
      new ChecklistMethods(checklists, directory).register(registry);
      CommentService comments = new CommentService(db, taskLink, directory, clock);
      tasks.addViewAddons(new CommentViewAddons(comments));
      new CommentMethods(comments, directory).register(registry);
      ResultService results = new ResultService(db, taskLink, comments, clock);
      tasks.addListener(results.closer());
      new ResultMethods(results, directory).register(registry);
      // the task chat of the new card: a chat per task, its messages, im.* to read them, results made of them
      ChatService chats = new ChatService(db, taskLink, clock);
      tasks.addListener(chats.opener());
      tasks.useChats(chats);
      results.useMessages((user, message) -> chats.readable(user, message)
          .map(m -> new dev.b24tasks.results.ResultMessages.Message(m.id(), m.taskId(), m.authorId(), m.text())));
      new ImMethods(chats, directory, users).register(registry);
      ElapsedService elapsed = new ElapsedService(db, taskLink, directory, clock);
      new ElapsedMethods(elapsed, directory).register(registry);
      var endpoints = new dev.b24tasks.web.Endpoints();
      var oauthEndpoints = new dev.b24tasks.web.Endpoints();
      var apps = new dev.b24tasks.apps.AppService(db, clock, settings, auth, () -> portalOrigin(listening.get(), settings));
      new dev.b24tasks.apps.AppMethods(apps, directory, settings.language).register(registry);
      var oauth = new dev.b24tasks.apps.OAuthEndpoints(apps, settings.oauthDevUser);
      oauth.register(endpoints, oauthEndpoints);
      new DependencyMethods(new DependencyService(db, taskLink, clock)).register(registry);
      StageService stages = new StageService(db, taskLink, directory);
      tasks.useStages(stages::groupOfNewStage);
      tasks.usePlans(stages);
      new StageMethods(stages).register(registry);
      // Drive: storages, folders, files in the database; attachments of tasks and comments go through its ports
      DiskService disk = new DiskService(db, taskLink, directory, clock, settings.maxFileBytes,
          () -> portalOrigin(listening.get(), settings));
      tasks.useFiles(disk);
      comments.useFiles(disk);
      DiskMethods diskMethods = new DiskMethods(disk, directory);
      diskMethods.register(registry);
      new dev.b24tasks.planner.PlannerMethods().register(registry);
      // custom fields of tasks (task.item.userfield.*); their values on tasks go through the tasks feature's port
      var userFields = new dev.b24tasks.userfields.UserFieldService(db, directory, settings.language);
      tasks.useUserFields(userFields);
      new dev.b24tasks.userfields.UserFieldMethods(userFields, tasks::zoneOf).register(registry);
      Events events = new Events(db, settings, clock, directory, new AppsFromService(apps,
          () -> portalOrigin(listening.get(), settings))).listenTo(tasks).listenTo(comments).listenTo(chats).listenTo(apps);
      events.register(registry);

      OperatingBudget budget = new WindowedOperatingBudget(settings.operatingLimitSeconds, clock);
      String language = settings.language == null ? "en" : settings.language.toLowerCase(Locale.ROOT);
      IdempotentCalls replies = new IdempotentCalls(db, clock, registry::repliesWithSecrets,
          n -> registry.find(n).map(dev.b24tasks.rest.Method::writes).orElse(false));
      RateLimiter rateLimiter = BucketRateLimiter.fromSetting(settings.rateLimit, BucketRateLimiter.local(clock));
      rateLimiter = SharedRateLimiter.fromSettings(settings.rateLimit, settings.rateLimitStore,
          settings.databaseUrl != null && !settings.databaseUrl.isBlank(), db, clock, rateLimiter);
      boolean external = settings.databaseUrl != null && !settings.databaseUrl.isBlank();
      AuthThrottle throttle = AuthThrottle.of(settings.authFailureBurst, clock,
          SharedRateLimiter.shared(settings.rateLimitStore, external) ? db : null);
      Gateway gateway = new Gateway(registry, budget, language, auth, rateLimiter, settings.timeZone).clock(clock)
          .idempotent(replies).transactions(db).throttle(throttle);
      RestStreams fileLinks = new RestStreams();
      new FileRoutes(disk, diskMethods, auth, throttle, language, settings.timeZone).register(fileLinks);
      new Batch(gateway, settings.timeZone).register(registry);
      extraMethods.accept(registry);
      // REST 3.0 under /rest/api/: its own method table, the same credentials, limits and services.
      V3Registry v3 = new V3Registry();
      new TaskV3Methods(tasks, directory).register(v3);
      new ResultV3Methods(results, directory).register(v3);
      new ChatV3Methods(chats).register(v3);
      OpenApiDocument.register(v3, TaskV3Methods.schemas());
      gateway.serveApi(new V3Gateway(v3, auth, rateLimiter, budget, db, clock, settings.timeZone, language));
      portal.alsoServes(v3.methods().stream().map(m -> m.name()).toList());
      portal.attach(gateway);
      Bootstrap.Result boot = Bootstrap.run(settings, directory, auth);
      Tls tls = settings.tlsPort < 0 ? null : SelfSignedCertificate.ensure(settings.dataDir.resolve("tls")).tls();
      Tls oauthTls = settings.oauthTlsPort < 0 ? null
          : SelfSignedCertificate.ensure(settings.dataDir.resolve("tls-oauth"), OAUTH_NAMES).tls();
      // sessions, sign-in throttling and links run on real time, never on the test portal's movable clock
      Console console = new Console(language, db, settings.clock,
          new Desk(tasks, taskLink, directory, checklists, comments, elapsed, stages, clock), auth, users, departments,
          workgroups, https -> listening.get() == null ? null : listening.get().baseUrl(https));
      console.useFiles(disk);
      new JournalPage(console, portal::journal).register();
      new PortalPage(console, portal, clock, new dev.b24tasks.ops.DemoCompany(db, directory, users, departments,
          workgroups, tasks, clock, settings.timeZone), auth::clearCache).register();
      new EventsPage(console, events.log(), events.outgoing()).register();
      new AppsPage(console, apps).register();
      // the OAuth authorization page signs in with the console's session (the dev user, if set, when there is none)
      if (settings.oauthDevUser == null) {
        oauth.signIn(r -> console.sessionUser(r.header("cookie")), console::signInUrl);
      } else {
        oauth.signIn(r -> console.sessionUser(r.header("cookie")).or(() -> java.util.Optional.of(settings.oauthDevUser)));
      }
      HttpServer http = HttpServer.start(settings, gateway, tls, () -> true, endpoints, oauthTls, oauthEndpoints,
          events::scrape, console::routing, fileLinks);
      portal.node(settings.host + ":" + http.port());
      App app = new App(settings, clock, db, auth, directory, tasks, events, registry, gateway, http, boot, apps, console);
      log.info("Started in {} ms: store ready after {} ms, services and listeners {} ms (warm-up {})",
          (System.nanoTime() - t0) / 1_000_000, (storeReady - t0) / 1_000_000,
          (System.nanoTime() - storeReady) / 1_000_000, warm.isAlive() ? "still running" : "done");
      listening.set(app);
      app.purger = Thread.ofVirtual().name("request-replies-purge").start(() -> purgeLoop(db, replies, throttle));
      events.start();
      return app;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * A quiet server forgets stored replies too: a sweep a minute (busy nodes also sweep on their calls); drained
   * failed-authentication buckets go at the same time.
   */
  private static void purgeLoop(Database db, IdempotentCalls replies, AuthThrottle throttle) {
    while (!db.isClosed()) {
      try {
        Thread.sleep(60_000);
        replies.purgeIfDue();
        throttle.sweep();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the store is closing or briefly away; the next sweep tries again
      }
    }
  }

  public int port() {
    return http.port();
  }

  public int tlsPort() {
    return http.tlsPort();
  }

  /** The port answering as the public OAuth server, or -1 when {@code --oauth-tls-port} is off. */
  public int oauthTlsPort() {
    return http.oauthTlsPort();
  }

  /** The OAuth listener's certificate (it names the public OAuth hosts), or null when that listener is off. */
  public Path oauthCertificatePem() {
    return oauthTlsPort() < 0 ? null : SelfSignedCertificate.ensure(settings.dataDir.resolve("tls-oauth"), OAUTH_NAMES).pem();
  }

  /** The base of the administrator's webhook, e.g. {@code http://127.0.0.1:8080/rest/1/abc123/}, when known. */
  public String webhookUrl(boolean https) {
    if (bootstrap.webhookCode() == null) return null;
    int p = https ? tlsPort() : port();
    if (p < 0) return null;
    return (https ? "https" : "http") + "://" + displayHost() + ":" + p + "/rest/" + bootstrap.webhookUser() + "/"
        + bootstrap.webhookCode() + "/";
  }

  /** {@code http://host:port} (or the HTTPS one) this server answers on; null when that listener is off. */
  public String baseUrl(boolean https) {
    int p = https ? tlsPort() : port();
    return p < 0 ? null : (https ? "https" : "http") + "://" + displayHost() + ":" + p;
  }

  /** Where apps reach this portal: the HTTPS listener when there is one (as Bitrix24 clients expect), else HTTP. */
  private static String portalOrigin(App app, Settings settings) {
    if (app == null) return "http://127.0.0.1:" + settings.port;
    String https = app.baseUrl(true);
    return https != null ? https : app.baseUrl(false);
  }

  private String displayHost() {
    return "0.0.0.0".equals(settings.host) ? "127.0.0.1" : settings.host;
  }

  /** The HTTPS certificate clients may trust ({@code NODE_EXTRA_CA_CERTS}), or null when HTTPS is off. */
  public Path certificatePem() {
    return tlsPort() < 0 ? null : SelfSignedCertificate.ensure(settings.dataDir.resolve("tls")).pem();
  }

  public Bootstrap.Result bootstrap() {
    return bootstrap;
  }

  /**
   * The console's one-time sign-in link for the administrator (user 1), printed at start while she has no
   * password yet; null when she has one or no listener is on.
   */
  public String adminSignInLink() {
    Long admin = dev.b24tasks.ops.PortalReset.administrator(db);
    return admin == null ? null : console.firstStartLink(admin);
  }

  @Override
  public void close() {
    if (purger != null) purger.interrupt();
    try {
      http.close();
      events.close();
    } finally {
      db.close();
    }
  }

  /** First start: the administrator and a webhook with every scope; {@code --webhook U:CODE} made sure of. */
  public static final class Bootstrap {
    private Bootstrap() {}

    /** The webhook this start knows the code of (created now, fixed by settings, or remembered), else nulls. */
    public record Result(Long webhookUser, String webhookCode, boolean createdPortal) {}

    static Result run(Settings settings, Directory directory, AuthStore auth) {
      boolean empty = directory.firstAdministrator();
      Path remembered = settings.dataDir.resolve("admin-webhook.txt");
      if (settings.webhook != null && !settings.webhook.isBlank()) {
        String[] parts = settings.webhook.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d+") || parts[1].isBlank()) {
          throw new IllegalArgumentException("--webhook must be USER_ID:CODE, e.g. 1:abc123def; got " + settings.webhook);
        }
        if (parts[1].length() < AuthStore.MIN_CODE_LENGTH) {
          throw new IllegalArgumentException("--webhook: the code must have at least " + AuthStore.MIN_CODE_LENGTH
              + " characters");
        }
        long user = Long.parseLong(parts[0]);
        if (!directory.exists(user)) {
          throw new IllegalArgumentException("--webhook names user " + user + ", who does not exist in this portal");
        }
        if (!auth.webhookExists(user, parts[1])) auth.createWebhook(user, Scopes.ALL, parts[1], null, "--webhook");
        return new Result(user, parts[1], empty);
      }
      if (empty) {
        String code = auth.createWebhook(1, Scopes.ALL, null, null, "administrator");
        remember(remembered, "1:" + code);
        return new Result(1L, code, true);
      }
      try {
        if (Files.exists(remembered)) {
          String[] parts = Files.readString(remembered).trim().split(":", 2);
          if (parts.length == 2 && auth.webhookExists(Long.parseLong(parts[0]), parts[1])) {
            return new Result(Long.parseLong(parts[0]), parts[1], false);
          }
        }
      } catch (IOException | NumberFormatException ignored) {
        // an unreadable note only means the URL is not printed
      }
      return new Result(null, null, false);
    }

    private static void remember(Path file, String userAndCode) {
      try {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        // made owner-only from the start: no moment in which others may read the code
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(file);
          file.toFile().setReadable(false, false);
          file.toFile().setReadable(true, true);
        }
        Files.writeString(file, userAndCode + "\n");
      } catch (IOException e) {
        // the URL is printed anyway; only later starts will not repeat it
      }
    }
  }
}
