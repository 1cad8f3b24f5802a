package org.jstilt.runtime.registry;

import java.util.List;
import org.jstilt.core.id.SimulationId;

/**
 * Looks at what a simulation has written, for {@link Registry#reconcile}. The registry knows nothing of
 * file names or storage; the project layout implements this (local directory or object store).
 */
@FunctionalInterface
public interface SimulationOutputs {
  /**
   * Reports the outputs present for one simulation.
   *
   * @param simulationId the simulation
   * @param footprintNames its registered footprint names
   * @return what exists; partial files being written ({@code .tmp}) must not count
   */
  OutputInventory inspect(SimulationId simulationId, List<String> footprintNames);
}
