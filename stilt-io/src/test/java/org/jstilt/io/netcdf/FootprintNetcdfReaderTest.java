package org.jstilt.io.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.InputFileException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our reader on R-STILT's own footprint files, checked against R's double-precision cell list. */
class FootprintNetcdfReaderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"evening_sf1_res0.01_tiF_hnfT", "synthetic_dateline_sf1_res0.1_tiT", "night_sf1_res0.05_tiT_hnfT"})
  void readsRStiltFootprintFiles(String caseName) throws IOException {
    Path caseDir = SharedData.reference().resolve("footprint").resolve(caseName);
    FootprintFile f = FootprintNetcdfReader.read(caseDir.resolve("foot.nc"));
    FootprintGrid g = f.footprint();
    assertThat(f.storedAsFloat64()).isFalse();
    assertThat(f.text("crs")).hasValue("+proj=longlat");

    List<String> rows = Files.readAllLines(caseDir.resolve("foot_nonzero.csv"));
    assertThat(rows.get(0)).isEqualTo("lon,lat,time,time_epoch_s,value");
    int nonzero = 0;
    for (int t = 0; t < g.nt(); t++) {
      for (double v : g.layer(t)) {
        if (v != 0) {
          nonzero++;
        }
      }
    }
    assertThat(nonzero).isEqualTo(rows.size() - 1);
    double[] x = g.xCentres();
    double[] y = g.yCentres();
    Instant[] times = g.times();
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      double lon = Double.parseDouble(c[0]);
      double lat = Double.parseDouble(c[1]);
      Instant time = Instant.ofEpochSecond(Long.parseLong(c[3]));
      double value = Double.parseDouble(c[4]);
      int i = nearest(x, lon);
      int j = nearest(y, lat);
      int t = List.of(times).indexOf(time);
      assertThat(t).as("time %s in %s", time, List.of(times)).isNotNegative();
      assertThat(x[i]).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(y[j]).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-9));
      // R stored its doubles as float32.
      assertThat(g.value(t, j, i)).isEqualTo((double) (float) value);
    }
  }

  @Test
  void rebuildsTheGridOfAWrappedRStiltDomain() {
    Path nc = SharedData.reference().resolve("footprint/synthetic_dateline_sf1_res0.1_tiT/foot.nc");
    FootprintGrid g = FootprintNetcdfReader.read(nc).footprint();
    assertThat(g.spec().xmin()).isCloseTo(170, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(g.spec().xmax()).isCloseTo(-170, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(g.spec().xres()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(g.nx()).isEqualTo(200);
  }

  @Test
  void timeUnitsInOtherForms() {
    Path f = Path.of("f.nc");
    assertThat(FootprintNetcdfReader.toInstant(f, 1559217600, "seconds since 1970-01-01 00:00:00Z"))
        .isEqualTo(Instant.parse("2019-05-30T12:00:00Z"));
    assertThat(FootprintNetcdfReader.toInstant(f, 2, "hours since 2019-05-30T10:00:00"))
        .isEqualTo(Instant.parse("2019-05-30T12:00:00Z"));
    assertThat(FootprintNetcdfReader.toInstant(f, -90, "minutes since 2019-5-30 1:30"))
        .isEqualTo(Instant.parse("2019-05-30T00:00:00Z"));
    assertThat(FootprintNetcdfReader.toInstant(f, 1.5, "days since 2019-05-30"))
        .isEqualTo(Instant.parse("2019-05-31T12:00:00Z"));
    assertThatThrownBy(() -> FootprintNetcdfReader.toInstant(f, 1, "fortnights since 2019-05-30"))
        .isInstanceOf(InputFileException.class).hasMessageContaining("fortnights");
  }

  @Test
  void notAFootprintFile() throws IOException {
    Path p = dir.resolve("x.nc");
    Files.writeString(p, "CDF\u0001 not really");
    assertThatThrownBy(() -> FootprintNetcdfReader.read(p)).isInstanceOf(InputFileException.class).hasMessageContaining("x.nc");
    assertThatThrownBy(() -> FootprintNetcdfReader.read(dir.resolve("missing.nc"))).hasMessageContaining("not found");
  }

  private static int nearest(double[] a, double v) {
    int best = 0;
    for (int k = 1; k < a.length; k++) {
      if (Math.abs(a[k] - v) < Math.abs(a[best] - v)) {
        best = k;
      }
    }
    return best;
  }
}
