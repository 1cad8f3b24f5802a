package org.jstilt.transport.met;

/**
 * A rectangle of met grid columns, {@code [i0, i0 + nx − 1] × [j0, j0 + ny − 1]} (1-based, full-grid numbering):
 * the part of the grid a run's met periods are built for, HYSPLIT's moving subgrid. Positions stay in full-grid
 * coordinates; the arrays of a period built for a window are indexed relative to it ({@code x − offsetX()}).
 *
 * @param i0 first column (1-based)
 * @param j0 first row (1-based)
 * @param nx columns
 * @param ny rows
 */
public record GridWindow(int i0, int j0, int nx, int ny) {
  public GridWindow {
    if (i0 < 1 || j0 < 1 || nx < 2 || ny < 2) {
      throw new IllegalArgumentException("bad grid window " + i0 + "," + j0 + " " + nx + "x" + ny);
    }
  }

  /** The whole grid. */
  public static GridWindow full(int nx, int ny) {
    return new GridWindow(1, 1, nx, ny);
  }

  /**
   * The window covering full-grid positions [xMin, xMax] × [yMin, yMax] with {@code pad} columns on every side,
   * clipped to a grid of gridNx × gridNy.
   */
  public static GridWindow around(double xMin, double xMax, double yMin, double yMax, int pad, int gridNx, int gridNy) {
    int i0 = Math.max(1, (int) Math.floor(xMin) - pad);
    int j0 = Math.max(1, (int) Math.floor(yMin) - pad);
    int i1 = Math.min(gridNx, (int) Math.ceil(xMax) + pad);
    int j1 = Math.min(gridNy, (int) Math.ceil(yMax) + pad);
    return new GridWindow(i0, j0, Math.max(2, i1 - i0 + 1), Math.max(2, j1 - j0 + 1));
  }

  /** Subtracted from a full-grid x to index this window's arrays. */
  public int offsetX() {
    return i0 - 1;
  }

  /** Subtracted from a full-grid y to index this window's arrays. */
  public int offsetY() {
    return j0 - 1;
  }

  /**
   * True when every position of [xMin, xMax] × [yMin, yMax] keeps {@code margin} columns from this window's edges,
   * except where the window already reaches the grid's edge (particles stop there anyway).
   */
  public boolean covers(double xMin, double xMax, double yMin, double yMax, int margin, int gridNx, int gridNy) {
    boolean west = i0 == 1 || xMin - margin >= i0;
    boolean south = j0 == 1 || yMin - margin >= j0;
    boolean east = i0 + nx - 1 == gridNx || xMax + margin <= i0 + nx - 1;
    boolean north = j0 + ny - 1 == gridNy || yMax + margin <= j0 + ny - 1;
    return west && south && east && north;
  }

  /**
   * The window of a cyclic grid: every column plus a ghost column nx + 1 holding column 1, so that interpolation
   * across the seam needs no special case, and rows as {@code rows} gives them.
   */
  public static GridWindow cyclic(int gridNx, GridWindow rows) {
    return new GridWindow(1, rows.j0(), gridNx + 1, rows.ny());
  }

  /** Columns in the window. */
  public long columns() {
    return (long) nx * ny;
  }
}
