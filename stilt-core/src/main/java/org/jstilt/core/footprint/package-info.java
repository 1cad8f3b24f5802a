/**
 * Gridded footprints from particle trajectories: R-STILT's {@code calc_footprint} to 1e-7 parity.
 *
 * <p>{@link org.jstilt.core.footprint.GridSpec} is the user's footprint domain; a
 * {@link org.jstilt.core.footprint.FootprintGrid} is the result: hourly (or time-integrated) layers of
 * surface influence in ppm per (umol m-2 s-1), on cell centres.
 */
package org.jstilt.core.footprint;
