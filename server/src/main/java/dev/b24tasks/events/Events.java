package dev.b24tasks.events;

import dev.b24tasks.comments.CommentChangeListener;
import dev.b24tasks.comments.CommentService;
import dev.b24tasks.config.Settings;
import dev.b24tasks.directory.Directory;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.store.Database;
import dev.b24tasks.tasks.TaskChangeListener;
import dev.b24tasks.tasks.TaskService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events feature: the outbox fed by the task and comment services inside their transactions, the delivery
 * workers, and the methods ({@code event.*}, {@code event.offline.*}, {@code b24tasks.event.*},
 * {@code b24tasks.outgoing.*}).
 */
public final class Events implements AutoCloseable {
  private final Database db;
  private final Settings settings;
  private final java.time.Clock clock;
  private final Directory directory;
  private final Apps apps;
  private final EventOutbox outbox;
  private final EventMetrics metrics;
  private final EventDelivery delivery;
  private final OutgoingWebhooks outgoing;
  private final EventLog log;

  /** {@code clock} is the portal clock (event {@code ts}, delivery log, retries follow it). */
  public Events(Database db, Settings settings, java.time.Clock clock, Directory directory, Apps apps) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
    this.directory = directory;
    this.apps = apps;
    this.outbox = new EventOutbox(db, apps, clock);
    this.metrics = new EventMetrics(db, clock);
    this.delivery = new EventDelivery(db, apps, clock, settings, metrics);
    this.outgoing = new OutgoingWebhooks(db, clock);
    this.log = new EventLog(db, apps, clock, delivery::poke);
  }

  /** ONTASKADD / ONTASKUPDATE / ONTASKDELETE from every path that changes a task. */
  public Events listenTo(TaskService tasks) {
    tasks.addListener((taskId, kind, userId) -> outbox.fire(switch (kind) {
      case ADD -> EventCatalogue.ONTASKADD;
      case UPDATE -> EventCatalogue.ONTASKUPDATE;
      case DELETE -> EventCatalogue.ONTASKDELETE;
    }, switch (kind) {
      case ADD -> EventCatalogue.taskAdd(taskId);
      case UPDATE -> EventCatalogue.taskUpdate(taskId);
      case DELETE -> EventCatalogue.taskDelete(taskId);
    }, userId));
    return this;
  }

  /** ONTASKCOMMENTADD / …UPDATE / …DELETE. */
  public Events listenTo(CommentService comments) {
    comments.addListener((id, taskId, kind, userId) -> outbox.fire(switch (kind) {
      case ADD -> EventCatalogue.ONTASKCOMMENTADD;
      case UPDATE -> EventCatalogue.ONTASKCOMMENTUPDATE;
      case DELETE -> EventCatalogue.ONTASKCOMMENTDELETE;
    }, switch (kind) {
      case ADD -> EventCatalogue.commentAdd(id, taskId);
      case UPDATE -> EventCatalogue.commentUpdate(id, taskId);
      case DELETE -> EventCatalogue.commentDelete(id, taskId);
    }, userId));
    return this;
  }

  /**
   * ONTASKCOMMENTADD for a task chat message, as the new card sends it: {@code ID} 0, the task and the
   * {@code MESSAGE_ID} (doc page {@code tasks-new.md}).
   */
  public Events listenTo(dev.b24tasks.chat.ChatService chats) {
    chats.addListener((messageId, taskId, userId) -> outbox.fire(EventCatalogue.ONTASKCOMMENTADD,
        EventCatalogue.chatMessageAdd(messageId, taskId), userId));
    return this;
  }

  /** ONAPPINSTALL and ONAPPUNINSTALL from inside the applications feature's install / uninstall transactions. */
  public Events listenTo(dev.b24tasks.apps.AppService apps) {
    apps.addLifecycleListener(new dev.b24tasks.apps.AppService.LifecycleListener() {
      @Override
      public void installed(long appId, String applicationToken) {
        appInstalled(appId, actingUser(), "1", settings.language);
      }

      @Override
      public void uninstalling(long appId, String applicationToken) {
        appUninstalled(appId, actingUser(), true, settings.language);
      }
    });
    return this;
  }

  private static long actingUser() {
    dev.b24tasks.rest.CallContext ctx = dev.b24tasks.rest.CallContext.current();
    return ctx == null ? 0 : ctx.caller().userId();
  }

  public void register(MethodRegistry registry) {
    new EventMethods(db, directory, apps, outbox, clock).register(registry);
    new OfflineMethods(db, directory, settings.timeZone).register(registry);
    new EventAdminMethods(directory, log, outgoing, settings.timeZone).register(registry);
  }

  /** Starts delivering (after the listeners are up, so handlers can call back at once). */
  public void start() {
    delivery.start();
  }

  public OutgoingWebhooks outgoing() {
    return outgoing;
  }

  /** The delivery log and the outbox, for administrators (the console's event deliveries page). */
  public EventLog log() {
    return log;
  }

  /**
   * ONAPPINSTALL to the app's handlers, inside the transaction that finishes the installation (call it from the
   * applications feature's lifecycle hook).
   */
  public void appInstalled(long appId, long userId, String version, String languageId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("VERSION", version == null ? "1" : version);
    data.put("ACTIVE", "Y");
    data.put("INSTALLED", "Y");
    data.put("LANGUAGE_ID", languageId == null ? "en" : languageId);
    outbox.fire(EventCatalogue.ONAPPINSTALL, data, userId, appId);
  }

  /**
   * ONAPPUNINSTALL first (auth without tokens), then every handler and offline event of the app goes: inside the
   * uninstalling transaction.
   */
  public void appUninstalled(long appId, long userId, boolean clean, String languageId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("LANGUAGE_ID", languageId == null ? "en" : languageId);
    data.put("CLEAN", clean ? 1 : 0);
    outbox.fire(EventCatalogue.ONAPPUNINSTALL, data, userId, appId);
    db.tx(tx -> {
      tx.update("DELETE FROM event_handlers WHERE app_id = ?", appId);
      tx.update("DELETE FROM event_offline WHERE app_id = ?", appId);
      return null;
    });
  }

  /** The delivery metrics in Prometheus text format, for {@code /metrics}. */
  public String scrape() {
    return metrics.scrape();
  }

  @Override
  public void close() {
    delivery.close();
  }
}
