package org.jstilt.io.netcdf;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.io.InputFileException;

/**
 * Reads a footprint NetCDF-4 file: JSTILT's and PYSTILT's {@code (time, lat|y, lon|x)} layout, and
 * R-STILT's {@code write_footprint} output, which stores {@code foot} in the same order.
 *
 * <p>Pure Java (jhdf reads the HDF5 container of NetCDF-4), so it works whether or not libnetcdf is
 * installed; classic NetCDF-3 files are not supported. The grid is rebuilt from the global attributes
 * {@code xmin .. yres} and {@code projection} when present (JSTILT, PYSTILT) and otherwise from the cell
 * centres and R-STILT's global {@code crs} attribute.
 */
public final class FootprintNetcdfReader {
  private static final Pattern TIME_UNITS =
      Pattern.compile("\\s*(seconds?|minutes?|hours?|days?)\\s+since\\s+(\\d{4}-\\d{1,2}-\\d{1,2})(?:[ T](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?))?\\s*(Z|UTC|[+-]00:?00)?\\s*",
          Pattern.CASE_INSENSITIVE);

  private FootprintNetcdfReader() {}

  public static FootprintFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputFileException(file, "file not found");
    }
    try (HdfFile h = new HdfFile(file)) {
      return read(file, h);
    } catch (StiltException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InputFileException(file, 0, "not a readable NetCDF-4 footprint file (" + e.getMessage() + ")", e);
    }
  }

  private static FootprintFile read(Path file, HdfFile h) {
    Map<String, Node> children = h.getChildren();
    boolean longlat = children.containsKey("lat") && children.containsKey("lon");
    boolean projected = !longlat && children.containsKey("x") && children.containsKey("y");
    if (!longlat && !projected) {
      throw new InputFileException(file, "no lat/lon or y/x coordinate variables; is this a footprint file?");
    }
    if (!(children.get(FootprintLayout.FOOT) instanceof Dataset foot)) {
      throw new InputFileException(file, "no 'foot' variable; is this a footprint file?");
    }
    if (!(children.get(FootprintLayout.TIME) instanceof Dataset timeVar)) {
      throw new InputFileException(file, "no 'time' coordinate variable");
    }
    double[] x = doubles(dataset(file, children, longlat ? "lon" : "x").getData());
    double[] y = doubles(dataset(file, children, longlat ? "lat" : "y").getData());
    double[] timeValues = doubles(timeVar.getData());
    String units = textAttribute(timeVar, "units");
    Instant[] times = new Instant[timeValues.length];
    for (int t = 0; t < times.length; t++) {
      times[t] = toInstant(file, timeValues[t], units);
    }

    int[] shape = foot.getDimensions();
    if (shape.length != 3 || shape[0] != times.length || shape[1] != y.length || shape[2] != x.length) {
      throw new InputFileException(file, "foot has shape " + java.util.Arrays.toString(shape) + " but (time, "
          + (longlat ? "lat, lon" : "y, x") + ") = (" + times.length + ", " + y.length + ", " + x.length + ")");
    }
    boolean float64 = foot.getJavaType() == double.class;
    double[][] layers = new double[times.length][y.length * x.length];
    if (layers.length > 0 && x.length > 0 && y.length > 0) {
      Object data = foot.getData();
      for (int t = 0; t < times.length; t++) {
        for (int j = 0; j < y.length; j++) {
          Object row = Array.get(Array.get(data, t), j);
          for (int i = 0; i < x.length; i++) {
            layers[t][j * x.length + i] = Array.getDouble(row, i);
          }
        }
      }
    }

    Map<String, Object> globals = new LinkedHashMap<>();
    for (Map.Entry<String, Attribute> e : h.getAttributes().entrySet()) {
      Object v = attributeValue(e.getValue());
      if (v != null) {
        globals.put(e.getKey(), v);
      }
    }
    GridSpec spec = gridSpec(globals, x, y, longlat);
    EmptyFootprintReason reason = null;
    if (globals.get("empty_reason") instanceof String s) {
      for (EmptyFootprintReason r : EmptyFootprintReason.values()) {
        if (r.label().equals(s)) {
          reason = r;
        }
      }
    }
    return new FootprintFile(new FootprintGrid(spec, x, y, times, layers, reason), globals, float64);
  }

  private static Dataset dataset(Path file, Map<String, Node> children, String name) {
    if (children.get(name) instanceof Dataset d) {
      return d;
    }
    throw new InputFileException(file, "'" + name + "' is not a variable");
  }

  private static GridSpec gridSpec(Map<String, Object> g, double[] x, double[] y, boolean longlat) {
    String projection = g.get("projection") instanceof String p ? p
        : g.get("crs") instanceof String c ? c : GridSpec.LONGLAT;
    if (g.get("xmin") instanceof Number && g.get("yres") instanceof Number) {
      return new GridSpec(num(g, "xmin"), num(g, "xmax"), num(g, "ymin"), num(g, "ymax"), num(g, "xres"), num(g, "yres"), projection);
    }
    // R-STILT writes no bounds: rebuild them from the centres (exact up to rounding of the centres).
    double xres = x.length > 1 ? (x[x.length - 1] - x[0]) / (x.length - 1) : Double.NaN;
    double yres = y.length > 1 ? (y[y.length - 1] - y[0]) / (y.length - 1) : Double.NaN;
    double xmin = x.length > 0 ? x[0] - xres / 2 : Double.NaN;
    double xmax = x.length > 0 ? x[x.length - 1] + xres / 2 : Double.NaN;
    double ymin = y.length > 0 ? y[0] - yres / 2 : Double.NaN;
    double ymax = y.length > 0 ? y[y.length - 1] + yres / 2 : Double.NaN;
    if (longlat && xmax > 180) {
      xmax -= 360; // R's wrapped frame: the user's bounds cross the antimeridian.
    }
    return new GridSpec(xmin, xmax, ymin, ymax, xres, yres, projection);
  }

  private static double num(Map<String, Object> g, String key) {
    return ((Number) g.get(key)).doubleValue();
  }

  static Instant toInstant(Path file, double value, String units) {
    Matcher m = TIME_UNITS.matcher(units == null ? "" : units);
    if (!m.matches()) {
      throw new InputFileException(file, "time units '" + units + "' are not '<seconds|minutes|hours|days> since <date>'");
    }
    LocalDate date = LocalDate.parse(normaliseDate(m.group(2)));
    LocalDateTime base = m.group(3) == null ? date.atStartOfDay() : date.atTime(java.time.LocalTime.parse(padTime(m.group(3))));
    double seconds = switch (m.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("s$", "")) {
      case "second" -> value;
      case "minute" -> value * 60;
      case "hour" -> value * 3600;
      default -> value * 86400;
    };
    long whole = (long) Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1e9);
    return base.toInstant(ZoneOffset.UTC).plusSeconds(whole).plusNanos(nanos);
  }

  private static String normaliseDate(String d) {
    String[] p = d.split("-");
    return String.format(java.util.Locale.ROOT, "%s-%02d-%02d", p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]));
  }

  private static String padTime(String t) {
    String[] p = t.split(":", 2);
    return (p[0].length() == 1 ? "0" : "") + t;
  }

  private static String textAttribute(Node node, String name) {
    Attribute a = node.getAttribute(name);
    return a == null ? null : String.valueOf(attributeValue(a));
  }

  /** Attribute data as String, Double, Long or a primitive array; null for types we do not read. */
  private static Object attributeValue(Attribute a) {
    Object d;
    try {
      d = a.getData();
    } catch (RuntimeException e) {
      return null; // e.g. netCDF-C's internal reference attributes
    }
    if (d == null) {
      return null;
    }
    if (d instanceof String s) {
      return s;
    }
    if (d instanceof String[] s && s.length == 1) {
      return s[0];
    }
    if (d instanceof Number n) {
      return n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
    }
    if (d.getClass().isArray() && Array.getLength(d) == 1 && Array.get(d, 0) instanceof Number n) {
      return n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
    }
    if (d instanceof double[] || d instanceof long[]) {
      return d;
    }
    if (d instanceof float[] || d instanceof int[] || d instanceof short[] || d instanceof byte[]) {
      return doubles(d);
    }
    return null;
  }

  private static double[] doubles(Object array) {
    if (array == null) {
      return new double[0]; // a zero-length dimension
    }
    int n = Array.getLength(array);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Array.getDouble(array, i);
    }
    return out;
  }
}
