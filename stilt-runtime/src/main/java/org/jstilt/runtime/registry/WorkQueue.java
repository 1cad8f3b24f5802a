package org.jstilt.runtime.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jstilt.core.id.SimulationId;

/**
 * The worker's side of the registry: claim simulations, keep their leases alive, record how they ended.
 *
 * <p>Every method is one short transaction; no transaction stays open while a simulation runs. A claim
 * is exclusive: no two workers (threads, processes or hosts) hold the same simulation at the same time,
 * and updates must present the claim's lease token, so a worker that lost its lease cannot record a
 * result over its successor's.
 */
public interface WorkQueue extends AutoCloseable {

  /**
   * Claims up to {@code maxCount} pending simulations whose back-off has passed, in id order. Each one
   * atomically becomes {@code running} with a fresh lease owned by {@code worker}, its attempts counter
   * goes up by one, and its host and start time are set. Expired leases are released first (see
   * {@link #releaseExpiredLeases}).
   *
   * @return the claims, possibly none; never a simulation claimed by someone else
   */
  List<Claim> claim(WorkerIdentity worker, int maxCount);

  /** Claims one simulation, if any is ready. */
  default Optional<Claim> claimOne(WorkerIdentity worker) {
    return claim(worker, 1).stream().findFirst();
  }

  /**
   * Extends the lease of a claim by the policy's lease duration from now.
   *
   * @return the claim with the new expiry
   * @throws LeaseLostException if the worker no longer holds it
   */
  Claim renew(Claim claim);

  /**
   * Extends the leases of several claims in one transaction (the heartbeat of a worker running many
   * simulations at once).
   *
   * @return the ids of the claims whose lease was lost; their work must stop
   */
  Set<SimulationId> renewAll(Collection<Claim> claims);

  /**
   * Records success. {@code outcomes} must hold one outcome for every footprint this attempt computed
   * ({@link Claim#footprintsToCompute()}); outcomes recorded earlier are kept. The state becomes
   * {@code complete-empty} if every footprint is empty, else {@code complete} - or {@code pending} again
   * if footprints were registered while it ran (those still have to be computed).
   *
   * @return the new state
   * @throws LeaseLostException if the worker no longer holds the claim (nothing is recorded)
   */
  SimulationState complete(Claim claim, Map<String, FootprintOutcome> outcomes);

  /**
   * Records a failed attempt. A retryable failure below the attempt limit returns the simulation to
   * {@code pending}, claimable after the policy's back-off; otherwise it becomes {@code failed}. Footprints
   * that did finish before the failure are recorded so that a retry skips them.
   *
   * @return the new state, {@code pending} or {@code failed}
   * @throws LeaseLostException if the worker no longer holds the claim
   */
  SimulationState fail(Claim claim, Failure failure, Map<String, FootprintOutcome> finishedFootprints);

  /** {@link #fail(Claim, Failure, Map)} with no footprint finished. */
  default SimulationState fail(Claim claim, Failure failure) {
    return fail(claim, failure, Map.of());
  }

  /**
   * Gives a claim back unfinished because the worker was interrupted (shutdown, SIGTERM): the simulation
   * returns to {@code pending} at once and the attempt is not counted. Finished footprints are kept.
   *
   * @throws LeaseLostException if the worker no longer holds the claim
   */
  void release(Claim claim, Map<String, FootprintOutcome> finishedFootprints);

  /** {@link #release(Claim, Map)} with no footprint finished. */
  default void release(Claim claim) {
    release(claim, Map.of());
  }

  /**
   * Returns every running simulation whose lease has expired to {@code pending}, or to {@code failed} if it
   * has used all its attempts, recording a {@link Failure#LEASE_EXPIRED} failure. Claims do this first, so
   * calling it is needed only to make {@code stilt status} exact without claiming.
   */
  LeaseSweep releaseExpiredLeases();

  /** The lease and retry policy in force. */
  QueuePolicy policy();

  /** Releases connections. Claims held stay valid until their leases expire. */
  @Override
  void close();
}
