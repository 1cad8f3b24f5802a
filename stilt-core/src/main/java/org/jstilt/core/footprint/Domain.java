package org.jstilt.core.footprint;

import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * The footprint domain as R-STILT resolves it (FOOTPRINT.md steps 1, 5 and 6): longitude wrapping or
 * globalisation for longlat grids, projection of the two corners otherwise, and the lower-left cell
 * corners from R's {@code seq} (with its 1e-10 cell-count fuzz; a leftover partial cell is dropped).
 */
final class Domain {
  final boolean longLat;
  /** Particle longitudes must be wrapped into [0, 360) (a domain across the antimeridian). */
  final boolean wrapLongitudes;
  final double xmn;
  final double xmx;
  final double ymn;
  final double ymx;
  final double xres;
  final double yres;
  /** Lower-left x of each cell ({@code head(seq(xmn, xmx, xres), -1)}). */
  final double[] glong;
  /** Lower-left y of each cell. */
  final double[] glati;
  /** Null for longlat grids. */
  final Projector projector;

  private Domain(
      boolean longLat,
      boolean wrap,
      double xmn,
      double xmx,
      double ymn,
      double ymx,
      double xres,
      double yres,
      Projector projector) {
    this.longLat = longLat;
    this.wrapLongitudes = wrap;
    this.xmn = xmn;
    this.xmx = xmx;
    this.ymn = ymn;
    this.ymx = ymx;
    this.xres = xres;
    this.yres = yres;
    this.projector = projector;
    this.glong = cellStarts(xmn, xmx, xres, "x", "xmin", "xmax", "xres");
    this.glati = cellStarts(ymn, ymx, yres, "y", "ymin", "ymax", "yres");
  }

  static Domain resolve(GridSpec spec) {
    double xmn = spec.xmin();
    double xmx = spec.xmax();
    double ymn = spec.ymin();
    double ymx = spec.ymax();
    if (spec.isLongLat()) {
      double xdist = RNumerics.mod360((180 - xmn) - (-180 - xmx));
      boolean wrap = false;
      if (xdist == 0) {
        // A global domain (or xmin == xmax): R-STILT overrides the bounds; particles are not wrapped.
        xmn = -180;
        xmx = 180;
      } else if (xmx < xmn || xmx > 180) {
        wrap = true;
        xmn = RNumerics.wrapAntimeridian(xmn);
        xmx = RNumerics.wrapAntimeridian(xmx);
        if (xmx < xmn) {
          throw new StiltException(
              ErrorCode.INPUT,
              "Invalid footprint grid: xmin = "
                  + spec.xmin()
                  + ", xmax = "
                  + spec.xmax()
                  + " wraps to "
                  + xmn
                  + " .. "
                  + xmx
                  + " in the 0-360 frame used for domains across the antimeridian, so it would cross both"
                  + " 0 and 180 degrees, which R-STILT's longitude handling cannot grid. Split the domain or"
                  + " use a global grid (xmin = -180, xmax = 180).");
        }
      }
      return new Domain(true, wrap, xmn, xmx, ymn, ymx, spec.xres(), spec.yres(), null);
    }
    Projector projector = Projector.of(spec.projection());
    double[] lowerLeft = projector.project(xmn, ymn);
    double[] upperRight = projector.project(xmx, ymx);
    return new Domain(
        false,
        false,
        Math.min(lowerLeft[0], upperRight[0]),
        Math.max(lowerLeft[0], upperRight[0]),
        Math.min(lowerLeft[1], upperRight[1]),
        Math.max(lowerLeft[1], upperRight[1]),
        spec.xres(),
        spec.yres(),
        projector);
  }

  private static double[] cellStarts(
      double from, double to, double res, String axis, String minKey, String maxKey, String resKey) {
    double[] s;
    try {
      s = RNumerics.seq(from, to, res);
    } catch (IllegalArgumentException e) {
      throw new StiltException(
          ErrorCode.INPUT,
          "Invalid footprint grid: the "
              + axis
              + " axis from "
              + from
              + " to "
              + to
              + " at "
              + resKey
              + " = "
              + res
              + " cannot be built ("
              + e.getMessage()
              + "); check grid."
              + minKey
              + ", grid."
              + maxKey
              + " and grid."
              + resKey
              + ".",
          e);
    }
    if (s.length < 2) {
      throw new StiltException(
          ErrorCode.INPUT,
          "Invalid footprint grid: the "
              + axis
              + " extent "
              + from
              + " .. "
              + to
              + " (grid."
              + minKey
              + " .. grid."
              + maxKey
              + ", in projection units) is narrower than one cell of grid."
              + resKey
              + " = "
              + res
              + "; widen the domain or use a smaller resolution.");
    }
    double[] starts = new double[s.length - 1];
    System.arraycopy(s, 0, starts, 0, starts.length);
    return starts;
  }

  int nLon() {
    return glong.length;
  }

  int nLat() {
    return glati.length;
  }

  /** Cell centres as R-STILT writes them: {@code glong + xres/2}. */
  double[] xCentres() {
    double[] c = new double[glong.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = glong[i] + xres / 2;
    }
    return c;
  }

  double[] yCentres() {
    double[] c = new double[glati.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = glati[j] + yres / 2;
    }
    return c;
  }
}
