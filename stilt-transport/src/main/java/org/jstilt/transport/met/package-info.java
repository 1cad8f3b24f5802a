/**
 * Meteorology as the transport engine sees it: HYSPLIT's internal terrain-following levels, and one
 * {@link org.jstilt.transport.met.MetPeriod} per met time holding every column's profiles on those levels
 * (winds in grid units per minute, σ velocity, θ, T, p, ρ, RH, mixed-layer depth, σw, T_L) built from the
 * ARL fields by hypsometric integration and linear interpolation in height (TRANSPORT.md §3).
 *
 * <p>Invariants: a {@code MetPeriod} is immutable once built and shared by all worker threads; level arrays
 * are indexed {@code column * nLevels + (k - 1)} for internal level k = 1..nLevels, columns
 * {@code (j - 1) * nx + (i - 1)} for grid point (i, j).
 */
package org.jstilt.transport.met;
