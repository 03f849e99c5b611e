package dev.b24tasks.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP chores of the console: forms, cookies, redirects, the same-origin check. */
final class Web {
  /** Forms are small; anything larger is refused before it is read. */
  static final int MAX_FORM_BYTES = 64 * 1024;

  private Web() {}

  /** The values of an urlencoded form (or a query string), each name with all its values in order. */
  record Form(Map<String, List<String>> values) {
    static Form parse(String encoded) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (encoded == null || encoded.isEmpty()) return new Form(out);
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
      return new Form(out);
    }

    private static String decode(String s) {
      try {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return ""; // a broken escape: the value is simply missing
      }
    }

    String get(String name) {
      List<String> v = values.get(name);
      return v == null || v.isEmpty() ? "" : v.get(0);
    }

    List<String> all(String name) {
      return values.getOrDefault(name, List.of());
    }

    boolean yes(String name) {
      return "Y".equals(get(name));
    }

    /** A positive id, or null. */
    Long id(String name) {
      try {
        long v = Long.parseLong(get(name).trim());
        return v > 0 ? v : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The largest integer among the values of {@code name}, within bounds, else {@code fallback}. */
    int largest(String name, int fallback, int max) {
      int best = -1;
      for (String v : all(name)) {
        try {
          best = Math.max(best, Integer.parseInt(v.trim()));
        } catch (NumberFormatException ignored) {
          // not a number
        }
      }
      return best <= 0 ? fallback : Math.min(best, max);
    }
  }

  static Form query(ServerRequest req) {
    return Form.parse(req.prologue().query().rawValue());
  }

  /** The urlencoded body; a body that is too large answers 413 through {@link TooLarge}. */
  static Form body(ServerRequest req) {
    if (!req.content().hasEntity()) return Form.parse("");
    if (req.headers().contentLength().orElse(0L) > MAX_FORM_BYTES) throw new TooLarge();
    try (InputStream in = req.content().inputStream()) {
      byte[] data = in.readNBytes(MAX_FORM_BYTES + 1);
      if (data.length > MAX_FORM_BYTES) {
        in.skip(Long.MAX_VALUE);
        throw new TooLarge();
      }
      return Form.parse(new String(data, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  static Optional<String> cookie(ServerRequest req, String name) {
    return req.headers().cookies().first(name).asOptional();
  }

  /** Every value the browser sends under {@code name} (a cookie of an older path may come first). */
  static List<String> cookies(ServerRequest req, String name) {
    return req.headers().cookies().contains(name) ? req.headers().cookies().all(name) : List.of();
  }

  /**
   * HttpOnly, SameSite as given, path / (the OAuth authorization page at {@code /oauth/authorize/} signs in with
   * the console's session); Secure on HTTPS. {@code maxAge} null: until the browser closes.
   */
  static void setCookie(ServerRequest req, ServerResponse res, String name, String value, Duration maxAge,
      SetCookie.SameSite sameSite) {
    SetCookie.Builder c = SetCookie.builder(name, value).path("/").httpOnly(true).sameSite(sameSite)
        .secure(req.isSecure());
    if (maxAge != null) c.maxAge(maxAge);
    res.headers().addCookie(c.build());
  }

  static void clearCookie(ServerRequest req, ServerResponse res, String name) {
    setCookie(req, res, name, "", Duration.ZERO, SetCookie.SameSite.LAX);
  }

  /** The answer of a request running in a transaction: held until the commit (see {@link #holding}). */
  private static final ThreadLocal<List<Runnable>> HELD = new ThreadLocal<>();

  /**
   * Sends at once, or, inside {@link #holding}, keeps the sending for after the commit: a browser that follows a
   * redirect at once must find the change committed. A later answer of the same attempt replaces an earlier one.
   */
  static void answer(Runnable send) {
    List<Runnable> held = HELD.get();
    if (held == null) {
      send.run();
      return;
    }
    held.clear();
    held.add(send);
  }

  /** Runs {@code work} with its answer held; the answer is sent only when {@code work} returns (committed). */
  static <E extends Exception> void holding(Work<E> work) throws E {
    List<Runnable> held = new ArrayList<>();
    List<Runnable> outer = HELD.get();
    HELD.set(held);
    try {
      work.run(held);
    } finally {
      if (outer == null) HELD.remove();
      else HELD.set(outer);
    }
    held.forEach(Runnable::run);
  }

  @FunctionalInterface
  interface Work<E extends Exception> {
    /** {@code held}: cleared by a retried attempt, so a retry answers once. */
    void run(List<Runnable> held) throws E;
  }

  static boolean htmx(ServerRequest req) {
    return req.headers().first(HeaderNames.create("HX-Request")).map("true"::equals).orElse(false);
  }

  /** See-other to {@code path}; for an htmx request, the same as an HX-Redirect (a full page load). */
  static void redirect(ServerRequest req, ServerResponse res, String path) {
    if (htmx(req)) {
      answer(() -> {
        res.header(HeaderNames.create("HX-Redirect"), path);
        res.status(Status.NO_CONTENT_204);
        res.send();
      });
      return;
    }
    answer(() -> {
      res.status(Status.SEE_OTHER_303);
      res.header(HeaderNames.LOCATION, path);
      res.send();
    });
  }

  /**
   * A changing request must come from our own pages: when the browser says where it comes from (Origin, else
   * Referer), that must be this server's origin. Browsers send Origin on every cross-site POST.
   */
  static boolean sameOrigin(ServerRequest req) {
    String host = req.headers().first(HeaderNames.HOST).orElse(null);
    if (host == null) return false;
    Optional<String> from = req.headers().first(HeaderNames.ORIGIN);
    if (from.isEmpty()) from = req.headers().first(HeaderNames.REFERER);
    if (from.isEmpty()) return true;
    try {
      URI u = URI.create(from.get());
      if (u.getHost() == null) return false;
      String authority = u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
      String scheme = req.isSecure() ? "https" : "http";
      return scheme.equalsIgnoreCase(u.getScheme()) && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The client's address, for throttling sign-ins. */
  static String client(ServerRequest req) {
    SocketAddress a = req.remotePeer().address();
    return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress()
        : String.valueOf(a);
  }

  /**
   * A path to go back to after signing in: inside the console, or an app's authorization request
   * ({@code /oauth/authorize/…}); anything else becomes the board.
   */
  static String safeNext(String next) {
    boolean oauth = next != null && (next.startsWith("/oauth/authorize/") || next.startsWith("/oauth/authorize?"));
    if (next == null || !(next.startsWith("/console/") || oauth) || next.startsWith("//") || next.contains("\\")
        || next.contains("\r") || next.contains("\n") || next.startsWith("/console/signin")) {
      return "/console/";
    }
    return next;
  }
}
