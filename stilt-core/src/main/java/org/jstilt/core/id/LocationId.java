package org.jstilt.core.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.jstilt.core.text.PyFloat;

/**
 * Where a receptor releases, as PYSTILT's {@code LocationID} string:
 * <ul>
 *   <li>point: {@code {lon}_{lat}_{alt}}, e.g. {@code -111.85_40.77_5};
 *   <li>column: {@code {lon}_{lat}_X};
 *   <li>multipoint: {@code multi_} + the first 10 hex digits of a SHA-256 over the sorted, rounded points.
 * </ul>
 * Coordinates are written by {@link PyFloat#formatCoordinate} (whole numbers as integers, others as Python
 * {@code str(float)}). The multipoint hash (PYSTILT.md §4.1) is order-independent: the (lon, lat, alt)
 * triples are sorted ascending (numeric tuple order, stable, {@code -0.0 == 0.0} as in Python), each
 * becomes {@code [round(lon, 5), round(lat, 5), int(alt)]} (Python's half-even {@code round} of the exact
 * binary value; {@code int} truncates toward zero), the list is written as compact JSON
 * ({@code [[-112.0,40.5,0],[-111.5,41.0,500]]}) and hashed as UTF-8.
 *
 * @param value the canonical text
 */
public record LocationId(String value) {
  private static final Pattern MULTI = Pattern.compile("multi_[0-9a-f]{10}");

  /** Validates as PYSTILT does: {@code multi_<10 hex>}, or three {@code _} parts: float, float, float or {@code X}. */
  public LocationId {
    if (value == null || !isValid(value)) {
      throw new StiltException(ErrorCode.INPUT, "location id '" + value
          + "' must be 'lon_lat_alt', 'lon_lat_X' or 'multi_<10 hex digits>', e.g. -111.85_40.77_5");
    }
  }

  public static LocationId parse(String text) {
    return new LocationId(text);
  }

  static boolean isValid(String value) {
    if (MULTI.matcher(value).matches()) {
      return true;
    }
    String[] parts = value.split("_", -1);
    if (parts.length != 3) {
      return false;
    }
    return PyFloat.isFloat(parts[0]) && PyFloat.isFloat(parts[1])
        && (parts[2].equals("X") || PyFloat.isFloat(parts[2]));
  }

  /** True for the {@code multi_<hash>} form. */
  public boolean isMultipoint() {
    return value.startsWith("multi_");
  }

  /** The location id of a receptor (PYSTILT {@code Receptor.location_id}). */
  public static LocationId of(Receptor receptor) {
    if (receptor instanceof PointReceptor p) {
      return new LocationId(PyFloat.formatCoordinate(p.lonDeg()) + "_" + PyFloat.formatCoordinate(p.latDeg())
          + "_" + PyFloat.formatCoordinate(p.altitudeM()));
    }
    if (receptor instanceof ColumnReceptor c) {
      return new LocationId(PyFloat.formatCoordinate(c.lonDeg()) + "_" + PyFloat.formatCoordinate(c.latDeg()) + "_X");
    }
    MultiPointReceptor m = (MultiPointReceptor) receptor;
    return new LocationId("multi_" + sha256Hex(multipointCanonicalJson(m.points())).substring(0, 10));
  }

  /** Python compares floats numerically, so -0.0 and 0.0 tie (and keep their order: the sort is stable). */
  private static final Comparator<ReleasePoint> TUPLE_ORDER = (a, b) -> {
    int c = numeric(a.lonDeg(), b.lonDeg());
    if (c == 0) {
      c = numeric(a.latDeg(), b.latDeg());
    }
    return c != 0 ? c : numeric(a.altitudeM(), b.altitudeM());
  };

  private static int numeric(double x, double y) {
    return x < y ? -1 : (x > y ? 1 : 0);
  }

  /** The text PYSTILT hashes for a multipoint receptor (exposed for tests and golden files). */
  public static String multipointCanonicalJson(List<ReleasePoint> points) {
    List<ReleasePoint> sorted = new ArrayList<>(points);
    sorted.sort(TUPLE_ORDER);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < sorted.size(); i++) {
      ReleasePoint p = sorted.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[').append(PyFloat.repr(PyFloat.round(p.lonDeg(), 5))).append(',')
          .append(PyFloat.repr(PyFloat.round(p.latDeg(), 5))).append(',')
          .append(PyFloat.integerText(p.altitudeM())).append(']');
    }
    return sb.append(']').toString();
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
