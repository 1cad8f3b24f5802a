package org.jstilt.runtime.plot;

/**
 * The coordinate box a map shows.
 *
 * <p>Geographic extents are in degrees, longitudes increasing eastward and allowed past ±180 so that a
 * box across the antimeridian is one interval (170 .. 190, not 170 .. -170). Projected extents are in
 * the projection's units (metres) and are drawn 1:1.
 */
public record MapExtent(double xMin, double xMax, double yMin, double yMax, boolean geographic) {
  public MapExtent {
    if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
      throw new IllegalArgumentException("map extent must be finite: " + xMin + ", " + xMax + ", " + yMin + ", " + yMax);
    }
    if (!(xMin < xMax) || !(yMin < yMax)) {
      throw new IllegalArgumentException("map extent needs xMin < xMax and yMin < yMax: x " + xMin + " .. " + xMax
          + ", y " + yMin + " .. " + yMax);
    }
    if (geographic && (yMin < -90 || yMax > 90 || xMax - xMin > 360 + 1e-9)) {
      throw new IllegalArgumentException("geographic extent out of range: lon " + xMin + " .. " + xMax + ", lat "
          + yMin + " .. " + yMax);
    }
  }

  public static MapExtent lonLat(double lonMinDeg, double lonMaxDeg, double latMinDeg, double latMaxDeg) {
    return new MapExtent(lonMinDeg, lonMaxDeg, latMinDeg, latMaxDeg, true);
  }

  public double width() {
    return xMax - xMin;
  }

  public double height() {
    return yMax - yMin;
  }

  /**
   * Height over width of the data rectangle in pixels: for lon/lat, a degree of longitude is
   * cos(central latitude) of a degree of latitude (plate carrée scaled at the centre, as most STILT maps).
   */
  public double pixelAspect() {
    if (!geographic) {
      return height() / width();
    }
    double cosLat = Math.cos(Math.toRadians(0.5 * (yMin + yMax)));
    return height() / (width() * Math.max(cosLat, 0.05));
  }

  /** This extent grown by a fraction of its size on every side (latitudes kept within ±90). */
  public MapExtent padded(double fraction) {
    double dx = width() * fraction;
    double dy = height() * fraction;
    double y0 = yMin - dy;
    double y1 = yMax + dy;
    if (geographic) {
      y0 = Math.max(-90, y0);
      y1 = Math.min(90, y1);
    }
    return new MapExtent(xMin - dx, xMax + dx, y0, y1, geographic);
  }
}
