package org.jstilt.met.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.MetCoverageException;
import org.jstilt.met.MetFormatException;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.ArlGridDefinition;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.arl.ArlWriter;
import org.jstilt.met.arl.VerticalCoordinate;
import org.jstilt.met.projection.GridPoint;
import org.jstilt.met.projection.LatLon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetSubsetterTest {
  @TempDir Path dir;

  /**
   * The crop's values equal the source values at the same points within the crop record's precision (PREC in
   * its label), and most records bit for bit. ARL's format limits exactness: the crop's (1,1) value goes into a
   * 7-digit label (E14.7); when no 7-digit value lies on the source's lattice within reach of the (1,1) byte
   * (ArlPacking.anchor), the whole field moves by that rounding. Where the crop's first column climbs more
   * steeply than anything in the source's first column the packing needs one exponent more (values move by
   * up to half the coarser step), and a first-column point the source stored as 0 (precision rule) becomes
   * the nearest lattice value, since ARL never zeroes the first column.
   */
  @Test
  void hrrrCropKeepsProjectionAndValues() {
    List<Path> src = List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"), SharedData.hrrrMet().resolve("20190530_06-11_hrrr"));
    BoundingBox box = BoundingBox.parse("-112.6,40.3,-111.5,41.0");
    List<Path> out = MetSubsetter.subset(src, dir, box, 10);
    assertThat(out).containsExactly(dir.resolve("20190530_00-05_hrrr"), dir.resolve("20190530_06-11_hrrr"));
    int identical = 0;
    int total = 0;
    for (int f = 0; f < 2; f++) {
      try (ArlFile s = ArlFile.open(src.get(f)); ArlFile c = ArlFile.open(out.get(f))) {
        ArlGrid cg = c.grid();
        assertThat(cg.nz()).isEqualTo(10);
        assertThat(cg.levels()).isEqualTo(s.grid().levels().subList(0, 10));
        assertThat(c.times()).isEqualTo(s.times());
        assertThat(cg.nx()).isLessThan(59);
        assertThat(cg.ny()).isLessThan(41);
        // the box lies inside the crop
        for (double[] ll : new double[][] {{40.3, -112.6}, {41.0, -112.6}, {40.3, -111.5}, {41.0, -111.5}}) {
          GridPoint g = c.projection().toGrid(ll[0], ll[1]);
          assertThat(g.x()).isBetween(1.0, (double) cg.nx());
          assertThat(g.y()).isBetween(1.0, (double) cg.ny());
        }
        // crop point (1,1) is a source grid point; every crop point sits where that source point sits
        LatLon c11 = c.projection().toLatLon(1, 1);
        GridPoint at = s.projection().toGrid(c11.latDeg(), c11.lonDeg());
        int di = (int) Math.round(at.x()) - 1;
        int dj = (int) Math.round(at.y()) - 1;
        assertThat(at.x()).isCloseTo(di + 1, within(1e-9));
        assertThat(at.y()).isCloseTo(dj + 1, within(1e-9));
        for (int j = 1; j <= cg.ny(); j += 3) {
          for (int i = 1; i <= cg.nx(); i += 3) {
            LatLon a = c.projection().toLatLon(i, j);
            LatLon b = s.projection().toLatLon(i + di, j + dj);
            assertThat(a.latDeg()).isCloseTo(b.latDeg(), within(1e-9));
            assertThat(a.lonDeg()).isCloseTo(b.lonDeg(), within(1e-9));
          }
        }
        int nxs = s.grid().nx();
        for (int p = 0; p < c.periods().size(); p++) {
          for (ArlLevel l : cg.levels()) {
            for (String v : l.variables()) {
              double[] fs = s.read(p, l.index(), v);
              double[] fc = c.read(p, l.index(), v);
              double prec = c.label(p, l.index(), v).precision();
              boolean same = true;
              for (int j = 0; j < cg.ny(); j++) {
                for (int i = 0; i < cg.nx(); i++) {
                  double want = fs[(j + dj) * nxs + i + di];
                  double got = fc[j * cg.nx() + i];
                  assertThat(got).as("%s l%d p%d (%d,%d)", v, l.index(), p, i, j).isCloseTo(want, within(prec));
                  same &= got == want;
                }
              }
              identical += same ? 1 : 0;
              total++;
            }
          }
        }
      }
    }
    // 781 of the 1080 records come through bit for bit (545 when VAR1 was always the 7-digit rounding)
    assertThat(total).isEqualTo(2 * 6 * (18 + 9 * 8));
    assertThat(identical).as("bit-identical records of %d", total).isGreaterThan(total * 7 / 10);
  }

  @Test
  void globalLatLonCropAcrossTheSeam() {
    int nx = 72;
    int ny = 37;
    ArlGrid g = new ArlGrid("GLOB", nx, ny, ArlGridDefinition.latLon(-90, 0, 5, 5, nx, ny), VerticalCoordinate.PRESSURE,
        List.of(new ArlLevel(0, 0, List.of("PRSS", "T02M")), new ArlLevel(1, 1000, List.of("TEMP"))));
    Path src = dir.resolve("global");
    Instant t = Instant.parse("2020-01-01T00:00:00Z");
    try (ArlWriter w = ArlWriter.create(src, g)) {
      w.writePeriod(t, 0, (level, var) -> {
        double[] f = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
          for (int i = 0; i < nx; i++) {
            double lat = -90 + 5 * j;
            double lon = 5 * i;
            f[j * nx + i] = 280 + 20 * Math.cos(Math.toRadians(lat)) + 3 * Math.sin(Math.toRadians(lon)) + level;
          }
        }
        return f;
      });
      w.commit();
    }
    Path outDir = dir.resolve("crop");
    Path out = MetSubsetter.subset(src, outDir, BoundingBox.parse("-20,30,25,60"), null);
    try (ArlFile s = ArlFile.open(src); ArlFile c = ArlFile.open(out)) {
      // -20 .. 25 by 30 .. 60 is 10 x 7 points, grown along the shorter side to 10 x 11 (ARL needs 108 points)
      assertThat(c.grid().nx()).isEqualTo(10);
      assertThat(c.grid().ny()).isEqualTo(11);
      assertThat(c.grid().map().syncLon()).isEqualTo(-20.0); // across the prime meridian: negative start
      assertThat(c.grid().map().syncLat()).isEqualTo(20.0);
      double[] fc = c.read(0, 1, "TEMP");
      double[] fs = s.read(0, 1, "TEMP");
      for (int j = 0; j < 11; j++) {
        for (int i = 0; i < 10; i++) {
          LatLon ll = c.projection().toLatLon(i + 1, j + 1);
          GridPoint sp = s.projection().toGrid(ll.latDeg(), ll.lonDeg());
          int k = ((int) Math.round(sp.y()) - 1) * nx + (int) Math.round(sp.x()) - 1;
          assertThat(fc[j * 10 + i]).isCloseTo(fs[k], within(c.label(0, 1, "TEMP").precision()));
        }
      }
    }
  }

  @Test
  void refusals() {
    Path src = SharedData.hrrrMet().resolve("20190530_00-05_hrrr");
    assertThatThrownBy(() -> MetSubsetter.subset(src, dir, BoundingBox.parse("-100,30,-90,35"), null))
        .isInstanceOf(MetCoverageException.class)
        .hasMessageContaining("does not overlap the met grid")
        .hasMessageContaining("20190530_00-05_hrrr");
    assertThatThrownBy(() -> MetSubsetter.subset(src, src.getParent(), BoundingBox.parse("-112.6,40.3,-111.5,41.0"), null))
        .isInstanceOf(MetFormatException.class)
        .hasMessageContaining("Refusing to overwrite the source");
    assertThatThrownBy(() -> MetSubsetter.subset(src, dir, BoundingBox.parse("-112.6,40.3,-111.5,41.0"), 0))
        .hasMessageContaining("--levels must be >= 1");
    assertThatThrownBy(() -> BoundingBox.parse("1,2,3")).hasMessageContaining("W,S,E,N");
    assertThatThrownBy(() -> BoundingBox.parse("-112,41,-111,40")).hasMessageContaining("south < north");
    assertThat(new ArrayList<>(List.of(BoundingBox.parse("170,-10,-170,10").widthDeg()))).containsExactly(20.0);
  }
}
