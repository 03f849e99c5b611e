package dev.b24tasks.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.auth.Caller;
import dev.b24tasks.rest.Credentials;
import dev.b24tasks.rest.AuthThrottle;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.RestError;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.rest.Timing;
import dev.b24tasks.web.RestStreams;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portal's file links: {@code GET /rest/download.json?token=…} streams a file's bytes, {@code POST
 * /rest/upload.json?token=…} (multipart/form-data, the file in field {@code file}) streams one in, both also under
 * a webhook's {@code /rest/{user}/{code}/}. The signed token names the object and the user it was made for; a
 * credential sent along (the webhook of the path, {@code auth}, {@code Authorization}) is checked and must be that
 * user's. Errors are the REST envelope's {@code {"error","error_description"}}.
 */
public final class FileRoutes {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileRoutes.class);

  private final DiskService service;
  private final DiskMethods methods;
  private final AuthStore auth;
  private final AuthThrottle throttle;
  private final String language;
  private final ZoneId zone;

  public FileRoutes(DiskService service, DiskMethods methods, AuthStore auth, AuthThrottle throttle, String language,
      ZoneId zone) {
    this.service = service;
    this.methods = methods;
    this.auth = auth;
    this.throttle = throttle;
    this.language = language;
    this.zone = zone;
  }

  public void register(RestStreams streams) {
    streams.add("download", this::download);
    streams.add("upload", this::upload);
  }

  /**
   * GET (and HEAD) of a download link: the whole content (200), or one byte range of it (206 with
   * {@code Content-Range}; {@code If-Range} with another validator gets the whole), 416 for a range past the end,
   * 304 when {@code If-None-Match} names the content's {@code ETag}.
   */
  private void download(ServerRequest req, ServerResponse res) {
    try {
      consume(req);
      DiskService.Download d = service.download(token(req));
      checkCredential(req, d.who());
      String etag = d.etag();
      res.header(HeaderNames.ACCEPT_RANGES, "bytes");
      res.header(HeaderNames.ETAG, etag);
      res.header(HeaderNames.CACHE_CONTROL, "private, no-cache");
      if (matches(req.headers().first(HeaderNames.IF_NONE_MATCH).orElse(null), etag)) {
        res.status(Status.NOT_MODIFIED_304);
        res.send();
        return;
      }
      String ifRange = req.headers().first(HeaderNames.IF_RANGE).orElse(null);
      ByteRange range = ifRange != null && !ifRange.trim().equals(etag) ? ByteRange.WHOLE
          : ByteRange.parse(req.headers().first(HeaderNames.RANGE).orElse(null), d.size());
      if (range.unsatisfiable()) {
        res.header(HeaderNames.CONTENT_RANGE, "bytes */" + d.size());
        error(res, RestException.literal("ERROR_ARGUMENT", 416, "Requested range not satisfiable"));
        return;
      }
      long from = range.whole() ? 0 : range.from();
      long to = range.whole() ? d.size() - 1 : range.to();
      res.status(range.whole() ? Status.OK_200 : Status.PARTIAL_CONTENT_206);
      if (!range.whole()) res.header(HeaderNames.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + d.size());
      res.header(HeaderNames.CONTENT_TYPE, d.contentType() == null ? "application/octet-stream" : d.contentType());
      // a view link (action=show, the VIEW_URL of an attachment) shows the file in the browser, sandboxed: what
      // a user uploaded never runs scripts in this server's origin
      boolean show = req.query().contains("action") && "show".equals(req.query().get("action"));
      res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
      if (show) res.header(HeaderNames.create("Content-Security-Policy"), "sandbox");
      res.header(HeaderNames.CONTENT_DISPOSITION, (show ? "inline" : "attachment") + "; filename=\"" + d.name().replaceAll("[\"\\\\\\r\\n]", "_")
          + "\"; filename*=UTF-8''" + URLEncoder.encode(d.name(), StandardCharsets.UTF_8).replace("+", "%20"));
      res.contentLength(to - from + 1);
      if (req.prologue().method().text().equals("HEAD")) {
        res.send();
        return;
      }
      try (OutputStream out = res.outputStream()) {
        service.copyContent(d, from, to, out);
      }
    } catch (RestException e) {
      error(res, e);
    } catch (IOException | RuntimeException e) {
      failed(req, res, e);
    }
  }

  /** Whether an {@code If-None-Match} list names {@code etag} (weak comparison, {@code *} matches all). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String t : ifNoneMatch.split(",")) {
      String v = t.trim();
      if (v.startsWith("W/")) v = v.substring(2);
      if (v.equals("*") || v.equals(etag)) return true;
    }
    return false;
  }

  private void upload(ServerRequest req, ServerResponse res) {
    long started = Timing.nowNanos();
    try {
      if (!req.prologue().method().text().equals("POST")) {
        consume(req);
        throw RestException.literal("ERROR_ARGUMENT", 400, "The file is sent with POST as multipart/form-data");
      }
      DiskService.UploadTicket ticket = service.uploadTicket(token(req));
      checkCredential(req, ticket.who());
      long declared = req.headers().contentLength().orElse(-1L);
      // the part headers and boundaries take a few hundred bytes; a body far beyond the limit is refused unread
      if (declared > service.maxFileBytes() + 64 * 1024) throw service.tooLarge();
      String boundary = MultipartStream.boundary(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null));
      if (boundary == null) throw RestException.literal("ERROR_ARGUMENT", 400, "The file is sent as multipart/form-data");
      DiskObject made = null;
      try (InputStream body = req.content().inputStream()) {
        MultipartStream parts = new MultipartStream(body, boundary);
        MultipartStream.Part p;
        while ((p = parts.next()) != null) {
          if (p.filename() == null) continue;
          String name = ticket.name().isBlank() ? p.filename() : ticket.name();
          made = service.upload(ticket.who(), ticket.folderId(), name, ticket.unique(), p.contentType(), p.body());
          break;
        }
      } catch (IOException e) {
        throw DiskService.notSaved();
      }
      if (made == null) throw RestException.literal("ERROR_ARGUMENT", 400, "No file in the request: send it in field \"file\"");
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("result", methods.uploaded(made, ticket.who()));
      envelope.put("time", new Timing(started, Timing.nowNanos(), 0, 0, 0).toMap(zone, false));
      send(res, 200, envelope);
    } catch (RestException e) {
      if (e.status() == 413) res.header(HeaderNames.CONNECTION, "close"); // the rest of the body is not read
      error(res, e);
    } catch (RuntimeException e) {
      failed(req, res, e);
    }
  }

  private static String token(ServerRequest req) {
    var q = req.query();
    if (!q.contains("token")) throw RestException.literal("ERROR_ARGUMENT", 400, "Invalid token");
    return q.get("token");
  }

  /**
   * A credential sent with the link must be valid and be the user the link was made for; failed ones count
   * against the client's address as on every REST path (beyond the burst: 503 QUERY_LIMIT_EXCEEDED).
   */
  private void checkCredential(ServerRequest req, DiskService.Who who) {
    String path = req.path().rawPath();
    int at = path.indexOf("/rest/");
    String[] parts = path.substring(at + "/rest/".length()).split("/");
    Long webhookUser = null;
    String code = null;
    if (parts.length == 3 && parts[0].matches("\\d{1,18}")) {
      webhookUser = Long.parseLong(parts[0]);
      code = parts[1];
    }
    JsonNode authParam = req.query().contains("auth") ? TextNode.valueOf(req.query().get("auth")) : null;
    String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
    if (webhookUser == null && authParam == null && header == null) return;
    String address = req.remotePeer().host();
    RestException limited = RestException.of(RestError.QUERY_LIMIT_EXCEEDED);
    if (throttle.blocked(address)) throw limited;
    Caller caller;
    try {
      caller = Credentials.authenticate(auth, webhookUser, code, authParam, header);
    } catch (RestException e) {
      if (throttle.failed(address)) throw limited;
      throw e;
    }
    if (caller.userId() != who.userId()) throw DiskService.accessDenied();
  }

  private static void consume(ServerRequest req) {
    if (!req.content().hasEntity()) return;
    try (InputStream in = req.content().inputStream()) {
      in.skip(Long.MAX_VALUE);
    } catch (IOException ignored) {
      // the answer goes out all the same
    }
  }

  private void error(ServerResponse res, RestException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.code());
    body.put("error_description", e.description(language));
    send(res, e.status(), body);
  }

  private static void send(ServerResponse res, int status, Map<String, Object> body) {
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
    res.send(Json.write(body));
  }

  private void failed(ServerRequest req, ServerResponse res, Exception e) {
    log.error("File link {} failed", req.path().rawPath().replaceAll("/rest/\\d+/[^/]+/", "/rest/…/"), e);
    if (res.isSent()) return;
    error(res, RestException.literal("INTERNAL_SERVER_ERROR", 500, "Internal server error"));
  }
}
