/**
 * The simulation registry and work queue: one durable row per simulation with its state, attempts,
 * failure, per-footprint outcomes, times, host and lease.
 *
 * <p>{@link org.jstilt.runtime.registry.Registry} is the seam; {@link org.jstilt.runtime.registry.SqliteRegistry}
 * (embedded, default) and {@link org.jstilt.runtime.registry.PostgresRegistry} (shared) implement it over
 * plain JDBC with versioned migrations, and pass one contract test.
 *
 * <p>Invariants: a simulation is {@code running} exactly while a lease exists on it; at most one worker
 * holds a given simulation at a time; updates from a worker are accepted only with its current lease token;
 * completed work is reset only by an explicit {@link org.jstilt.runtime.registry.RegisterMode#FORCE} or by
 * reconciliation finding its outputs gone; every operation is a short transaction (none stays open while a
 * simulation runs); times come from the injected {@link java.time.Clock}. The registry knows nothing of
 * file layouts: reconciliation asks a {@link org.jstilt.runtime.registry.SimulationOutputs}.
 */
package org.jstilt.runtime.registry;
