package org.jstilt.transport.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * T1 beyond HRRR: the real hycs_std runs on synthetic met of the two kinds the shared cases lack — sigma levels with
 * relative humidity (as NAM files) and absolute pressure levels with HGTS and RELH (as GDAS/GFS files) — and the
 * engine's met sampling at hycs_std's particle positions must reproduce its deterministic columns. Needs
 * {@code STILT_HYSPLIT_EXE} (skipped otherwise, with the reason) and ../shared for R-STILT's SETUP.CFG.
 *
 * <p>Measured (2026-11-28): sigw, tlgr, mlht medians ≤ 1e-4 and p95 ≤ 1e-4 in both; pres and temz p95 ≤ 2e-5,
 * dens p95 ≤ 2.4e-4. Getting there needed Tv from RH in the hypsometric heights and the profile density (hycs_std applies
 * it to RELH met too: with T alone zi was 0.16 % low on sigma/RELH and dens 0.6 % high on pressure levels).
 */
class HycsStdSyntheticMetTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sigma-relh", "pressure-relh"})
  void hycsStdColumnsAreReproduced(String kind) throws Exception {
    String e = System.getenv("STILT_HYSPLIT_EXE");
    assumeTrue(e != null && Files.isExecutable(Path.of(e)),
        "STILT_HYSPLIT_EXE is not set to an executable hycs_std: synthetic-met T1 skipped");
    Path exe = Path.of(e).toAbsolutePath();
    Path data = exe.getParent().getParent().getParent().resolve("exe");
    assumeTrue(Files.isRegularFile(data.resolve("ASCDATA.CFG")), "hycs_std data files not found in " + data);
    Path setup = SharedData.reference().resolve("hysplit/evening_wbb/SETUP.CFG");

    SyntheticMetSpec.Builder b = SyntheticMetSpec.builder().start(Instant.parse("2019-05-30T12:00:00Z")).hours(12)
        .fileHours(12);
    if (kind.equals("sigma-relh")) {
      b.sigmaRelh(true).terrainM(1400).surfacePressureHPa(860);
    } else {
      b.surfacePressureHPa(1013).pressureLevels(List.of(1000.0, 975.0, 950.0, 925.0, 900.0, 850.0, 800.0, 750.0,
          700.0, 650.0, 600.0, 550.0, 500.0, 450.0, 400.0, 350.0, 300.0, 250.0, 200.0, 150.0, 100.0));
    }
    Path metDir = Files.createDirectories(dir.resolve("met"));
    List<Path> met = SyntheticMet.write(b.build(), metDir);

    Path run = Files.createDirectories(dir.resolve("run"));
    for (String f : List.of("ASCDATA.CFG", "LANDUSE.ASC", "ROUGLEN.ASC", "TERRAIN.ASC")) {
      Files.createSymbolicLink(run.resolve(f), data.resolve(f));
    }
    // receptor at 21 UTC (afternoon at -111.75), 6 h back, 200 particles with R-STILT's STILT-mode settings
    Files.writeString(run.resolve("CONTROL"), "19 05 30 21 00\n1\n40.75 -111.75 10.0\n-6\n0\n25000.0\n1\n"
        + metDir.toAbsolutePath() + "/\n" + met.get(0).getFileName() + "\n"
        + "1\ntest\n1\n0.01\n00 00 00 00 00\n1\n0.0 0.0\n0.5 0.5\n30.0 30.0\n./\ncdump\n1\n100\n"
        + "00 00 00 00 00\n00 00 00 00 00\n00 2 00\n1\n0.0 0.0 0.0\n0.0 0.0 0.0 0.0 0.0\n0.0 0.0 0.0\n0.0\n0.0\n");
    Files.writeString(run.resolve("SETUP.CFG"), Files.readString(setup).replaceAll("(?m)^NUMPAR=\\d+,", "NUMPAR=200,"));
    Process p = new ProcessBuilder(exe.toString()).directory(run.toFile()).redirectErrorStream(true)
        .redirectOutput(run.resolve("stdout.txt").toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("hycs_std finished").isTrue();
    Path dat = run.resolve("PARTICLE_STILT.DAT");
    assertThat(dat).as("hycs_std wrote particles (stdout: " + run.resolve("stdout.txt") + ")").exists();

    // the same layout as the shared reference cases, for ReferenceRun
    Path caseDir = Files.createDirectories(dir.resolve("case"));
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(caseDir.resolve("PARTICLE_STILT.DAT.gz")))) {
      Files.copy(dat, o);
    }
    Files.writeString(caseDir.resolve("case.json"), "{\"receptor\": {\"time\": \"2019-05-30T21:00:00Z\", "
        + "\"longitude\": -111.75, \"latitude\": 40.75, \"altitude\": 10}, \"n_hours\": -6, \"numpar\": 200, "
        + "\"varsiwant\": " + varsiwant(setup) + "}");
    ReferenceRun ref = new ReferenceRun(caseDir);
    assertThat(ref.rows).as("rows written by hycs_std").isGreaterThan(50_000);
    T1Probe probe = new T1Probe(ref, met);
    for (String c : List.of("mlht", "sigw", "tlgr", "dens", "pres", "temz")) {
      double[] err = probe.relErr.get(c);
      assertThat(err).as(c + " sampled").isNotNull();
      double med = T1Probe.quantile(err, 0.5);
      double p95 = T1Probe.quantile(err, 0.95);
      System.out.printf("T1 synthetic %s %s median %.5f p95 %.5f max %.4f%n", kind, c, med, p95, T1Probe.quantile(err, 1.0));
      assertThat(med).as(kind + " " + c + " median").isLessThanOrEqualTo(0.01);
      assertThat(p95).as(kind + " " + c + " p95 (guard)").isLessThanOrEqualTo(0.005);
    }
  }

  private static String varsiwant(Path setup) throws IOException {
    String s = Files.readString(setup);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^VARSIWANT=(.*)$").matcher(s);
    assertThat(m.find()).as("VARSIWANT in " + setup).isTrue();
    return "[" + m.group(1).replace('\'', '"').replaceAll(",\\s*$", "") + "]";
  }
}
