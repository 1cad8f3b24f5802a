package org.jstilt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.io.netcdf.FootprintFile;
import org.jstilt.io.netcdf.FootprintNetcdfReader;
import org.jstilt.io.particles.ParticleFormat;
import org.jstilt.runtime.plot.BaseMap;
import org.jstilt.runtime.plot.ColourScale;
import org.jstilt.runtime.plot.FootprintMap;
import org.jstilt.runtime.plot.MapExtent;
import org.jstilt.runtime.plot.MapOptions;
import org.jstilt.runtime.plot.ReceptorMarks;
import org.jstilt.runtime.plot.RenderedMap;
import org.jstilt.runtime.plot.TrajectoryMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stilt plot}: a footprint NetCDF file or a particle table as a PNG map. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Draw a footprint or particle trajectories as a PNG map.",
      "",
      "A footprint (NetCDF) is drawn on a log colour scale with a colour bar,",
      "summed over time (or one map per layer with --per-time), over Natural",
      "Earth coastlines and borders, with the receptor marked. With",
      "--trajectories, particle paths from a trajectory Parquet, particle CSV",
      "or PARTICLE_STILT.DAT file are drawn, coloured by hours before release",
      "or by height.",
      "",
      "Examples:",
      "  stilt plot foot.nc --out foot.png",
      "  stilt plot foot.nc --out foot.png --per-time --decades 3 --crop",
      "  stilt plot --trajectories traj.parquet --out traj.png --colour-by height",
      ""
    })
final class PlotCommand implements Callable<Integer> {
  private static final DateTimeFormatter LAYER_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FOOT.nc", description = "Footprint NetCDF file to draw.")
  Path footprint;

  @Option(names = "--trajectories", paramLabel = "FILE",
      description = "Draw particle paths from this trajectory Parquet, particle CSV(.gz) or PARTICLE_STILT.DAT file instead.")
  Path trajectories;

  @Option(names = {"--out", "-o"}, required = true, paramLabel = "PNG", description = "PNG file to write.")
  Path out;

  @Option(names = "--per-time",
      description = "One PNG per time layer (OUT_yyyyMMddHHmm.png) on one shared colour scale, instead of the sum.")
  boolean perTime;

  @Option(names = "--decades", defaultValue = "4", paramLabel = "N",
      description = "Colour-scale span below the maximum, in powers of ten (default: ${DEFAULT-VALUE}).")
  double decades;

  @Option(names = "--vmin", paramLabel = "V", description = "Lower end of the colour scale (smaller values are not drawn).")
  Double vmin;

  @Option(names = "--vmax", paramLabel = "V", description = "Upper end of the colour scale (default: the largest value).")
  Double vmax;

  @Option(names = "--extent", paramLabel = "XMIN,XMAX,YMIN,YMAX",
      description = "Box to show, degrees (default: the footprint grid, or the particles' box).")
  String extentText;

  /** --extent as numbers (null when not given). */
  private List<Double> extent;

  @Option(names = "--crop", description = "Show only the coloured cells and a margin around them, not the whole grid.")
  boolean crop;

  @Option(names = "--receptor", paramLabel = "LON,LAT",
      description = "Receptor to mark (default: from the file's receptor metadata, when it has one).")
  String receptorText;

  /** --receptor as numbers (null when not given). */
  private List<Double> receptor;

  @Option(names = "--width", defaultValue = "1000", paramLabel = "PX", description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
  int widthPx;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title (default: made from the data).")
  String title;

  @Option(names = "--no-basemap", description = "Leave out coastlines and borders.")
  boolean noBaseMap;

  @Option(names = "--colour-by", defaultValue = "time", paramLabel = "time|height",
      description = "Trajectories: colour by hours before release or by height above ground (default: ${DEFAULT-VALUE}).")
  String colourBy;

  @Option(names = "--max-particles", defaultValue = "" + TrajectoryMap.DEFAULT_MAX_PARTICLES, paramLabel = "N",
      description = "Trajectories: draw at most N particles, chosen evenly (default: ${DEFAULT-VALUE}).")
  int maxParticles;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Path input = checkArguments();
    MapOptions options = options();
    try {
      if (trajectories != null) {
        plotTrajectories(stdout, options);
      } else {
        plotFootprint(stdout, input, options);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    return 0;
  }

  private void plotFootprint(PrintWriter stdout, Path input, MapOptions base) {
    rejectParticleTable(input);
    FootprintFile file = FootprintNetcdfReader.read(input);
    FootprintGrid grid = file.footprint();
    if (grid.nx() == 0 || grid.ny() == 0 || grid.nt() == 0) {
      throw new StiltException(ErrorCode.INPUT, input + ": the footprint has no cells or no time layers ("
          + grid.nt() + " x " + grid.ny() + " x " + grid.nx() + "); nothing to draw.");
    }
    MapOptions options = receptor != null ? base : base.withReceptors(ReceptorMarks.fromJson(file.text("receptor").orElse(null)));
    if (extent != null && !grid.spec().isLongLat()) {
      throw usage("--extent is in degrees, but " + input + " is on a projected grid (" + grid.spec().projection()
          + ") drawn in metres; use --crop to zoom on the footprint instead");
    }
    double[] sum = FootprintMap.values(grid, FootprintMap.SUM);
    if (!perTime) {
      Optional<ColourScale> scale = FootprintMap.autoScale(sum, vmin, vmax, decades);
      options = cropped(grid, sum, scale, options);
      RenderedMap map = FootprintMap.render(grid, FootprintMap.SUM, scale.orElse(null), options);
      map.writePng(out);
      stdout.printf("Wrote %s (%d x %d px): %s%n", out, map.image().getWidth(), map.image().getHeight(),
          describe(grid, scale));
      return;
    }
    // One scale for every layer, from the largest cell of any layer, so the pictures compare.
    double[] all = new double[grid.nt() * grid.nx() * grid.ny()];
    for (int t = 0; t < grid.nt(); t++) {
      System.arraycopy(grid.layer(t), 0, all, t * grid.nx() * grid.ny(), grid.nx() * grid.ny());
    }
    Optional<ColourScale> scale = FootprintMap.autoScale(all, vmin, vmax, decades);
    options = cropped(grid, sum, scale, options); // one box for all layers: the sum covers each of them
    List<Path> written = new ArrayList<>();
    for (int t = 0; t < grid.nt(); t++) {
      Path p = layerPath(out, grid.times()[t]);
      FootprintMap.render(grid, t, scale.orElse(null), options).writePng(p);
      written.add(p);
    }
    stdout.printf("Wrote %d PNG file(s), one per time layer, %s .. %s: %s%n", written.size(), written.get(0).getFileName(),
        written.get(written.size() - 1).getFileName(), describe(grid, scale));
  }

  private MapOptions cropped(FootprintGrid grid, double[] sum, Optional<ColourScale> scale, MapOptions options) {
    if (!crop || scale.isEmpty()) {
      return options;
    }
    return FootprintMap.colouredExtent(grid, sum, scale.get()).map(options::withExtent).orElse(options);
  }

  private void plotTrajectories(PrintWriter stdout, MapOptions base) {
    TrajectoryMap.ColourBy by = switch (colourBy.toLowerCase(Locale.ROOT)) {
      case "time" -> TrajectoryMap.ColourBy.TIME;
      case "height", "zagl" -> TrajectoryMap.ColourBy.HEIGHT;
      default -> throw usage("--colour-by must be 'time' or 'height', was '" + colourBy + "'");
    };
    ParticleInput.Loaded loaded = ParticleInput.read(trajectories, TrajectoryMap.requiredColumns(by), ParticleInput.R_STILT_VARSIWANT);
    MapOptions options = receptor != null ? base : base.withReceptors(ReceptorMarks.fromJson(loaded.receptorJson()));
    RenderedMap map = TrajectoryMap.render(loaded.particles(), by, maxParticles, options);
    map.writePng(out);
    stdout.printf("Wrote %s (%d x %d px): %d particle rows from %s%n", out, map.image().getWidth(), map.image().getHeight(),
        loaded.particles().size(), trajectories);
  }

  private MapOptions options() {
    MapOptions o = MapOptions.defaults().withWidthPx(widthPx).withTitle(title);
    if (noBaseMap) {
      o = o.withBaseMap(null);
    } else {
      o = o.withBaseMap(BaseMap.naturalEarth50m());
    }
    if (extent != null) {
      o = o.withExtent(MapExtent.lonLat(extent.get(0), extent.get(1), extent.get(2), extent.get(3)));
    }
    if (receptor != null) {
      o = o.withReceptors(List.of(new double[] {receptor.get(0), receptor.get(1)}));
    }
    return o;
  }

  /** Checks the combination of arguments; returns the footprint file (null for trajectories). */
  private Path checkArguments() {
    extent = numbers("--extent", extentText);
    receptor = numbers("--receptor", receptorText);
    if ((footprint == null) == (trajectories == null)) {
      throw usage("give either a footprint file (stilt plot FOOT.nc --out foot.png) or --trajectories FILE, "
          + (footprint == null ? "not neither" : "not both"));
    }
    Path input = footprint != null ? footprint : trajectories;
    if (!Files.isRegularFile(input)) {
      throw new StiltException(ErrorCode.INPUT, input + ": file not found.");
    }
    if ((perTime || crop) && trajectories != null) {
      throw usage((perTime ? "--per-time" : "--crop") + " applies to footprints, not to --trajectories");
    }
    if (crop && extent != null) {
      throw usage("--crop and --extent both choose the box shown; give one");
    }
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw usage("--out " + out + " must name a .png file");
    }
    if (Files.isDirectory(out)) {
      throw usage("--out " + out + " is a directory; give a file name");
    }
    if (out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
      throw usage("--out " + out + " is the input file itself; choose another name");
    }
    if (!(decades > 0) || decades > 30) {
      throw usage("--decades must be between 0 and 30, was " + decades);
    }
    if (vmin != null && !(vmin > 0)) {
      throw usage("--vmin must be positive (the colour scale is logarithmic), was " + vmin);
    }
    if (vmax != null && !(vmax > 0)) {
      throw usage("--vmax must be positive, was " + vmax);
    }
    if (vmin != null && vmax != null && !(vmin < vmax)) {
      throw usage("--vmin (" + vmin + ") must be less than --vmax (" + vmax + ")");
    }
    if (widthPx < 300 || widthPx > 10_000) {
      throw usage("--width must be 300 .. 10000 pixels, was " + widthPx);
    }
    if (extent != null) {
      if (extent.size() != 4) {
        throw usage("--extent needs four numbers XMIN,XMAX,YMIN,YMAX, got " + extent.size());
      }
      if (!(extent.get(0) < extent.get(1)) || !(extent.get(2) < extent.get(3))
          || extent.get(2) < -90 || extent.get(3) > 90) {
        throw usage("--extent " + extent + " must have XMIN < XMAX and -90 <= YMIN < YMAX <= 90 (degrees)");
      }
    }
    if (receptor != null && (receptor.size() != 2 || Math.abs(receptor.get(1)) > 90)) {
      throw usage("--receptor needs LON,LAT in degrees, e.g. --receptor -111.85,40.77");
    }
    if (maxParticles < 1) {
      throw usage("--max-particles must be at least 1, was " + maxParticles);
    }
    return input;
  }

  /** A particle table given where a footprint belongs gets a pointer to --trajectories, not a NetCDF error. */
  private static void rejectParticleTable(Path input) {
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(input)) {
      head = in.readNBytes(8);
    } catch (java.io.IOException e) {
      return; // the NetCDF reader reports unreadable files
    }
    boolean hdf5 = head.length == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F';
    if (hdf5) {
      return;
    }
    ParticleFormat format;
    try {
      format = ParticleFormat.detect(input);
    } catch (StiltException e) {
      return; // neither: the NetCDF reader says what is wrong
    }
    throw usage(input + " is a particle table (" + format.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + "), not a footprint; to draw its particle paths use: stilt plot --trajectories " + input + " --out "
        + "traj.png");
  }

  /** A comma-separated list of numbers, or null when the option was not given. */
  private static List<Double> numbers(String option, String text) {
    if (text == null) {
      return null;
    }
    List<Double> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      try {
        double v = Double.parseDouble(part.trim());
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        out.add(v);
      } catch (NumberFormatException e) {
        throw usage(option + " '" + text + "': '" + part.trim() + "' is not a number");
      }
    }
    return out;
  }

  private static Path layerPath(Path png, java.time.Instant time) {
    String name = png.getFileName().toString();
    String stem = name.substring(0, name.length() - ".png".length());
    return png.resolveSibling(stem + "_" + LAYER_SUFFIX.format(time) + ".png");
  }

  private static String describe(FootprintGrid grid, Optional<ColourScale> scale) {
    return scale.map(s -> String.format(Locale.ROOT, "%d layer(s) of %d x %d cells, colours %.3g .. %.3g (log10)",
            grid.nt(), grid.ny(), grid.nx(), s.min(), s.max()))
        .orElse("the footprint is empty (all zero); the map shows the domain only");
  }

  private static StiltException usage(String message) {
    return new StiltException(ErrorCode.INPUT, message + ".");
  }
}
