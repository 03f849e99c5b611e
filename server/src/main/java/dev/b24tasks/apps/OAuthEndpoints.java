package dev.b24tasks.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.rest.ParamDecoder;
import dev.b24tasks.rest.RestException;
import dev.b24tasks.web.Endpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /oauth/authorize/} (the portal's consent page: redirects to the app's handler with a code) and
 * {@code /oauth/token/} (the OAuth server's code and refresh grants, GET query or POST form), with the OAuth
 * server's error bodies. Paths tolerate a missing trailing slash and doubled slashes.
 */
public final class OAuthEndpoints implements Endpoints.Endpoint {
  /**
   * Who is signed in and agrees to an authorization request, or empty. The dev mode ({@code --oauth-dev-user})
   * names one user; the web console will sign people in.
   */
  public interface SignIn extends Function<Endpoints.Request, Optional<Long>> {}

  private final AppService apps;
  private volatile SignIn signIn;
  /** Where an unsigned visitor is sent to sign in, given the authorize request's path and query; null: none. */
  private volatile Function<String, String> signInPage;

  public OAuthEndpoints(AppService apps, Long devUser) {
    this.apps = apps;
    this.signIn = request -> Optional.ofNullable(devUser);
  }

  /** Replaces the dev sign-in (the web console's sign-in plugs in here). */
  public void signIn(SignIn signIn) {
    this.signIn = signIn;
  }

  /**
   * Replaces the sign-in with a real one: {@code signIn} tells who is signed in, and a visitor who is not is
   * redirected to {@code signInPage.apply(pathAndQuery)}, which brings her back to the same authorize request.
   */
  public void signIn(SignIn signIn, Function<String, String> signInPage) {
    this.signIn = signIn;
    this.signInPage = signInPage;
  }

  /**
   * Registers {@code /oauth/} on the portal's listeners and, on the OAuth listener's, {@code /oauth/} and the OAuth
   * server's {@code /rest/app.info}.
   */
  public void register(Endpoints portal, Endpoints oauthServer) {
    portal.add("/oauth/", this);
    oauthServer.add("/oauth/", this);
    oauthServer.add("/rest/", this);
  }

  @Override
  public Endpoints.Response handle(Endpoints.Request request) {
    String path = request.path().replaceAll("/{2,}", "/").replaceAll("/+$", "");
    ObjectNode params;
    try {
      params = ParamDecoder.decode(request.rawQuery(), request.header("content-type"), request.body());
    } catch (RestException e) {
      return error(OAuthError.invalidRequest("The request cannot be read"));
    }
    return switch (path) {
      case "/oauth/token" -> token(request, params);
      case "/oauth/authorize" -> authorize(request, params);
      case "/rest/app.info", "/rest/app.info.json" -> appInfo(request, params);
      default -> Endpoints.Response.of(404, "application/json",
          "{\"error\":\"not_found\",\"error_description\":\"Unknown OAuth endpoint\"}".getBytes(StandardCharsets.UTF_8));
    };
  }

  // ---- token -------------------------------------------------------------------------------------------------

  private Endpoints.Response token(Endpoints.Request request, ObjectNode p) {
    try {
      String grant = text(p, "grant_type");
      if (grant == null || grant.isEmpty()) {
        throw OAuthError.invalidRequest("Invalid grant_type parameter or parameter missing");
      }
      if (!grant.equals("authorization_code") && !grant.equals("refresh_token")) {
        throw new OAuthError(400, "unsupported_grant_type", null);
      }
      AppService.AppInfo app = apps.client(text(p, "client_id"), text(p, "client_secret"), true);
      Map<String, Object> answer;
      if (grant.equals("authorization_code")) {
        String code = text(p, "code");
        if (code == null || code.isEmpty()) throw OAuthError.invalidRequest(null);
        answer = apps.redeemCode(app, code, request.origin());
      } else {
        String refresh = text(p, "refresh_token");
        if (refresh == null || refresh.isEmpty()) throw OAuthError.invalidRequest("No \"refresh_token\" parameter found");
        answer = apps.redeemRefresh(app, refresh, request.origin());
      }
      return json(200, answer);
    } catch (OAuthError e) {
      return error(e);
    }
  }

  // ---- authorize ---------------------------------------------------------------------------------------------

  /**
   * Only {@code client_id} and {@code state} are read (redirect_uri is always the app's handler path). An unknown
   * client gets an error page, never a redirect.
   */
  private Endpoints.Response authorize(Endpoints.Request request, ObjectNode p) {
    String clientId = text(p, "client_id");
    Optional<AppService.AppInfo> found = apps.byClientId(clientId);
    if (found.isEmpty()) return page(400, "invalid_client: Unknown or missing client_id");
    AppService.AppInfo app = found.get();
    if (app.uninstalled()) return page(400, "NOT_INSTALLED: Application not installed");
    Optional<Long> user = signIn.apply(request);
    Function<String, String> signInAt = signInPage;
    if (user.isEmpty() && signInAt != null) {
      String back = request.path() + (request.rawQuery() == null || request.rawQuery().isEmpty() ? ""
          : "?" + request.rawQuery());
      return Endpoints.Response.of(302, "text/html; charset=utf-8", new byte[0])
          .header("Location", signInAt.apply(back)).header("Cache-Control", "no-store");
    }
    if (user.isEmpty()) {
      return page(401, "Sign-in required. This server has no login page yet: start it with --oauth-dev-user USER_ID "
          + "to have authorization requests signed in as that user.");
    }
    String code;
    try {
      code = apps.issueCode(app, user.get());
    } catch (OAuthError e) {
      return page(e.status, e.error + ": " + e.description + " (signed-in user " + user.get() + ")");
    }
    String state = text(p, "state");
    String host = AppService.host(request.origin());
    Map<String, String> q = new LinkedHashMap<>();
    q.put("code", code);
    q.put("state", state == null ? "" : state);
    q.put("domain", host);
    q.put("member_id", apps.memberId());
    q.put("scope", String.join(",", app.scopes()));
    q.put("server_domain", host);
    StringBuilder target = new StringBuilder(app.handlerUrl());
    for (Map.Entry<String, String> e : q.entrySet()) {
      target.append(target.indexOf("?") < 0 ? '?' : '&').append(e.getKey()).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return Endpoints.Response.of(302, "text/html; charset=utf-8", new byte[0]).header("Location", target.toString());
  }

  // ---- the OAuth server's app.info ----------------------------------------------------------------------------

  /** {@code GET {oauth}/rest/app.info?auth=TOKEN}: what the OAuth server knows of a token and its installation. */
  private Endpoints.Response appInfo(Endpoints.Request request, ObjectNode p) {
    String token = text(p, "auth");
    if (token == null || token.isEmpty()) token = text(p, "access_token");
    String bearer = request.header("authorization");
    if ((token == null || token.isEmpty()) && bearer != null && bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = bearer.substring(7).trim();
    }
    if (token == null || token.isEmpty()) return error(OAuthError.invalidRequest("The access token is missing."));
    try {
      return json(200, Map.of("result", apps.tokenInfo(token)));
    } catch (OAuthError e) {
      return error(e);
    }
  }

  // ---- bodies ------------------------------------------------------------------------------------------------

  private static String text(ObjectNode p, String name) {
    JsonNode v = p.get(name);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText().trim();
  }

  private static Endpoints.Response json(int status, Object body) {
    return Endpoints.Response.of(status, "application/json", Json.write(body)).header("Cache-Control", "no-store");
  }

  static Endpoints.Response error(OAuthError e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.error);
    if (e.description != null) body.put("error_description", e.description);
    return json(e.status, body);
  }

  private static Endpoints.Response page(int status, String message) {
    String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Authorization</title></head><body><p>"
        + message.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>";
    return Endpoints.Response.of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }
}
