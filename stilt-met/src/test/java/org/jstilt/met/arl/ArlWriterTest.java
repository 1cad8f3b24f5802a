package org.jstilt.met.arl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.projection.LatLonProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArlWriterTest {
  @TempDir Path dir;

  /**
   * read → write → read on a real HRRR file is value-identical: decoded values are multiples of the record's
   * packing step, so re-packing with the source exponent and (1,1) value reproduces them exactly.
   */
  @Test
  void hrrrRoundTripIsValueIdentical() throws Exception {
    Path src = SharedData.hrrrMet().resolve("20190530_00-05_hrrr");
    Path out = dir.resolve("copy");
    try (ArlFile in = ArlFile.open(src)) {
      try (ArlWriter w = ArlWriter.create(out, in.grid())) {
        for (int p = 0; p < in.periods().size(); p++) {
          int period = p;
          w.writePeriod(in.times().get(p), in.periods().get(p).forecastHour(), new FieldSource() {
            @Override
            public double[] field(int level, String variable) {
              return in.read(period, level, variable);
            }

            @Override
            public int packingExponentHint(int level, String variable) {
              return in.label(period, level, variable).nexp();
            }
          });
        }
        w.commit();
      }
      assertThat(Files.size(out)).isEqualTo(Files.size(src));
      try (ArlFile back = ArlFile.open(out)) {
        assertThat(back.grid()).isEqualTo(in.grid());
        assertThat(back.times()).isEqualTo(in.times());
        for (int p = 0; p < in.periods().size(); p++) {
          for (ArlLevel level : in.grid().levels()) {
            for (String v : level.variables()) {
              assertThat(back.read(p, level.index(), v))
                  .as("%s level %d period %d", v, level.index(), p)
                  .containsExactly(in.read(p, level.index(), v));
            }
          }
        }
      }
    }
  }

  /** Without the exponent hint the packer chooses its own; values stay within the record's precision. */
  @Test
  void packingWithoutHintStaysWithinPrecision() {
    ArlGrid g = ArlTestFiles.latLonGrid("TEST", 40, 30, 4);
    Path f = dir.resolve("analytic");
    ArlTestFiles.write(f, g, 3, Duration.ofHours(3));
    try (ArlFile in = ArlFile.open(f)) {
      assertThat(in.times()).containsExactly(ArlTestFiles.T0, ArlTestFiles.T0.plusSeconds(3 * 3600), ArlTestFiles.T0.plusSeconds(6 * 3600));
      for (int p = 0; p < 3; p++) {
        for (ArlLevel level : g.levels()) {
          for (String v : level.variables()) {
            double[] expected = ArlTestFiles.field(g, v, level.index(), p);
            double[] got = in.read(p, level.index(), v);
            double prec = in.label(p, level.index(), v).precision();
            for (int k = 0; k < got.length; k++) {
              // |error| <= half a packing step (= prec) away from zeros; zeros below prec decode as 0.
              assertThat(got[k]).as("%s l%d p%d k%d", v, level.index(), p, k).isCloseTo(expected[k], within(prec * 1.0000001));
            }
          }
        }
      }
    }
  }

  @Test
  void gridsLargerThan999AndMultiRecordIndexRoundTrip() {
    // 1001 x 2: the thousands of NX go into the label's grid id
    ArlGrid wide = ArlTestFiles.latLonGrid("WIDE", 1001, 2, 1);
    Path f = dir.resolve("wide");
    ArlTestFiles.write(f, wide, 2, Duration.ofHours(1));
    try (ArlFile in = ArlFile.open(f)) {
      assertThat(in.grid().nx()).isEqualTo(1001);
      assertThat(in.grid().ny()).isEqualTo(2);
      assertThat(in.read(1, 1, "UWND")[1000 + 1001]).isCloseTo(ArlTestFiles.value("UWND", 1, 1, 1000, 1), within(0.01));
    }
    // 3 x 1200: thousands of NY
    ArlGrid tall = new ArlGrid("TALL", 3, 1200, ArlGridDefinition.latLon(-60, 10, 0.1, 0.1, 3, 1200), VerticalCoordinate.PRESSURE,
        List.of(new ArlLevel(0, 0, List.of("PRSS")), new ArlLevel(1, 1000, List.of("TEMP")), new ArlLevel(2, 850, List.of("TEMP"))));
    Path t = dir.resolve("tall");
    ArlTestFiles.write(t, tall, 1, Duration.ofHours(1));
    try (ArlFile in = ArlFile.open(t)) {
      assertThat(in.grid().ny()).isEqualTo(1200);
      assertThat(in.grid().verticalCoordinate()).isEqualTo(VerticalCoordinate.PRESSURE);
      assertThat(in.grid().levels().get(1).value()).isEqualTo(1000.0);
      assertThat(in.interval()).isEmpty();
    }
    // 12 x 10 = 120 bytes per record, an index of 108 + 31 levels x (8 + 3 x 8) = 1100 chars -> 10 index records
    ArlGrid small = ArlTestFiles.latLonGrid("SMAL", 12, 10, 30);
    Path s = dir.resolve("small");
    ArlTestFiles.write(s, small, 3, Duration.ofMinutes(30));
    try (ArlFile in = ArlFile.open(s)) {
      assertThat(in.indexRecordsPerPeriod()).isEqualTo(1100 / 120 + 1).isEqualTo(10);
      assertThat(in.grid().levels()).hasSize(31);
      assertThat(in.interval()).contains(Duration.ofMinutes(30));
      assertThat(in.times().get(1)).isEqualTo(Instant.parse("2021-07-01T00:30:00Z"));
      double[] temp = in.read(2, 30, "TEMP");
      assertThat(temp[5]).isCloseTo(ArlTestFiles.value("TEMP", 30, 2, 5, 0), within(0.01));
    }
  }

  @Test
  void sixteenBitModelsPackTwoBytesPerPoint() {
    ArlGrid g = ArlTestFiles.latLonGrid("DWRF", 20, 15, 2);
    assertThat(g.sixteenBit()).isTrue();
    Path f = dir.resolve("dwrf");
    ArlTestFiles.write(f, g, 2, Duration.ofHours(1));
    try (ArlFile in = ArlFile.open(f)) {
      assertThat(in.recordLength()).isEqualTo(50 + 2 * 20 * 15);
      double[] t = in.read(1, 2, "TEMP");
      double prec = in.label(1, 2, "TEMP").precision();
      assertThat(prec).isLessThan(1e-3); // 16-bit: 256 times finer than 8-bit
      double[] expected = ArlTestFiles.field(g, "TEMP", 2, 1);
      for (int k = 0; k < t.length; k++) {
        assertThat(t[k]).isCloseTo(expected[k], within(prec * 1.0000001));
      }
    }
  }

  @Test
  void everyVerticalCoordinateFlagRoundTrips() {
    for (VerticalCoordinate vc : VerticalCoordinate.values()) {
      ArlGrid base = ArlTestFiles.latLonGrid("VC" + vc.flag(), 12, 10, 2);
      ArlGrid g = new ArlGrid(base.model(), 12, 10, base.map(), vc, base.levels());
      Path f = dir.resolve("vc" + vc.flag());
      ArlTestFiles.write(f, g, 1, Duration.ofHours(1));
      try (ArlFile in = ArlFile.open(f)) {
        assertThat(in.grid().verticalCoordinate()).isEqualTo(vc);
      }
    }
    assertThat(VerticalCoordinate.SIGMA.pressureHPa(0.5, 1000, 0)).isEqualTo(500.0);
    assertThat(VerticalCoordinate.SIGMA.pressureHPa(0.5, 1000, 100)).isEqualTo(550.0);
    assertThat(VerticalCoordinate.HYBRID.pressureHPa(20.25, 1000, 0)).isEqualTo(270.0);
    assertThat(VerticalCoordinate.PRESSURE.pressureHPa(850, 1000, 0)).isEqualTo(850.0);
  }

  @Test
  void latLonHeaderUsesGblsetSemantics() {
    ArlGrid g = ArlTestFiles.latLonGrid("TEST", 40, 30, 1);
    Path f = dir.resolve("ll");
    ArlTestFiles.write(f, g, 1, Duration.ofHours(1));
    try (ArlFile in = ArlFile.open(f)) {
      ArlGridDefinition m = in.grid().map();
      assertThat(m.sizeKm()).isZero();
      assertThat(m.syncLat()).isEqualTo(35.0);
      assertThat(m.syncLon()).isEqualTo(245.0); // 0..360 unless the grid crosses the prime meridian (GBL2XY)
      assertThat(m.refLat()).isEqualTo(0.25);
      assertThat(m.refLon()).isEqualTo(0.5);
      assertThat(m.poleLat()).isEqualTo(35.0 + 29 * 0.25);
      assertThat(m.poleLon()).isEqualTo(245.0 + 39 * 0.5);
      assertThat(in.projection()).isEqualTo(new LatLonProjection(35.0, 245.0, 0.25, 0.5, 40, 30));
      assertThat(in.projection().toGrid(35.0, -115.0).x()).isEqualTo(1.0);
    }
    ArlGridDefinition prime = ArlGridDefinition.latLon(40, -10, 0.25, 0.25, 81, 41);
    assertThat(prime.syncLon()).isEqualTo(-10.0);
    assertThat(prime.poleLon()).isEqualTo(10.0);
    ArlGridDefinition global = ArlGridDefinition.latLon(-90, -180, 0.5, 0.5, 720, 361);
    assertThat(global.syncLon()).isEqualTo(180.0);
    assertThat(global.poleLon()).isEqualTo(539.5);
  }

  @Test
  void refusesWhatHysplitCannotRead() throws Exception {
    ArlGrid tiny = ArlTestFiles.latLonGrid("TINY", 10, 10, 1);
    assertThatThrownBy(() -> ArlWriter.create(dir.resolve("tiny"), tiny))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nx*ny >= 108");
    ArlGrid g = ArlTestFiles.latLonGrid("TEST", 12, 10, 1);
    try (ArlWriter w = ArlWriter.create(dir.resolve("x"), g)) {
      w.writePeriod(ArlTestFiles.T0, 0, (l, v) -> ArlTestFiles.field(g, v, l, 0));
      w.writePeriod(ArlTestFiles.T0.plusSeconds(3600), 0, (l, v) -> ArlTestFiles.field(g, v, l, 0));
      assertThatThrownBy(() -> w.writePeriod(ArlTestFiles.T0.plusSeconds(3 * 3600), 0, (l, v) -> ArlTestFiles.field(g, v, l, 0)))
          .hasMessageContaining("constant interval");
      // not committed: nothing left behind
    }
    assertThat(dir.resolve("x")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
