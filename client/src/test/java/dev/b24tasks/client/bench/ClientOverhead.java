package dev.b24tasks.client.bench;

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
 * runs it beside wrk on the same server. It lives with the client's tests so that the JMH module, which
 * bench/jmh.sh builds alone, need not depend on the client.
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
    Runnable bare = () -> {
      try {
        // what any caller does per call: the request built from the method and the parameters, the answer parsed
        HttpRequest raw = HttpRequest.newBuilder(URI.create(hook + method))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(params))).build();
        JsonNode n = mapper.readTree(http.send(raw, HttpResponse.BodyHandlers.ofByteArray()).body());
        if (!n.has("result")) throw new IllegalStateException("no result: " + n);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    try (Bitrix24 b24 = Bitrix24.builder().webhook(hook).rateLimit(RateLimit.OFF).build()) {
      Runnable client = () -> b24.call(method, params);
      run("warm-up bare", bare, seconds);
      run("warm-up client", client, seconds);
      // alternated, so that neither gets the JIT's or the machine's better moments only
      double[] b = new double[4];
      double[] c = new double[4];
      for (int round = 0; round < 2; round++) {
        add(b, run("bare", bare, seconds / 2));
        add(c, run("client", client, seconds / 2));
      }
      report("bare java.net.http + Jackson", b);
      report("Bitrix24 client", c);
      System.out.printf("client overhead: %+.1f us CPU per request (%+.0f %%); on the calling thread %+.1f us%n",
          c[1] / c[0] - b[1] / b[0], (c[1] / c[0] - b[1] / b[0]) / (b[1] / b[0]) * 100, c[3] / c[0] - b[3] / b[0]);
    }
  }

  /** Runs {@code call} for {@code seconds}; answers {requests, process CPU us, wall us, calling thread CPU us}. */
  private static double[] run(String name, Runnable call, double seconds) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    long thread0 = threads.getCurrentThreadCpuTime();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long n = 0;
    while (System.nanoTime() < end) {
      call.run();
      n++;
    }
    return new double[] {n, (os.getProcessCpuTime() - cpu0) / 1e3, (System.nanoTime() - t0) / 1e3,
        (threads.getCurrentThreadCpuTime() - thread0) / 1e3};
  }

  private static void add(double[] sum, double[] one) {
    for (int i = 0; i < sum.length; i++) sum[i] += one[i];
  }

  private static void report(String name, double[] m) {
    System.out.printf("%-30s %8d requests  %7.1f us CPU/request  %7.1f us wall/request  (calling thread %.1f us)%n",
        name, (long) m[0], m[1] / m[0], m[2] / m[0], m[3] / m[0]);
  }
}
