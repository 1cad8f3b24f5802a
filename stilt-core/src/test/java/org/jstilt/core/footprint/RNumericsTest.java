package org.jstilt.core.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class RNumericsTest {

  @Test
  void seqUsesRsFuzzSoDecimalBoundsKeepTheirLastCell() {
    // (-179.9 - -180)/0.01 = 9.999999999999432: R's trunc(q + 1e-10) gives 10 (PYSTILT's rule gives 9).
    double[] s = RNumerics.seq(-180, -179.9, 0.01);
    assertThat(s).hasSize(11);
    assertThat(s[10]).isEqualTo(-179.9); // clamped to 'to'
    // A partial cell is dropped: 1 degree at 0.3 gives 3 cells (4 breakpoints).
    assertThat(RNumerics.seq(-114, -113, 0.3)).hasSize(4);
    assertThat(RNumerics.seq(39, 40, 0.4)).hasSize(3);
  }

  @Test
  void seqValuesAreFromPlusITimesBy() {
    double[] s = RNumerics.seq(0, 10, 0.1);
    assertThat(s).hasSize(101);
    assertThat(s[3]).isEqualTo(0.30000000000000004); // 0 + 3*0.1, one ulp above the decimal
    for (int i = 0; i < s.length; i++) {
      assertThat(s[i]).isEqualTo(Math.min(0 + i * 0.1, 10));
    }
    assertThat(RNumerics.seq(5, 5 + 1e-15, 1)).containsExactly(5.0); // span below 100 ulps
    assertThatThrownBy(() -> RNumerics.seq(2, 1, 0.5)).hasMessageContaining("wrong sign");
  }

  @Test
  void findIntervalCountsBreakpointsAtOrBelow() {
    double[] v = {0, 1, 2, 3};
    assertThat(RNumerics.findInterval(v, -0.5, 0)).isEqualTo(0);
    assertThat(RNumerics.findInterval(v, 0, 2)).isEqualTo(1);
    assertThat(RNumerics.findInterval(v, 0.999, 3)).isEqualTo(1);
    assertThat(RNumerics.findInterval(v, 1, 0)).isEqualTo(2);
    assertThat(RNumerics.findInterval(v, 3, 0)).isEqualTo(4);
    assertThat(RNumerics.findInterval(v, 7, 1)).isEqualTo(4);
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
    double[] w = RNumerics.seq(-113.07, -110.93, 0.01);
    for (int k = 0; k < 10_000; k++) {
      double x = -113.1 + 2.2 * rng.nextDouble();
      int expected = 0;
      for (double b : w) {
        if (b <= x) {
          expected++;
        }
      }
      int guess = rng.nextInt(-5, w.length + 5);
      assertThat(RNumerics.findInterval(w, x, guess)).isEqualTo(expected);
      assertThat(RNumerics.findInterval(w, w[k % w.length], guess)).isEqualTo(k % w.length + 1);
    }
  }

  @Test
  void roundOneDecimalPicksTheNearerTenthAsR() {
    assertThat(RNumerics.roundOneDecimal(-0.30000000000000004)).isEqualTo(-0.3);
    assertThat(RNumerics.roundOneDecimal(10.200000000000001)).isEqualTo(10.2);
    assertThat(RNumerics.roundOneDecimal(-99.5)).isEqualTo(-99.5);
    assertThat(RNumerics.roundOneDecimal(0.15)).isEqualTo(0.1); // 0.15 is below 0.15 in binary
    assertThat(RNumerics.roundOneDecimal(0.25)).isEqualTo(0.2); // exact tie: even tenth
    assertThat(RNumerics.roundOneDecimal(0.35)).isEqualTo(0.3); // 0.35 is below 0.35
    assertThat(RNumerics.roundOneDecimal(2.45)).isEqualTo(2.5); // 2.45 is above 2.45
    assertThat(RNumerics.roundOneDecimal(-0.0)).isEqualTo(-0.0);
    for (int i = -1000; i <= 1000; i++) {
      assertThat(RNumerics.roundOneDecimal(i * 0.1)).isEqualTo(i / 10.0);
    }
  }

  @Test
  void wrapMatchesRsPlus540FormulaBitForBit() {
    assertThat(RNumerics.wrapAntimeridian(170.3)).isEqualTo(170.29999999999995);
    assertThat(RNumerics.wrapAntimeridian(-170)).isEqualTo(190.0);
    assertThat(RNumerics.wrapAntimeridian(-178.5)).isEqualTo(181.5);
    assertThat(RNumerics.wrapAntimeridian(179)).isEqualTo(179.0);
    assertThat(RNumerics.wrapAntimeridian(-180)).isEqualTo(180.0);
    assertThat(RNumerics.wrapAntimeridian(0)).isEqualTo(0.0);
    // Every result is the exact value of ((x mod 360) + 540) rounded to double, shifted exactly.
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
    for (int k = 0; k < 20_000; k++) {
      double x = -360 + 720 * rng.nextDouble();
      double m = exactMod360(x);
      double plus540 = m + 540; // one rounding, as R's double '+'
      double expected = exactMod360(plus540) - 180;
      if (expected < 0) {
        expected += 360;
      }
      assertThat(RNumerics.wrapAntimeridian(x)).as("x = %s", x).isEqualTo(expected);
    }
  }

  @Test
  void mod360RoundsLikeRsLongDoubleArithmetic() {
    assertThat(RNumerics.mod360(-111.85)).isEqualTo(248.15);
    assertThat(RNumerics.mod360(720)).isEqualTo(0.0);
    // R: tmp = 360 - 1e-20 rounds to 360 in long double, then floorl(tmp/360) = 1 takes it to 0.
    assertThat(RNumerics.mod360(-1e-20)).isEqualTo(0.0);
    assertThat(RNumerics.mod360(-1e-13)).isEqualTo(359.9999999999999);
    assertThat(RNumerics.mod360(359.99999999999994)).isEqualTo(359.99999999999994);
  }

  /** x mod 360 rounded once to double: R's result whenever the exact value fits 64 bits. */
  private static double exactMod360(double x) {
    BigDecimal b = new BigDecimal(x);
    BigDecimal r = b.remainder(BigDecimal.valueOf(360));
    if (r.signum() < 0) {
      r = r.add(BigDecimal.valueOf(360));
    }
    return r.doubleValue();
  }

  @Test
  void medianAveragesTheTwoMiddleValues() {
    assertThat(RNumerics.median(new double[] {3, 1, 2}, 3)).isEqualTo(2);
    assertThat(RNumerics.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
    assertThat(RNumerics.median(new double[] {5, 9}, 0)).isNaN();
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(17);
    for (int k = 0; k < 3000; k++) {
      int n = rng.nextInt(1, 140);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = rng.nextInt(0, 4) == 0 ? rng.nextInt(0, 5) * 0.01 : rng.nextDouble(); // ties too
      }
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      assertThat(RNumerics.median(v, n)).isEqualTo(expected);
    }
  }

  @Test
  void signOfMedianWithoutSorting() {
    assertThat(FootprintCalculator.signOfMedian(new double[] {-1, -2, 3})).isEqualTo(-1);
    assertThat(FootprintCalculator.signOfMedian(new double[] {1, 2, -3})).isEqualTo(1);
    assertThat(FootprintCalculator.signOfMedian(new double[] {-1, 0, 0})).isEqualTo(0);
    assertThat(FootprintCalculator.signOfMedian(new double[] {-1, 2})).isEqualTo(1);
    assertThat(FootprintCalculator.signOfMedian(new double[] {-2, 1})).isEqualTo(-1);
    assertThat(FootprintCalculator.signOfMedian(new double[] {-2, 2})).isEqualTo(0);
    assertThat(FootprintCalculator.signOfMedian(new double[] {-2, 0})).isEqualTo(-1);
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
    for (int k = 0; k < 2000; k++) {
      int n = rng.nextInt(1, 12);
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = rng.nextInt(-3, 4);
      }
      double[] copy = t.clone();
      assertThat(FootprintCalculator.signOfMedian(t))
          .isEqualTo((int) Math.signum(RNumerics.median(copy, n)));
    }
  }

  @Test
  void findNeighborIsNearestWithTiesToTheLowerEntry() {
    double[] y = {-3, -1, 0};
    assertThat(KernelTable.findNeighbor(-2, y)).isEqualTo(0); // exact tie between -3 and -1: lower
    assertThat(KernelTable.findNeighbor(-1.9, y)).isEqualTo(1);
    assertThat(KernelTable.findNeighbor(-10, y)).isEqualTo(0);
    assertThat(KernelTable.findNeighbor(5, y)).isEqualTo(2);
    assertThat(KernelTable.findNeighbor(-0.5, y)).isEqualTo(1); // tie between -1 and 0: lower
    assertThat(KernelTable.findNeighbor(-0.4, y)).isEqualTo(2);
    assertThat(KernelTable.findNeighbor(7, new double[] {-4})).isEqualTo(0);
    assertThat(KernelTable.findNeighbor(7, new double[0])).isEqualTo(-1);
  }

  @Test
  void kernelDimensionsAreFloorOfThreeSigmaOverRes() {
    GaussianKernel k = GaussianKernel.of(0.02736, 0.01, 0.01);
    assertThat(k.nx()).isEqualTo(17);
    assertThat(k.ny()).isEqualTo(17);
    assertThat(GaussianKernel.of(0.0033, 0.01, 0.01).isUnit()).isTrue(); // 3σ < res
    assertThat(GaussianKernel.of(0, 0.01, 0.01).isUnit()).isTrue();
    GaussianKernel a = GaussianKernel.of(0.02736, 0.01, 0.02);
    assertThat(a.nx()).isEqualTo(17);
    assertThat(a.ny()).isEqualTo(9);
    double sx = 0;
    for (double w : a.weightX) {
      sx += w;
    }
    assertThat(sx).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    for (int i = 0; i < a.nx(); i++) {
      double off = (i - a.hx) * 0.01;
      assertThat(a.weightX[i] / a.weightX[a.hx])
          .isCloseTo(Math.exp(-off * off / (2 * 0.02736 * 0.02736)), org.assertj.core.data.Offset.offset(1e-15));
    }
  }

  @Test
  void densificationScheduleIsRsThreeSequences() {
    double[] s = Densifier.scheduleAbs();
    assertThat(s).hasSize(311);
    assertThat(s[0]).isEqualTo(0);
    assertThat(s[100]).isEqualTo(10);
    assertThat(s[101]).isEqualTo(10.2);
    assertThat(s[150]).isEqualTo(20);
    assertThat(s[151]).isEqualTo(20.5);
    assertThat(s[310]).isEqualTo(100);
    for (int i = 1; i < s.length; i++) {
      assertThat(s[i]).isGreaterThan(s[i - 1]);
    }
  }
}
