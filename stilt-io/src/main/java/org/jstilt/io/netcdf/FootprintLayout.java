package org.jstilt.io.netcdf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.GridSpec;

/**
 * The complete content of a footprint NetCDF file, independent of the library that writes it: dimension
 * names and lengths, coordinate values, every attribute. Both writers serialise exactly this, so the JNA
 * and the pure-Java file carry the same names, values and attributes.
 *
 * <p>Attribute values are {@code String}, {@code Double}, {@code Integer} or {@code double[]}.
 */
final class FootprintLayout {
  static final String FOOT = "foot";
  static final String TIME = "time";
  static final String CRS = "crs";
  static final String TIME_UNITS = "seconds since 1970-01-01 00:00:00";
  static final String FOOT_UNITS = "ppm m2 s umol-1";

  /** A one-dimensional coordinate variable that is also a dimension. */
  record Coordinate(String name, double[] values, Map<String, Object> attributes) {}

  final FootprintGrid grid;
  final FootprintPrecision precision;
  /** In dimension order: time, then y (lat), then x (lon). */
  final List<Coordinate> coordinates;
  final Map<String, Object> crsAttributes;
  final Map<String, Object> footAttributes;
  final Map<String, Object> globalAttributes;

  private FootprintLayout(FootprintGrid grid, FootprintMetadata meta) {
    this.grid = grid;
    this.precision = meta.precision();
    GridSpec spec = grid.spec();
    boolean longlat = spec.isLongLat();

    Map<String, Object> time = new LinkedHashMap<>();
    time.put("standard_name", "time");
    time.put("long_name", "utc time");
    time.put("units", TIME_UNITS);
    time.put("calendar", "standard");
    time.put("axis", "T");
    Map<String, Object> y = new LinkedHashMap<>();
    Map<String, Object> x = new LinkedHashMap<>();
    if (longlat) {
      y.put("standard_name", "latitude");
      y.put("long_name", "latitude at cell center");
      y.put("units", "degrees_north");
      x.put("standard_name", "longitude");
      x.put("long_name", "longitude at cell center");
      x.put("units", "degrees_east");
    } else {
      y.put("standard_name", "projection_y_coordinate");
      y.put("long_name", "y coordinate of cell center");
      y.put("units", "m");
      x.put("standard_name", "projection_x_coordinate");
      x.put("long_name", "x coordinate of cell center");
      x.put("units", "m");
    }
    y.put("axis", "Y");
    x.put("axis", "X");
    Instant[] times = grid.times();
    double[] seconds = new double[times.length];
    for (int t = 0; t < times.length; t++) {
      seconds[t] = times[t].getEpochSecond() + times[t].getNano() / 1e9;
    }
    this.coordinates = List.of(
        new Coordinate(TIME, seconds, time),
        new Coordinate(longlat ? "lat" : "y", grid.yCentres(), y),
        new Coordinate(longlat ? "lon" : "x", grid.xCentres(), x));

    this.crsAttributes = Proj4Cf.attributes(spec.projection());

    Map<String, Object> foot = new LinkedHashMap<>();
    foot.put("long_name", "stilt surface influence footprint");
    foot.put("units", FOOT_UNITS);
    foot.put("grid_mapping", CRS);
    this.footAttributes = foot;

    Map<String, Object> g = new LinkedHashMap<>();
    g.put("Conventions", "CF-1.8");
    g.put("title", "STILT footprint");
    g.put("source", meta.source());
    g.put("name", meta.name());
    g.put("receptor", meta.receptorJson());
    g.put("projection", spec.projection());
    g.put("xmin", spec.xmin());
    g.put("xmax", spec.xmax());
    g.put("ymin", spec.ymin());
    g.put("ymax", spec.ymax());
    g.put("xres", spec.xres());
    g.put("yres", spec.yres());
    g.put("smooth_factor", meta.smoothFactor());
    g.put("time_integrate", meta.timeIntegrate() ? 1 : 0);
    g.put("is_empty", grid.emptyReason().isPresent() ? 1 : 0);
    g.put("empty_reason", grid.emptyReason().map(EmptyFootprintReason::label).orElse(""));
    g.put("transforms", meta.transformsJson());
    g.put("time_created", LocalDateTime.ofInstant(meta.timeCreated().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    this.globalAttributes = g;
  }

  static FootprintLayout of(FootprintGrid grid, FootprintMetadata meta) {
    return new FootprintLayout(grid, meta);
  }

  int nt() {
    return grid.nt();
  }

  int ny() {
    return grid.ny();
  }

  int nx() {
    return grid.nx();
  }

  List<String> footDimensions() {
    return coordinates.stream().map(Coordinate::name).toList();
  }
}
