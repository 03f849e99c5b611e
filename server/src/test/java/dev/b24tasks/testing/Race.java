package dev.b24tasks.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Fires calls at the same moment from as many threads, so they meet inside the server, and returns their answers
 * in the order given. Races are not timed: each test repeats enough rounds and checks the end state.
 */
public final class Race {
  private Race() {}

  public static List<Response> run(List<Supplier<Response>> calls) {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch ready = new CountDownLatch(calls.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (Supplier<Response> call : calls) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return call.get();
        }));
      }
      ready.await();
      go.countDown();
      List<Response> out = new ArrayList<>();
      for (Future<Response> f : futures) out.add(f.get());
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("a racing call failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The same call {@code n} times at once. */
  public static List<Response> times(int n, Supplier<Response> call) {
    List<Supplier<Response>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) calls.add(call);
    return run(calls);
  }
}
