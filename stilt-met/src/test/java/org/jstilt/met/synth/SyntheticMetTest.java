package org.jstilt.met.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jstilt.met.FieldStats;
import org.jstilt.met.MetDataset;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.projection.LatLonProjection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Physical sanity of the default synthetic met, read back from the ARL file it writes. */
class SyntheticMetTest {
  private static final SyntheticMetSpec SPEC = SyntheticMetSpec.defaults();
  private static final Instant NIGHT = Instant.parse("2019-05-30T10:00:00Z"); // 02:30 local solar time
  private static final Instant NOON = Instant.parse("2019-05-30T19:00:00Z"); // 11:30
  private static final Instant EVENING = Instant.parse("2019-05-31T00:00:00Z"); // 16:30

  @TempDir static Path dir;
  static List<Path> files;

  @BeforeAll
  static void write() {
    files = SyntheticMet.write(SPEC, dir);
  }

  @Test
  void defaultIsOneDayOnALatLonGrid() {
    assertThat(files).containsExactly(dir.resolve("20190530_00_synth"));
    try (ArlFile f = ArlFile.open(files.get(0))) {
      assertThat(f.times()).hasSize(25);
      assertThat(f.times().get(24)).isEqualTo(EVENING);
      assertThat(f.interval()).contains(Duration.ofHours(1));
      assertThat(f.grid().nx()).isEqualTo(66);
      assertThat(f.grid().ny()).isEqualTo(56);
      assertThat(f.projection()).isInstanceOf(LatLonProjection.class);
      assertThat(f.projection().toGrid(38.0, -115.0).x()).isCloseTo(1.0, within(1e-9));
      assertThat(f.projection().toGrid(43.5, -108.5).y()).isCloseTo(56.0, within(1e-9));
      assertThat(f.grid().levels().get(0).variables())
          .contains("SHGT", "PRSS", "T02M", "U10M", "V10M", "SHTF", "LHTF", "USTR", "PBLH");
      for (int l = 1; l < f.grid().nz(); l++) {
        assertThat(f.grid().levels().get(l).variables()).contains("TEMP", "UWND", "VWND", "WWND", "SPHU", "PRES");
      }
      // flat terrain and horizontally uniform fields
      for (ArlLevel l : f.grid().levels()) {
        for (String v : l.variables()) {
          FieldStats s = FieldStats.of(f.read(7, l.index(), v));
          assertThat(s.max()).as("%s level %d uniform", v, l.index()).isEqualTo(s.min());
        }
      }
      assertThat(f.read(0, 0, "SHGT")[0]).isZero();
    }
  }

  /** Level heights rebuilt from PRSS, T02M, TEMP and PRES with the hypsometric equation (TRANSPORT.md §1.8). */
  @Test
  void pressureAndTemperatureAreHydrostatic() {
    try (MetDataset met = MetDataset.open(files)) {
      for (Instant t : List.of(NIGHT, NOON, EVENING)) {
        SyntheticMet.Column exact = SyntheticMet.column(SPEC, t);
        double pBelow = met.read(t, 0, "PRSS")[0];
        double tBelow = met.read(t, 0, "T02M")[0];
        double z = 0;
        for (int l = 1; l < met.grid().nz(); l++) {
          double p = met.read(t, l, "PRES")[0];
          double temp = met.read(t, l, "TEMP")[0];
          assertThat(p).isCloseTo(met.grid().levels().get(l).value() * SPEC.surfacePressureHPa(), within(1e-6));
          z += (Math.log(pBelow) - Math.log(p)) * SyntheticMet.RD * (tBelow + temp) / 2 / SyntheticMet.G;
          // trapezoidal hypsometric heights agree with the exact integration to 0.1 % + 1 m
          assertThat(z).as("height of level %d at %s", l, t).isCloseTo(exact.levelHeightM()[l - 1], within(1 + 1e-3 * z));
          pBelow = p;
          tBelow = temp;
        }
      }
    }
  }

  @Test
  void stabilityFollowsTheDiurnalCycle() {
    try (MetDataset met = MetDataset.open(files)) {
      // night: negative heat flux, shallow PBL, potential temperature increasing with height everywhere
      assertThat(met.read(NIGHT, 0, "SHTF")[0]).isNegative();
      assertThat(met.read(NIGHT, 0, "PBLH")[0]).isCloseTo(SPEC.pblMinM(), within(1.0));
      double[] thetaNight = theta(met, NIGHT);
      for (int k = 1; k < thetaNight.length; k++) {
        assertThat(thetaNight[k]).as("night theta level %d", k + 1).isGreaterThan(thetaNight[k - 1]);
      }
      // day: positive heat flux, deep PBL, well mixed below PBLH, stable above it
      double h = met.read(NOON, 0, "SHTF")[0];
      assertThat(h).isGreaterThan(200);
      assertThat(met.read(NOON, 0, "USTR")[0]).isGreaterThan(0.2);
      double pblh = met.read(NOON, 0, "PBLH")[0];
      assertThat(pblh).isCloseTo(SPEC.pblMaxM(), within(20.0));
      double[] thetaDay = theta(met, NOON);
      double[] zDay = SyntheticMet.column(SPEC, NOON).levelHeightM();
      for (int k = 1; k < thetaDay.length; k++) {
        if (zDay[k] < pblh) {
          assertThat(thetaDay[k]).as("mixed layer level %d", k + 1).isCloseTo(thetaDay[0], within(0.02));
        } else if (zDay[k - 1] > pblh) {
          assertThat(thetaDay[k]).as("above PBL level %d", k + 1).isGreaterThan(thetaDay[k - 1]);
        }
      }
      // mixed layer is warmer in the afternoon than at night
      assertThat(thetaDay[0]).isGreaterThan(thetaNight[0]);
      // humidity below saturation, about the prescribed 50 % near the ground
      assertThat(met.read(NOON, 0, "RH2M")[0]).isCloseTo(50, within(1.0));
      for (int l = 1; l < met.grid().nz(); l++) {
        double q = met.read(NOON, l, "SPHU")[0];
        double qsat = SyntheticMet.saturationSphu(met.read(NOON, l, "TEMP")[0], met.read(NOON, l, "PRES")[0]);
        assertThat(q).isPositive().isLessThan(qsat);
      }
    }
  }

  @Test
  void windsAreAsPrescribed() {
    try (MetDataset met = MetDataset.open(files)) {
      assertThat(met.read(NOON, 0, "U10M")[0]).isCloseTo(5.0, within(0.02));
      assertThat(met.read(NOON, 0, "V10M")[0]).isCloseTo(0.0, within(0.02));
      double[] z = SyntheticMet.column(SPEC, NOON).levelHeightM();
      for (int l = 1; l < met.grid().nz(); l++) {
        double u = met.read(NOON, l, "UWND")[0];
        double v = met.read(NOON, l, "VWND")[0];
        double expected = SyntheticMet.windSpeed(SPEC, z[l - 1]);
        assertThat(Math.hypot(u, v)).as("speed at level %d (%.0f m)", l, z[l - 1]).isCloseTo(expected, within(0.04));
        assertThat(u).isPositive(); // from the west
        assertThat(met.read(NOON, l, "WWND")[0]).isZero();
      }
      double at500 = SyntheticMet.windSpeed(SPEC, 500);
      assertThat(at500).isCloseTo(5 * Math.pow(50, 0.14), within(1e-12));
      assertThat(met.read(NOON, 0, "USTR")[0]).isCloseTo(0.4 * 5 / Math.log(100), within(0.01));
    }
  }

  @Test
  void filesSplitByFileHours() {
    SyntheticMetSpec s = SyntheticMetSpec.builder().hours(12).fileHours(6).box(-112, 40, -110, 42).resolutionDeg(0.2).build();
    List<Path> out = SyntheticMet.write(s, dir.resolve("split"));
    // 13 periods 00..12: 00-05, 06-12 (the lone 12Z joins the second file)
    assertThat(out).extracting(p -> p.getFileName().toString()).containsExactly("20190530_00_synth", "20190530_06_synth");
    try (ArlFile a = ArlFile.open(out.get(0)); ArlFile b = ArlFile.open(out.get(1))) {
      assertThat(a.times()).hasSize(6);
      assertThat(b.times()).hasSize(7);
    }
    assertThatThrownBy(() -> SyntheticMetSpec.builder().box(-112, 40, -111.9, 40.1).build())
        .hasMessageContaining("108 points");
    assertThatThrownBy(() -> SyntheticMetSpec.builder().pbl(500, 100).build()).hasMessageContaining("pbl-min <= pbl-max");
  }

  @Test
  void pressureLevelAndRelhVariantsCarryConsistentProfiles() {
    List<Double> plev = List.of(1000.0, 950.0, 900.0, 850.0, 700.0, 500.0, 300.0);
    SyntheticMetSpec s = SyntheticMetSpec.builder().hours(2).fileHours(2).box(-112, 40, -110, 42).resolutionDeg(0.2)
        .surfacePressureHPa(1013).pressureLevels(plev).build();
    List<Path> out = SyntheticMet.write(s, dir.resolve("plev"));
    Instant t = s.start();
    try (MetDataset met = MetDataset.open(out)) {
      assertThat(met.grid().verticalCoordinate()).isEqualTo(org.jstilt.met.arl.VerticalCoordinate.PRESSURE);
      double prevZ = 0;
      for (int l = 1; l <= plev.size(); l++) {
        assertThat(met.grid().levels().get(l).value()).isEqualTo(plev.get(l - 1));
        double z = met.read(t, l, "HGTS")[0];
        double rh = met.read(t, l, "RELH")[0];
        assertThat(z).as("HGTS rises with the level").isGreaterThan(prevZ);
        assertThat(rh).as("RELH in percent").isBetween(0.1, 100.0);
        if (l > 1) {
          // hypsometric thickness from the written temperatures equals the written HGTS difference (to the
          // 8-bit packing and the mean-temperature approximation: 1 %)
          double tMean = 0.5 * (met.read(t, l - 1, "TEMP")[0] + met.read(t, l, "TEMP")[0]);
          double dz = SyntheticMet.RD * tMean / SyntheticMet.G * Math.log(plev.get(l - 2) / plev.get(l - 1));
          assertThat(z - prevZ).as("thickness " + plev.get(l - 2) + "-" + plev.get(l - 1)).isCloseTo(dz, within(0.01 * dz));
        }
        prevZ = z;
      }
    }
    assertThatThrownBy(() -> SyntheticMetSpec.builder().surfacePressureHPa(990).pressureLevels(plev).build())
        .hasMessageContaining("below the surface pressure");

    SyntheticMetSpec r = SyntheticMetSpec.builder().hours(2).fileHours(2).box(-112, 40, -110, 42).resolutionDeg(0.2)
        .sigmaRelh(true).build();
    try (MetDataset met = MetDataset.open(SyntheticMet.write(r, dir.resolve("relh")))) {
      assertThat(met.grid().has(1, "RELH")).isTrue();
      assertThat(met.grid().has(1, "SPHU")).isFalse();
      // RELH = 100 q / q_sat of the SPHU variant
      SyntheticMet.Column c = SyntheticMet.column(r, r.start());
      double expected = 100 * c.levelSphu()[0] / SyntheticMet.saturationSphu(c.levelTempK()[0], c.levelPressureHPa()[0]);
      assertThat(met.read(r.start(), 1, "RELH")[0]).isCloseTo(expected, within(0.01 * expected));
    }
  }

  private static double[] theta(MetDataset met, Instant t) {
    double[] th = new double[met.grid().nz() - 1];
    for (int l = 1; l < met.grid().nz(); l++) {
      th[l - 1] = met.read(t, l, "TEMP")[0] * Math.pow(1000 / met.read(t, l, "PRES")[0], SyntheticMet.KAPPA);
    }
    return th;
  }
}
