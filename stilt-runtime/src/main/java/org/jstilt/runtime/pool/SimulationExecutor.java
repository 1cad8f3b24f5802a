package org.jstilt.runtime.pool;

import org.jstilt.runtime.run.Simulation;
import org.jstilt.runtime.run.SimulationOutcome;

/**
 * Runs one simulation for a pool worker; {@link org.jstilt.runtime.run.SimulationRunner#runOne} in
 * production. Must be safe to call from several threads at once and must report failures as
 * {@link SimulationOutcome.Failed}, not exceptions.
 */
@FunctionalInterface
public interface SimulationExecutor {
  SimulationOutcome run(Simulation simulation, boolean skipExisting);
}
