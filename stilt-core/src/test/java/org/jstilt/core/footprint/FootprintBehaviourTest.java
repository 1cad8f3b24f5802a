package org.jstilt.core.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.jstilt.core.footprint.FootprintOracleTest.T0;
import static org.jstilt.core.footprint.FootprintOracleTest.rng;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.DistinctValues;
import org.jstilt.core.particle.ParticleEnsemble;
import org.junit.jupiter.api.Test;

class FootprintBehaviourTest {
  static final GridSpec GRID = GridSpec.longLat(-113, -111, 39.5, 41.5, 0.01);

  /** A seeded random-walk ensemble around (-112, 40.5): 1-minute steps, some zero foot. */
  static ParticleEnsemble randomWalk(long seed, int np, int steps, double stepDeg) {
    RandomGenerator r = rng(seed);
    Table t = new Table();
    for (int p = 1; p <= np; p++) {
      double x = -112 + 0.001 * r.nextGaussian();
      double y = 40.5 + 0.001 * r.nextGaussian();
      for (int k = 1; k <= steps; k++) {
        x += stepDeg * r.nextGaussian();
        y += stepDeg * r.nextGaussian();
        double foot = r.nextDouble() < 0.2 ? 0 : 0.05 * r.nextDouble();
        t.add(-k, p, x, y, foot);
      }
    }
    return t.build();
  }

  @Test
  void anEmptyTableGivesAZeroGridMarkedNoParticles() {
    FootprintResult r = FootprintCalculator.computeDetailed(Table.empty(), FootprintOptions.of(GRID), T0);
    FootprintGrid f = r.grid();
    assertThat(f.emptyReason()).contains(EmptyFootprintReason.NO_PARTICLES);
    assertThat(f.times()).containsExactly(T0);
    assertThat(f.nx()).isEqualTo(200);
    assertThat(f.ny()).isEqualTo(200);
    assertThat(f.total()).isZero();
    assertThat(r.particleCount()).isZero();
  }

  @Test
  void particlesOutsideTheDomainGiveAZeroGridMarkedOutsideDomainWithTheirHours() {
    Table t = new Table();
    for (int p = 1; p <= 5; p++) {
      for (int k = 1; k <= 130; k++) {
        t.add(-k, p, -100 + 0.001 * p, 30, 0.1);
      }
    }
    FootprintResult r = FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(GRID), T0);
    FootprintGrid f = r.grid();
    assertThat(f.emptyReason()).contains(EmptyFootprintReason.OUTSIDE_DOMAIN);
    assertThat(f.times()).containsExactly(T0.minusSeconds(3 * 3600), T0.minusSeconds(2 * 3600), T0.minusSeconds(3600));
    assertThat(f.total()).isZero();
    FootprintGrid integrated = FootprintCalculator.compute(t.build(), FootprintOptions.of(GRID).withTimeIntegrate(true), T0);
    assertThat(integrated.times()).containsExactly(T0);
    assertThat(integrated.emptyReason()).contains(EmptyFootprintReason.OUTSIDE_DOMAIN);
  }

  @Test
  void particlesInTheBufferWhoseKernelsMissTheDomainGiveAnUnmarkedZeroGrid() {
    RandomGenerator rr = rng(4);
    Table t = new Table();
    for (int p = 1; p <= 40; p++) {
      double x = -112 + 0.1 * rr.nextGaussian();
      double y = 40.5 + 0.1 * rr.nextGaussian();
      t.add(-1, p, -112, 40.5, 0).add(-2, p, -112, 40.5, 0).add(-1441, p, x, y, 0); // a big kernel: wide buffer
    }
    // rtime 0 (w = 0, a 1x1 kernel) just east of xmax, inside the buffer: kept by the filter, but its
    // single-cell kernel lies outside the grid.
    t.add(-1, 99, -110.995, 40.5, 1).add(-2, 99, -110.995, 40.5, 0);
    FootprintResult r = FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(GRID), T0);
    assertThat(r.grid().emptyReason()).isEmpty();
    assertThat(r.grid().total()).isZero();
    assertThat(r.grid().nt()).isEqualTo(1);
  }

  @Test
  void badValuesAreReportedWithTheirRow() {
    ParticleEnsemble nanLon = new Table().add(-1, 1, -112, 40.5, 1).add(-2, 1, Double.NaN, 40.5, 1).build();
    assertThatThrownBy(() -> FootprintCalculator.compute(nanLon, FootprintOptions.of(GRID), T0))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("long = NaN")
        .extracting(e -> ((StiltException) e).code())
        .isEqualTo(ErrorCode.INPUT);
    ParticleEnsemble badLat = new Table().add(-1, 1, -112, 95, 1).build();
    assertThatThrownBy(() -> FootprintCalculator.compute(badLat, FootprintOptions.of(GRID), T0))
        .hasMessageContaining("lati = 95");
    ParticleEnsemble badTime = new Table().add(Double.POSITIVE_INFINITY, 1, -112, 40, 1).build();
    assertThatThrownBy(() -> FootprintCalculator.compute(badTime, FootprintOptions.of(GRID), T0))
        .hasMessageContaining("time = Infinity");
    ParticleEnsemble infFoot = new Table().add(-1, 1, -112, 40, Double.POSITIVE_INFINITY).build();
    assertThatThrownBy(() -> FootprintCalculator.compute(infFoot, FootprintOptions.of(GRID), T0))
        .hasMessageContaining("foot = Infinity");
    ParticleEnsemble noFoot =
        ParticleEnsemble.of(Map.of("time", new double[] {-1}, "indx", new double[] {1}, "long", new double[] {-112}, "lati", new double[] {40}));
    assertThatThrownBy(() -> FootprintCalculator.compute(noFoot, FootprintOptions.of(GRID), T0))
        .hasMessageContaining("[foot]");
  }

  @Test
  void badGridsAreReportedWithTheSettingToFix() {
    assertThatThrownBy(() -> GridSpec.longLat(-112, -111, 40, 41, 0))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("grid.xres = 0.0");
    assertThatThrownBy(() -> new GridSpec(-112, -111, 40, 41, 0.01, -1, GridSpec.LONGLAT)).hasMessageContaining("grid.yres");
    assertThatThrownBy(() -> GridSpec.longLat(-112, -111, 41, 40, 0.01)).hasMessageContaining("grid.ymin = 41.0 must be less");
    assertThatThrownBy(() -> GridSpec.longLat(-112, Double.NaN, 40, 41, 0.01)).hasMessageContaining("grid.xmax");
    assertThatThrownBy(() -> FootprintOptions.of(GRID).withSmoothFactor(-1)).hasMessageContaining("smooth_factor");
    GridSpec narrow = GridSpec.longLat(-112, -111.995, 40, 41, 0.01);
    assertThatThrownBy(() -> FootprintCalculator.compute(Table.empty(), FootprintOptions.of(narrow), T0))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("narrower than one cell")
        .hasMessageContaining("grid.xres");
    GridSpec crossesBoth = GridSpec.longLat(-10, -20, 40, 41, 0.01);
    assertThatThrownBy(() -> FootprintCalculator.compute(Table.empty(), FootprintOptions.of(crossesBoth), T0))
        .hasMessageContaining("cross both 0 and 180");
    GridSpec badProj = new GridSpec(-112, -111, 40, 41, 1000, 1000, "+proj=nonsense");
    assertThatThrownBy(() -> FootprintCalculator.compute(Table.empty(), FootprintOptions.of(badProj), T0))
        .hasMessageContaining("+proj=nonsense");
  }

  @Test
  void smoothingAtThePoleIsRefusedWithTheReason() {
    Table t = new Table();
    for (int p = 1; p <= 5; p++) {
      t.add(-1, p, -112 + p, 90, 0).add(-2000, p, -112 + 2 * p, 90, 1);
    }
    GridSpec polar = GridSpec.longLat(-120, -100, 85, 90, 0.01);
    assertThatThrownBy(() -> FootprintCalculator.compute(t.build(), FootprintOptions.of(polar), T0))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("cos(mean latitude)")
        .extracting(e -> ((StiltException) e).code())
        .isEqualTo(ErrorCode.FOOTPRINT);
    // Without smoothing there is no bandwidth to blow up (latitude 90 = ymax is outside the half-open grid).
    assertThat(FootprintCalculator.compute(t.build(), FootprintOptions.of(polar).withSmoothFactor(0), T0).total()).isZero();
  }

  @Test
  void whereRStopsTheDocumentedAnswerIsReturnedAndFlagged() {
    // A single particle: no rtime group has two rows, R stops at max(w); no smoothing instead.
    ParticleEnsemble single = new Table().add(-1, 1, -112.0004, 40.5004, 0.3).add(-2, 1, -112.0004, 40.5004, 0.1).build();
    FootprintResult r = FootprintCalculator.computeDetailed(single, FootprintOptions.of(GRID).withTimeIntegrate(true), T0);
    assertThat(r.divergences()).contains(RDivergence.NO_KERNEL_VARIANCE);
    assertThat(r.grid().nonZeroCount()).isEqualTo(1);
    assertThat(r.grid().total()).isCloseTo(0.4, within(1e-15));
    // Two particles with one row each at the same time: one kernel row (R's find_neighbor stops), and
    // no particle has two early rows (R's densification test is NA).
    ParticleEnsemble oneRow = new Table().add(-5, 1, -112.0, 40.5, 1).add(-5, 2, -112.3, 40.7, 1).build();
    FootprintResult s = FootprintCalculator.computeDetailed(oneRow, FootprintOptions.of(GRID), T0);
    assertThat(s.divergences()).containsExactlyInAnyOrder(RDivergence.SINGLE_KERNEL_ROW, RDivergence.INTERPOLATION_TEST_UNDEFINED);
    assertThat(s.grid().total()).isCloseTo(1.0, within(1e-12)); // rtime 0: w = 0, no smoothing
  }

  @Test
  void densificationTurnsOneMinuteStepsInto321RowsAndKeepsWindowTotals() {
    Table t = new Table();
    for (int p = 1; p <= 3; p++) {
      for (int k = 1; k <= 120; k++) {
        t.add(-k, p, -112.5 + 0.02 * k + 0.001 * p, 40.5 + 0.001 * k, 0.001 * p + 1e-5 * k);
      }
    }
    ParticleEnsemble pe = t.build();
    DistinctValues ids = DistinctValues.of(pe.column("indx"));
    Rows rows = new Rows(pe.size(), pe.column("time"), ids.ids(), pe.column("long"), pe.column("lati"), pe.column("foot"));
    Rows.ByParticle by = Rows.ByParticle.of(rows, ids.count());
    assertThat(Densifier.shouldInterpolate(rows, by, 0.01, 0.01)).isEqualTo(Densifier.EarlyTest.DENSIFY);
    assertThat(Densifier.shouldInterpolate(rows, by, 0.05, 0.05)).isEqualTo(Densifier.EarlyTest.KEEP);
    assertThat(Densifier.shouldInterpolateInTableOrder(rows, 3, 0.01, 0.01)).isEqualTo(Densifier.EarlyTest.DENSIFY);
    assertThat(Densifier.shouldInterpolateInTableOrder(rows, 3, 0.05, 0.05)).isEqualTo(Densifier.EarlyTest.KEEP);
    Set<RDivergence> d = EnumSet.noneOf(RDivergence.class);
    Rows dense = Densifier.densify(rows, by, -1, Densification.R_STILT_PRODUCTION, d);
    assertThat(d).isEmpty();
    assertThat(dense.n).isEqualTo(3 * 321);
    double[] before = new double[3];
    double[] after = new double[3];
    for (int r = 0; r < rows.n; r++) {
      int w = Densifier.window(Math.abs(rows.time[r]));
      if (w >= 0) {
        before[w] += rows.foot[r];
      }
    }
    int beyond = 0;
    for (int r = 0; r < dense.n; r++) {
      int w = Densifier.window(Math.abs(dense.time[r]));
      if (w >= 0) {
        after[w] += dense.foot[r];
      } else {
        beyond++;
        // Rows beyond 100 minutes are the originals, untouched: time -k, x = -112.5 + 0.02k + 0.001p.
        double k = -dense.time[r];
        assertThat(dense.x[r]).isEqualTo(-112.5 + 0.02 * k + 0.001 * (dense.pid[r] + 1));
        assertThat(dense.foot[r]).isEqualTo(0.001 * (dense.pid[r] + 1) + 1e-5 * k);
      }
      assertThat(dense.time[r]).isEqualTo(RNumerics.roundOneDecimal(dense.time[r]));
    }
    assertThat(beyond).isEqualTo(3 * 20);
    for (int w = 0; w < 3; w++) {
      assertThat(after[w]).isCloseTo(before[w], within(1e-15 * before[w] * 10));
    }
    // An inserted row halfway between -1 and -2 lies halfway in space.
    for (int r = 0; r < dense.n; r++) {
      if (dense.time[r] == -1.5 && dense.pid[r] == 0) {
        assertThat(dense.x[r]).isCloseTo(-112.5 + 0.02 * 1.5 + 0.001, within(1e-13));
      }
    }
    Rows dropped = Densifier.densify(rows, by, -1, Densification.DROP_DENSIFIED_ROWS, d);
    assertThat(dropped.n).isEqualTo(3 * 120);

    GridSpec wide = GridSpec.longLat(-114, -108, 39.5, 42, 0.01); // holds every particle and kernel
    FootprintResult prod = FootprintCalculator.computeDetailed(pe, FootprintOptions.of(wide), T0);
    FootprintResult drop =
        FootprintCalculator.computeDetailed(pe, FootprintOptions.of(wide).withDensification(Densification.DROP_DENSIFIED_ROWS), T0);
    assertThat(prod.densified()).isTrue();
    assertThat(drop.densified()).isTrue();
    assertThat(prod.grid().nonZeroCount()).isGreaterThan(drop.grid().nonZeroCount());
    // Window rescaling preserves each window's mass, so with everything inside the domain both modes
    // keep the whole foot: total = sum(foot) / np.
    double footSum = 0;
    for (double f : pe.column("foot")) {
      footSum += f;
    }
    assertThat(prod.grid().total()).isCloseTo(footSum / 3, within(1e-12 * footSum));
    assertThat(drop.grid().total()).isCloseTo(footSum / 3, within(1e-12 * footSum));
  }

  @Test
  void theSequentialEarlyStepTestAgreesWithTheGroupedOne() {
    for (long seed = 30; seed < 36; seed++) {
      for (double step : new double[] {0.004, 0.01, 0.03}) {
        ParticleEnsemble pe = randomWalk(seed, 12, 120, step);
        DistinctValues ids = DistinctValues.of(pe.column("indx"));
        Rows rows = new Rows(pe.size(), pe.column("time"), ids.ids(), pe.column("long"), pe.column("lati"), pe.column("foot"));
        Rows.ByParticle by = Rows.ByParticle.of(rows, ids.count());
        for (double res : new double[] {0.005, 0.01, 0.02}) {
          assertThat(Densifier.shouldInterpolateInTableOrder(rows, ids.count(), res, res))
              .isEqualTo(Densifier.shouldInterpolate(rows, by, res, res));
        }
      }
    }
    // Rows of a particle out of time order in the table: the sequential test declines.
    ParticleEnsemble shuffled = new Table().add(-1, 1, 0, 0, 1).add(-3, 1, 0, 0, 1).add(-2, 1, 0, 0, 1).build();
    DistinctValues ids = DistinctValues.of(shuffled.column("indx"));
    Rows rows = new Rows(3, shuffled.column("time"), ids.ids(), shuffled.column("long"), shuffled.column("lati"), shuffled.column("foot"));
    assertThat(Densifier.shouldInterpolateInTableOrder(rows, 1, 0.01, 0.01)).isNull();
  }

  @Test
  void densifyingAParticleWithOneKnownValueIsFlaggedNotFatal() {
    Table t = new Table();
    for (int p = 1; p <= 4; p++) {
      for (int k = 1; k <= 30; k++) {
        t.add(-k, p, -112.5 + 0.05 * k, 40.5, 0.01);
      }
    }
    t.add(-3, 9, -112.2, 40.6, 0.02); // one row only
    FootprintResult r = FootprintCalculator.computeDetailed(t.build(), FootprintOptions.of(GRID), T0);
    assertThat(r.densified()).isTrue();
    assertThat(r.divergences()).containsExactly(RDivergence.DENSIFY_SINGLE_VALUE);
    assertThat(r.grid().total()).isPositive();
  }

  @Test
  void theFootprintIsLinearInFootExactly() {
    ParticleEnsemble base = randomWalk(21, 30, 90, 0.004);
    ParticleEnsemble doubled = base.withColumn("foot", scale(base.column("foot"), 2));
    FootprintGrid a = FootprintCalculator.compute(base, FootprintOptions.of(GRID), T0);
    FootprintGrid b = FootprintCalculator.compute(doubled, FootprintOptions.of(GRID), T0);
    assertThat(a.nonZeroCount()).isGreaterThan(100);
    for (int t = 0; t < a.nt(); t++) {
      assertThat(b.layer(t)).isEqualTo(scale(a.layer(t), 2)); // x2 is exact in binary
    }
  }

  @Test
  void theFootprintDoesNotDependOnRowOrderOrParticleNumbering() {
    for (double step : new double[] {0.004, 0.03}) { // the second one densifies
      ParticleEnsemble base = randomWalk(22, 25, 150, step);
      FootprintResult a = FootprintCalculator.computeDetailed(base, FootprintOptions.of(GRID), T0);
      assertThat(a.densified()).isEqualTo(step > 0.01);
      int n = base.size();
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      RandomGenerator r = rng(23);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      ParticleEnsemble shuffled = base.reorderRows(perm);
      double[] indx = shuffled.column("indx");
      for (int i = 0; i < n; i++) {
        indx[i] = 1000 - 7 * indx[i];
      }
      ParticleEnsemble relabelled = shuffled.withColumn("indx", indx);
      for (ParticleEnsemble other : new ParticleEnsemble[] {shuffled, relabelled}) {
        FootprintGrid b = FootprintCalculator.compute(other, FootprintOptions.of(GRID), T0);
        assertThat(b.times()).containsExactly(a.grid().times());
        for (int t = 0; t < b.nt(); t++) {
          double[] x = a.grid().layer(t);
          double[] y = b.layer(t);
          for (int c = 0; c < x.length; c++) {
            assertThat(y[c]).isCloseTo(x[c], within(1e-13 * Math.abs(x[c])));
          }
        }
      }
    }
  }

  @Test
  void extraColumnsAreIgnored() {
    ParticleEnsemble base = randomWalk(24, 10, 60, 0.004);
    Map<String, double[]> m = new LinkedHashMap<>(base.toMap());
    m.put("zagl", new double[base.size()]);
    FootprintGrid a = FootprintCalculator.compute(base, FootprintOptions.of(GRID), T0);
    FootprintGrid b = FootprintCalculator.compute(ParticleEnsemble.of(m), FootprintOptions.of(GRID), T0);
    for (int t = 0; t < a.nt(); t++) {
      assertThat(b.layer(t)).isEqualTo(a.layer(t));
    }
  }

  static double[] scale(double[] v, double f) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= f;
    }
    return out;
  }
}
