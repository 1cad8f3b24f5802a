package org.jstilt.io.particles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.InputFileException;
import org.jstilt.io.parquet.TrajectoryParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParticleFilesTest {
  @TempDir Path dir;

  private static ParticleEnsemble table(double lat) {
    Map<String, double[]> c = new LinkedHashMap<>();
    c.put("time", new double[] {-1, -2});
    c.put("indx", new double[] {1, 1});
    c.put("long", new double[] {-111.85, -111.9});
    c.put("lati", new double[] {40.77, lat});
    c.put("foot", new double[] {0.1, 0.2});
    return ParticleEnsemble.of(c);
  }

  @Test
  void detectsFormatsByContentNotName() throws IOException {
    Path csv = dir.resolve("a.dat");
    Files.writeString(csv, "time,indx,long,lati,foot\n-1,1,-111,40,1\n");
    Path dat = dir.resolve("particles.csv");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dat))) {
      out.write("   40.7700005      -111.849998       5.00000000    \n  -1.  1. -111.8 40.7\n".getBytes(StandardCharsets.US_ASCII));
    }
    Path pq = dir.resolve("traj.bin");
    TrajectoryParquetWriter.write(pq, table(40.8), Instant.EPOCH, Map.of());
    assertThat(ParticleFormat.detect(csv)).isEqualTo(ParticleFormat.CSV);
    assertThat(ParticleFormat.detect(dat)).isEqualTo(ParticleFormat.HYSPLIT_DAT);
    assertThat(ParticleFormat.detect(pq)).isEqualTo(ParticleFormat.PARQUET);
  }

  @Test
  void readsCsvAndParquetAlike() throws IOException {
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "time,indx,long,lati,foot\n-1,1,-111.85,40.77,0.1\n-2,1,-111.9,40.8,0.2\n");
    Path pq = dir.resolve("p.parquet");
    TrajectoryParquetWriter.write(pq, table(40.8), Instant.EPOCH, Map.of());
    ParticleEnsemble a = ParticleFiles.read(csv, ParticleColumns.FOOTPRINT_INPUT);
    ParticleEnsemble b = ParticleFiles.read(pq, ParticleColumns.FOOTPRINT_INPUT);
    for (String c : ParticleColumns.FOOTPRINT_INPUT) {
      assertThat(b.column(c)).as(c).isEqualTo(a.column(c));
    }
  }

  @Test
  void parquetGetsTheSameChecksAsCsv() {
    Path pq = dir.resolve("bad.parquet");
    TrajectoryParquetWriter.write(pq, table(95), Instant.EPOCH, Map.of());
    assertThatThrownBy(() -> ParticleFiles.read(pq, ParticleColumns.FOOTPRINT_INPUT))
        .isInstanceOf(InputFileException.class).hasMessageContaining("row 2").hasMessageContaining("lati = 95.0");
    Path pq2 = dir.resolve("nofoot.parquet");
    TrajectoryParquetWriter.write(pq2, table(40).select(java.util.List.of("time", "indx", "long", "lati")), Instant.EPOCH, Map.of());
    assertThatThrownBy(() -> ParticleFiles.read(pq2, ParticleColumns.FOOTPRINT_INPUT))
        .hasMessageContaining("missing required column(s) [foot]");
  }

  @Test
  void unknownAndEmptyAndDatAreClearErrors() throws IOException {
    Path junk = dir.resolve("notes.txt");
    Files.writeString(junk, "hello world\n");
    assertThatThrownBy(() -> ParticleFiles.read(junk, ParticleColumns.FOOTPRINT_INPUT))
        .isInstanceOf(InputFileException.class).hasMessageContaining("cannot tell").hasMessageContaining("'hello world'");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> ParticleFiles.read(empty, ParticleColumns.FOOTPRINT_INPUT)).hasMessageContaining("empty");
    Path dat = dir.resolve("PARTICLE_STILT.DAT");
    Files.writeString(dat, " 40.77 -111.85 5.0\n");
    assertThatThrownBy(() -> ParticleFiles.read(dat, ParticleColumns.FOOTPRINT_INPUT)).hasMessageContaining("varsiwant");
  }
}
