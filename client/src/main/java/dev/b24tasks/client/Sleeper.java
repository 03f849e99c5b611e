package dev.b24tasks.client;

import java.time.Duration;

/**
 * How the client waits (rate limit, backoff before a retry). The default sleeps the calling thread, which is
 * cheap on a virtual thread. A test or a simulation may pass one that moves a controllable clock instead.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits {@code d}.
   *
   * @param d how long
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration d) throws InterruptedException;

  /** {@link Thread#sleep(Duration)}. */
  Sleeper THREAD = Thread::sleep;
}
