/**
 * Idealized ARL meteorology for tests, the quick start and the well-mixed test: flat terrain, horizontally
 * uniform fields on a latitude-longitude grid, a prescribed wind profile, a diurnal boundary layer, and
 * temperature and humidity profiles consistent with its stability, integrated hydrostatically.
 *
 * <p>Invariant: every column of a period is identical; the only variation is vertical and in time.
 */
package org.jstilt.met.synth;
