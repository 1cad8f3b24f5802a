package org.jstilt.transport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.jstilt.met.MetCoverageException;
import org.jstilt.met.MetDataset;
import org.jstilt.met.projection.GridPoint;
import org.jstilt.met.projection.LatLonProjection;
import org.jstilt.transport.engine.MetWindow;
import org.jstilt.transport.engine.ParticleState;
import org.jstilt.transport.engine.Stepper;
import org.jstilt.transport.engine.WindErrorProfiles;
import org.jstilt.transport.met.GridGeometry;
import org.jstilt.transport.met.MetPeriod;
import org.jstilt.transport.met.GridWindow;
import org.jstilt.transport.met.InternalLevels;
import org.jstilt.transport.met.MetPeriodBuilder;
import org.jstilt.transport.met.MetSampler;

/**
 * Runs HYSPLIT-STILT particle transport natively: releases the particles at the receptor, steps them with a
 * fixed outer step of {@code delt} minutes over {@code |n_hours|}, and streams every output step to a sink.
 *
 * <p>Particles are stepped in parallel in contiguous index blocks; each has its own random stream split from
 * the seed in index order, so the output depends on the seed only, not on the thread count.
 */
public final class NativeTransportEngine {
  /**
   * HYSPLIT's moving subgrid: met periods are built only for a window of columns around the particles when the
   * grid has more than {@code minColumns} columns; the window keeps {@code marginCells} between any particle and its
   * edge and is rebuilt {@code padCells} wider than the particles' extent when they come closer.
   */
  public record Subgrid(long minColumns, int padCells, int marginCells) {
    public Subgrid {
      if (padCells <= marginCells || marginCells < 3) {
        throw new IllegalArgumentException("subgrid pad must exceed the margin, and the margin be at least 3 cells");
      }
    }
  }

  /** Windows above 40 000 columns (200×200), 25 cells beyond the particles, moved within 6 cells of an edge. */
  public static final Subgrid DEFAULT_SUBGRID = new Subgrid(40_000, 25, 6);

  private final Subgrid subgrid;

  public NativeTransportEngine() {
    this(DEFAULT_SUBGRID);
  }

  /** An engine with its own subgrid policy (tests force small windows on small grids). */
  public NativeTransportEngine(Subgrid subgrid) {
    this.subgrid = subgrid;
  }

  /** Runs the request and collects every row (convenience for small runs and tests). */
  public ParticleEnsemble runToEnsemble(TransportRequest req) {
    EnsembleCollector c = new EnsembleCollector();
    run(req, c);
    return c.ensemble();
  }

  /** Runs the request, streaming rows to {@code sink}. */
  public RunSummary run(TransportRequest req, ParticleSink sink) {
    return run(req, sink, null);
  }

  /**
   * Runs the request with particle p released at {@code releaseAglM[p]} metres above ground at the receptor's
   * horizontal position instead of the receptor's heights: for tests of the vertical scheme (e.g. the
   * well-mixed test, which releases uniformly in air mass).
   */
  public RunSummary run(TransportRequest req, ParticleSink sink, double[] releaseAglM) {
    if (releaseAglM != null && releaseAglM.length != req.numpar()) {
      throw new StiltException(ErrorCode.INPUT,
          "transport: " + releaseAglM.length + " release heights given for numpar = " + req.numpar());
    }
    for (String v : req.varsiwant()) {
      if (v.equals("dmas") || v.equals("zfx1")) {
        // not computed here (dmas) or refused by hycs_std itself (zfx1): no placeholder values
        throw new StiltException(ErrorCode.INPUT, "transport: the native engine does not write '" + v
            + "'; remove it from varsiwant" + (v.equals("dmas") ? " or use transport.engine: hysplit" : ""));
      }
    }
    TransportParams prm = req.params();
    try (MetDataset met = MetDataset.open(req.metFiles())) {
      InternalLevels levels = InternalLevels.standard(prm.zTopM());
      int gridNx = met.grid().nx();
      int gridNy = met.grid().ny();
      // a global grid always gets a window (all columns plus the ghost column that makes x cyclic)
      boolean cyclic = isGlobal(met);
      boolean windowed = cyclic || (long) gridNx * gridNy > subgrid.minColumns();
      if (!windowed) {
        requireMemoryFor(met, levels, req.metFiles());
      }
      GridGeometry geo = new GridGeometry(met.projection(), met.grid().nx(), met.grid().ny());
      MetPeriodBuilder builder = new MetPeriodBuilder(met, levels, geo, prm.kmixd(), prm.kmix0M(), prm.verticalMotion());
      Instant t0 = req.releaseTime();
      List<Instant> times = met.times();
      MetWindow window = new MetWindow(met, builder, i -> ziScale(prm, times.get(i), t0));
      int n = req.numpar();
      ParticleState s = new ParticleState(n);
      if (windowed) {
        double[] box = releaseBox(req, met);
        window.moveTo(windowFor(box[0], box[1], box[2], box[3], gridNx, gridNy, cyclic));
        requireMemoryFor(window.window().columns(), met, levels, req.metFiles(), Runtime.getRuntime().maxMemory());
      }
      MetWindow.Pair first;
      try {
        first = window.at(t0);
      } catch (MetCoverageException e) {
        throw new StiltException(ErrorCode.MET, "transport: the met files do not cover the release time " + t0 + ": " + e.getMessage(), e);
      }
      release(req, s, met, geo, levels, first, releaseAglM);

      List<String> cols = req.varsiwant();
      int threads = Math.min(req.threads(), n);
      Stepper[] steppers = new Stepper[threads];
      WindErrorProfiles windErrors = null;
      if (prm.windError() != null) {
        windErrors = new WindErrorProfiles(n, levels, prm.windError());
        for (int p = 0; p < n; p++) {
          windErrors.start(p, s.rng[p]);
        }
      }
      for (int t = 0; t < threads; t++) {
        steppers[t] = new Stepper(levels, prm, geo, cols);
        steppers[t].setWindErrors(windErrors);
      }
      double[][] out = new double[cols.size()][n];
      double[][] rows = new double[cols.size()][n];
      sink.begin(cols);
      int dtSign = req.nHours() < 0 ? -1 : 1;
      int delt = prm.deltMin();
      int totalMin = Math.abs(req.nHours()) * 60;
      int nSteps = (totalMin + delt - 1) / delt;
      ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
        Thread th = new Thread(r, "stilt-transport");
        th.setDaemon(true);
        return th;
      }) : null;
      long rowsOut = 0;
      String stopReason = null;
      int stepsDone = 0;
      try {
        for (int step = 0; step < nSteps; step++) {
          int tStart = step * delt * dtSign;
          int tEnd = Math.min((step + 1) * delt, totalMin) * dtSign;
          if (windowed) {
            follow(window, s, gridNx, gridNy, met, levels, req.metFiles());
          }
          MetWindow.Pair prev;
          MetWindow.Pair next;
          try {
            prev = window.at(t0.plusSeconds(60L * tStart));
            next = window.at(t0.plusSeconds(60L * tEnd));
          } catch (MetCoverageException e) {
            stopReason = "met ends: " + e.getMessage();
            break;
          }
          window.retainOnly(prev.ia(), prev.ib(), next.ia(), next.ib());
          boolean write = prm.outdtMin() == 0 || Math.abs(tEnd) % prm.outdtMin() == 0 || step == nSteps - 1;
          for (Stepper st : steppers) {
            st.setStep(prev, next, tEnd - tStart, tEnd);
          }
          if (pool == null) {
            runBlock(steppers[0], s, 0, n, write ? out : null);
          } else {
            List<Callable<Void>> tasks = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
              int from = (int) ((long) t * n / threads);
              int to = (int) ((long) (t + 1) * n / threads);
              Stepper st = steppers[t];
              double[][] o = write ? out : null;
              tasks.add(() -> {
                runBlock(st, s, from, to, o);
                return null;
              });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
              f.get();
            }
          }
          stepsDone++;
          if (write) {
            int r = 0;
            for (int p = 0; p < n; p++) {
              if (s.alive[p]) {
                for (int c = 0; c < cols.size(); c++) {
                  rows[c][r] = out[c][p];
                }
                r++;
                s.foot[p] = 0;
                s.samt[p] = 0;
              }
            }
            rowsOut += r;
            sink.step(new StepRows(tEnd, r, cols, rows));
          }
          boolean any = false;
          for (int p = 0; p < n && !any; p++) {
            any = s.alive[p];
          }
          if (!any) {
            stopReason = "all particles left the met grid";
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StiltException(ErrorCode.TRANSPORT, "transport: interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof StiltException se) {
          throw se;
        }
        throw new StiltException(ErrorCode.INTERNAL, "transport: a worker failed: " + c, c);
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      sink.end();
      int alive = 0;
      for (int p = 0; p < n; p++) {
        alive += s.alive[p] ? 1 : 0;
      }
      return new RunSummary(stepsDone, rowsOut, alive, stopReason, window.rebuilds());
    }
  }

  /**
   * What a run did.
   *
   * @param steps outer steps completed
   * @param rows particle rows written
   * @param aliveAtEnd particles still on the grid at the end
   * @param stopReason why the run ended early, or null if it ran its full length
   */
  /**
   * @param metWindowMoves how often the met window was placed or moved (0 when the whole grid was built)
   */
  public record RunSummary(int steps, long rows, int aliveAtEnd, String stopReason, int metWindowMoves) {}

  private static void runBlock(Stepper st, ParticleState s, int from, int to, double[][] out) {
    for (int p = from; p < to; p++) {
      if (s.alive[p]) {
        st.step(s, p, out);
      }
    }
  }

  private static double ziScale(TransportParams prm, Instant periodTime, Instant t0) {
    if (prm.ziScale().isEmpty()) {
      return 1.0;
    }
    long hour = Math.abs(java.time.Duration.between(t0, periodTime).toMinutes()) / 60;
    int i = (int) Math.min(hour, prm.ziScale().size() - 1);
    return prm.ziScale().get(i);
  }

  /** 3-D fields a built period holds per internal level and column (MetPeriod), and the builder's per data level. */
  private static final int PERIOD_FIELDS = 14;
  private static final int DATA_FIELDS = 8;
  /** Periods held at once (two brackets around a step can span three; one more while the next is built). */
  private static final int PERIODS_HELD = 4;

  /**
   * Fails fast, with the remedy, when the whole-grid met periods this engine builds cannot fit in the heap: a CONUS
   * grid (1799×1059, 50 levels) needs ≈ 30 GB, where an OutOfMemoryError deep inside a run would say nothing useful.
   */
  static void requireMemoryFor(MetDataset met, InternalLevels levels, List<java.nio.file.Path> files) {
    requireMemoryFor(met, levels, files, Runtime.getRuntime().maxMemory());
  }

  static void requireMemoryFor(MetDataset met, InternalLevels levels, List<java.nio.file.Path> files, long max) {
    requireMemoryFor((long) met.grid().nx() * met.grid().ny(), met, levels, files, max);
  }

  static void requireMemoryFor(long columns, MetDataset met, InternalLevels levels, List<java.nio.file.Path> files,
      long max) {
    int dataLevels = Math.max(1, met.grid().levels().size() - 1);
    long bytes = columns * 8L * ((long) PERIOD_FIELDS * levels.count() * PERIODS_HELD + (long) DATA_FIELDS * dataLevels);
    if (bytes > 0.8 * max) {
      throw new StiltException(ErrorCode.MET, String.format(
          "transport: %d columns of the met grid of %s (%d x %d, %d levels) need about %.1f GB for the native "
              + "engine's met periods, more than the %.1f GB heap allows; crop the met to the region the particles "
              + "can reach (met subgrid_enable: true with subgrid_bounds, or `stilt met subset`) or give Java more "
              + "memory (JAVA_OPTS=\"-Xmx...\")",
          columns, files.isEmpty() ? "the met files" : files.get(0).getFileName(), met.grid().nx(), met.grid().ny(),
          dataLevels, bytes / 1e9, max / 1e9));
    }
  }

  /** Grid extent of the receptor's release points: {xMin, xMax, yMin, yMax} in full-grid coordinates. */
  private static double[] releaseBox(TransportRequest req, MetDataset met) {
    double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (ReleasePoint rp : req.receptor().releasePoints()) {
      GridPoint g = met.projection().toGrid(rp.latDeg(), rp.lonDeg());
      b[0] = Math.min(b[0], g.x());
      b[1] = Math.max(b[1], g.x());
      b[2] = Math.min(b[2], g.y());
      b[3] = Math.max(b[3], g.y());
    }
    return b;
  }

  private GridWindow windowFor(double x0, double x1, double y0, double y1, int gridNx, int gridNy, boolean cyclic) {
    GridWindow w = GridWindow.around(x0, x1, y0, y1, subgrid.padCells(), gridNx, gridNy);
    return cyclic ? GridWindow.cyclic(gridNx, w) : w;
  }

  /** A global latitude-longitude grid: x wraps (HYSPLIT's GRID%GLOBAL), as {@link GridGeometry#cyclicX()}. */
  private static boolean isGlobal(MetDataset met) {
    return met.projection() instanceof LatLonProjection ll && ll.isGlobal();
  }

  /** Moves the met window when a live particle comes within the margin of its edge (between steps). */
  private void follow(MetWindow window, ParticleState s, int gridNx, int gridNy, MetDataset met, InternalLevels levels,
      List<java.nio.file.Path> files) {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < s.n; p++) {
      if (s.alive[p]) {
        x0 = Math.min(x0, s.x[p]);
        x1 = Math.max(x1, s.x[p]);
        y0 = Math.min(y0, s.y[p]);
        y1 = Math.max(y1, s.y[p]);
      }
    }
    if (x0 > x1 || window.window().covers(x0, x1, y0, y1, subgrid.marginCells(), gridNx, gridNy)) {
      return;
    }
    GridWindow w = windowFor(x0, x1, y0, y1, gridNx, gridNy, isGlobal(met));
    requireMemoryFor(w.columns(), met, levels, files, Runtime.getRuntime().maxMemory());
    window.moveTo(w);
  }

  /** Mixed into the seed for the ZIERR streams (any fixed odd constant; only its being fixed matters). */
  private static final long ZIERR_STREAM = 0x2F6B_1D3A_9C45_E817L;

  private static void release(TransportRequest req, ParticleState s, MetDataset met, GridGeometry geo,
      InternalLevels levels, MetWindow.Pair pr, double[] override) {
    int n = req.numpar();
    List<ReleasePoint> pts = req.receptor().releasePoints();
    boolean line = req.receptor() instanceof ColumnReceptor;
    RandomGenerator.SplittableGenerator master =
        (RandomGenerator.SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(req.seed());
    // ZIERR draws from streams of its own, so that switching it on re-weights the foot of the same trajectories
    RandomGenerator.SplittableGenerator ziMaster = req.params().ziError() == null ? null
        : (RandomGenerator.SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom")
            .create(req.seed() ^ ZIERR_STREAM);
    int nx = geo.nx();
    int ny = geo.ny();
    for (int p = 0; p < n; p++) {
      ReleasePoint rp;
      double alt;
      if (line) {
        ReleasePoint bot = pts.get(0);
        ReleasePoint top = pts.get(1);
        rp = bot;
        alt = bot.altitudeM() + (p + 0.5) * (top.altitudeM() - bot.altitudeM()) / n;
      } else {
        rp = pts.get((int) ((long) p * pts.size() / n));
        alt = rp.altitudeM();
      }
      GridPoint g = met.projection().wrap(met.projection().toGrid(rp.latDeg(), rp.lonDeg()));
      if (!((geo.cyclicX() || (g.x() >= 1 && g.x() <= nx)) && g.y() >= 1 && g.y() <= ny)) {
        throw new StiltException(ErrorCode.MET, String.format(
            "transport: release point (lat %.5f, lon %.5f) is outside the met grid (x=%.2f, y=%.2f of 1..%d, 1..%d)",
            rp.latDeg(), rp.lonDeg(), g.x(), g.y(), nx, ny));
      }
      MetPeriod a = pr.a();
      double zsfc = MetSampler.bilinear2d(a.zsfc, a.nx, a.ny, g.x() - a.window.offsetX(), g.y() - a.window.offsetY());
      double zagl = override != null ? override[p] : req.altitudesMsl() ? alt - zsfc : alt;
      if (zagl < 0) {
        throw new StiltException(ErrorCode.INPUT, String.format(
            "transport: release altitude %.1f m MSL is below the model terrain (%.1f m) at lat %.5f, lon %.5f",
            alt, zsfc, rp.latDeg(), rp.lonDeg()));
      }
      s.x[p] = g.x();
      s.y[p] = g.y();
      s.z[p] = 1.0 - zagl / (levels.zTopM() - zsfc);
      s.releaseHeight[p] = alt;
      s.rng[p] = master.split();
      s.wRatio[p] = s.rng[p].nextGaussian();
      // not drawn yet: the first step draws u', v' at their full variance (PARDSP's 1000 sentinel)
      s.uPrime[p] = Double.NaN;
      s.vPrime[p] = Double.NaN;
      s.alive[p] = true;
      if (ziMaster != null) {
        // stationary from release, like the wind errors
        s.ziRng[p] = ziMaster.split();
        s.ziErr[p] = req.params().ziError().sigmaPercent() * s.ziRng[p].nextGaussian();
      }
    }
  }
}
