package org.jstilt.runtime.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;

/**
 * A simulation a worker has claimed: the registry row as it was right after the claim (state
 * {@code running}, with the lease). The worker runs it, keeps the lease alive with
 * {@link WorkQueue#renew}, and ends it with {@link WorkQueue#complete}, {@link WorkQueue#fail} or
 * {@link WorkQueue#release}.
 *
 * @param simulation the claimed row
 */
public record Claim(SimulationRecord simulation) {
  public Claim {
    Objects.requireNonNull(simulation, "simulation");
    if (simulation.state() != SimulationState.RUNNING) {
      throw new StiltException(ErrorCode.INTERNAL, "a claim is a running simulation, not " + simulation.state().label());
    }
  }

  /** The simulation id. */
  public SimulationId id() {
    return simulation.id();
  }

  /** The lease token that authorises updates. */
  public String token() {
    return simulation.lease().token();
  }

  /** Which attempt this is, 1 for the first. */
  public int attempt() {
    return simulation.attempts();
  }

  /** When the lease expires unless renewed (as of the claim or the last renewal). */
  public Instant leaseExpiresAt() {
    return simulation.lease().expiresAt();
  }

  /** The footprints without an outcome: what this attempt has to compute (skip-existing). */
  public List<String> footprintsToCompute() {
    return simulation.footprintsToCompute();
  }
}
