package dev.b24tasks.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import io.helidon.logging.common.spi.LoggingProvider;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One log format for every component: SLF4J with logback ({@code logback.xml}), java.util.logging (Helidon, the
 * PostgreSQL driver) bridged into it. {@code serve --log-level} and {@code --log-format text|json} pick the level
 * and the encoder; the start-up banner is not a log line and stays plain text on standard output.
 */
public final class Logging {
  private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");
  private static final Set<String> FORMATS = Set.of("text", "json");

  private Logging() {}

  /** Routes java.util.logging into SLF4J (once; idempotent). */
  public static synchronized void bridgeJul() {
    if (SLF4JBridgeHandler.isInstalled()) return;
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /**
   * Reconfigures logback for {@code level} (error, warn, info, debug, trace) and {@code format} (text or json).
   * At {@code info} the chatty libraries (Helidon, HikariCP, Flyway, zonky) speak only from {@code warn}; any other
   * level applies to them too.
   */
  public static void configure(String level, String format) {
    String l = level.toLowerCase(Locale.ROOT);
    String f = format.toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(l)) {
      throw new IllegalArgumentException("--log-level must be one of error, warn, info, debug, trace; got " + level);
    }
    if (!FORMATS.contains(f)) throw new IllegalArgumentException("--log-format must be text or json; got " + format);
    System.setProperty("b24.log.level", l);
    System.setProperty("b24.log.libraries", l.equals("info") ? "warn" : l);
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    URL config = ConfigurationWatchListUtil.getMainWatchURL(ctx);
    if (config == null) config = Logging.class.getResource("/logback.xml");
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(ctx);
    ctx.reset();
    try {
      joran.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("Cannot configure logging from " + config + ": " + e.getMessage(), e);
    }
    if (f.equals("json")) jsonLines(ctx);
    bridgeJul();
  }

  /** The console appender writes one JSON object per line (logback's own encoder: no extra library). */
  private static void jsonLines(LoggerContext ctx) {
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!(root.getAppender("console") instanceof ConsoleAppender<ILoggingEvent> console)) return;
    JsonEncoder json = new JsonEncoder();
    json.setContext(ctx);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    console.stop();
    console.setEncoder(json);
    console.start();
  }

  /**
   * Helidon's logging provider (found through {@code META-INF/services}): Helidon's own lines go through the bridge,
   * and Helidon no longer prints that it found no logging implementation.
   */
  public static final class HelidonProvider implements LoggingProvider {
    @Override
    public void initialization() {
      bridgeJul();
    }

    @Override
    public void runTime() {
      bridgeJul();
    }
  }
}
