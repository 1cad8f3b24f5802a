package org.jstilt.runtime.plot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Coastlines, country borders, state/province borders and large lakes as lon/lat polylines.
 *
 * <p>{@link #naturalEarth50m()} is the shipped Natural Earth 1:50m set (public domain; see
 * {@code basemap-50m.NOTICE.txt} beside the resource for its source and processing). {@link #read} takes
 * any GeoJSON FeatureCollection of LineStrings, MultiLineStrings or polygons whose features carry a
 * {@code kind} property ({@code coastline}, {@code border}, {@code state}, {@code lake}); features of
 * another kind are skipped. Read with Jackson's streaming parser: the shipped set has about 92 000 points.
 */
public final class BaseMap {
  static final String RESOURCE = "basemap-50m.geojson.gz";
  /** Reads coordinate arrays as trees; thread-safe once configured. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a line is; decides how it is drawn. */
  public enum Kind {
    COASTLINE,
    BORDER,
    STATE,
    LAKE
  }

  /**
   * One polyline with its bounding box.
   *
   * @param lonDeg longitudes, degrees east in [-180, 180]
   * @param latDeg latitudes, degrees north, same length as {@code lonDeg}
   */
  public record Line(Kind kind, double[] lonDeg, double[] latDeg, double lonMinDeg, double lonMaxDeg,
      double latMinDeg, double latMaxDeg) {
    static Line of(Kind kind, double[] lon, double[] lat) {
      double x0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < lon.length; i++) {
        x0 = Math.min(x0, lon[i]);
        x1 = Math.max(x1, lon[i]);
        y0 = Math.min(y0, lat[i]);
        y1 = Math.max(y1, lat[i]);
      }
      return new Line(kind, lon, lat, x0, x1, y0, y1);
    }

    /** True when the bounding box meets the box given (edges included). */
    boolean meets(double lonMin, double lonMax, double latMin, double latMax) {
      return lonMaxDeg >= lonMin && lonMinDeg <= lonMax && latMaxDeg >= latMin && latMinDeg <= latMax;
    }
  }

  private final List<Line> lines;

  private BaseMap(List<Line> lines) {
    this.lines = Collections.unmodifiableList(lines);
  }

  /** The shipped Natural Earth 1:50m base map, read once per JVM (it is immutable). */
  public static BaseMap naturalEarth50m() {
    return Shipped.INSTANCE;
  }

  /** Lazy holder: the resource is parsed on first use only, by whichever thread gets there first. */
  private static final class Shipped {
    static final BaseMap INSTANCE = load();

    private static BaseMap load() {
      try (InputStream raw = BaseMap.class.getResourceAsStream(RESOURCE)) {
        if (raw == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the stilt-runtime jar");
        }
        return read(new GZIPInputStream(raw, 1 << 16));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the base-map resource " + RESOURCE, e);
      }
    }
  }

  public List<Line> lines() {
    return lines;
  }

  /** The lines whose bounding boxes meet the lon/lat box given (longitudes in [-180, 180]). */
  public List<Line> within(double lonMinDeg, double lonMaxDeg, double latMinDeg, double latMaxDeg) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.meets(lonMinDeg, lonMaxDeg, latMinDeg, latMaxDeg)) {
        out.add(l);
      }
    }
    return out;
  }

  /** Reads a GeoJSON FeatureCollection (see the class comment); does not close the stream. */
  public static BaseMap read(InputStream geojson) throws IOException {
    List<Line> lines = new ArrayList<>();
    try (JsonParser p = MAPPER.getFactory().createParser(geojson)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      expect(p.nextToken(), JsonToken.START_OBJECT, p);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("features")) {
          expect(p.currentToken(), JsonToken.START_ARRAY, p);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            readFeature(p, lines);
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return new BaseMap(lines);
  }

  /** One feature; its geometry may come before or after its properties. */
  private static void readFeature(JsonParser p, List<Line> out) throws IOException {
    Kind kind = null;
    List<double[][]> parts = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("properties") && p.currentToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (name.equals("kind") && p.currentToken() == JsonToken.VALUE_STRING) {
            kind = kindOf(p.getText());
          } else {
            p.skipChildren();
          }
        }
      } else if (field.equals("geometry") && p.currentToken() == JsonToken.START_OBJECT) {
        parts = readGeometry(p);
      } else {
        p.skipChildren();
      }
    }
    if (kind != null) {
      for (double[][] part : parts) {
        if (part[0].length >= 2) {
          out.add(Line.of(kind, part[0], part[1]));
        }
      }
    }
  }

  private static Kind kindOf(String text) {
    for (Kind k : Kind.values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(text)) {
        return k;
      }
    }
    return null;
  }

  /** The polylines of a geometry as {lon[], lat[]} pairs: a LineString is one, polygons give their rings. */
  private static List<double[][]> readGeometry(JsonParser p) throws IOException {
    List<double[][]> parts = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("coordinates")) {
        collectPolylines(MAPPER.readTree(p), parts);
      } else {
        p.skipChildren();
      }
    }
    return parts;
  }

  /**
   * Walks nested coordinate arrays of any depth: an array whose first element is a position
   * ({@code [x, y]}) is one polyline. Covers LineString, MultiLineString, Polygon and MultiPolygon.
   */
  private static void collectPolylines(JsonNode node, List<double[][]> out) {
    if (!node.isArray() || node.isEmpty()) {
      return;
    }
    JsonNode first = node.get(0);
    if (first.isArray() && !first.isEmpty() && first.get(0).isNumber()) {
      double[] lon = new double[node.size()];
      double[] lat = new double[node.size()];
      for (int i = 0; i < lon.length; i++) {
        lon[i] = node.get(i).get(0).asDouble();
        lat[i] = node.get(i).get(1).asDouble();
      }
      out.add(new double[][] {lon, lat});
    } else {
      for (JsonNode child : node) {
        collectPolylines(child, out);
      }
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, JsonParser p) throws IOException {
    if (actual != expected) {
      throw new IOException("base map GeoJSON: expected " + expected + " but found " + actual + " at "
          + p.currentLocation());
    }
  }

  @Override
  public String toString() {
    return "BaseMap[" + lines.size() + " lines]";
  }
}
