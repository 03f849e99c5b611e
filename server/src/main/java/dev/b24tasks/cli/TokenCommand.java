package dev.b24tasks.cli;

import dev.b24tasks.auth.AuthStore;
import dev.b24tasks.rest.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code b24-tasks token create}: an OAuth-style access token for {@code /rest/{method}?auth=TOKEN}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "OAuth-style access tokens.",
    subcommands = {TokenCommand.Create.class})
public final class TokenCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Issue an access token and print it as an OAuth token answer (JSON).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--user", required = true, description = "The user the token's calls run as")
    long user;

    @Option(names = "--scopes", required = true, description = "Comma-separated scopes, e.g. task,user; or all")
    String scopes;

    @Option(names = "--ttl", description = "Lifetime in seconds (Bitrix24 tokens live 3600). Default: ${DEFAULT-VALUE}")
    long ttl = 3600;

    @Option(names = "--base-url", description = "Server address shown as client_endpoint. Default: ${DEFAULT-VALUE}")
    String baseUrl = "http://127.0.0.1:8080";

    @Override
    public Integer call() {
      if (ttl <= 0) throw new ParameterException(spec.commandLine(), "--ttl must be a positive number of seconds");
      var scopeList = AdminStore.scopes(spec, scopes);
      return AdminStore.with(spec, store, s -> {
        s.requireUser(spec, user);
        AuthStore.IssuedToken t = s.auth.createToken(user, scopeList, Duration.ofSeconds(ttl));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", t.accessToken());
        answer.put("expires", t.expiresAt().getEpochSecond());
        answer.put("expires_in", ttl);
        answer.put("scope", String.join(",", t.scopes()));
        answer.put("user_id", user);
        answer.put("client_endpoint", baseUrl.replaceAll("/+$", "") + "/rest/");
        PrintWriter out = spec.commandLine().getOut();
        out.println(new String(Json.write(answer), StandardCharsets.UTF_8));
        out.flush();
        return 0;
      });
    }
  }
}
