package org.jstilt.runtime.pool;

/**
 * What one {@link LocalPool#run} did.
 *
 * @param complete simulations run and recorded complete
 * @param completeEmpty run and recorded complete-empty
 * @param skipped found complete on disk when claimed (skip-existing): recorded complete without running
 * @param failed recorded failed (permanent failures, or the last attempt)
 * @param retried failed attempts put back to pending for another try
 * @param notRecorded results not recorded because the lease was lost (or the pool was stopped)
 * @param releasedDeadWorkers leases of dead local processes (an earlier killed run) released at start
 * @param stopped the pool was stopped before the queue was empty
 */
public record PoolSummary(long complete, long completeEmpty, long skipped, long failed, long retried,
    long notRecorded, long releasedDeadWorkers, boolean stopped) {

  /** Simulations that ended in this run (recorded in any state). */
  public long finished() {
    return complete + completeEmpty + skipped + failed + retried;
  }
}
