package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.parquet.TrajectoryMetadata;
import org.jstilt.io.parquet.TrajectoryParquetWriter;
import org.jstilt.io.particles.ParticleCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path dir;

  @Test
  void trajectoryParquetToCsvWithAllColumns() throws IOException {
    ParticleEnsemble p = ParticleCsvReader.read(SharedData.reference().resolve("hysplit/night_column/particles.csv.gz"));
    Path pq = dir.resolve("sim_traj.parquet");
    TrajectoryParquetWriter.write(pq, p, Instant.parse("2019-05-30T11:00:00Z"), Map.of(TrajectoryMetadata.IS_ERROR, "false"));
    Path out = dir.resolve("traj.csv.gz");
    CliRun r = CliRun.of("export", pq.toString(), "--csv", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("360000 rows x 14 columns");
    String head;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
      head = new String(in.readNBytes(300), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }
    assertThat(head).isEqualTo("indx,time,long,lati,zagl,foot,mlht,dens,samt,sigw,tlgr,xhgt,foot_no_hnf_dilution,datetime");
    ParticleEnsemble back = ParticleCsvReader.read(out);
    for (String c : p.columnNames()) {
      assertThat(back.column(c)).as(c).isEqualTo(p.column(c));
    }
  }

  /** A float64 footprint exports to exactly the cells {@code --nonzero-csv} wrote. */
  @Test
  void footprintNetcdfToNonzeroCells() throws IOException {
    Path particles = SharedData.reference().resolve("footprint/particles/evening_wbb_hnf.csv.gz");
    Path nc = dir.resolve("foot.nc");
    Path direct = dir.resolve("direct.csv");
    CliRun r = CliRun.of("footprint", "--particles", particles.toString(), "--receptor-time", "2019-05-30T03:00:00Z",
        "--xmin", "-112.9", "--xmax", "-111.1", "--ymin", "40.1", "--ymax", "41.4", "--xres", "0.01", "--float64",
        "--output", nc.toString(), "--nonzero-csv", direct.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path exported = dir.resolve("exported.csv");
    CliRun e = CliRun.of("export", nc.toString(), "--csv", exported.toString());
    assertThat(e.exitCode()).as(e.err()).isZero();
    assertThat(Files.readString(exported)).isEqualTo(Files.readString(direct));
  }

  @Test
  void rStiltFootprintFileExports() throws IOException {
    Path nc = SharedData.reference().resolve("footprint/evening_sf1_res0.01_tiF_hnfT/foot.nc");
    Path out = dir.resolve("r.csv");
    CliRun e = CliRun.of("export", nc.toString(), "--csv", out.toString());
    assertThat(e.exitCode()).as(e.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(44);
  }

  @Test
  void badInputsFailWithoutOutput() throws IOException {
    Path txt = dir.resolve("notes.txt");
    Files.writeString(txt, "hello");
    CliRun r = CliRun.of("export", txt.toString(), "--csv", dir.resolve("x.csv").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("notes.txt", "neither a trajectory Parquet file nor a NetCDF-4 footprint");
    CliRun missing = CliRun.of("export", dir.resolve("nope.parquet").toString(), "--csv", dir.resolve("x.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("not found");
    assertThat(CliRun.files(dir)).containsExactly("notes.txt");
  }
}
