package org.jstilt.core.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.FlatJson;
import org.jstilt.core.testing.GzCsv;
import org.jstilt.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HnfPlumeTest {

  private static ParticleEnsemble table(double[]... columns) {
    List<String> names =
        List.of("time", "indx", "foot", "dens", "samt", "sigw", "tlgr", "mlht");
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      m.put(names.get(c), columns[c]);
    }
    return ParticleEnsemble.of(m);
  }

  @Test
  void reproducesTheWorkedValueOfTheSpec() {
    // FOOTPRINT.md step H: time -0.1, samt 10, sigw 0.01, tlgr 50, dens 1.2, mlht 2000, r_zagl 5.
    assertThat(HnfPlume.sigmaM(-0.1, 10, 0.01, 50)).isEqualTo(7.094083579706252);
    ParticleEnsemble p =
        table(
            new double[] {-0.1}, new double[] {1}, new double[] {0.5}, new double[] {1.2},
            new double[] {10}, new double[] {0.01}, new double[] {50}, new double[] {2000});
    ParticleEnsemble out = HnfPlume.apply(p, 5, 0.5);
    assertThat(out.get("foot", 0)).isEqualTo(1.1976930624413478);
    assertThat(out.get(ParticleColumns.FOOT_NO_HNF_DILUTION, 0)).isEqualTo(0.5);
    assertThat(out.columnNames()).endsWith(ParticleColumns.FOOT_NO_HNF_DILUTION);
  }

  @Test
  void keepsTheRMinusOneOutsideTheSquaredTerm() {
    double t = 120;
    double tlgr = 30;
    double expected = 2 * Math.sqrt(2) * 0.4 * Math.sqrt(tlgr * t + tlgr * tlgr * Math.exp(-t / tlgr) - 1);
    double physical = 2 * Math.sqrt(2) * 0.4 * Math.sqrt(tlgr * t + tlgr * tlgr * (Math.exp(-t / tlgr) - 1));
    assertThat(HnfPlume.sigmaM(-2, 2, 0.4, tlgr)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(expected).isNotCloseTo(physical, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void accumulatesPerParticleInDescendingTimeAndLeavesMixedRowsAlone() {
    // One particle, three rows given in ascending time; mlht such that the third (oldest) row is mixed.
    double[] time = {-3, -2, -1};
    double[] samt = {1, 1, 1};
    double[] sigw = {0.3, 0.2, 0.1};
    double[] tlgr = {20, 20, 20};
    double[] dens = {1.1, 1.0, 0.9};
    double[] foot = {0.01, 0.02, 0.03};
    double[] mlht = {40, 400, 400};
    ParticleEnsemble out =
        HnfPlume.apply(table(time, new double[] {7, 7, 7}, foot, dens, samt, sigw, tlgr, mlht), 5, 0.5);
    assertThat(out.column("time")).containsExactly(-1, -2, -3);
    double s1 = HnfPlume.sigmaM(-1, 1, 0.1, 20);
    double s2 = HnfPlume.sigmaM(-2, 1, 0.2, 20);
    double s3 = HnfPlume.sigmaM(-3, 1, 0.3, 20);
    double plume1 = 5 + s1;
    double plume2 = 5 + (s1 + s2);
    double plume3 = 5 + (s1 + s2 + s3);
    assertThat(plume3).isGreaterThan(0.5 * 40); // mixed: foot unchanged
    assertThat(out.column("foot"))
        .containsExactly(
            HnfPlume.dilutedFoot(plume1, 0.9, 1), HnfPlume.dilutedFoot(plume2, 1.0, 1), 0.01);
    assertThat(out.column(ParticleColumns.FOOT_NO_HNF_DILUTION)).containsExactly(0.03, 0.02, 0.01);
  }

  @Test
  void forwardRunsStartTheCumulativeSumAtTheLatestTimeAndSortingIsStable() {
    // Two particles interleaved, forward times; rows with equal times keep their input order.
    double[] time = {1, 1, 2, 2};
    double[] indx = {2, 1, 2, 1};
    double[] one = {1, 1, 1, 1};
    ParticleEnsemble out =
        HnfPlume.apply(
            table(time, indx, new double[] {0.1, 0.2, 0.3, 0.4}, one, one, new double[] {0.5, 0.5, 0.5, 0.5},
                new double[] {10, 10, 10, 10}, new double[] {1e4, 1e4, 1e4, 1e4}),
            3);
    assertThat(out.column("time")).containsExactly(2, 2, 1, 1);
    assertThat(out.column("indx")).containsExactly(2, 1, 2, 1);
    double atTwo = HnfPlume.sigmaM(2, 1, 0.5, 10);
    double atOne = HnfPlume.sigmaM(1, 1, 0.5, 10);
    assertThat(out.get("foot", 0)).isEqualTo(HnfPlume.dilutedFoot(3 + atTwo, 1, 1));
    assertThat(out.get("foot", 2)).isEqualTo(HnfPlume.dilutedFoot(3 + (atTwo + atOne), 1, 1));
  }

  @Test
  void aNegativeRadicandPoisonsTheRestOfTheParticleAsInR() {
    // tlgr = 0: radicand 0 + 0 - 1 < 0, sigma NaN, so this and every older row of the particle is NaN.
    double[] time = {-1, -2, -3};
    double[] ones = {1, 1, 1};
    ParticleEnsemble out =
        HnfPlume.apply(
            table(time, ones, new double[] {0.1, 0.2, 0.3}, ones, ones, ones, new double[] {5, 0, 5},
                new double[] {1e5, 1e5, 1e5}),
            5);
    assertThat(out.get("foot", 0)).isFinite();
    assertThat(out.get("foot", 1)).isNaN();
    assertThat(out.get("foot", 2)).isNaN();
  }

  @Test
  void usesTheFirstXhgtOfEachParticleAsStartHeight() {
    Map<String, double[]> m = new LinkedHashMap<>(table(
        new double[] {-1, -2}, new double[] {1, 1}, new double[] {0.1, 0.1}, new double[] {1, 1},
        new double[] {1, 1}, new double[] {0.1, 0.1}, new double[] {10, 10}, new double[] {1e5, 1e5}).toMap());
    m.put("xhgt", new double[] {100, 999});
    ParticleEnsemble out = HnfPlume.apply(ParticleEnsemble.of(m), Double.NaN);
    double s1 = HnfPlume.sigmaM(-1, 1, 0.1, 10);
    assertThat(out.get("foot", 0)).isEqualTo(HnfPlume.dilutedFoot(100 + s1, 1, 1));
  }

  @Test
  void rejectsMissingColumnsAndUnknownStartHeight() {
    ParticleEnsemble noMlht =
        ParticleEnsemble.of(Map.of("time", new double[] {-1}, "indx", new double[] {1}, "foot", new double[] {1}));
    assertThatThrownBy(() -> HnfPlume.apply(noMlht, 5))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("mlht")
        .extracting(e -> ((StiltException) e).code())
        .isEqualTo(ErrorCode.INPUT);
    ParticleEnsemble p =
        table(new double[] {-1}, new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1},
            new double[] {1}, new double[] {1}, new double[] {1});
    assertThatThrownBy(() -> HnfPlume.apply(p, Double.NaN)).hasMessageContaining("xhgt");
    ParticleEnsemble badTime =
        table(new double[] {Double.NaN}, new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1},
            new double[] {1}, new double[] {1}, new double[] {1});
    assertThatThrownBy(() -> HnfPlume.apply(badTime, 5)).hasMessageContaining("row 1");
  }

  static Stream<String> hysplitCases() throws IOException {
    Path dir = null;
    for (Path p : new Path[] {Path.of("..", "..", "shared"), Path.of("..", "shared")}) {
      if (Files.isDirectory(p.resolve("reference/hysplit"))) {
        dir = p.resolve("reference/hysplit");
      }
    }
    String prop = System.getProperty("jstilt.shared.dir");
    if (prop != null && Files.isDirectory(Path.of(prop, "reference", "hysplit"))) {
      dir = Path.of(prop, "reference", "hysplit");
    }
    if (dir == null) {
      return Stream.of("(../shared missing)");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.exists(p.resolve("particles.csv.gz")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * R-STILT's own tables: dilution applied to {@code foot_no_hnf_dilution} reproduces {@code foot} to
   * 1e-12 (NaN where R has NA), row for row.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hysplitCases")
  void reproducesRStiltParticleTables(String caseName) {
    Path dir = SharedData.reference().resolve("hysplit").resolve(caseName);
    Map<String, String> c = FlatJson.read(dir.resolve("case.json"));
    List<String> wanted = new java.util.ArrayList<>(HnfPlume.REQUIRED_COLUMNS);
    wanted.add(ParticleColumns.XHGT);
    wanted.add(ParticleColumns.FOOT_NO_HNF_DILUTION);
    ParticleEnsemble table = ParticleEnsemble.of(GzCsv.readColumns(dir.resolve("particles.csv.gz"), GzCsv.Parse.FAST, wanted));
    double[] expected = table.column("foot");
    double[] raw = table.column(ParticleColumns.FOOT_NO_HNF_DILUTION);
    ParticleEnsemble input = table.withColumn("foot", raw);
    double altitude = c.containsKey("receptor.altitude") ? Double.parseDouble(c.get("receptor.altitude")) : Double.NaN;
    if (!table.hasColumn(ParticleColumns.XHGT)) {
      assertThat(c).containsKey("receptor.altitude");
    }

    ParticleEnsemble out = HnfPlume.apply(input, altitude);

    // Linear comparisons: AssertJ's containsExactly diffs quadratically on arrays this long.
    assertThat(out.column("time")).isEqualTo(table.column("time"));
    assertThat(out.column("indx")).isEqualTo(table.column("indx"));
    assertThat(out.column(ParticleColumns.FOOT_NO_HNF_DILUTION)).isEqualTo(raw);
    double[] foot = out.column("foot");
    double maxRel = 0;
    int nan = 0;
    String firstBad = null;
    for (int r = 0; r < foot.length; r++) {
      double rel;
      if (Double.isNaN(expected[r]) || Double.isNaN(foot[r])) {
        rel = Double.isNaN(expected[r]) && Double.isNaN(foot[r]) ? 0 : Double.POSITIVE_INFINITY;
        nan += Double.isNaN(expected[r]) ? 1 : 0;
      } else {
        rel = expected[r] == 0 ? Math.abs(foot[r]) : Math.abs(foot[r] - expected[r]) / Math.abs(expected[r]);
      }
      if (!(rel <= 1e-12) && firstBad == null) {
        firstBad = "row " + (r + 1) + ": R " + expected[r] + ", Java " + foot[r];
      }
      maxRel = Math.max(maxRel, rel);
    }
    assertThat(firstBad).as("first row beyond 1e-12").isNull();
    System.out.printf("hnf parity %-20s rows %7d  NaN %6d  max rel err %.3e%n", caseName, foot.length, nan, maxRel);
  }
}
