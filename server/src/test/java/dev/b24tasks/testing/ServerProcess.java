package dev.b24tasks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The built fat jar ({@code -Db24tasks.jar=...}, set by Failsafe) run as a server process of its own, as an operator
 * runs it: {@code java -jar b24-tasks.jar serve ...}. It can be killed like a crash ({@link #kill}: SIGKILL).
 */
public final class ServerProcess implements AutoCloseable {
  public static final String CODE = "processcode";

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server on {@code data} (and {@code databaseUrl}, when not null) and waits until /health answers. */
  public static ServerProcess start(Path data, String databaseUrl, String... extra) throws Exception {
    String jar = System.getProperty("b24tasks.jar");
    if (jar == null) throw new IllegalStateException("-Db24tasks.jar is not set: run this as a Failsafe *IT");
    String java = ProcessHandle.current().info().command().orElse("java");
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar, "serve", "--data", data.toString(),
        "--port", Integer.toString(port), "--tls-port", "-1", "--webhook", "1:" + CODE, "--rate-limit", "off"));
    if (databaseUrl != null) cmd.addAll(List.of("--database", databaseUrl));
    cmd.addAll(List.of(extra));
    Path log = data.resolveSibling(data.getFileName() + "-" + port + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(p, port, log);
    server.awaitHealthy();
    return server;
  }

  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException("the server exited; see " + log);
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the server did not become healthy in time; see " + log);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public RestClient admin() {
    return new RestClient(baseUrl(), 1, CODE);
  }

  public Path log() {
    return log;
  }

  /**
   * SIGKILL, as a crash or the OOM killer would do it: no shutdown hook runs. Returns the processes the server had
   * started (the embedded PostgreSQL), so the test can see what became of them.
   */
  public List<ProcessHandle> kill() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    process.waitFor();
    return children;
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) kill();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
