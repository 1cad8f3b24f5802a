/**
 * Cropping ARL files to a latitude-longitude box and the lowest levels (PYSTILT's subgrid, stiltctl's
 * meteorology minimizer). The crop keeps the projection exactly and the values within the packing precision.
 *
 * <p>Invariant: a cropped grid is a rectangular window of the source grid; grid point (1,1) of the crop is
 * source point (i0, j0), and its projection maps every crop point to the same place as the source point.
 */
package org.jstilt.met.subset;
