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

  public GridGeometry(MapProjection projection, int nx, int ny) {
    this.nx = nx;
    this.ny = ny;
    this.projection = projection;
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

  /** Column of the grid point nearest (x, y), clamped to the grid. */
  public int nearest(double x, double y) {
    int i = (int) Math.floor(x + 0.5);
    int j = (int) Math.floor(y + 0.5);
    i = Math.max(1, Math.min(nx, i));
    j = Math.max(1, Math.min(ny, j));
    return (j - 1) * nx + i - 1;
  }
}
