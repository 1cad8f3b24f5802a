package org.jstilt.core.footprint;

import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * A footprint domain as the user gives it (PYSTILT {@code Grid}): bounds always in lon/lat degrees, even
 * for projected grids; resolution in projection units (degrees for longlat, metres for UTM and the like).
 *
 * <p>R-STILT treats any projection string containing the literal {@code +proj=longlat} as geographic;
 * {@link #isLongLat()} does the same. The x bounds are not checked for order: {@code xmax < xmin} is how a
 * user asks for a domain across the antimeridian, and {@code xmin == xmax} (or any pair 360° apart) asks
 * for a global longlat grid, both as in R-STILT.
 *
 * <p>Checked on construction ({@link ErrorCode#INPUT}): bounds finite, longitudes within ±360, latitudes
 * within ±90 with {@code ymin < ymax}, resolutions finite and positive, a non-blank projection. Whether
 * the domain holds at least one whole cell is checked when a footprint is computed, because it depends on
 * the projection.
 */
public record GridSpec(
    double xmin, double xmax, double ymin, double ymax, double xres, double yres, String projection) {

  /** R-STILT's and PYSTILT's default projection. */
  public static final String LONGLAT = "+proj=longlat";

  public GridSpec {
    Objects.requireNonNull(projection, "projection");
    requireFinite("xmin", xmin);
    requireFinite("xmax", xmax);
    requireFinite("ymin", ymin);
    requireFinite("ymax", ymax);
    if (Math.abs(xmin) > 360 || Math.abs(xmax) > 360) {
      throw invalid(
          "grid.xmin/xmax = " + xmin + "/" + xmax + " must be longitudes in degrees within [-360, 360]"
              + " (bounds are lon/lat degrees even for projected grids)");
    }
    if (ymin < -90 || ymax > 90) {
      throw invalid("grid.ymin/ymax = " + ymin + "/" + ymax + " must be latitudes within [-90, 90]");
    }
    if (!(ymin < ymax)) {
      throw invalid("grid.ymin = " + ymin + " must be less than grid.ymax = " + ymax);
    }
    if (!(xres > 0) || Double.isInfinite(xres)) {
      throw invalid("grid.xres = " + xres + " must be a positive cell size (degrees, or metres if projected)");
    }
    if (!(yres > 0) || Double.isInfinite(yres)) {
      throw invalid("grid.yres = " + yres + " must be a positive cell size (degrees, or metres if projected)");
    }
    if (projection.isBlank()) {
      throw invalid("grid.projection is empty; use '" + LONGLAT + "' or a PROJ.4 string");
    }
  }

  private static void requireFinite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw invalid("grid." + name + " = " + v + " must be a finite number of degrees");
    }
  }

  private static StiltException invalid(String what) {
    return new StiltException(ErrorCode.INPUT, "Invalid footprint grid: " + what + ".");
  }

  /** A geographic grid with square cells. */
  public static GridSpec longLat(double xmin, double xmax, double ymin, double ymax, double res) {
    return new GridSpec(xmin, xmax, ymin, ymax, res, res, LONGLAT);
  }

  /** True when the projection string contains {@code +proj=longlat} (R-STILT's test, verbatim). */
  public boolean isLongLat() {
    return projection.contains(LONGLAT);
  }
}
