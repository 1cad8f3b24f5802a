package org.jstilt.runtime.registry;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;

/**
 * A worker tried to renew or finish a claim it no longer holds: its lease expired and was released (and
 * perhaps claimed by another worker), or the simulation was reset by a forced registration. The worker
 * must stop working on the simulation and must not publish over what the new holder writes.
 */
public final class LeaseLostException extends StiltException {
  private static final long serialVersionUID = 1L;

  private final SimulationId simulationId;

  LeaseLostException(SimulationId simulationId, String detail) {
    super(
        ErrorCode.REGISTRY,
        "simulation " + simulationId + ": this worker no longer holds its lease (" + detail
            + "). Its result was not recorded; the simulation is handled by whoever holds it now."
            + " If this happens often, the lease is too short for the heartbeat interval or the registry"
            + " was unreachable for longer than the lease.");
    this.simulationId = simulationId;
  }

  /** The simulation whose lease was lost. */
  public SimulationId simulationId() {
    return simulationId;
  }
}
