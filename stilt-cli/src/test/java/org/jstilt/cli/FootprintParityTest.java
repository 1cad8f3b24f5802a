package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.parquet.TrajectoryParquetWriter;
import org.jstilt.io.particles.ParticleCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stilt footprint --nonzero-csv} against R-STILT's {@code calc_footprint} (reference/footprint):
 * the same set of non-zero cells, each value within 1e-7 relative.
 */
class FootprintParityTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
    "evening_sf1_res0.01_tiF_hnfT", "forward_sf1_res0.01_tiF", "synthetic_dateline_sf1_res0.1_tiT",
    "night_kerneltest_sf1_res0.01_tiF", "synthetic_fast_sf1_res0.02_tiF"
  })
  void nonzeroCellsMatchRStilt(String caseName) throws IOException {
    Path caseDir = SharedData.reference().resolve("footprint").resolve(caseName);
    JsonNode a = new ObjectMapper().readTree(caseDir.resolve("args.json").toFile());
    Path cells = dir.resolve("cells.csv");
    CliRun r = CliRun.of(args(a, caseDir.resolve(a.get("particles").asText()).normalize(), cells).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertSameCells(read(cells), read(caseDir.resolve("foot_nonzero.csv")), caseName);
  }

  /** PARTICLE_STILT.DAT straight from hycs_std: its foot is R's raw foot (no hnf). */
  @Test
  void datInputMatchesRStiltOnTheRawFoot() throws IOException {
    Path caseDir = SharedData.reference().resolve("footprint/night_kerneltest_sf1_res0.01_tiF");
    Path ref = SharedData.reference().resolve("footprint/night_sf1_res0.01_tiF_hnfF");
    JsonNode a = new ObjectMapper().readTree(ref.resolve("args.json").toFile());
    Path cells = dir.resolve("cells.csv");
    Path dat = SharedData.reference().resolve("hysplit/night_a/PARTICLE_STILT.DAT.gz");
    CliRun r = CliRun.of(args(a, dat, cells).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertSameCells(read(cells), read(ref.resolve("foot_nonzero.csv")), "night_a DAT");
    assertThat(caseDir).exists();
  }

  /** The same particles as CSV and as trajectory Parquet give the same footprint, byte for byte. */
  @Test
  void parquetInputEqualsCsvInput() throws IOException {
    Path csv = SharedData.reference().resolve("footprint/particles/evening_wbb_hnf.csv.gz");
    ParticleEnsemble p = ParticleCsvReader.read(csv);
    Path pq = dir.resolve("traj.parquet");
    TrajectoryParquetWriter.write(pq, p, Instant.parse("2019-05-30T03:00:00Z"), Map.of());
    JsonNode a = new ObjectMapper().readTree(
        SharedData.reference().resolve("footprint/evening_sf1_res0.01_tiF_hnfT/args.json").toFile());
    Path c1 = dir.resolve("a.csv");
    Path c2 = dir.resolve("b.csv");
    assertThat(CliRun.of(args(a, csv, c1).toArray(String[]::new)).exitCode()).isZero();
    assertThat(CliRun.of(args(a, pq, c2).toArray(String[]::new)).exitCode()).isZero();
    assertThat(Files.readString(c2)).isEqualTo(Files.readString(c1));
  }

  private List<String> args(JsonNode a, Path particles, Path cells) {
    List<String> args = new ArrayList<>(List.of("footprint",
        "--particles", particles.toString(),
        "--receptor-time", a.get("receptor_time").asText(),
        "--xmin", a.get("xmin").asText(), "--xmax", a.get("xmax").asText(),
        "--ymin", a.get("ymin").asText(), "--ymax", a.get("ymax").asText(),
        "--xres", a.get("xres").asText(), "--yres", a.get("yres").asText(),
        "--projection", a.get("projection").asText(),
        "--smooth-factor", a.get("smooth_factor").asText(),
        "--output", dir.resolve("foot.nc").toString(),
        "--nonzero-csv", cells.toString()));
    if (a.get("time_integrate").asBoolean()) {
      args.add("--time-integrate");
    }
    return args;
  }

  /** Cells keyed by (lon, lat, time) rounded to 1e-6 degrees. */
  private static Map<String, Double> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] h = lines.get(0).split(",");
    int lon = List.of(h).indexOf("lon");
    int lat = List.of(h).indexOf("lat");
    int time = List.of(h).indexOf("time_epoch_s");
    int value = List.of(h).indexOf("value");
    Map<String, Double> m = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double x = Double.parseDouble(f[lon]);
      String key = Math.round(x * 1e6) + "/" + Math.round(Double.parseDouble(f[lat]) * 1e6) + "/"
          + (long) Double.parseDouble(f[time]);
      assertThat(m.put(key, Double.parseDouble(f[value]))).as("duplicate cell " + key).isNull();
    }
    return m;
  }

  private static void assertSameCells(Map<String, Double> ours, Map<String, Double> r, String what) {
    assertThat(ours.keySet()).as(what + ": set of non-zero cells").isEqualTo(r.keySet());
    double worst = 0;
    for (Map.Entry<String, Double> e : r.entrySet()) {
      double rel = Math.abs(ours.get(e.getKey()) - e.getValue()) / Math.abs(e.getValue());
      worst = Math.max(worst, rel);
    }
    assertThat(worst).as(what + ": worst relative difference per cell").isLessThanOrEqualTo(1e-7);
  }
}
