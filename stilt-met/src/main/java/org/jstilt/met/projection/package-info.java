/**
 * Horizontal grids of met files: {@link org.jstilt.met.projection.ConformalProjection} (HYSPLIT's cmapf —
 * polar stereographic, Lambert conformal, Mercator) and {@link org.jstilt.met.projection.LatLonProjection}
 * (regular latitude-longitude grids, global wrap).
 *
 * <p>Invariants: grid coordinates are 1-based HYSPLIT units, grid point (1,1) = field element 0; longitudes
 * returned lie in (-180, 180]; projections are immutable values.
 */
package org.jstilt.met.projection;
