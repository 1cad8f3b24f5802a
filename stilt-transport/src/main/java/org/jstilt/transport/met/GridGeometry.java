package org.jstilt.transport.met;

import org.jstilt.met.projection.MapProjection;

/**
 * Metres per grid unit at every grid point (HYSPLIT's GX, GY), computed once per grid: what converts winds
 * in m/s to grid units per minute and turbulent displacements in metres to grid units.
 */
public final class GridGeometry {
  private final int nx;
  private final int ny;
  private final double[] gx;
  private final double[] gy;
  private final MapProjection projection;
  private final boolean cyclicX;

  public GridGeometry(MapProjection projection, int nx, int ny) {
    this.nx = nx;
    this.ny = ny;
    this.projection = projection;
    // a global latitude-longitude grid wraps in x (HYSPLIT's GRID%GLOBAL): column nx + 1 is column 1
    this.cyclicX = projection instanceof org.jstilt.met.projection.LatLonProjection ll && ll.isGlobal();
    this.gx = new double[nx * ny];
    this.gy = new double[nx * ny];
    for (int j = 1; j <= ny; j++) {
      for (int i = 1; i <= nx; i++) {
        gx[(j - 1) * nx + i - 1] = projection.gridSpacingXM(i, j);
        gy[(j - 1) * nx + i - 1] = projection.gridSpacingYM(i, j);
      }
    }
  }

  public int nx() {
    return nx;
  }

  public int ny() {
    return ny;
  }

  public MapProjection projection() {
    return projection;
  }

  /** Metres per grid unit in x at column c. */
  public double gx(int c) {
    return gx[c];
  }

  /** Metres per grid unit in y at column c. */
  public double gy(int c) {
    return gy[c];
  }

  /** Metres per grid unit in x at the grid point nearest to (x, y). */
  public double gxNear(double x, double y) {
    return gx[nearest(x, y)];
  }

  public double gyNear(double x, double y) {
    return gy[nearest(x, y)];
  }

  /** True for a global latitude-longitude grid, whose x wraps around. */
  public boolean cyclicX() {
    return cyclicX;
  }

  /** x brought into [1, nx + 1) on a cyclic grid; unchanged otherwise. */
  public double wrapX(double x) {
    if (!cyclicX || (x >= 1.0 && x < nx + 1.0)) {
      return x;
    }
    double e = (x - 1.0) % nx;
    return 1.0 + (e < 0 ? e + nx : e);
  }

  /** Column of the grid point nearest (x, y), clamped to the grid (wrapped in x on a cyclic grid). */
  public int nearest(double x, double y) {
    int i = (int) Math.floor(x + 0.5);
    int j = (int) Math.floor(y + 0.5);
    if (cyclicX) {
      i = 1 + Math.floorMod(i - 1, nx);
    }
    i = Math.max(1, Math.min(nx, i));
    j = Math.max(1, Math.min(ny, j));
    return (j - 1) * nx + i - 1;
  }
}
