package org.jstilt.met.arl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.FieldStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record of both HRRR files against an independent decoder: {@code arl_decode.py} (test resources,
 * Python 3 standard library only, written from TRANSPORT.md §1 and not from the Java sources) parses the
 * index records, verifies every checksum and prints min, max and mean of every record.
 *
 * <p>Its output for ../shared/met/hrrr is committed as {@code hrrr_record_stats.tsv}, so the comparison runs
 * wherever the shared data are; where {@code /usr/bin/python3} exists the decoder is run again and must
 * reproduce the committed file byte for byte, and must flag a corrupted byte as a checksum failure.
 * Both decoders evaluate {@code VAR1 + n·2^(NEXP-7)} once per point from the exact step count, so min and max
 * agree exactly; the means (left-to-right sums) agree to 1e-12 relative.
 */
class IndependentDecoderTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final List<String> FILES = List.of("20190530_00-05_hrrr", "20190530_06-11_hrrr");

  @TempDir Path dir;

  private record Row(String file, String time, int level, String var, boolean checksumOk, double min, double max,
      double mean) {
    static Row parse(String line) {
      String[] f = line.split("\t");
      assertThat(f).as("row %s", line).hasSize(8);
      return new Row(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4].equals("1"), Double.parseDouble(f[5]),
          Double.parseDouble(f[6]), Double.parseDouble(f[7]));
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(IndependentDecoderTest.class.getResource(name).toURI());
  }

  private static List<Row> rows(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    lines.stream().filter(l -> !l.isBlank()).forEach(l -> rows.add(Row.parse(l)));
    return rows;
  }

  /** All 2 × 6 × 170 records, in file order, with the same time, level, variable and statistics. */
  private static void assertJavaAgrees(List<Row> reference) {
    assertThat(reference).hasSize(2 * 6 * 170);
    int k = 0;
    for (String name : FILES) {
      try (ArlFile f = ArlFile.open(SharedData.hrrrMet().resolve(name))) {
        for (int p = 0; p < f.periods().size(); p++) {
          for (ArlLevel level : f.grid().levels()) {
            for (String v : level.variables()) {
              Row r = reference.get(k++);
              String what = name + " " + f.times().get(p) + " level " + level.index() + " " + v;
              assertThat(r.file()).as(what).isEqualTo(name);
              assertThat(r.time()).as(what).isEqualTo(f.times().get(p).toString());
              assertThat(r.level()).as(what).isEqualTo(level.index());
              assertThat(r.var()).as(what).isEqualTo(v);
              assertThat(r.checksumOk()).as(what).isTrue();
              FieldStats s = FieldStats.of(f.read(p, level.index(), v)); // Java verifies the checksum too
              assertThat(s.min()).as("min " + what).isEqualTo(r.min());
              assertThat(s.max()).as("max " + what).isEqualTo(r.max());
              double tol = 1e-12 * Math.max(Math.abs(r.mean()), r.max() - r.min());
              assertThat(Math.abs(s.mean() - r.mean())).as("mean " + what + ": " + s.mean() + " vs " + r.mean())
                  .isLessThanOrEqualTo(tol);
            }
          }
        }
      }
    }
    assertThat(k).isEqualTo(reference.size());
  }

  @Test
  void everyRecordMatchesTheCommittedIndependentStatistics() throws Exception {
    assertJavaAgrees(rows(Files.readAllLines(resource("hrrr_record_stats.tsv"))));
  }

  private static Process runDecoder(Path out, Path... files) throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " not found: independent-decoder run skipped");
    List<String> cmd = new ArrayList<>(List.of(PYTHON, resource("arl_decode.py").toString()));
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("arl_decode.py finished").isTrue();
    return p;
  }

  @Test
  void thePythonDecoderReproducesTheCommittedStatistics() throws Exception {
    Path out = dir.resolve("stats.tsv");
    Process p = runDecoder(out, SharedData.hrrrMet().resolve(FILES.get(0)), SharedData.hrrrMet().resolve(FILES.get(1)));
    assertThat(p.exitValue()).as("arl_decode.py exit code (1 = a checksum failed)").isZero();
    assertThat(Files.readString(out)).isEqualTo(Files.readString(resource("hrrr_record_stats.tsv")));
    assertJavaAgrees(rows(Files.readAllLines(out)));
  }

  /** The oracle is not blind: one changed byte fails exactly that record's checksum, in both decoders. */
  @Test
  void thePythonDecoderSeesACorruptedByte() throws Exception {
    Path f = dir.resolve(FILES.get(0));
    Files.copy(SharedData.hrrrMet().resolve(FILES.get(0)), f);
    ArlTestFiles.corruptByte(f, ArlTestFiles.hrrrRecord(2, 3, 0) * ArlTestFiles.HRRR_LREC + 50 + 777); // TEMP, level 3, 02Z
    Path out = dir.resolve("bad.tsv");
    Process p = runDecoder(out, f);
    assertThat(p.exitValue()).isEqualTo(1);
    List<Row> failed = rows(Files.readAllLines(out)).stream().filter(r -> !r.checksumOk()).toList();
    assertThat(failed).extracting(Row::time, Row::level, Row::var).containsExactly(
        org.assertj.core.groups.Tuple.tuple("2019-05-30T02:00:00Z", 3, "TEMP"));
    try (ArlFile a = ArlFile.open(f)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.read(2, 3, "TEMP")).hasMessageContaining("Bad checksum");
    }
  }
}
