package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jstilt.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stilt footprint}: bad input fails cleanly (message, exit code, no file); good input writes NetCDF. */
class FootprintCommandTest {
  static final Path PLUME = Path.of("..", "examples", "particles", "synthetic_plume.csv.gz");

  @TempDir Path dir;

  private List<String> args(Path particles, String... extra) {
    List<String> a = new ArrayList<>(List.of(
        "footprint", "--particles", particles.toString(), "--receptor-time", "2019-05-30T03:00:00Z",
        "--xmin", "-112.5", "--xmax", "-111.6", "--ymin", "40.5", "--ymax", "41.4", "--xres", "0.01",
        "--output", dir.resolve("out/foot.nc").toString(), "--nonzero-csv", dir.resolve("out/cells.csv").toString()));
    a.addAll(List.of(extra));
    return a;
  }

  private Path csv(String content) throws IOException {
    Path p = dir.resolve("in.csv");
    Files.writeString(p, content);
    return p;
  }

  /** Runs and checks that it failed with {@code exit}, said {@code expected}, and wrote nothing. */
  private CliRun fails(int exit, List<String> args, String... expected) throws IOException {
    List<String> before = CliRun.files(dir);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(exit);
    assertThat(r.err()).contains(expected);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(CliRun.files(dir)).isEqualTo(before);
    return r;
  }

  @Test
  void malformedRowNamesTheLine() throws IOException {
    Path p = csv("time,indx,long,lati,foot\n-1,1,-111.85,40.77,0.01\n-1,2,-111.85,4O.77,0.01\n");
    fails(2, args(p), "in.csv, line 3", "'lati'", "'4O.77' is not a number");
  }

  @Test
  void nanCoordinatesAreRejected() throws IOException {
    Path p = csv("time,indx,long,lati,foot\n-1,1,NaN,40.77,0.01\n");
    fails(2, args(p), "line 2", "'long'", "NaN");
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    fails(2, args(csv("")), "in.csv", "empty");
  }

  @Test
  void missingColumnsAndMissingFile() throws IOException {
    fails(2, args(csv("time,indx,long,lati\n-1,1,-111.8,40.7\n")), "missing required column(s) [foot]");
    fails(2, args(dir.resolve("nope.csv")), "nope.csv", "not found");
  }

  @Test
  void gridWithoutOneWholeCell() throws IOException {
    List<String> a = args(PLUME);
    a.set(a.indexOf("--xmax") + 1, "-112.495");
    fails(2, a, "--xmin", "--xmax", "less than one cell");
  }

  @Test
  void nonPositiveResolution() throws IOException {
    List<String> a = args(PLUME);
    a.set(a.indexOf("--xres") + 1, "0");
    fails(2, a, "--xres must be a positive cell size");
    List<String> b = args(PLUME, "--yres", "-0.01");
    fails(2, b, "--yres must be a positive cell size");
  }

  @Test
  void badTimeAndUnknownOption() throws IOException {
    List<String> a = args(PLUME);
    a.set(a.indexOf("--receptor-time") + 1, "yesterday");
    fails(2, a, "--receptor-time 'yesterday' is not a time");
    fails(2, args(PLUME, "--smooth-factor", "fast"), "--smooth-factor");
    fails(2, args(PLUME, "--no-such-option"), "--no-such-option");
  }

  @Test
  void particlesOutsideTheDomainGiveAMarkedEmptyFootprint() throws IOException, InterruptedException {
    Path p = csv("time,indx,long,lati,foot\n-1,1,-100.0,30.0,0.01\n-2,1,-100.1,30.1,0.01\n");
    CliRun r = CliRun.of(args(p).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("The footprint is empty (outside_domain)", "0 non-zero");
    assertThat(Files.readAllLines(dir.resolve("out/cells.csv"))).containsExactly("lon,lat,time_epoch_s,value");
    assumeTrue(CliRun.onPath("ncdump"), "ncdump not installed");
    assertThat(CliRun.exec("ncdump", "-h", dir.resolve("out/foot.nc").toString()))
        .contains(":is_empty = 1 ;", ":empty_reason = \"outside_domain\" ;");
  }

  @Test
  void goodRunWritesNetcdfThatNcdumpReads() throws IOException, InterruptedException {
    CliRun r = CliRun.of(args(PLUME).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path nc = dir.resolve("out/foot.nc");
    assertThat(r.out()).contains("Wrote " + nc, "layer(s)", "non-zero");
    assertThat(CliRun.files(dir.resolve("out"))).containsExactly("cells.csv", "foot.nc");
    List<String> cells = Files.readAllLines(dir.resolve("out/cells.csv"));
    assertThat(cells.get(0)).isEqualTo("lon,lat,time_epoch_s,value");
    assertThat(cells.size()).isGreaterThan(100);
    assumeTrue(CliRun.onPath("ncdump"), "ncdump not installed");
    String h = CliRun.exec("ncdump", "-h", nc.toString());
    assertThat(h).contains("float foot(time, lat, lon) ;", "lat = 90 ;", "lon = 90 ;", ":Conventions = \"CF-1.8\" ;",
        ":receptor = \"{\\\"time\\\": \\\"2019-05-30T03:00:00Z\\\"}\" ;", ":is_empty = 0 ;");
  }

  @Test
  void readsHysplitDatWithVarsiwant() throws IOException {
    Path dat = SharedData.reference().resolve("hysplit/night_a/PARTICLE_STILT.DAT.gz");
    CliRun r = CliRun.of("footprint", "--particles", dat.toString(), "--receptor-time", "2019-05-30T11:00:00Z",
        "--xmin", "-112.9", "--xmax", "-111.1", "--ymin", "40.1", "--ymax", "41.4", "--xres", "0.05",
        "--output", dir.resolve("dat.nc").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("dat.nc")).exists();
    // The wrong varsiwant is caught with the line number.
    CliRun bad = CliRun.of("footprint", "--particles", dat.toString(), "--receptor-time", "2019-05-30T11:00:00Z",
        "--xmin", "-112.9", "--xmax", "-111.1", "--ymin", "40.1", "--ymax", "41.4", "--xres", "0.05",
        "--varsiwant", "time,indx,long,lati,zagl,foot", "--output", dir.resolve("bad.nc").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("line 2", "expected 6 values", "found 11");
    assertThat(dir.resolve("bad.nc")).doesNotExist();
  }
}
