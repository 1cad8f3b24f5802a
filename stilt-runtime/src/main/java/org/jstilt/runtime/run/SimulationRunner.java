package org.jstilt.runtime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.Bounds;
import org.jstilt.core.config.FootprintConfig;
import org.jstilt.core.config.MetConfig;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.footprint.FootprintCalculator;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.FootprintOptions;
import org.jstilt.core.footprint.FootprintResult;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.plume.HnfPlume;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.core.text.PyFloat;
import org.jstilt.core.text.PyJson;
import org.jstilt.core.transport.FailureReason;
import org.jstilt.core.transport.RunKind;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.core.transport.TransportException;
import org.jstilt.core.transport.TransportRequest;
import org.jstilt.core.transport.TransportResult;
import org.jstilt.hysplit.HysplitEngine;
import org.jstilt.hysplit.ParticleDatReader;
import org.jstilt.io.netcdf.FootprintMetadata;
import org.jstilt.io.netcdf.FootprintNetcdfWriter;
import org.jstilt.io.netcdf.FootprintOutputs;
import org.jstilt.io.netcdf.FootprintPrecision;
import org.jstilt.io.parquet.TrajectoryMetadata;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryParquetWriter;
import org.jstilt.met.MetCoverageException;
import org.jstilt.met.MetException;
import org.jstilt.met.discovery.MetArchive;
import org.jstilt.met.subset.BoundingBox;
import org.jstilt.met.subset.MetSubsetter;
import org.jstilt.runtime.engine.SimulationSeeds;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.registry.FootprintOutcome;

/**
 * Runs one simulation end to end (PYSTILT's {@code execute_task}, R-STILT's {@code simulation_step}):
 * <ol>
 *   <li>skip-existing: when every required output exists, nothing is done ({@link SimulationOutcome.Skipped});
 *       when only footprints are missing and the trajectories exist, they are read back and only the missing
 *       footprints are computed;
 *   <li>met discovery for the receptor's time window (PYSTILT §4.4, {@link MetArchive});
 *   <li>the transport engine's main run, and its error run when error parameters are set
 *       ({@code WINDERRTF} 1/2/3), each under a {@code === main run ===} / {@code === error run ===} header in
 *       stilt.log;
 *   <li>release heights ({@link ReleaseHeights}) and, with {@code hnf_plume}, near-field dilution
 *       ({@link HnfPlume}) on each particle table;
 *   <li>one footprint per named footprint (and {@code <name>_error} from the error trajectory when the
 *       footprint has {@code error: true}), R-STILT's {@link FootprintCalculator};
 *   <li>writing: trajectory Parquet ({@code stilt:*} metadata), footprint NetCDF (and the {@code .empty}
 *       marker for empty ones), every file atomically. Nothing is written before everything is computed, and
 *       if a write fails the files of this attempt are removed again, so a failed simulation leaves no outputs.
 * </ol>
 * Every failure becomes a {@link SimulationOutcome.Failed} (never an exception) with the phase, the reason and
 * a block in stilt.log, so a pool can go on with the next simulation. The runner keeps no state between
 * calls and is safe to share between threads.
 */
public final class SimulationRunner {
  private final ModelConfig config;
  private final ProjectLayout layout;
  private final TransportEngine engine;
  private final FootprintNetcdfWriter footprintWriter;
  private final Clock clock;
  private final String source;
  private final int threads;

  /**
   * @param config the project configuration
   * @param layout where outputs go
   * @param engine the transport engine (shared by all simulations)
   * @param footprintWriter the NetCDF writer
   * @param clock the time source for {@code time_created} and log headers
   * @param source the program name and version written into outputs, e.g. {@code JSTILT 0.1.0}
   * @throws StiltException ({@link ErrorCode#CONFIG}) for settings the runner cannot honour yet, before any
   *     work is done (see {@link #unsupported})
   */
  public SimulationRunner(ModelConfig config, ProjectLayout layout, TransportEngine engine,
      FootprintNetcdfWriter footprintWriter, Clock clock, String source) {
    this.config = Objects.requireNonNull(config, "config");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.footprintWriter = Objects.requireNonNull(footprintWriter, "footprintWriter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.source = Objects.requireNonNull(source, "source");
    this.threads = config.transport().threads().orElse(Runtime.getRuntime().availableProcessors());
    List<String> problems = unsupported(config);
    if (!problems.isEmpty()) {
      throw new StiltException(ErrorCode.CONFIG, "stilt run cannot run this project yet:\n  "
          + String.join("\n  ", problems));
    }
  }

  /** A runner for a loaded project. */
  public SimulationRunner(Project project, TransportEngine engine, FootprintNetcdfWriter footprintWriter, Clock clock,
      String source) {
    this(project.config(), project.layout(), engine, footprintWriter, clock, source);
  }

  /**
   * Settings that load (PYSTILT accepts them) but that this runner cannot honour yet, one line each with
   * the key; empty when the project can run.
   */
  public static List<String> unsupported(ModelConfig config) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<MetId, MetConfig> e : config.mets().entrySet()) {
      MetConfig m = e.getValue();
      if (m.sourceMode()) {
        out.add("mets." + e.getKey() + ".source: downloading met files is not implemented; download them and give "
            + "directory, file_format and file_tres instead");
      }
    }
    config.footprints().forEach((name, f) -> {
      if (!f.transforms().isEmpty()) {
        out.add("footprints." + name + ".transforms: particle transforms are not implemented yet; remove them");
      }
    });
    return out;
  }

  /** The engine simulations run with. */
  public TransportEngine engine() {
    return engine;
  }

  /** The output layout. */
  public ProjectLayout layout() {
    return layout;
  }

  /** {@link #runOne(Simulation, boolean)} with the project's {@code skip_existing}. */
  public SimulationOutcome runOne(Simulation sim) {
    return runOne(sim, config.skipExisting());
  }

  /**
   * Runs one simulation.
   *
   * @param skipExisting skip it when all its outputs exist, and compute only missing footprints when only
   *     footprints are missing; {@code false} recomputes everything
   */
  public SimulationOutcome runOne(Simulation sim, boolean skipExisting) {
    long start = System.nanoTime();
    SimulationId id = sim.id();
    if (skipExisting && isComplete(id)) {
      return new SimulationOutcome.Skipped(id, since(start));
    }
    SimulationLog log = new SimulationLog(layout.logFile(id));
    Attempt a = new Attempt(sim, log);
    try {
      return a.run(skipExisting, start);
    } catch (RuntimeException | Error e) {
      a.rollBack();
      SimulationOutcome.Failed f = failure(id, a.phase, e, since(start));
      log.lineQuietly("");
      log.lineQuietly("=== JSTILT ERROR ===");
      log.lineQuietly("Phase: " + f.phase());
      log.lineQuietly("Reason: " + f.category());
      log.lineQuietly("Message: " + f.message());
      if (f.category().equals("internal")) {
        log.lineQuietly("Stack trace: " + stackTrace(e));
      }
      log.lineQuietly("=== failed after " + seconds(f.elapsed()) + " ===");
      if (e instanceof Error err && !(e instanceof StackOverflowError) && !(e instanceof OutOfMemoryError)) {
        throw err;
      }
      return f;
    }
  }

  /** One call's state: the phase reached and the files written so far (removed again on failure). */
  private final class Attempt {
    final Simulation sim;
    final SimulationLog log;
    final List<Path> written = java.util.Collections.synchronizedList(new ArrayList<>());
    String phase = "setup";

    Attempt(Simulation sim, SimulationLog log) {
      this.sim = sim;
      this.log = log;
    }

    SimulationOutcome run(boolean skipExisting, long start) {
      SimulationId id = sim.id();
      StiltParams params = config.params();
      log.line("");
      log.line("=== " + source + ": simulation " + id + ", engine " + engine.name() + ", started "
          + LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC) + " UTC ===");
      List<String> notes = new ArrayList<>();
      boolean errorWanted = params.error().enabled();

      ParticleEnsemble main = null;
      ParticleEnsemble error = null;
      List<Path> metFiles = List.of();
      boolean reused = false;
      Duration transport = Duration.ZERO;
      if (skipExisting && Files.isRegularFile(layout.trajectoryFile(id))
          && (!errorWanted || Files.isRegularFile(layout.errorTrajectoryFile(id)))) {
        phase = "trajectory";
        try {
          main = TrajectoryParquetReader.read(layout.trajectoryFile(id)).particles();
          error = errorWanted ? TrajectoryParquetReader.read(layout.errorTrajectoryFile(id)).particles() : null;
          reused = true;
          log.line("Trajectory exists; computing only the missing footprints from " + layout.trajectoryFile(id).getFileName());
        } catch (StiltException e) {
          log.line("Existing trajectory unreadable (" + e.getMessage() + "); running transport again");
          main = null;
          error = null;
        }
      }
      if (!reused) {
        phase = "met";
        metFiles = metFiles(sim, log);
        long t0 = System.nanoTime();
        phase = "transport:main";
        main = transport(RunKind.MAIN, metFiles, notes);
        if (errorWanted) {
          phase = "transport:error";
          error = transport(RunKind.ERROR, metFiles, notes);
        }
        transport = since(t0);
      }

      // Footprints: all of them after a new transport run; the missing ones when the trajectory was reused.
      Map<String, Gridded> grids = new LinkedHashMap<>();
      for (Map.Entry<String, FootprintConfig> e : config.footprints().entrySet()) {
        for (String out : e.getValue().outputNames(e.getKey())) {
          boolean isError = !out.equals(e.getKey());
          if (reused && footprintPresent(id, out)) {
            continue;
          }
          ParticleEnsemble particles = isError ? error : main;
          if (particles == null) {
            continue; // an error footprint without error parameters: nothing to grid (never required)
          }
          phase = "footprint:" + out;
          grids.put(out, new Gridded(e.getValue(), footprint(out, e.getValue(), particles, notes)));
        }
      }

      // The trajectories are written on a second thread while the footprints are written on this one: the
      // two are independent and each takes a few hundred milliseconds for a typical run.
      phase = "write";
      Thread trajectoryWriter = null;
      AtomicReference<Throwable> trajectoryFailure = new AtomicReference<>();
      if (!reused) {
        ParticleEnsemble m = main;
        ParticleEnsemble e = error;
        List<Path> files = metFiles;
        trajectoryWriter = new Thread(() -> {
          try {
            writeTrajectory(layout.trajectoryFile(id), m, files, false);
            if (e != null) {
              writeTrajectory(layout.errorTrajectoryFile(id), e, files, true);
            }
          } catch (Throwable t) {
            trajectoryFailure.set(t);
          }
        }, "stilt-trajectory-writer");
        trajectoryWriter.setDaemon(true);
        trajectoryWriter.start();
      }
      Map<String, FootprintOutcome> outcomes = new LinkedHashMap<>();
      try {
        for (Map.Entry<String, Gridded> e : grids.entrySet()) {
          outcomes.put(e.getKey(), writeFootprint(e.getKey(), e.getValue().config(), e.getValue().grid()));
        }
      } finally {
        Threads.joinUninterruptibly(trajectoryWriter);
      }
      if (trajectoryFailure.get() instanceof RuntimeException re) {
        throw re;
      } else if (trajectoryFailure.get() instanceof Error err) {
        throw err;
      } else if (trajectoryFailure.get() != null) {
        throw new StiltException(ErrorCode.INTERNAL, "writing the trajectory failed: " + trajectoryFailure.get(),
            trajectoryFailure.get());
      }
      Duration elapsed = since(start);
      SimulationOutcome.Completed done =
          new SimulationOutcome.Completed(id, outcomes, reused, transport, elapsed, notes);
      log.line("=== " + done.label() + " in " + seconds(elapsed) + " (transport " + seconds(transport) + ") ===");
      return done;
    }

    /** Met discovery; the files found go to the log. */
    private List<Path> metFiles(Simulation s, SimulationLog lg) {
      MetConfig m = config.mets().get(s.met());
      MetArchive archive = new MetArchive(m.directory(), m.fileFormat().orElseThrow(), m.fileTres().orElseThrow(),
          m.nMin());
      MetArchive.Selection sel = archive.requiredFiles(s.receptor().time(), config.params().model().nHours());
      lg.line("Met files (" + sel.files().size() + ", " + s.met() + "): "
          + String.join(", ", sel.files().stream().map(Path::toString).toList()));
      if (!sel.missingPatterns().isEmpty()) {
        lg.line("Note: met file name patterns without a file: " + String.join(", ", sel.missingPatterns()));
      }
      return m.subgridEnable() ? crops(sel.files(), m, lg) : sel.files();
    }

    /**
     * The met files cropped to {@code subgrid_bounds} plus {@code subgrid_buffer} (and the lowest
     * {@code subgrid_levels} levels), each cropped once and cached in
     * {@code <subgrid_dir>/<W>_<S>_<E>_<N>[_L<levels>]/<file name>}. PYSTILT caches by file name alone, so a
     * changed box silently reuses old crops; naming the cache directory by the box makes a change crop again.
     * Concurrent workers cropping the same file each write their own temporary file and rename it into place
     * ({@link MetSubsetter}), so a reader never sees half a crop.
     */
    private List<Path> crops(List<Path> sources, MetConfig m, SimulationLog lg) {
      Bounds b = m.subgridBounds().orElseThrow();
      BoundingBox box = new BoundingBox(b.xmin(), b.ymin(), b.xmax(), b.ymax()).buffered(m.subgridBufferDeg());
      Integer levels = m.subgridLevels().isPresent() ? m.subgridLevels().getAsInt() : null;
      String key = PyFloat.repr(box.westDeg()) + "_" + PyFloat.repr(box.southDeg()) + "_" + PyFloat.repr(box.eastDeg())
          + "_" + PyFloat.repr(box.northDeg()) + (levels == null ? "" : "_L" + levels);
      Path dir = m.subgridDirOrDefault().resolve(key);
      List<Path> out = new ArrayList<>();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StiltException(ErrorCode.STORAGE, "cannot create the met crop directory " + dir + " (subgrid_dir): "
            + e.getMessage(), e);
      }
      for (Path src : sources) {
        Path crop = dir.resolve(src.getFileName().toString());
        if (!Files.isRegularFile(crop)) {
          long t0 = System.nanoTime();
          MetSubsetter.subset(src, dir, box, levels);
          lg.line("Cropped " + src + " to " + box + " (W,S,E,N) into " + crop + " (" + millis(t0) + ")");
        }
        out.add(crop);
      }
      lg.line("Met crops used: " + String.join(", ", out.stream().map(Path::toString).toList()));
      return out;
    }

    /** One transport run and its post-processing (release heights, hnf_plume). */
    private ParticleEnsemble transport(RunKind kind, List<Path> metFiles, List<String> nts) {
      StiltParams params = config.params();
      OptionalLong seed = config.transport().seed().isPresent()
          ? OptionalLong.of(SimulationSeeds.derive(config.transport().seed().getAsLong(), sim.id(), kind))
          : OptionalLong.empty();
      TransportRequest req = new TransportRequest(sim.receptor(), params, metFiles,
          layout.simulationDir(sim.id()), log.file(), kind, seed, threads);
      log.line("=== " + kind.label() + " run ===");
      TransportResult r = engine.run(req);
      log.line(r.summary());
      nts.add(r.summary());
      phase = "trajectory";
      long t0 = System.nanoTime();
      ParticleEnsemble p = ReleaseHeights.add(r.particles(), sim.receptor());
      if (params.model().hnfPlume()) {
        p = HnfPlume.apply(p, receptorAglM(sim.receptor()), params.transport().veght());
      }
      log.line("Trajectory: " + p.size() + " rows" + (p.hasColumn(ParticleColumns.XHGT) ? ", release heights" : "")
          + (params.model().hnfPlume() ? ", hnf_plume applied" : "") + " (" + millis(t0) + ")");
      return p;
    }

    private FootprintGrid footprint(String name, FootprintConfig f, ParticleEnsemble particles, List<String> nts) {
      FootprintOptions options = FootprintOptions.of(f.grid()).withSmoothFactor(f.smoothFactor())
          .withTimeIntegrate(f.timeIntegrate());
      long t0 = System.nanoTime();
      FootprintResult r = FootprintCalculator.computeDetailed(
          particles.select(ParticleColumns.FOOTPRINT_INPUT), options, sim.receptor().time());
      FootprintGrid g = r.grid();
      String line = String.format(Locale.ROOT, "Footprint %s: %d layer(s) of %d x %d cells, %d non-zero, total %s%s%s",
          name.isEmpty() ? "(unnamed)" : name, g.nt(), g.ny(), g.nx(), g.nonZeroCount(), g.total(),
          r.densified() ? ", densified" : "",
          g.emptyReason().map(er -> ", empty (" + er.label() + ")").orElse("")) + " (" + millis(t0) + ")";
      log.line(line);
      r.divergences().forEach(d -> {
        log.line("Note: " + d.description());
        nts.add(name + ": " + d.description());
      });
      return g;
    }

    private void writeTrajectory(Path target, ParticleEnsemble particles, List<Path> metFiles, boolean isError) {
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put(TrajectoryMetadata.RECEPTOR, ReceptorJson.toJson(sim.receptor()));
      meta.put(TrajectoryMetadata.PARAMS, config.params().toPystiltJson());
      meta.put(TrajectoryMetadata.MET_FILES,
          PyJson.DEFAULT.dumps(new ArrayList<Object>(metFiles.stream().map(Path::toString).toList())));
      meta.put(TrajectoryMetadata.IS_ERROR, isError ? "true" : "false");
      written.add(target);
      long t0 = System.nanoTime();
      TrajectoryParquetWriter.write(target, particles, sim.receptor().time(), meta);
      log.line("Wrote " + target.getFileName() + " (" + particles.size() + " rows, " + millis(t0) + ")");
    }

    private FootprintOutcome writeFootprint(String name, FootprintConfig f, FootprintGrid g) {
      SimulationId id = sim.id();
      FootprintMetadata meta = new FootprintMetadata(name, ReceptorJson.toJson(sim.receptor()), f.smoothFactor(),
          f.timeIntegrate(), "[]", clock.instant(), source, FootprintPrecision.FLOAT32);
      Path target = layout.footprintFile(id, name);
      written.add(target);
      long t0 = System.nanoTime();
      footprintWriter.write(target, g, meta);
      if (g.emptyReason().isPresent()) {
        written.add(layout.emptyFootprintMarker(id, name));
        FootprintOutputs.markEmpty(layout.simulationDir(id), id.toString(), name);
        log.line("Wrote " + target.getFileName() + " and " + layout.emptyFootprintMarker(id, name).getFileName() + " (empty: "
            + g.emptyReason().get().label() + ")");
        return FootprintOutcome.empty(g.emptyReason().get());
      }
      FootprintOutputs.clearEmptyMarker(layout.simulationDir(id), id.toString(), name);
      log.line("Wrote " + target.getFileName() + " (" + millis(t0) + ")");
      return FootprintOutcome.written();
    }

    /** Removes the outputs this attempt wrote. */
    void rollBack() {
      for (Path p : List.copyOf(written)) {
        try {
          if (Files.deleteIfExists(p)) {
            log.lineQuietly("Removed " + p.getFileName() + " (the simulation failed)");
          }
        } catch (IOException ignored) {
          log.lineQuietly("Could not remove " + p + " after the failure; delete it by hand");
        }
      }
    }
  }

  /**
   * PYSTILT's completion-by-key rule (§5.5): the trajectory, the error trajectory when error parameters are
   * set, and every configured footprint as a NetCDF file or an empty marker (error footprints are never
   * required).
   */
  public boolean isComplete(SimulationId id) {
    if (!Files.isRegularFile(layout.trajectoryFile(id))) {
      return false;
    }
    if (config.params().error().enabled() && !Files.isRegularFile(layout.errorTrajectoryFile(id))) {
      return false;
    }
    for (String name : config.footprints().keySet()) {
      if (!footprintPresent(id, name)) {
        return false;
      }
    }
    return true;
  }

  private boolean footprintPresent(SimulationId id, String name) {
    return Files.isRegularFile(layout.footprintFile(id, name)) || Files.isRegularFile(layout.emptyFootprintMarker(id, name));
  }

  /**
   * Starts a low-priority daemon thread that runs the output code once on a tiny table in a temporary
   * directory (deleted afterwards): trajectory Parquet, hnf_plume, a footprint on a 10 x 10 grid, its NetCDF
   * file, and for the hysplit engine the particle-file parser. Loading and initialising those classes
   * (Parquet and its codecs especially) costs about a second on a cold JVM; done while the first transport run
   * is busy, it is off the critical path. Nothing it does is visible; failures are ignored (the real run will
   * report them). Join the returned thread before the process exits, so its temporary directory is removed.
   */
  public Thread warmUpInBackground() {
    Thread t = new Thread(this::warmUp, "stilt-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  private void warmUp() {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("jstilt-warm-up");
      List<String> cols = config.params().model().varsiwant();
      Map<String, double[]> m = new LinkedHashMap<>();
      for (String c : cols) {
        m.put(c, switch (c) {
          case "time" -> new double[] {-1, -1, -2, -2};
          case "indx" -> new double[] {1, 2, 1, 2};
          case "long" -> new double[] {0.45, 0.55, 0.4, 0.6};
          case "lati" -> new double[] {0.45, 0.55, 0.4, 0.6};
          case "mlht" -> new double[] {500, 500, 500, 500};
          default -> new double[] {1, 1, 1, 1};
        });
      }
      ParticleEnsemble p = ParticleEnsemble.of(m);
      if (p.hasColumn(ParticleColumns.TIME) && p.hasColumn(ParticleColumns.INDX)) {
        if (config.params().model().hnfPlume()) {
          p = HnfPlume.apply(p, 5, 0.5);
        }
        TrajectoryParquetWriter.write(tmp.resolve("warm-up.parquet"), p, Instant.EPOCH, Map.of());
        TrajectoryParquetReader.read(tmp.resolve("warm-up.parquet"));
        if (p.hasColumn(ParticleColumns.FOOT) && p.hasColumn(ParticleColumns.LONG) && p.hasColumn(ParticleColumns.LATI)) {
          FootprintGrid g = FootprintCalculator.computeDetailed(p.select(ParticleColumns.FOOTPRINT_INPUT),
              FootprintOptions.of(GridSpec.longLat(0, 1, 0, 1, 0.1)), Instant.EPOCH).grid();
          footprintWriter.write(tmp.resolve("warm-up.nc"), g, FootprintMetadata.of(1, false, Instant.EPOCH));
        }
      }
      if (engine instanceof HysplitEngine) {
        Path dat = tmp.resolve(HysplitEngine.PARTICLE_STILT_DAT);
        StringBuilder sb = new StringBuilder("   40.7700005      -111.849998       5.00000000    \n");
        for (int r = 0; r < 4; r++) {
          for (int c = 0; c < cols.size(); c++) {
            sb.append("  ").append(1.5 + r + c);
          }
          sb.append('\n');
        }
        Files.writeString(tmp.resolve(HysplitEngine.PARTICLE_STILT_DAT), sb);
        ParticleDatReader.read(dat, cols);
      }
    } catch (Throwable ignored) {
      // Only a head start; the simulation itself reports any real problem.
    } finally {
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException ignored) {
      // A temporary directory left behind is harmless.
    }
  }

  /** A computed footprint and the configuration it was computed with. */
  private record Gridded(FootprintConfig config, FootprintGrid grid) {}

  /** hnf_plume's start height for a point receptor; others carry {@code xhgt}. */
  private static double receptorAglM(Receptor r) {
    return r instanceof PointReceptor p ? p.altitudeM() : Double.NaN;
  }

  /** The outcome for an exception thrown in {@code phase}. */
  static SimulationOutcome.Failed failure(SimulationId id, String phase, Throwable e, Duration elapsed) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof TransportException te) {
      FailureReason r = te.reason();
      return new SimulationOutcome.Failed(id, phase, Optional.of(r), r.category(), message, r.retryable(), elapsed);
    }
    if (e instanceof MetCoverageException && phase.equals("met")) {
      FailureReason r = FailureReason.MISSING_MET_FILES;
      return new SimulationOutcome.Failed(id, phase, Optional.of(r), r.category(), message, false, elapsed);
    }
    if (e instanceof MetException) {
      FailureReason r = FailureReason.classify(message);
      if (r != FailureReason.UNKNOWN && r != FailureReason.EMPTY_LOG) {
        return new SimulationOutcome.Failed(id, phase, Optional.of(r), r.category(), message, false, elapsed);
      }
      return new SimulationOutcome.Failed(id, phase, Optional.empty(), "met", message, false, elapsed);
    }
    if (e instanceof StiltException se) {
      String category = se.code().name().toLowerCase(Locale.ROOT);
      return new SimulationOutcome.Failed(id, phase, Optional.empty(), category, message,
          se.code() == ErrorCode.STORAGE, elapsed);
    }
    return new SimulationOutcome.Failed(id, phase, Optional.empty(), "internal",
        e.getClass().getSimpleName() + ": " + message + " (a bug in JSTILT; please report it with stilt.log)", false,
        elapsed);
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter w = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static String millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000 + " ms";
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }

}
