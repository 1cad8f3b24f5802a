/**
 * The boundary-layer physics of HYSPLIT-STILT as pure functions of one met column: constants, mixed-layer
 * depth (bulk Richardson, KMIXD=3), stability from surface fluxes (KBLS=1), and the Hanna (KBLT=5) σw and
 * Lagrangian time scale profiles with the Richardson-number closure above the mixed layer (TRANSPORT.md §5).
 *
 * <p>Invariants: SI units unless a name says otherwise (heights in m above ground, winds in m/s, σw in
 * m/s, T_L in s, pressure in hPa); no state, no allocation per call in the hot paths; every result is finite
 * and positive where the transport scheme divides by it.
 */
package org.jstilt.transport.physics;
