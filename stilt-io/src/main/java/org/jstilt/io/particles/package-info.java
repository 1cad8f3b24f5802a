/**
 * Particle tables from files: CSV (plain or gzip) and a facade that recognises CSV, trajectory Parquet
 * and hycs_std's {@code PARTICLE_STILT.DAT} by content.
 *
 * <p>Invariants: every reader returns a {@link org.jstilt.core.particle.ParticleEnsemble} with all columns
 * as doubles, named as in the file; positions ({@code long}, {@code lati}) are finite and in range; any
 * problem is an {@link org.jstilt.io.InputFileException} naming the file and line. Readers never modify
 * values (no sorting, wrapping or unit changes): that is the business of the algorithms in stilt-core.
 */
package org.jstilt.io.particles;
