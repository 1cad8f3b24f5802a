package org.jstilt.runtime.registry;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * How many simulations are in each state (of the whole registry or one scene).
 *
 * @param total all registered simulations; the sum of the five states
 * @param pending waiting for a worker
 * @param running claimed, including {@code leaseExpired}
 * @param complete finished with output
 * @param completeEmpty finished, every footprint empty
 * @param failed given up
 * @param leaseExpired running simulations whose lease has expired: their worker is probably dead, the
 *     next claim or {@link WorkQueue#releaseExpiredLeases} will return them to {@code pending}
 */
public record StateCounts(
    long total, long pending, long running, long complete, long completeEmpty, long failed, long leaseExpired) {

  /** No simulations. */
  public static final StateCounts ZERO = new StateCounts(0, 0, 0, 0, 0, 0, 0);

  public StateCounts {
    if (pending < 0 || running < 0 || complete < 0 || completeEmpty < 0 || failed < 0 || leaseExpired < 0
        || total != pending + running + complete + completeEmpty + failed || leaseExpired > running) {
      throw new StiltException(
          ErrorCode.INTERNAL,
          "inconsistent state counts: total " + total + ", pending " + pending + ", running " + running
              + " (expired " + leaseExpired + "), complete " + complete + ", complete-empty " + completeEmpty
              + ", failed " + failed);
    }
  }

  /** Counts with one more simulation in {@code state} ({@code expired} only matters for running). */
  StateCounts plus(SimulationState state, long n, long expired) {
    return new StateCounts(
        total + n,
        pending + (state == SimulationState.PENDING ? n : 0),
        running + (state == SimulationState.RUNNING ? n : 0),
        complete + (state == SimulationState.COMPLETE ? n : 0),
        completeEmpty + (state == SimulationState.COMPLETE_EMPTY ? n : 0),
        failed + (state == SimulationState.FAILED ? n : 0),
        leaseExpired + expired);
  }

  /** The count of one state. */
  public long of(SimulationState state) {
    return switch (state) {
      case PENDING -> pending;
      case RUNNING -> running;
      case COMPLETE -> complete;
      case COMPLETE_EMPTY -> completeEmpty;
      case FAILED -> failed;
    };
  }

  /** Simulations that finished successfully (complete or complete-empty). */
  public long done() {
    return complete + completeEmpty;
  }
}
