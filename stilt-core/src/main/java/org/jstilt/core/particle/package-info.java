/**
 * Particle trajectories as a columnar table.
 *
 * <p>A {@link org.jstilt.core.particle.ParticleEnsemble} holds one row per particle per output time step
 * and one primitive {@code double[]} per column, named as HYSPLIT-STILT's {@code VARSIWANT} names them
 * ({@code time}, {@code indx}, {@code long}, {@code lati}, {@code zagl}, {@code foot}, ...). All columns are
 * doubles, as PYSTILT stores them, so a table read from any source (hycs_std output, CSV, Parquet, the
 * native engine) has one representation.
 */
package org.jstilt.core.particle;
