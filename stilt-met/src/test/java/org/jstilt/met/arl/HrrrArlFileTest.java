package org.jstilt.met.arl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.FieldStats;
import org.jstilt.met.projection.ConformalProjection;
import org.jstilt.met.projection.GridPoint;
import org.jstilt.met.projection.LatLon;
import org.jstilt.met.projection.MapProjection;
import org.junit.jupiter.api.Test;

/** The two real HRRR files of ../shared/met/hrrr against the facts of TRANSPORT.md §1–2. */
class HrrrArlFileTest {

  private static Path file(String name) {
    return SharedData.hrrrMet().resolve(name);
  }

  @Test
  void structureMatchesTheSpec() {
    try (ArlFile f = ArlFile.open(file("20190530_00-05_hrrr"))) {
      ArlGrid g = f.grid();
      assertThat(g.model()).isEqualTo("HRRR");
      assertThat(g.nx()).isEqualTo(59);
      assertThat(g.ny()).isEqualTo(41);
      assertThat(g.nz()).isEqualTo(20);
      assertThat(g.verticalCoordinate()).isEqualTo(VerticalCoordinate.SIGMA);
      assertThat(f.recordLength()).isEqualTo(2469);
      assertThat(f.indexRecordsPerPeriod()).isEqualTo(1);
      assertThat(f.recordsPerPeriod()).isEqualTo(171);
      assertThat(f.sizeBytes()).isEqualTo(2_533_194L).isEqualTo(1026L * 2469);
      assertThat(f.times()).hasSize(6);
      assertThat(f.times().get(0)).isEqualTo(Instant.parse("2019-05-30T00:00:00Z"));
      assertThat(f.times().get(5)).isEqualTo(Instant.parse("2019-05-30T05:00:00Z"));
      assertThat(f.interval()).contains(Duration.ofHours(1));

      ArlGridDefinition m = g.map();
      assertThat(m.poleLat()).isEqualTo(90.0);
      assertThat(m.refLat()).isEqualTo(38.5);
      assertThat(m.refLon()).isEqualTo(262.5);
      assertThat(m.sizeKm()).isEqualTo(3.0);
      assertThat(m.tangLat()).isEqualTo(38.5);
      assertThat(m.syncLat()).isEqualTo(40.1015);
      assertThat(m.syncLon()).isEqualTo(-112.91);

      assertThat(g.levels().get(0).value()).isEqualTo(1.0);
      assertThat(g.levels().get(0).variables())
          .containsExactly("SHGT", "MSLP", "TPP1", "DIFR", "T02M", "RH2M", "U10M", "V10M", "PRSS", "LHTF", "SHTF",
              "USTR", "RGHS", "DSWF", "PBLH", "TCLD", "REFC", "CAPE");
      for (int l = 1; l < 20; l++) {
        assertThat(g.levels().get(l).variables())
            .containsExactly("TEMP", "UWND", "VWND", "WWND", "DIFW", "SPHU", "TKEN", "PRES");
      }
      assertThat(g.levels().get(1).value()).isEqualTo(0.999);
      assertThat(g.levels().get(19).value()).isEqualTo(0.47675);
    }
  }

  @Test
  void everyRecordOfBothFilesDecodesWithItsChecksum() {
    for (String name : List.of("20190530_00-05_hrrr", "20190530_06-11_hrrr")) {
      try (ArlFile f = ArlFile.open(file(name))) {
        int records = 0;
        for (int p = 0; p < f.periods().size(); p++) {
          for (ArlLevel level : f.grid().levels()) {
            for (String v : level.variables()) {
              double[] field = f.read(p, level.index(), v); // throws on any checksum or label mismatch
              assertThat(field).hasSize(59 * 41);
              records++;
            }
          }
        }
        assertThat(records).isEqualTo(6 * 170);
      }
    }
  }

  @Test
  void decodedRangesAgreeWithTheSpec() {
    try (ArlFile f = ArlFile.open(file("20190530_00-05_hrrr"))) {
      assertRange(f, 1, "UWND", -5.78, 3.85, 0.005);
      assertRange(f, 0, "PBLH", 58.9, 2555, 0.5);
      assertRange(f, 0, "SHGT", 1264, 3264, 0.5);
      assertRange(f, 0, "PRSS", 685, 872, 0.5);
      assertRange(f, 1, "TEMP", 272.6, 292.2, 0.05);
      assertRange(f, 1, "WWND", -0.125, 0.111, 0.0005);
      assertRange(f, 1, "SPHU", 0.0043, 0.0085, 0.00005);
      assertRange(f, 0, "USTR", 0.007, 0.36, 0.005); // the spec rounds to 2 digits
      assertRange(f, 0, "SHTF", -66, 222, 0.5);
    }
    try (ArlFile f = ArlFile.open(file("20190530_06-11_hrrr"))) {
      assertRange(f, 0, "PBLH", 34.5, 2019, 0.5);
        // PBLH below the packing precision (8 m) decodes as exactly 0 at night.
      for (int p = 2; p <= 4; p++) {
        assertThat(FieldStats.of(f.read(p, 0, "PBLH")).min()).as("PBLH min at %s", f.times().get(p)).isEqualTo(0.0);
      }
      assertThat(f.label(2, 0, "PBLH").precision()).isCloseTo(8.06, within(0.01));
    }
  }

  // Every record's min, max and mean against an independent decoder: IndependentDecoderTest.

  private static void assertRange(ArlFile f, int level, String var, double min, double max, double tol) {
    FieldStats s = FieldStats.of(f.read(0, level, var));
    assertThat(s.min()).as("%s level %d min", var, level).isCloseTo(min, within(tol));
    assertThat(s.max()).as("%s level %d max", var, level).isCloseTo(max, within(tol));
  }

  @Test
  void projectionPlacesTheGridAsHysplitDoes() {
    try (ArlFile f = ArlFile.open(file("20190530_00-05_hrrr"))) {
      MapProjection p = f.projection();
      assertThat(p).isInstanceOf(ConformalProjection.class);
      assertThat(((ConformalProjection) p).coneConstant()).isCloseTo(Math.sin(Math.toRadians(38.5)), within(1e-15));
      LatLon corner = p.toLatLon(1, 1);
      assertThat(corner.latDeg()).isCloseTo(40.1015, within(1e-9));
      assertThat(corner.lonDeg()).isCloseTo(-112.91, within(1e-9));
      GridPoint g = p.toGrid(40.1015, -112.91);
      assertThat(g.x()).isCloseTo(1.0, within(1e-9));
      assertThat(g.y()).isCloseTo(1.0, within(1e-9));
      LatLon ne = p.toLatLon(59, 41);
      assertThat(ne.latDeg()).isCloseTo(41.4118, within(1e-4));
      assertThat(ne.lonDeg()).isCloseTo(-111.0948, within(1e-4));
      LatLon centre = p.toLatLon(30, 21);
      assertThat(centre.latDeg()).isCloseTo(40.760, within(1e-3));
      assertThat(centre.lonDeg()).isCloseTo(-112.011, within(1e-3));
      for (int j = 1; j <= 41; j++) {
        for (int i = 1; i <= 59; i++) {
          double gx = p.gridSpacingXM(i, j);
          assertThat(gx).isBetween(2996.0, 2999.5);
          assertThat(p.gridSpacingYM(i, j)).isEqualTo(gx);
        }
      }
    }
  }

  @Test
  void latLonAndGridRoundTripToANanodegree() {
    try (ArlFile f = ArlFile.open(file("20190530_00-05_hrrr"))) {
      MapProjection p = f.projection();
      for (double y = 0.5; y <= 41.5; y += 0.25) {
        for (double x = 0.5; x <= 59.5; x += 0.25) {
          LatLon ll = p.toLatLon(x, y);
          GridPoint back = p.toGrid(ll.latDeg(), ll.lonDeg());
          LatLon again = p.toLatLon(back.x(), back.y());
          assertThat(again.latDeg()).isCloseTo(ll.latDeg(), within(1e-9));
          assertThat(again.lonDeg()).isCloseTo(ll.lonDeg(), within(1e-9));
          assertThat(back.x()).isCloseTo(x, within(1e-9));
          assertThat(back.y()).isCloseTo(y, within(1e-9));
        }
      }
    }
  }

  @Test
  void probeRecognisesArlCheaply() {
    ArlProbe probe = ArlFile.probe(file("20190530_06-11_hrrr"));
    assertThat(probe).isInstanceOf(ArlProbe.Recognized.class);
    ArlProbe.Recognized r = (ArlProbe.Recognized) probe;
    assertThat(r.model()).isEqualTo("HRRR");
    assertThat(r.nx()).isEqualTo(59);
    assertThat(r.nz()).isEqualTo(20);
    assertThat(r.firstTime()).isEqualTo(Instant.parse("2019-05-30T06:00:00Z"));
    assertThat(ArlFile.probe(SharedData.reference().resolve("README.md")).isArl()).isFalse();
  }
}
