package org.jstilt.cli.met;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jstilt.met.FieldStats;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.ArlGridDefinition;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.projection.ConformalProjection;
import org.jstilt.met.projection.LatLon;
import org.jstilt.met.projection.LatLonProjection;
import org.jstilt.met.projection.MapProjection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stilt met info FILE [--json] [--stats]}: what an ARL file holds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Describe an ARL meteorology file: model, grid, projection, levels and variables, times.",
      "With --stats every record is decoded (checksums verified) and its min, max and mean listed."
    })
public final class MetInfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "ARL packed meteorology file.")
  Path file;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(names = "--stats", description = "Decode every record and report min, max and mean (level 0 = surface).")
  boolean stats;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ArlFile f = ArlFile.open(file)) {
      if (json) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(mapper.writeValueAsString(toJson(mapper, f)));
      } else {
        printText(out, f);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("JSON output failed", e);
    }
    out.flush();
    return 0;
  }

  private ObjectNode toJson(ObjectMapper mapper, ArlFile f) {
    ArlGrid g = f.grid();
    ObjectNode root = mapper.createObjectNode();
    root.put("file", f.path().toString());
    root.put("model", g.model());
    root.put("nx", g.nx());
    root.put("ny", g.ny());
    root.put("nz", g.nz());
    root.put("vertical_coordinate", verticalName(g));
    root.put("vertical_coordinate_flag", g.verticalCoordinate().flag());
    root.set("projection", projectionJson(mapper, f));
    ArrayNode levels = root.putArray("levels");
    for (ArlLevel l : g.levels()) {
      ObjectNode ln = levels.addObject();
      ln.put("index", l.index());
      ln.put("value", l.value());
      ArrayNode vars = ln.putArray("variables");
      l.variables().forEach(vars::add);
    }
    ArrayNode times = root.putArray("times");
    for (Instant t : f.times()) {
      times.add(t.toString());
    }
    if (f.interval().isPresent()) {
      root.put("interval_minutes", f.interval().get().toMinutes());
    } else {
      root.putNull("interval_minutes");
    }
    root.put("record_length_bytes", f.recordLength());
    root.put("records_per_period", f.recordsPerPeriod());
    root.put("size_bytes", f.sizeBytes());
    if (stats) {
      ArrayNode records = root.putArray("records");
      forEachRecord(f, (t, l, v, s) -> {
        ObjectNode r = records.addObject();
        r.put("time", t.toString());
        r.put("level", l);
        r.put("var", v);
        r.put("min", s.min());
        r.put("max", s.max());
        r.put("mean", s.mean());
      });
    }
    return root;
  }

  private static ObjectNode projectionJson(ObjectMapper mapper, ArlFile f) {
    ArlGridDefinition m = f.grid().map();
    MapProjection p = f.projection();
    ObjectNode n = mapper.createObjectNode();
    n.put("type", projectionType(p));
    n.put("pole_lat", m.poleLat());
    n.put("pole_lon", m.poleLon());
    n.put("ref_lat", m.refLat());
    n.put("ref_lon", m.refLon());
    n.put("size_km", m.sizeKm());
    n.put("orient", m.orientDeg());
    n.put("tang_lat", m.tangLat());
    n.put("sync_xp", m.syncXp());
    n.put("sync_yp", m.syncYp());
    n.put("sync_lat", m.syncLat());
    n.put("sync_lon", m.syncLon());
    n.put("dummy", m.dummy());
    if (p instanceof ConformalProjection c) {
      n.put("cone_constant", c.coneConstant());
    } else if (p instanceof LatLonProjection ll) {
      n.put("global", ll.isGlobal());
    }
    ObjectNode corners = n.putObject("corners");
    int nx = f.grid().nx();
    int ny = f.grid().ny();
    putCorner(corners, "lower_left", p.toLatLon(1, 1));
    putCorner(corners, "lower_right", p.toLatLon(nx, 1));
    putCorner(corners, "upper_left", p.toLatLon(1, ny));
    putCorner(corners, "upper_right", p.toLatLon(nx, ny));
    return n;
  }

  private static void putCorner(ObjectNode corners, String name, LatLon ll) {
    ObjectNode c = corners.putObject(name);
    c.put("lat", ll.latDeg());
    c.put("lon", ll.lonDeg());
  }

  private static String projectionType(MapProjection p) {
    if (p instanceof LatLonProjection) {
      return "latlon";
    }
    double g = ((ConformalProjection) p).coneConstant();
    if (Math.abs(g) >= 1.0 - 1e-12) {
      return "polar_stereographic";
    }
    return g == 0.0 ? "mercator" : "lambert_conformal";
  }

  private static String verticalName(ArlGrid g) {
    return g.verticalCoordinate().name().toLowerCase(Locale.ROOT);
  }

  private interface RecordVisitor {
    void visit(Instant time, int level, String variable, FieldStats stats);
  }

  private static void forEachRecord(ArlFile f, RecordVisitor visitor) {
    double[] buf = new double[f.grid().nx() * f.grid().ny()];
    for (int p = 0; p < f.periods().size(); p++) {
      for (ArlLevel l : f.grid().levels()) {
        for (String v : l.variables()) {
          f.read(p, l.index(), v, buf);
          visitor.visit(f.times().get(p), l.index(), v, FieldStats.of(buf));
        }
      }
    }
  }

  private void printText(PrintWriter out, ArlFile f) {
    ArlGrid g = f.grid();
    MapProjection p = f.projection();
    ArlGridDefinition m = g.map();
    out.printf(Locale.ROOT, "File        %s (%,d bytes)%n", f.path(), f.sizeBytes());
    out.printf(Locale.ROOT, "Model       %s%n", g.model());
    out.printf(Locale.ROOT, "Grid        %d x %d points, %d levels (%s), %s packing, %d-byte records, %d per period%n",
        g.nx(), g.ny(), g.nz(), verticalName(g), g.sixteenBit() ? "16-bit" : "8-bit", f.recordLength(), f.recordsPerPeriod());
    String type = projectionType(p).replace('_', ' ');
    if (p instanceof LatLonProjection ll) {
      out.printf(Locale.ROOT, "Projection  %s: %.4f x %.4f degrees%s%n", type, m.refLat(), m.refLon(), ll.isGlobal() ? ", global" : "");
    } else {
      out.printf(Locale.ROOT, "Projection  %s: tangent latitude %.4f, reference %.4f, %.4f; %.3f km at the reference; orientation %.2f%n",
          type, m.tangLat(), m.refLat(), m.refLon(), m.sizeKm(), m.orientDeg());
    }
    LatLon ll1 = p.toLatLon(1, 1);
    LatLon ll2 = p.toLatLon(g.nx(), g.ny());
    out.printf(Locale.ROOT, "Corners     (1,1) %.5f, %.5f   (%d,%d) %.5f, %.5f%n",
        ll1.latDeg(), ll1.lonDeg(), g.nx(), g.ny(), ll2.latDeg(), ll2.lonDeg());
    String every = f.interval().map(d -> " every " + d.toMinutes() + " min").orElse("");
    out.printf(Locale.ROOT, "Times       %d periods, %s to %s%s%n", f.times().size(), f.times().get(0),
        f.times().get(f.times().size() - 1), every);
    out.println("Levels");
    for (ArlLevel l : g.levels()) {
      out.printf(Locale.ROOT, "  %3d %9s  %s%n", l.index(), l.index() == 0 ? "surface" : trim(l.value()), String.join(" ", l.variables()));
    }
    if (stats) {
      out.println();
      out.printf(Locale.ROOT, "%-20s %5s %-4s %15s %15s %15s%n", "time", "level", "var", "min", "max", "mean");
      forEachRecord(f, (t, l, v, s) ->
          out.printf(Locale.ROOT, "%-20s %5d %-4s %15.7g %15.7g %15.7g%n", t, l, v, s.min(), s.max(), s.mean()));
    }
  }

  private static String trim(double v) {
    String s = Double.toString(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
