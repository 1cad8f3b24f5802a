package org.jstilt.runtime.pool;

import org.jstilt.core.id.SimulationId;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.run.SimulationOutcome;

/**
 * What a {@link LocalPool} reports while it runs, for progress displays. Called from worker threads, so
 * implementations must be thread-safe.
 */
public interface PoolListener {
  /** The pool starts; {@code pending} simulations are waiting in the registry. */
  default void started(long pending, int workers, int engineThreads) {}

  /**
   * A simulation ended and was recorded.
   *
   * @param recorded the state the registry recorded: {@code complete}, {@code complete-empty}, {@code failed},
   *     or {@code pending} (a retryable failure, tried again after a back-off)
   */
  default void finished(SimulationOutcome outcome, SimulationState recorded) {}

  /** A simulation's lease was lost (taken over elsewhere, or the pool was stopped); its result was not recorded. */
  default void notRecorded(SimulationId id, String why) {}

  /** Nothing was claimable; the pool waits for a retry back-off to pass. */
  default void waiting(java.time.Instant until) {}

  /** No listener. */
  PoolListener NONE = new PoolListener() {};
}
