/**
 * {@code stilt run}: from a project (config.yaml + receptors.csv) to files in
 * {@code <output>/simulations/by-id/<sim_id>/}.
 *
 * <p>{@link org.jstilt.runtime.run.Project} loads the inputs, {@link org.jstilt.runtime.run.SimulationPlan}
 * turns them into simulations (receptor x met stream, with PYSTILT's ids),
 * {@link org.jstilt.runtime.run.ProjectLayout} names every file, and
 * {@link org.jstilt.runtime.run.SimulationRunner#runOne} runs one simulation: met discovery, transport
 * (main and, with error parameters, error run), release heights and hnf_plume, trajectory Parquet, one
 * footprint per named footprint, stilt.log. It returns a {@link org.jstilt.runtime.run.SimulationOutcome}
 * that maps one to one onto the registry's complete / fail calls.
 *
 * <p>Invariants: every output file appears atomically; a failed simulation leaves none of the outputs of
 * its attempt behind (its stilt.log says why); the runner holds no mutable state, so one instance may run
 * different simulations on many threads at once (never the same simulation twice at the same time).
 */
package org.jstilt.runtime.run;
