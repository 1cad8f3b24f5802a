package org.jstilt.core.footprint;

import java.util.Objects;

/**
 * A footprint domain as the user gives it (PYSTILT {@code Grid}): bounds always in lon/lat degrees, even
 * for projected grids; resolution in projection units (degrees for longlat, metres for UTM and the like).
 *
 * <p>R-STILT treats any projection string containing the literal {@code +proj=longlat} as geographic;
 * {@link #isLongLat()} does the same. Bounds are not checked for order here: {@code xmax < xmin} is how a
 * user asks for a domain across the antimeridian.
 */
public record GridSpec(
    double xmin, double xmax, double ymin, double ymax, double xres, double yres, String projection) {

  /** R-STILT's and PYSTILT's default projection. */
  public static final String LONGLAT = "+proj=longlat";

  public GridSpec {
    Objects.requireNonNull(projection, "projection");
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
