package org.jstilt.cli.met;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jstilt.cli.Main;
import org.jstilt.met.FieldStats;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetCommandTest {
  @TempDir Path dir;

  /** ../shared/met/hrrr; the test is skipped when the shared data are absent. */
  private static Path hrrr(String name) {
    String shared = System.getProperty("jstilt.shared.dir", "../../shared");
    Path p = Path.of(shared, "met", "hrrr", name).toAbsolutePath().normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(p), p + " not found: shared-data test skipped");
    return p;
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void infoJsonDescribesTheHrrrFile() throws Exception {
    Path f = hrrr("20190530_00-05_hrrr");
    Result r = run("met", "info", f.toString(), "--json", "--stats");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("model").asText()).isEqualTo("HRRR");
    assertThat(j.get("nx").asInt()).isEqualTo(59);
    assertThat(j.get("ny").asInt()).isEqualTo(41);
    assertThat(j.get("nz").asInt()).isEqualTo(20);
    assertThat(j.get("vertical_coordinate").asText()).isEqualTo("sigma");
    JsonNode p = j.get("projection");
    assertThat(p.get("type").asText()).isEqualTo("lambert_conformal");
    assertThat(p.get("sync_lat").asDouble()).isEqualTo(40.1015);
    assertThat(p.get("sync_lon").asDouble()).isEqualTo(-112.91);
    assertThat(p.get("size_km").asDouble()).isEqualTo(3.0);
    assertThat(j.get("levels")).hasSize(20);
    assertThat(j.get("levels").get(1).get("value").asDouble()).isEqualTo(0.999);
    assertThat(j.get("levels").get(1).get("variables").get(0).asText()).isEqualTo("TEMP");
    assertThat(j.get("times")).hasSize(6);
    assertThat(j.get("times").get(0).asText()).isEqualTo("2019-05-30T00:00:00Z");
    JsonNode records = j.get("records");
    assertThat(records).hasSize(6 * 170);
    JsonNode first = records.get(0);
    assertThat(first.get("time").asText()).isEqualTo("2019-05-30T00:00:00Z");
    assertThat(first.get("level").asInt()).isZero();
    assertThat(first.get("var").asText()).isEqualTo("SHGT");
    assertThat(first.get("min").asDouble()).isEqualTo(1263.964, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(first.get("max").asDouble()).isEqualTo(3263.964, org.assertj.core.api.Assertions.within(1e-9));
  }

  /**
   * --stats lists every record (period by period, level 0 = surface first, variables in index order) with the
   * min, max and mean of the decoded field; the decoder itself is checked record by record against an
   * independent one in stilt-met (IndependentDecoderTest). Both HRRR files, 2 x 1020 records.
   */
  @Test
  void infoStatsListsEveryRecordAsDecoded() throws Exception {
    for (String name : List.of("20190530_00-05_hrrr", "20190530_06-11_hrrr")) {
      Path f = hrrr(name);
      Result r = run("met", "info", f.toString(), "--json", "--stats");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode j = new ObjectMapper().readTree(r.out());
      JsonNode records = j.get("records");
      int k = 0;
      try (ArlFile a = ArlFile.open(f)) {
        for (int p = 0; p < a.periods().size(); p++) {
          assertThat(j.get("times").get(p).asText()).isEqualTo(a.times().get(p).toString()).endsWith(":00:00Z");
          for (ArlLevel l : a.grid().levels()) {
            JsonNode level = j.get("levels").get(l.index());
            assertThat(level.get("value").asDouble()).isEqualTo(l.value());
            assertThat(level.get("variables")).hasSize(l.variables().size());
            for (int v = 0; v < l.variables().size(); v++) {
              String var = l.variables().get(v);
              assertThat(level.get("variables").get(v).asText()).isEqualTo(var);
              JsonNode rec = records.get(k++);
              FieldStats s = FieldStats.of(a.read(p, l.index(), var));
              String what = name + " " + a.times().get(p) + " " + l.index() + " " + var;
              assertThat(rec.get("time").asText()).as(what).isEqualTo(a.times().get(p).toString());
              assertThat(rec.get("level").asInt()).as(what).isEqualTo(l.index());
              assertThat(rec.get("var").asText()).as(what).isEqualTo(var);
              assertThat(rec.get("min").asDouble()).as(what).isEqualTo(s.min());
              assertThat(rec.get("max").asDouble()).as(what).isEqualTo(s.max());
              assertThat(rec.get("mean").asDouble()).as(what).isEqualTo(s.mean());
            }
          }
        }
      }
      assertThat(records).hasSize(k).hasSize(6 * 170);
      // the surface comes first in every period (level 0 = surface)
      assertThat(records.get(0).get("level").asInt()).isZero();
      assertThat(records.get(170).get("var").asText()).isEqualTo("SHGT");
    }
    Result text = run("met", "info", hrrr("20190530_00-05_hrrr").toString(), "--stats");
    assertThat(text.code()).isZero();
    assertThat(text.out().lines().filter(l -> l.startsWith("2019-05-30T")).count()).isEqualTo(6 * 170);
    assertThat(text.out()).containsPattern("2019-05-30T00:00:00Z\\s+0 SHGT\\s+1263\\.964\\s+3263\\.964\\s+1783\\.537");
  }

  /** With no options, synth writes the library's default day: 25 hourly periods, byte for byte. */
  @Test
  void synthWithoutOptionsWritesTheDefaultDay() throws Exception {
    Path cli = dir.resolve("cli");
    Result r = run("met", "synth", "--out", cli.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("66 x 56 points", "25 periods 2019-05-30T00:00:00Z to 2019-05-31T00:00:00Z",
        "file_tres '24h'");
    List<Path> lib = SyntheticMet.write(SyntheticMetSpec.defaults(), dir.resolve("lib"));
    assertThat(lib).hasSize(1);
    Path written = cli.resolve(lib.get(0).getFileName());
    assertThat(Files.mismatch(written, lib.get(0))).as("CLI default vs SyntheticMetSpec.defaults()").isEqualTo(-1L);
    try (ArlFile f = ArlFile.open(written)) {
      assertThat(f.grid().levels().get(0).variables())
          .contains("SHGT", "PRSS", "T02M", "U10M", "V10M", "SHTF", "LHTF", "USTR", "PBLH");
      assertThat(f.grid().levels().get(1).variables()).contains("TEMP", "UWND", "VWND", "WWND", "SPHU", "PRES");
      assertThat(f.times()).hasSize(25);
    }
  }

  @Test
  void infoTextIsReadable() {
    Result r = run("met", "info", hrrr("20190530_06-11_hrrr").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Model       HRRR")
        .contains("59 x 41 points, 20 levels (sigma)")
        .contains("lambert conformal")
        .contains("6 periods, 2019-05-30T06:00:00Z to 2019-05-30T11:00:00Z every 60 min")
        .contains("surface  SHGT MSLP");
  }

  @Test
  void synthThenSubsetThenInfo() throws Exception {
    Path synth = dir.resolve("synth");
    Result s = run("met", "synth", "--out", synth.toString(), "--hours", "6", "--res", "0.25");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("20190530_00_synth").contains("7 periods").contains("file_format '%Y%m%d_%H'");
    Path sub = dir.resolve("sub");
    Result c = run("met", "subset", synth.resolve("20190530_00_synth").toString(), "--bbox=-113,40,-111,42", "--levels", "5",
        "--out", sub.toString());
    assertThat(c.code()).as(c.err()).isZero();
    Result i = run("met", "info", sub.resolve("20190530_00_synth").toString(), "--json");
    JsonNode j = new ObjectMapper().readTree(i.out());
    assertThat(j.get("nz").asInt()).isEqualTo(5);
    assertThat(j.get("projection").get("type").asText()).isEqualTo("latlon");
    // the box lies inside the crop (grown to ARL's minimum of 108 points)
    assertThat(j.get("projection").get("corners").get("lower_left").get("lon").asDouble()).isLessThanOrEqualTo(-113.0);
    assertThat(j.get("projection").get("corners").get("upper_right").get("lat").asDouble()).isGreaterThanOrEqualTo(42.0);
    assertThat(j.get("nx").asInt() * j.get("ny").asInt()).isGreaterThanOrEqualTo(108);
    assertThat(Files.size(sub.resolve("20190530_00_synth"))).isPositive();
  }

  @Test
  void errorsUseTheMetExitCode() {
    Result missing = run("met", "info", dir.resolve("nothing").toString());
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("Meteorology file not found", "nothing");
    Result badBox = run("met", "subset", hrrr("20190530_00-05_hrrr").toString(), "--bbox=1,2,3",
        "--out", dir.toString());
    assertThat(badBox.code()).isEqualTo(2);
    assertThat(badBox.err()).contains("Invalid --bbox");
    Result outside = run("met", "subset", hrrr("20190530_00-05_hrrr").toString(), "--bbox=0,0,1,1",
        "--out", dir.toString());
    assertThat(outside.code()).isEqualTo(3);
    assertThat(outside.err()).contains("does not overlap the met grid");
    Result badSynth = run("met", "synth", "--out", dir.toString(), "--pbl-max", "100");
    assertThat(badSynth.code()).isEqualTo(2);
    assertThat(badSynth.err()).contains("pbl-min <= pbl-max");
  }
}
