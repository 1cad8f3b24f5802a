/**
 * PNG maps of footprints and particle trajectories.
 *
 * <p>{@link org.jstilt.runtime.plot.FootprintMap} draws a footprint grid (summed over time, or one layer)
 * on a log colour scale with a colour bar; {@link org.jstilt.runtime.plot.TrajectoryMap} draws particle
 * paths coloured by time before release or by height. Both put lat/lon axes with ticks, Natural Earth
 * coastlines, country and state borders ({@link org.jstilt.runtime.plot.BaseMap}) and the receptor on a
 * plate carrée frame whose pixel aspect follows cos(latitude), so a degree of longitude and of latitude
 * have their true ground lengths at the centre of the map.
 *
 * <p>Semantics: a map is a pure function of its inputs (no clock, no environment); the only side effect
 * is {@link org.jstilt.runtime.plot.RenderedMap#writePng}, which writes atomically. Every rendered map
 * carries its geometry (data rectangle and extent), so callers and tests can find the pixel of any
 * coordinate. Cells below the colour scale's minimum, zero cells and NaN are left transparent rather than
 * painted with the lowest colour. JFreeChart draws axes, titles and the colour bar; the raster, lines and
 * markers are drawn by this package's own annotations.
 */
package org.jstilt.runtime.plot;
