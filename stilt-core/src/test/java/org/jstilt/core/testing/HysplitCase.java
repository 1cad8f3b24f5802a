package org.jstilt.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jstilt.core.config.HysplitParameter;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.text.PyJson;

/**
 * One whole-run reference case of {@code ../shared/reference/hysplit/<name>/} (R-STILT + hycs_std), read from
 * its {@code case.json}: the receptor, the parameters R-STILT ran with (run_stilt.r defaults plus what the case
 * sets), and the footprint grid. For tests only.
 *
 * @param name the case directory name
 * @param dir the case directory
 * @param receptor point ({@code altitude}) or column ({@code bottom}, {@code top}) receptor, AGL
 * @param params R-STILT's parameters for the case ({@code maxpar} follows {@code numpar})
 * @param grid the footprint grid
 * @param smoothFactor the footprint smoothing factor
 * @param timeIntegrate whether the reference footprint is time-integrated
 */
public record HysplitCase(String name, Path dir, Receptor receptor, StiltParams params, GridSpec grid,
    double smoothFactor, boolean timeIntegrate) {

  /** The case directory names, sorted. */
  public static List<String> names() {
    try (Stream<Path> s = Files.list(SharedData.reference().resolve("hysplit"))) {
      return s.filter(p -> Files.isRegularFile(p.resolve("case.json"))).map(p -> p.getFileName().toString())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one case. */
  @SuppressWarnings("unchecked")
  public static HysplitCase load(String name) {
    Path dir = SharedData.reference().resolve("hysplit").resolve(name);
    Map<String, Object> c;
    try {
      c = (Map<String, Object>) PyJson.loads(Files.readString(dir.resolve("case.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> r = (Map<String, Object>) c.get("receptor");
    Instant time = Instant.parse((String) r.get("time"));
    double lon = num(r.get("longitude"));
    double lat = num(r.get("latitude"));
    Receptor receptor = r.containsKey("altitude")
        ? new PointReceptor(time, lon, lat, num(r.get("altitude")), AltitudeReference.AGL)
        : new ColumnReceptor(time, lon, lat, num(r.get("bottom")), num(r.get("top")), AltitudeReference.AGL);
    StiltParams.Builder b = StiltParams.builder()
        .set(HysplitParameter.N_HOURS, (int) num(c.get("n_hours")))
        .set(HysplitParameter.NUMPAR, (int) num(c.get("numpar")))
        .set(HysplitParameter.VARSIWANT, new ArrayList<>((List<String>) c.get("varsiwant")))
        .set(HysplitParameter.KMIX0, (int) num(c.get("kmix0")))
        .set(HysplitParameter.KRAND, (int) num(c.get("krand")))
        .set(HysplitParameter.HNF_PLUME, c.get("hnf_plume"));
    if (c.containsKey("seed")) {
      b.set(HysplitParameter.SEED, (int) num(c.get("seed")));
    }
    if (c.containsKey("nturb")) {
      b.set(HysplitParameter.NTURB, (int) num(c.get("nturb")));
    }
    Map<String, Object> f = (Map<String, Object>) c.get("footprint");
    GridSpec grid = new GridSpec(num(f.get("xmin")), num(f.get("xmax")), num(f.get("ymin")), num(f.get("ymax")),
        num(f.get("xres")), num(f.get("yres")), GridSpec.LONGLAT);
    return new HysplitCase(name, dir, receptor, b.build(), grid, num(f.get("smooth_factor")),
        (Boolean) f.get("time_integrate"));
  }

  /** The met file names the reference CONTROL lists, in order. */
  public List<String> controlMetFiles() {
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve("CONTROL"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).equals("{MET_DIR}/ ")) {
        names.add(lines.get(i + 1));
      }
    }
    return names;
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }
}
