package org.jstilt.runtime.run;

/** Thread helpers shared by the runner and the pool. */
public final class Threads {
  private Threads() {}

  /**
   * Waits for {@code t} (if any) to finish even when interrupted, then restores the interrupt flag: a
   * writer or worker thread must never outlive the attempt or the pool that started it.
   */
  public static void joinUninterruptibly(Thread t) {
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
