package org.jstilt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.io.netcdf.FootprintFile;
import org.jstilt.io.netcdf.FootprintNetcdfReader;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryMetadata;
import org.jstilt.io.parquet.TrajectoryTable;
import org.jstilt.runtime.plot.BaseMap;
import org.jstilt.runtime.plot.ColourScale;
import org.jstilt.runtime.plot.FootprintMap;
import org.jstilt.runtime.plot.MapOptions;
import org.jstilt.runtime.plot.ReceptorMarks;
import org.jstilt.runtime.plot.TrajectoryMap;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.quickstart.QuickstartProject;
import org.jstilt.runtime.registry.SimulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stilt quickstart DIR}: the whole pipeline on a fresh machine, nothing downloaded. Writes a project
 * on synthetic meteorology ({@link QuickstartProject}), runs it with the ordinary {@code run} verb (in this
 * process; it registers the simulations and runs them on the local pool), draws the footprints as PNG maps, shows
 * {@code status}, and says where everything is and what to try next.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The quick start: create and run a small project on synthetic met.",
      "",
      "Writes into DIR (new or empty) a day of synthetic ARL meteorology made",
      "by JSTILT's own writer and 25 receptors (4 towers x 2 inlet heights x 3",
      "hours, and a column), runs them with the native engine on the local",
      "pool, draws the footprints as PNG maps in DIR/plots and prints where",
      "everything is. No download, no Fortran; about 26 s of CPU time.",
      ""
    })
final class QuickstartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "New or empty directory for the project.")
  Path dir;

  @Option(names = "--n-workers", paramLabel = "N",
      description = "Simulations run at once and maps drawn at once (default: the number of cores).")
  Integer nWorkers;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int workers = nWorkers != null ? nWorkers : Runtime.getRuntime().availableProcessors();
    if (workers < 1) {
      throw new StiltException(ErrorCode.USAGE, "--n-workers must be at least 1, was " + workers + ".");
    }
    long start = System.nanoTime();

    out.println("1/4  Writing the quick-start project to " + dir.toAbsolutePath().normalize());
    QuickstartProject.Created created = QuickstartProject.create(dir);
    Path root = created.directory();
    double metMb = created.metFiles().stream().mapToDouble(QuickstartCommand::sizeMb).sum();
    out.printf(Locale.ROOT, "     met/  (synthetic ARL meteorology, %d files, %.1f MB)%n", created.metFiles().size(), metMb);
    out.printf("     config.yaml, receptors.csv  (%d receptors: %d tower inlets, 1 column)%n", created.receptors().size(),
        created.receptors().stream().filter(r -> !(r instanceof ColumnReceptor)).count());
    out.flush();

    out.println("2/4  Running the simulations: stilt run " + root + " (registers them, then runs them on the local pool)");
    out.flush();
    int runExit = verb(out, err, "run", root.toString(), "--n-workers", Integer.toString(workers));

    out.println("3/4  Drawing maps");
    out.flush();
    long drawStart = System.nanoTime();
    Project project = Project.load(ProjectLayout.of(root), null);
    Maps maps = drawMaps(project, root.resolve("plots"), workers, err);
    // The overview and the trajectories by name; the per-simulation maps are many, so only counted.
    for (Path p : new Path[] {maps.overview(), maps.trajectories()}) {
      if (p != null) {
        out.println("     " + root.relativize(p));
      }
    }
    out.printf("     plots/<sim_id>.png: %d footprint maps, one per simulation%n", maps.footprints().size());
    out.printf(Locale.ROOT, "     (%.1f s)%n", (System.nanoTime() - drawStart) / 1e9);

    out.println("4/4  Status");
    out.flush();
    verb(out, err, "status", root.toString());

    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "%nQuick start finished in %.1f s. Everything is in %s:%n", seconds, root);
    out.println("  config.yaml, receptors.csv    the project (commented; edit and re-run)");
    out.println("  met/                          synthetic meteorology (stilt met info " + root.relativize(created.metFiles().get(0)) + ")");
    out.println("  simulations/by-id/<sim_id>/   trajectories (*_traj.parquet), footprints (*_foot.nc), stilt.log");
    out.println("  plots/                        PNG maps: overview.png, one per simulation, one of trajectories");
    out.println("  .stilt/registry.db            the registry ('stilt status' reads it)");
    out.println();
    out.println("Try next ('stilt' is the ./stilt launcher in your JSTILT checkout):");
    String example = maps.footprints().isEmpty() ? null : exampleFootprint(project);
    out.println("  stilt status " + root);
    if (example != null) {
      out.println("  stilt plot " + example + " --out hourly.png --per-time");
      out.println("  stilt export " + example + " --csv cells.csv");
    }
    out.println("  edit " + root.resolve("config.yaml") + " (numpar, n_hours, the footprint grid), then:");
    out.println("  stilt run " + root + " --no-skip");
    out.println("  stilt init my-project   (a project of your own, for real ARL meteorology)");
    out.flush();
    return runExit;
  }

  /**
   * Runs another verb in this process, with this command's output. Exit 1 ("some simulations failed")
   * is reported and the quick start goes on to show what did work; anything else non-zero stops it.
   */
  private static int verb(PrintWriter out, PrintWriter err, String... args) {
    int code = Main.run(out, err, args);
    if (code != 0 && code != ErrorCode.RUN_FAILED.exitCode()) {
      throw new StiltException(ErrorCode.INTERNAL, "the quick start's 'stilt " + String.join(" ", args)
          + "' exited with " + code + " (its message is above); please report this");
    }
    return code;
  }

  /** The maps drawn; null when there was nothing to draw. */
  private record Maps(Path overview, Path trajectories, List<Path> footprints) {}

  /**
   * One map per computed footprint, an overview (the footprints of every simulation summed, all receptors
   * marked) and the trajectories of the first simulation; drawn {@code workers} at a time.
   */
  private static Maps drawMaps(Project project, Path plots, int workers, PrintWriter err) {
    ProjectLayout layout = project.layout();
    String footprint = project.config().footprints().keySet().iterator().next();
    List<SimulationSpec> sims = project.plan(null).simulations();
    List<Path> written = new ArrayList<>();
    Path overview = null;
    Path trajectories = null;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Optional<FootprintGrid>>> grids = new ArrayList<>();
      for (SimulationSpec s : sims) {
        Path nc = layout.footprintFile(s.id(), footprint);
        Path png = plots.resolve(s.id() + ".png");
        grids.add(pool.submit(() -> {
          if (!Files.isRegularFile(nc)) {
            return Optional.empty();
          }
          FootprintFile f = FootprintNetcdfReader.read(nc);
          FootprintGrid g = f.footprint();
          double[] sum = FootprintMap.values(g, FootprintMap.SUM);
          Optional<ColourScale> scale = FootprintMap.autoScale(sum, null, null, FootprintMap.DEFAULT_DECADES);
          MapOptions o = MapOptions.defaults().withWidthPx(900)
              .withReceptors(ReceptorMarks.fromJson(f.text("receptor").orElse(null)))
              .withTitle("Footprint " + s.id());
          FootprintMap.render(g, FootprintMap.SUM, scale.orElse(null), o).writePng(png);
          return Optional.of(g);
        }));
      }
      FootprintGrid first = null;
      double[] total = null;
      int drawn = 0;
      for (int i = 0; i < grids.size(); i++) {
        Optional<FootprintGrid> g = get(grids.get(i));
        if (g.isEmpty()) {
          continue;
        }
        written.add(plots.resolve(sims.get(i).id() + ".png"));
        drawn++;
        double[] sum = FootprintMap.values(g.get(), FootprintMap.SUM);
        if (first == null) {
          first = g.get();
          total = sum;
        } else if (sum.length == total.length) {
          for (int k = 0; k < sum.length; k++) {
            total[k] += sum[k];
          }
        }
      }
      if (first != null) {
        overview = overview(first, total, drawn, plots.resolve("overview.png"));
      }
      SimulationId trajId = sims.get(0).id();
      Path traj = layout.trajectoryFile(trajId);
      if (Files.isRegularFile(traj)) {
        TrajectoryTable t = TrajectoryParquetReader.read(traj);
        Path png = plots.resolve(trajId + "_traj.png");
        TrajectoryMap.render(t.particles(), TrajectoryMap.ColourBy.TIME, TrajectoryMap.DEFAULT_MAX_PARTICLES,
            MapOptions.defaults().withWidthPx(900)
                .withReceptors(ReceptorMarks.fromJson(t.metadata(TrajectoryMetadata.RECEPTOR).orElse(null)))
                .withTitle("Particle trajectories " + trajId)).writePng(png);
        trajectories = png;
      }
    } finally {
      pool.shutdownNow();
    }
    if (written.isEmpty()) {
      err.println("Warning: no footprint was computed, so there is nothing to draw; see the run's messages above.");
    }
    return new Maps(overview, trajectories, written);
  }

  /** The sum of every simulation's footprint on the shared grid, every receptor marked. */
  private static Path overview(FootprintGrid like, double[] total, int count, Path png) {
    FootprintGrid sum = new FootprintGrid(like.spec(), like.xCentres(), like.yCentres(),
        new java.time.Instant[] {like.times()[0]}, new double[][] {total}, null);
    List<double[]> marks = new ArrayList<>();
    for (QuickstartProject.Tower t : QuickstartProject.TOWERS) {
      marks.add(new double[] {t.lonDeg(), t.latDeg()});
    }
    Optional<ColourScale> scale = FootprintMap.autoScale(total, null, null, FootprintMap.DEFAULT_DECADES);
    FootprintMap.render(sum, FootprintMap.SUM, scale.orElse(null), MapOptions.defaults().withWidthPx(1000)
        .withReceptors(marks).withBaseMap(BaseMap.naturalEarth50m())
        .withTitle("Quick start: the footprints of all " + count + " simulations, summed")).writePng(png);
    return png;
  }

  private static String exampleFootprint(Project project) {
    String footprint = project.config().footprints().keySet().iterator().next();
    for (SimulationSpec s : project.plan(null).simulations()) {
      Path nc = project.layout().footprintFile(s.id(), footprint);
      if (Files.isRegularFile(nc)) {
        return nc.toString();
      }
    }
    return null;
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StiltException(ErrorCode.INTERNAL, "interrupted while drawing maps", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StiltException se) {
        throw se;
      }
      throw new StiltException(ErrorCode.INTERNAL, "drawing a map failed: " + e.getCause(), e.getCause());
    }
  }

  private static double sizeMb(Path p) {
    try {
      return Files.size(p) / 1e6;
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
