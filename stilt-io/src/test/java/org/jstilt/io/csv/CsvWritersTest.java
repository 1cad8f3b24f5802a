package org.jstilt.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryParquetWriter;
import org.jstilt.io.parquet.TrajectoryTable;
import org.jstilt.io.particles.ParticleCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWritersTest {
  @TempDir Path dir;

  @Test
  void nonzeroCellsInRStiltOrderWithCentresAndExactValues() throws IOException {
    GridSpec spec = GridSpec.longLat(-112.0, -111.97, 40.0, 40.02, 0.01);
    double[] x = {-111.995, -111.985, -111.975};
    double[] y = {40.005, 40.015};
    Instant[] t = {Instant.parse("2019-05-30T09:00:00Z"), Instant.parse("2019-05-30T10:00:00Z")};
    double[][] layers = {
      {0, 0.1 + 0.2, 0, 0, 0, 1e-9},
      {2.5e-20, 0, 0, 0, 0.0001, 0}
    };
    Path out = dir.resolve("cells.csv");
    long n = FootprintCellsCsvWriter.write(out, new FootprintGrid(spec, x, y, t, layers, null));
    assertThat(n).isEqualTo(4);
    assertThat(Files.readString(out)).isEqualTo(
        "lon,lat,time_epoch_s,value\n"
            + "-111.985,40.005,1559206800,0.30000000000000004\n"
            + "-111.975,40.015,1559206800,1e-09\n"
            + "-111.995,40.005,1559210400,2.5e-20\n"
            + "-111.985,40.015,1559210400,0.0001\n");
  }

  @Test
  void projectedGridsSayXy() throws IOException {
    GridSpec spec = new GridSpec(-112, -111, 40, 41, 2000, 2000, "+proj=utm +zone=12");
    FootprintGrid g = new FootprintGrid(spec, new double[] {401000}, new double[] {4501000},
        new Instant[] {Instant.EPOCH}, new double[][] {{1.5}}, null);
    Path out = dir.resolve("cells.csv.gz");
    FootprintCellsCsvWriter.write(out, g);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x,y,time_epoch_s,value\n401000.0,4501000.0,0,1.5\n");
    }
  }

  @Test
  void trajectoryCsvRoundTripsThroughTheReader() throws IOException {
    Path pq = dir.resolve("t.parquet");
    ParticleEnsemble p = ParticleCsvReader.read(SharedData.reference().resolve("footprint/particles/synthetic_fast.csv.gz"));
    Map<String, double[]> c = new LinkedHashMap<>(p.toMap());
    TrajectoryParquetWriter.write(pq, ParticleEnsemble.of(c), Instant.parse("2019-05-30T12:00:00Z"), Map.of());
    TrajectoryTable table = TrajectoryParquetReader.read(pq);
    Path csv = dir.resolve("t.csv.gz");
    TrajectoryCsvWriter.write(csv, table);
    String head;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(csv))) {
      head = new String(in.readNBytes(200), StandardCharsets.UTF_8).lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow();
    }
    assertThat(head).startsWith("time,indx,long,lati,foot,datetime\n-1.0,1.0,");
    assertThat(head).endsWith(",0.001,2019-05-30T11:59:00Z");
    ParticleEnsemble back = ParticleCsvReader.read(csv);
    assertThat(back.columnNames()).containsExactly("time", "indx", "long", "lati", "foot");
    for (String name : back.columnNames()) {
      assertThat(back.column(name)).as(name).isEqualTo(p.column(name));
    }
  }
}
