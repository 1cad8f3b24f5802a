package org.jstilt.met.hysplit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jstilt.core.testing.SharedData;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlWriter;
import org.jstilt.met.arl.FieldSource;
import org.jstilt.met.subset.BoundingBox;
import org.jstilt.met.subset.MetSubsetter;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hycs_std (HYSPLIT-STILT v5.1) reads the files this module writes: synthetic met, crops and re-packed copies.
 * Mean trajectories (NTURB=1) are deterministic, so they can be compared with the prescribed wind and between
 * runs. Needs {@code STILT_HYSPLIT_EXE} (path of hycs_std; its ASCDATA.CFG etc. are taken from
 * {@code STILT_HYSPLIT_DATA} or the uataq/stilt layout {@code <root>/exe}) and ../shared; skipped otherwise.
 */
class HycsStdReadsOurFilesTest {
  private static final double R_M = 6_371_200.0;

  @TempDir Path dir;

  private static Path exe() {
    String e = System.getenv("STILT_HYSPLIT_EXE");
    assumeTrue(e != null && Files.isExecutable(Path.of(e)),
        "STILT_HYSPLIT_EXE is not set to an executable hycs_std: HYSPLIT compatibility check skipped");
    return Path.of(e).toAbsolutePath();
  }

  private static Path dataDir(Path exe) {
    String d = System.getenv("STILT_HYSPLIT_DATA");
    Path p = d != null ? Path.of(d) : exe.getParent().getParent().getParent().resolve("exe");
    assumeTrue(Files.isRegularFile(p.resolve("ASCDATA.CFG")),
        "hycs_std data files (ASCDATA.CFG ...) not found in " + p + "; set STILT_HYSPLIT_DATA: check skipped");
    return p;
  }

  /** One particle row: time (min), index, lon, lat, zagl. */
  private record Row(int time, int index, double lon, double lat, double zagl) {}

  private List<Row> runHycsStd(String name, Instant start, double lat, double lon, double zagl, int nHours,
      Path metDir, List<String> metFiles) throws IOException, InterruptedException {
    Path exe = exe();
    Path data = dataDir(exe);
    Path run = Files.createDirectories(dir.resolve(name));
    for (String f : List.of("ASCDATA.CFG", "LANDUSE.ASC", "ROUGLEN.ASC", "TERRAIN.ASC")) {
      Files.createSymbolicLink(run.resolve(f), data.resolve(f));
    }
    LocalDateTime t = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
    StringBuilder c = new StringBuilder();
    c.append(String.format(Locale.ROOT, "%02d %02d %02d %02d %02d%n", t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute()));
    c.append("1\n").append(String.format(Locale.ROOT, "%s %s %s%n", lat, lon, zagl));
    c.append(nHours).append("\n0\n25000.0\n").append(metFiles.size()).append('\n');
    for (String f : metFiles) {
      c.append(metDir.toAbsolutePath()).append("/\n").append(f).append('\n');
    }
    c.append("1\ntest\n1\n0.01\n00 00 00 00 00\n1\n0.0 0.0\n0.5 0.5\n30.0 30.0\n./\ncdump\n1\n100\n")
        .append("00 00 00 00 00\n00 00 00 00 00\n00 2 00\n1\n0.0 0.0 0.0\n0.0 0.0 0.0 0.0 0.0\n0.0 0.0 0.0\n0.0\n0.0\n");
    Files.writeString(run.resolve("CONTROL"), c.toString());
    String setup = Files.readString(SharedData.reference().resolve("hysplit/meantraj_500/SETUP.CFG"));
    Files.writeString(run.resolve("SETUP.CFG"), setup);
    Process p = new ProcessBuilder(exe.toString()).directory(run.toFile()).redirectErrorStream(true)
        .redirectOutput(run.resolve("stdout.txt").toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("hycs_std did not finish in 300 s in " + run);
    }
    String stdout = Files.readString(run.resolve("stdout.txt"));
    assertThat(stdout).as("hycs_std output in %s", run).contains("Complete Hysplit").doesNotContain("FATAL");
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(run.resolve("PARTICLE_STILT.DAT"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.trim().split("\\s+");
      rows.add(new Row((int) Double.parseDouble(f[0]), (int) Double.parseDouble(f[1]), Double.parseDouble(f[2]),
          Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }
    assertThat(rows).as("particle rows from %s", run).isNotEmpty();
    return rows;
  }

  /** Positions of particle 1 by time. */
  private static Map<Integer, Row> first(List<Row> rows) {
    Map<Integer, Row> m = new HashMap<>();
    for (Row r : rows) {
      if (r.index() == 1) {
        m.put(r.time(), r);
      }
    }
    return m;
  }

  /**
   * Synthetic met: the 500 m mean trajectory follows the prescribed wind. Expected positions integrate the
   * wind on the sphere minute by minute; hycs_std interpolates winds linearly in height between data levels,
   * which for the power-law profile is slower by a few tenths of a percent, hence 1 % of the displacement.
   */
  @Test
  void syntheticMetAdvectsAsPrescribed() throws Exception {
    for (double fromDeg : new double[] {270, 200}) {
      SyntheticMetSpec spec = SyntheticMetSpec.builder().wind(5.0, fromDeg).build();
      Path met = dir.resolve("synth" + (int) fromDeg);
      List<Path> files = SyntheticMet.write(spec, met);
      List<Row> rows = runHycsStd("synth" + (int) fromDeg, Instant.parse("2019-05-30T22:00:00Z"), 40.75, -111.75, 500, -6,
          met, List.of(files.get(0).getFileName().toString()));
      Row end = first(rows).get(-360);
      assertThat(end).as("particle 1 at -360 min").isNotNull();
      double speed = SyntheticMet.windSpeed(spec, 500);
      double u = -speed * Math.sin(Math.toRadians(fromDeg));
      double v = -speed * Math.cos(Math.toRadians(fromDeg));
      double lat = 40.75;
      double lon = -111.75;
      for (int k = 0; k < 360; k++) { // backward: against the wind
        lat -= Math.toDegrees(v * 60 / R_M);
        lon -= Math.toDegrees(u * 60 / (R_M * Math.cos(Math.toRadians(lat))));
      }
      double displacementDeg = Math.hypot(lat - 40.75, (lon + 111.75) * Math.cos(Math.toRadians(40)));
      assertThat(Math.hypot(end.lat() - lat, (end.lon() - lon) * Math.cos(Math.toRadians(40))))
          .as("hycs_std end point %s vs expected %.4f, %.4f (wind from %.0f)", end, lat, lon, fromDeg)
          .isLessThan(0.01 * displacementDeg);
      assertThat(end.zagl()).isCloseTo(500, within(1.0));
    }
  }

  /** A value-identical re-written copy of the HRRR files gives the identical mean trajectory. */
  @Test
  void rewrittenHrrrGivesIdenticalTrajectory() throws Exception {
    Path copies = Files.createDirectories(dir.resolve("copies"));
    for (String name : List.of("20190530_00-05_hrrr", "20190530_06-11_hrrr")) {
      try (ArlFile in = ArlFile.open(SharedData.hrrrMet().resolve(name)); ArlWriter w = ArlWriter.create(copies.resolve(name), in.grid())) {
        for (int p = 0; p < in.periods().size(); p++) {
          int period = p;
          w.writePeriod(in.times().get(p), in.periods().get(p).forecastHour(), new FieldSource() {
            @Override
            public double[] field(int level, String variable) {
              return in.read(period, level, variable);
            }

            @Override
            public int packingExponentHint(int level, String variable) {
              return in.label(period, level, variable).nexp();
            }
          });
        }
        w.commit();
      }
    }
    List<String> names = List.of("20190530_00-05_hrrr", "20190530_06-11_hrrr");
    Instant start = Instant.parse("2019-05-30T06:00:00Z");
    List<Row> original = runHycsStd("orig", start, 40.77, -111.85, 500, -6, SharedData.hrrrMet(), names);
    List<Row> copy = runHycsStd("copy", start, 40.77, -111.85, 500, -6, copies, names);
    assertThat(copy).isEqualTo(original);
  }

  /**
   * A crop of the HRRR files: the mean trajectory stays within 0.01 degrees of the one on the full files while
   * it is inside the crop (values differ by at most one packing precision where the crop needed a coarser
   * exponent). A crop to fewer levels is read too; its trajectory is not compared because hycs_std derives its
   * internal levels and the extrapolation above the data from the data top.
   */
  @Test
  void subsetHrrrGivesTheSameTrajectory() throws Exception {
    List<Path> src = List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"), SharedData.hrrrMet().resolve("20190530_06-11_hrrr"));
    Path crop = dir.resolve("crop");
    MetSubsetter.subset(src, crop, BoundingBox.parse("-112.7,40.25,-111.2,41.25"), null);
    Path low = dir.resolve("low");
    MetSubsetter.subset(src, low, BoundingBox.parse("-112.7,40.25,-111.2,41.25"), 12);
    List<String> names = List.of("20190530_00-05_hrrr", "20190530_06-11_hrrr");
    Instant start = Instant.parse("2019-05-30T06:00:00Z");
    Map<Integer, Row> full = first(runHycsStd("full", start, 40.77, -111.85, 500, -6, SharedData.hrrrMet(), names));
    Map<Integer, Row> sub = first(runHycsStd("sub", start, 40.77, -111.85, 500, -6, crop, names));
    assertThat(first(runHycsStd("low", start, 40.77, -111.85, 500, -6, low, names))).isNotEmpty();
    assertThat(sub.size()).isGreaterThan(200);
    for (Map.Entry<Integer, Row> e : sub.entrySet()) {
      Row a = full.get(e.getKey());
      assertThat(a).isNotNull();
      assertThat(e.getValue().lon()).as("lon at %d min", e.getKey()).isCloseTo(a.lon(), within(0.01));
      assertThat(e.getValue().lat()).as("lat at %d min", e.getKey()).isCloseTo(a.lat(), within(0.01));
    }
  }
}
