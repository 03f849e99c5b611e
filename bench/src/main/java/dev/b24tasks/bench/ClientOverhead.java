package dev.b24tasks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.b24tasks.client.Bitrix24;
import dev.b24tasks.client.RateLimit;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Client CPU per request: sequential {@code tasks.task.get} (or any method) calls on one connection, first as
 * a bare {@code java.net.http} POST whose answer Jackson parses (what hand-written code would do), then through
 * {@link Bitrix24}. The process's CPU time per request of each, after a warm-up, and their difference: what the
 * client's own work (request id, bucket, envelope, typed errors, retry bookkeeping) costs. bench/client-overhead.sh
 * runs it beside wrk on the same server.
 *
 * <p>Arguments: {@code webhookUrl seconds method paramsJson}.
 */
public final class ClientOverhead {
  private ClientOverhead() {}

  public static void main(String[] args) throws Exception {
    String hook = args[0];
    double seconds = Double.parseDouble(args[1]);
    String method = args.length > 2 ? args[2] : "server.time";
    String body = args.length > 3 ? args[3] : "{}";
    ObjectMapper mapper = new ObjectMapper();
    Map<?, ?> params = mapper.readValue(body, Map.class);

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest raw = HttpRequest.newBuilder(URI.create(hook + method))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    Runnable bare = () -> {
      try {
        JsonNode n = mapper.readTree(http.send(raw, HttpResponse.BodyHandlers.ofByteArray()).body());
        if (!n.has("result")) throw new IllegalStateException("no result: " + n);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    try (Bitrix24 b24 = Bitrix24.builder().webhook(hook).rateLimit(RateLimit.OFF).build()) {
      Runnable client = () -> b24.call(method, params);
      run("warm-up bare", bare, seconds / 2);
      run("warm-up client", client, seconds / 2);
      double[] b = run("bare java.net.http + Jackson", bare, seconds);
      double[] c = run("Bitrix24 client", client, seconds);
      System.out.printf("client overhead: %+.1f us CPU per request (%+.0f %%)%n", c[0] - b[0],
          (c[0] - b[0]) / b[0] * 100);
    }
  }

  /** Runs {@code call} for {@code seconds}; answers {CPU us per request, wall us per request}. */
  private static double[] run(String name, Runnable call, double seconds) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long n = 0;
    while (System.nanoTime() < end) {
      call.run();
      n++;
    }
    double wall = (System.nanoTime() - t0) / 1e3 / n;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e3 / n;
    if (!name.startsWith("warm-up")) {
      System.out.printf("%-30s %8d requests  %7.1f us CPU/request  %7.1f us wall/request%n", name, n, cpu, wall);
    }
    return new double[] {cpu, wall};
  }
}
