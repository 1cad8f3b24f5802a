package org.jstilt.met.subset;

/**
 * A latitude-longitude box. {@code westDeg > eastDeg} means the box crosses the antimeridian.
 */
public record BoundingBox(double westDeg, double southDeg, double eastDeg, double northDeg) {
  public BoundingBox {
    if (!Double.isFinite(westDeg) || !Double.isFinite(eastDeg) || !Double.isFinite(southDeg) || !Double.isFinite(northDeg)) {
      throw new IllegalArgumentException("box bounds must be finite numbers");
    }
    if (southDeg < -90 || northDeg > 90 || !(southDeg < northDeg)) {
      throw new IllegalArgumentException(
          "box needs -90 <= south < north <= 90, got south=" + southDeg + " north=" + northDeg);
    }
    if (westDeg == eastDeg) {
      throw new IllegalArgumentException("box west and east are equal (" + westDeg + "): it has no width");
    }
  }

  /** Parses {@code "W,S,E,N"} in degrees. */
  public static BoundingBox parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("box must be W,S,E,N (4 numbers in degrees), got '" + text + "'");
    }
    double[] v = new double[4];
    for (int k = 0; k < 4; k++) {
      try {
        v[k] = Double.parseDouble(parts[k].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("box must be W,S,E,N in degrees; '" + parts[k].trim() + "' is not a number");
      }
    }
    return new BoundingBox(v[0], v[1], v[2], v[3]);
  }

  /** East-west extent in degrees, (0, 360]. */
  public double widthDeg() {
    double w = (eastDeg - westDeg) % 360.0;
    return w <= 0 ? w + 360.0 : w;
  }

  /** The box grown by {@code bufferDeg} on every side (latitudes clamped to ±90). */
  public BoundingBox buffered(double bufferDeg) {
    if (bufferDeg < 0) {
      throw new IllegalArgumentException("buffer must be >= 0, got " + bufferDeg);
    }
    return new BoundingBox(westDeg - bufferDeg, Math.max(-90, southDeg - bufferDeg), eastDeg + bufferDeg,
        Math.min(90, northDeg + bufferDeg));
  }

  @Override
  public String toString() {
    return westDeg + "," + southDeg + "," + eastDeg + "," + northDeg;
  }
}
