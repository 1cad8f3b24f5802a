package org.jstilt.core.footprint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.DistinctValues;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;

/**
 * Grids particle trajectories into a footprint exactly as R-STILT's {@code calc_footprint} does
 * (uataq/stilt @0e290a6; FOOTPRINT.md §2 steps 0–12), to 1e-7 relative per cell — in practice to a few
 * ulps — and much faster.
 *
 * <p>Only {@code time, indx, long, lati, foot} are read (R-STILT's production path); other columns are
 * ignored. What R would do differently when the table carries extra columns is selected explicitly with
 * {@link Densification}. The steps, with the R details that decide bits kept:
 *
 * <ol>
 *   <li>np = number of distinct {@code indx}; run direction = sign of R's median of {@code time}.
 *   <li>Longlat domains across the antimeridian: particles and bounds wrapped into [0, 360) with R's
 *       {@code ((x %% 360) + 540) %% 360 − 180} formula; a 360°-wide domain becomes −180..180.
 *   <li>Early-time densification when the median displacement per step in the first 100 min exceeds a
 *       cell ({@link Densifier}).
 *   <li>{@code rtime = time − sign·min|time|} per particle.
 *   <li>Projection (non-longlat grids) of particles and of the two domain corners.
 *   <li>Cells from R's {@code seq} with its 1e-10 fuzz; half-open domain.
 *   <li>Bandwidth per exact rtime from all rows ({@link KernelTable}).
 *   <li>Gaussian kernels ({@link GaussianKernel}), the largest one fixing the buffer.
 *   <li>Rows with {@code foot > 0} inside the buffered bounds (upper bounds from {@code xmax}, not the last
 *       cell edge) are binned by binary search over R's buffered breakpoints; hourly layer
 *       {@code floor(time/60)} (from {@code time}, not rtime).
 *   <li>Per layer and rtime, the nearest bandwidth ({@code find_neighbor}, ties to the lower rtime) spreads
 *       the step's mass ({@link KernelSpreader}); mass beyond the domain is dropped.
 *   <li>Values divided by np once at the end.
 *   <li>Layer times: receptor time + layer·3600 s (the earlier edge of each hour), or the receptor time
 *       alone when time-integrated.
 * </ol>
 *
 * <p>Cost is O(rows + Σ per step min(cells·nx·ny, cells·nx + span·ny)); nothing per step is proportional
 * to the grid. Single-threaded and deterministic: the same input gives the same bits.
 *
 * <p><b>Empty footprints.</b> An empty table gives an all-zero grid with one layer at the receptor time and
 * {@link EmptyFootprintReason#NO_PARTICLES}. When no row with {@code foot > 0} lies inside the buffered
 * domain (R returns NULL and writes nothing) the result is an all-zero grid marked
 * {@link EmptyFootprintReason#OUTSIDE_DOMAIN}, whose layers are the hours of all (unfiltered, densified)
 * rows — PYSTILT's choice — labelled by R's rule. Rows that pass the filter but whose kernels never reach
 * the domain give an all-zero grid with no empty reason, as in R and PYSTILT.
 *
 * <p><b>Where R stops.</b> R-STILT errors in several situations that are artefacts of its code
 * ({@link RDivergence}); this class computes the documented answer instead and reports the divergence in
 * {@link FootprintResult#divergences()}. Bad input — a missing column, non-finite or out-of-range
 * {@code time}, {@code indx}, {@code long}, {@code lati}, an infinite {@code foot}, a grid without one whole
 * cell — is a {@link StiltException} ({@link ErrorCode#INPUT}) naming the row or setting.
 */
public final class FootprintCalculator {
  /** Minutes per layer. */
  static final double LAYER_MIN = 60;

  /** Seconds per layer. */
  static final long LAYER_S = 3600;

  /** |time| above this (minutes, about 190 years) is certainly not a STILT run. */
  static final double MAX_ABS_TIME_MIN = 1e8;

  private FootprintCalculator() {}

  /**
   * The footprint of {@code particles} on {@code options.grid()}.
   *
   * @param receptorTime the receptor (run) time, origin of the output time axis
   */
  public static FootprintGrid compute(
      ParticleEnsemble particles, FootprintOptions options, Instant receptorTime) {
    return computeDetailed(particles, options, receptorTime).grid();
  }

  /** As {@link #compute}, with the particle count, whether densification ran, and R divergences. */
  public static FootprintResult computeDetailed(
      ParticleEnsemble particles, FootprintOptions options, Instant receptorTime) {
    Objects.requireNonNull(particles, "particles");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(receptorTime, "receptorTime");
    particles.requireColumns(ParticleColumns.FOOTPRINT_INPUT, "The footprint");
    GridSpec spec = options.grid();
    Domain domain = Domain.resolve(spec);
    Set<RDivergence> divergences = EnumSet.noneOf(RDivergence.class);

    if (particles.isEmpty()) {
      return new FootprintResult(
          emptyGrid(spec, domain, new int[] {0}, true, receptorTime, EmptyFootprintReason.NO_PARTICLES),
          0,
          false,
          divergences);
    }

    int n0 = particles.size();
    double[] time = particles.column(ParticleColumns.TIME);
    double[] indx = particles.column(ParticleColumns.INDX);
    double[] lon = particles.column(ParticleColumns.LONG);
    double[] lat = particles.column(ParticleColumns.LATI);
    double[] foot = particles.column(ParticleColumns.FOOT);
    validate(time, indx, lon, lat, foot);

    // Step 0.
    DistinctValues ids = DistinctValues.of(indx);
    int np = ids.count();
    int timeSign = signOfMedian(time);

    // Step 1.
    if (domain.wrapLongitudes) {
      for (int r = 0; r < n0; r++) {
        lon[r] = RNumerics.wrapAntimeridian(lon[r]);
      }
    }
    Rows rows = new Rows(n0, time, ids.ids(), lon, lat, foot);

    // Steps 2-3.
    Densifier.EarlyTest early = Densifier.shouldInterpolateInTableOrder(rows, np, domain.xres, domain.yres);
    Rows.ByParticle byParticle = null;
    if (early == null) {
      byParticle = Rows.ByParticle.of(rows, np);
      early = Densifier.shouldInterpolate(rows, byParticle, domain.xres, domain.yres);
    }
    boolean densified = false;
    if (early == Densifier.EarlyTest.UNDEFINED) {
      divergences.add(RDivergence.INTERPOLATION_TEST_UNDEFINED);
    } else if (early == Densifier.EarlyTest.DENSIFY) {
      if (timeSign == 0) {
        throw new StiltException(
            ErrorCode.FOOTPRINT,
            "The median particle time is 0, so the run direction (backward or forward) is undefined, and"
                + " early-time densification is needed for this grid. Check the particle table's time"
                + " column (minutes since release, negative for backward runs).");
      }
      if (byParticle == null) {
        byParticle = Rows.ByParticle.of(rows, np);
      }
      rows = Densifier.densify(rows, byParticle, timeSign, options.densification(), divergences);
      densified = true;
    }

    // Step 4.
    double[] rtime = releaseRelativeTimes(rows, np, timeSign);

    // Step 5.
    if (!domain.longLat) {
      domain.projector.projectInPlace(rows.x, rows.y, rows.n);
    }

    // Step 7.
    DistinctValues rtimeGroups = DistinctValues.of(rtime);
    KernelTable kernels =
        KernelTable.build(rtimeGroups, rows.x, rows.y, rows.n, options.smoothFactor(), domain.longLat);
    if (kernels.size() == 0) {
      divergences.add(RDivergence.NO_KERNEL_VARIANCE);
    } else if (kernels.size() == 1) {
      divergences.add(RDivergence.SINGLE_KERNEL_ROW);
    }
    for (int t = 0; t < kernels.size(); t++) {
      double w = kernels.w[t];
      boolean tooWide =
          GaussianKernel.halfWidth(w, domain.xres) > GaussianKernel.MAX_HALF_WIDTH
              || GaussianKernel.halfWidth(w, domain.yres) > GaussianKernel.MAX_HALF_WIDTH;
      if (!Double.isFinite(w) || tooWide) {
        String cause =
            domain.longLat && Math.abs(kernels.meanY[t]) > 80
                ? "the bandwidth is divided by cos(mean latitude), which vanishes near the poles; use a"
                    + " projected grid or smooth_factor = 0"
                : "the particles are implausibly spread for this grid; check their coordinates, or use a"
                    + " coarser grid or a smaller smooth_factor";
        throw new StiltException(
            ErrorCode.FOOTPRINT,
            "The smoothing bandwidth at rtime "
                + kernels.rtime[t]
                + " min is "
                + w
                + " (particle mean "
                + (domain.longLat ? "latitude " : "y ")
                + kernels.meanY[t]
                + "), a kernel far wider than the grid: "
                + cause
                + ".");
      }
    }

    // Steps 8-9: buffer from the largest kernel.
    GaussianKernel largest = GaussianKernel.of(kernels.maxW(), domain.xres, domain.yres);
    int xbuf = largest.nx();
    int ybuf = largest.ny();
    double xbufh = (xbuf - 1) / 2.0;
    double ybufh = (ybuf - 1) / 2.0;
    double xres = domain.xres;
    double yres = domain.yres;
    double[] glongBuf = RNumerics.seq(domain.xmn - xbuf * xres, domain.xmx + (xbuf - 1) * xres, xres);
    double[] glatiBuf = RNumerics.seq(domain.ymn - ybuf * yres, domain.ymx + (ybuf - 1) * yres, yres);
    double xLo = domain.xmn - xbufh * xres;
    double xHi = domain.xmx + xbufh * xres;
    double yLo = domain.ymn - ybufh * yres;
    double yHi = domain.ymx + ybufh * yres;

    int n = rows.n;
    int[] ci = new int[n];
    int[] cj = new int[n];
    int[] layerOf = new int[n];
    int[] kernelOf = new int[n];
    double[] mass = new double[n];
    int kept = 0;
    List<GaussianKernel> kernelList = new ArrayList<>();
    kernelList.add(GaussianKernel.UNIT);
    Map<Long, Integer> kernelBySigma = new HashMap<>();
    int[] kernelIdOfRow = new int[kernels.size()];
    Arrays.fill(kernelIdOfRow, -1);
    for (int r = 0; r < n; r++) {
      double x = rows.x[r];
      double y = rows.y[r];
      double f = rows.foot[r];
      if (!(f > 0 && x >= xLo && x < xHi && y >= yLo && y < yHi)) {
        continue;
      }
      int loi = RNumerics.findInterval(glongBuf, x, (int) Math.floor((x - glongBuf[0]) / xres));
      int lai = RNumerics.findInterval(glatiBuf, y, (int) Math.floor((y - glatiBuf[0]) / yres));
      int tableRow = kernels.nearestRowOfGroup[rtimeGroups.id(r)];
      int kid = 0;
      if (tableRow >= 0) {
        kid = kernelIdOfRow[tableRow];
        if (kid < 0) {
          double sigma = kernels.w[tableRow];
          GaussianKernel k = GaussianKernel.of(sigma, xres, yres);
          if (k.isUnit()) {
            kid = 0;
          } else {
            Integer known = kernelBySigma.get(Double.doubleToLongBits(sigma));
            if (known == null) {
              known = kernelList.size();
              kernelList.add(k);
              kernelBySigma.put(Double.doubleToLongBits(sigma), known);
            }
            kid = known;
          }
          kernelIdOfRow[tableRow] = kid;
        }
      }
      ci[kept] = loi - 1 - xbuf;
      cj[kept] = lai - 1 - ybuf;
      layerOf[kept] = options.timeIntegrate() ? 0 : (int) Math.floor(rows.time[r] / LAYER_MIN);
      kernelOf[kept] = kid;
      mass[kept] = f;
      kept++;
    }

    if (kept == 0) {
      int[] layers = distinctLayers(rows, options.timeIntegrate());
      return new FootprintResult(
          emptyGrid(
              spec,
              domain,
              layers,
              options.timeIntegrate(),
              receptorTime,
              EmptyFootprintReason.OUTSIDE_DOMAIN),
          np,
          densified,
          divergences);
    }
    if (domain.xres != domain.yres && kernelList.size() > 1) {
      divergences.add(RDivergence.ANISOTROPIC_KERNEL);
    }

    // Steps 9-10: bucket rows by (layer, kernel), then spread each bucket.
    int[] layers = sortedDistinct(layerOf, kept);
    int nk = kernelList.size();
    long bucketCount = (long) layers.length * nk;
    if (bucketCount > Integer.MAX_VALUE - 8) {
      throw new StiltException(
          ErrorCode.FOOTPRINT,
          "The footprint has " + layers.length + " layers and " + nk + " distinct kernels; too many to grid.");
    }
    int[] bucketStart = new int[(int) bucketCount + 1];
    int[] bucketOf = new int[kept];
    for (int q = 0; q < kept; q++) {
      int li = Arrays.binarySearch(layers, layerOf[q]);
      bucketOf[q] = li * nk + kernelOf[q];
      bucketStart[bucketOf[q] + 1]++;
    }
    for (int b = 0; b < bucketCount; b++) {
      bucketStart[b + 1] += bucketStart[b];
    }
    int[] fill = Arrays.copyOf(bucketStart, bucketStart.length);
    int[] order = new int[kept];
    for (int q = 0; q < kept; q++) {
      order[fill[bucketOf[q]]++] = q;
    }

    int nLon = domain.nLon();
    int nLat = domain.nLat();
    KernelSpreader spreader = new KernelSpreader(nLon, nLat, xbuf, ybuf);
    double[][] grids = new double[layers.length][];
    for (int li = 0; li < layers.length; li++) {
      double[] layer = new double[Math.multiplyExact(nLon, nLat)];
      for (int kid = 0; kid < nk; kid++) {
        int b = li * nk + kid;
        spreader.spread(ci, cj, mass, order, bucketStart[b], bucketStart[b + 1], kernelList.get(kid), layer);
      }
      // Step 11: divide by np (not multiply by 1/np), once.
      for (int c = 0; c < layer.length; c++) {
        if (layer[c] != 0) {
          layer[c] = layer[c] / np;
        }
      }
      grids[li] = layer;
    }
    FootprintGrid grid =
        FootprintGrid.adopt(
            spec,
            domain.xCentres(),
            domain.yCentres(),
            layerTimes(layers, options.timeIntegrate(), receptorTime),
            grids,
            null);
    return new FootprintResult(grid, np, densified, divergences);
  }

  private static void validate(double[] time, double[] indx, double[] lon, double[] lat, double[] foot) {
    for (int r = 0; r < time.length; r++) {
      String problem = null;
      if (!Double.isFinite(time[r]) || Math.abs(time[r]) > MAX_ABS_TIME_MIN) {
        problem = "time = " + time[r] + " (minutes since release) is not a finite number of plausible size";
      } else if (!Double.isFinite(indx[r])) {
        problem = "indx = " + indx[r] + " is not a finite particle number";
      } else if (!(Math.abs(lon[r]) <= 360)) {
        problem = "long = " + lon[r] + " is not a longitude in degrees within [-360, 360]";
      } else if (!(Math.abs(lat[r]) <= 90)) {
        problem = "lati = " + lat[r] + " is not a latitude in degrees within [-90, 90]";
      } else if (Double.isInfinite(foot[r])) {
        problem = "foot = " + foot[r] + " is infinite";
      }
      if (problem != null) {
        throw new StiltException(
            ErrorCode.INPUT,
            "Particle row "
                + (r + 1)
                + " (indx "
                + indx[r]
                + ", time "
                + time[r]
                + "): "
                + problem
                + ". Check the particle table (column order, units, missing values).");
      }
    }
  }

  /**
   * {@code sign(median(time))} without sorting: only the signs of the middle order statistics matter,
   * and for an even count with one negative and one positive middle value, the sign of their sum.
   */
  static int signOfMedian(double[] time) {
    int n = time.length;
    int neg = 0;
    int zero = 0;
    double maxNeg = Double.NEGATIVE_INFINITY;
    double minPos = Double.POSITIVE_INFINITY;
    for (double t : time) {
      if (t < 0) {
        neg++;
        maxNeg = Math.max(maxNeg, t);
      } else if (t == 0) {
        zero++;
      } else {
        minPos = Math.min(minPos, t);
      }
    }
    if (n % 2 == 1) {
      return signAtRank(n / 2, neg, zero);
    }
    int a = signAtRank(n / 2 - 1, neg, zero);
    int b = signAtRank(n / 2, neg, zero);
    if (a < 0 && b > 0) {
      // The two middle values are the largest negative and the smallest positive time.
      return (int) Math.signum(maxNeg + minPos);
    }
    return Integer.signum(a + b);
  }

  private static int signAtRank(int rank, int neg, int zero) {
    if (rank < neg) {
      return -1;
    }
    return rank < neg + zero ? 0 : 1;
  }

  /** Step 4: {@code fl(time − fl(sign · min|time|))} per particle, with −0.0 made +0.0. */
  private static double[] releaseRelativeTimes(Rows rows, int np, int timeSign) {
    double[] minAbs = new double[np];
    Arrays.fill(minAbs, Double.POSITIVE_INFINITY);
    for (int r = 0; r < rows.n; r++) {
      minAbs[rows.pid[r]] = Math.min(minAbs[rows.pid[r]], Math.abs(rows.time[r]));
    }
    double[] rtime = new double[rows.n];
    for (int r = 0; r < rows.n; r++) {
      rtime[r] = (rows.time[r] - timeSign * minAbs[rows.pid[r]]) + 0.0;
    }
    return rtime;
  }

  private static int[] distinctLayers(Rows rows, boolean timeIntegrate) {
    if (timeIntegrate || rows.n == 0) {
      return new int[] {0};
    }
    int[] l = new int[rows.n];
    for (int r = 0; r < rows.n; r++) {
      l[r] = (int) Math.floor(rows.time[r] / LAYER_MIN);
    }
    return sortedDistinct(l, rows.n);
  }

  private static int[] sortedDistinct(int[] values, int n) {
    int[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (u == 0 || s[i] != s[u - 1]) {
        s[u++] = s[i];
      }
    }
    return Arrays.copyOf(s, u);
  }

  private static Instant[] layerTimes(int[] layers, boolean timeIntegrate, Instant receptorTime) {
    if (timeIntegrate) {
      return new Instant[] {receptorTime};
    }
    Instant[] t = new Instant[layers.length];
    for (int i = 0; i < layers.length; i++) {
      t[i] = receptorTime.plusSeconds(layers[i] * LAYER_S);
    }
    return t;
  }

  private static FootprintGrid emptyGrid(
      GridSpec spec,
      Domain domain,
      int[] layers,
      boolean timeIntegrate,
      Instant receptorTime,
      EmptyFootprintReason reason) {
    int cells = Math.multiplyExact(domain.nLon(), domain.nLat());
    double[][] zeros = new double[layers.length][cells];
    return FootprintGrid.adopt(
        spec,
        domain.xCentres(),
        domain.yCentres(),
        layerTimes(layers, timeIntegrate, receptorTime),
        zeros,
        reason);
  }
}
