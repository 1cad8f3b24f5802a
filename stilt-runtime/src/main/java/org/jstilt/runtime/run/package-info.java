/**
 * {@code stilt run}'s engine room: one simulation from receptor and met stream to files in
 * {@code <output>/simulations/by-id/<sim_id>/}.
 *
 * <p>{@link org.jstilt.runtime.run.SimulationRunner#runOne} runs one
 * {@link org.jstilt.runtime.run.Simulation} (built from a plan entry or a registry claim): met discovery,
 * transport (main and, with error parameters, error run), release heights ({@link
 * org.jstilt.runtime.run.ReleaseHeights}) and hnf_plume, trajectory Parquet, one footprint per named
 * footprint, stilt.log. It returns a {@link org.jstilt.runtime.run.SimulationOutcome} that maps one to one
 * onto the registry's complete / fail calls. Inputs and file names come from
 * {@link org.jstilt.runtime.project}.
 *
 * <p>Invariants: every output file appears atomically; a failed simulation leaves none of the outputs of
 * its attempt behind (its stilt.log says why); the runner holds no mutable state, so one instance may run
 * different simulations on many threads at once (never the same simulation twice at the same time).
 */
package org.jstilt.runtime.run;
