package dev.b24tasks.apps;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ONAPPINSTALL} to an API-only app's install URL, as the portal's event queue sends it: a form-encoded
 * POST with PHP bracket keys ({@code data[VERSION]}, {@code auth[access_token]}...), after the commit, on a
 * thread of its own. The answer is ignored and nothing is retried, as on a portal.
 */
final class InstallNotice {
  private static final Logger log = LoggerFactory.getLogger(InstallNotice.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  private final String language;
  private final java.util.Set<Thread> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

  InstallNotice(String language) {
    this.language = language;
  }

  /** The form fields, in the portal's order. */
  Map<String, String> fields(AppService.AppInfo app, Map<String, String> auth, Instant now) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("event", "ONAPPINSTALL");
    f.put("event_handler_id", Long.toString(app.id()));
    f.put("data[VERSION]", "1");
    f.put("data[ACTIVE]", "Y");
    f.put("data[INSTALLED]", app.installed() ? "Y" : "N");
    f.put("data[LANGUAGE_ID]", language);
    f.put("ts", Long.toString(now.getEpochSecond()));
    auth.forEach((k, v) -> f.put("auth[" + k + "]", v));
    return f;
  }

  static String encode(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!sb.isEmpty()) sb.append('&');
      sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  void send(AppService.AppInfo app, Map<String, String> auth, Instant now) {
    String body = encode(fields(app, auth, now));
    URI target;
    try {
      target = URI.create(app.installUrl());
    } catch (IllegalArgumentException e) {
      log.warn("ONAPPINSTALL for app {} not sent: bad install URL {}", app.id(), app.installUrl());
      return;
    }
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", "Bitrix24 Webhook Engine")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    Thread t = Thread.ofVirtual().name("onappinstall-" + app.id()).unstarted(() -> {
      try {
        HttpResponse<Void> r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        log.info("ONAPPINSTALL for app {} to {}: HTTP {}", app.id(), target, r.statusCode());
      } catch (java.io.IOException e) {
        log.warn("ONAPPINSTALL for app {} to {} failed: {}", app.id(), target, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        pending.remove(Thread.currentThread());
      }
    });
    pending.add(t);
    t.start();
  }

  /** Waits for the notices still being sent (a command-line process must not exit under them). */
  void await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : java.util.List.copyOf(pending)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return;
      t.join(Duration.ofNanos(left));
    }
  }
}
