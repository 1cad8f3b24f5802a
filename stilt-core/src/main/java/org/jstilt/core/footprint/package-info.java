/**
 * Gridded footprints from particle trajectories: R-STILT's {@code calc_footprint} to 1e-7 parity.
 *
 * <p>{@link org.jstilt.core.footprint.GridSpec} is the user's footprint domain and
 * {@link org.jstilt.core.footprint.FootprintOptions} the knobs; {@link
 * org.jstilt.core.footprint.FootprintCalculator#compute} turns a
 * {@link org.jstilt.core.particle.ParticleEnsemble} into a {@link org.jstilt.core.footprint.FootprintGrid}:
 * hourly (or time-integrated) layers of surface influence in ppm per (umol m-2 s-1), on cell centres.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every discrete decision R makes from exact bits (cell counts with R's 1e-10 fuzz, breakpoints and
 *       the binary search over them, filter bounds, the longitude wrap, the densification schedule, join,
 *       rounding and rescaling, rtime grouping, kernel sizes, nearest-kernel ties, hour layers) is made
 *       from the same bits here; continuous sums may be reordered (all terms are non-negative).
 *   <li>Values are doubles, never negative; with no smoothing and every row inside the domain, the grid
 *       total equals the binned foot divided by the particle count.
 *   <li>The result depends neither on row order nor on particle numbering.
 *   <li>No I/O, no shared mutable state; a computation is single-threaded and deterministic.
 * </ul>
 */
package org.jstilt.core.footprint;
