/**
 * Choosing and adapting transport engines for the runner: {@link org.jstilt.runtime.engine.TransportEngines}
 * builds the {@link org.jstilt.core.transport.TransportEngine} a project's {@code transport:} block names,
 * {@link org.jstilt.runtime.engine.NativeEngineAdapter} puts stilt-transport's native engine behind that seam,
 * and {@link org.jstilt.runtime.engine.SimulationSeeds} derives a per-simulation seed from
 * {@code transport.seed}.
 *
 * <p>Invariants: engines built here are stateless and safe to share between threads; a configured seed
 * gives the same particles for the same simulation id on every run and every machine.
 */
package org.jstilt.runtime.engine;
