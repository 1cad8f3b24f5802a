package org.jstilt.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jstilt.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void summaryOfAGoodProject() throws IOException {
    Files.createDirectories(dir.resolve("met"));
    Files.writeString(dir.resolve("config.yaml"), """
        mets:
          hrrr: {directory: met, file_format: "%Y%m%d_%H", file_tres: 6h}
          nam12: {directory: /nonexistent/nam12, file_format: "nam_%Y%m%d", file_tres: 1D}
        footprints:
          slv: {xmin: -113, xmax: -111, ymin: 39.5, ymax: 41.5, xres: 0.01, yres: 0.01, time_integrate: true}
        numpar: 1000
        n_hours: -6
        """);
    Files.writeString(dir.resolve("receptors.csv"), """
        time,lat,lon,zagl
        2019-05-30 11:00:00,40.77,-111.85,5
        2019-05-30 10:00:00,40.7,-112.2,30
        """);
    assertThat(run("config", "check", dir.toString())).isZero();
    String s = out.toString();
    assertThat(s).contains("Run: n_hours -6, numpar 1000, hnf_plume true, engine native");
    assertThat(s).contains("  hrrr: " + dir.toAbsolutePath().resolve("met") + ", %Y%m%d_%H every 6h\n");
    assertThat(s).contains("  nam12: /nonexistent/nam12, nam_%Y%m%d every 1D  (warning: directory does not exist yet)");
    assertThat(s).contains("  slv: x -113..-111, y 39.5..41.5, res 0.01 x 0.01, smooth 1, time-integrated");
    assertThat(s).contains("Receptors: 2 {PointReceptor=2}");
    assertThat(s).contains("  times 2019-05-30 10:00:00 .. 2019-05-30 11:00:00 UTC");
    assertThat(s).contains("Simulations: 4 (receptors x met streams)");
    assertThat(s).contains("  e.g. hrrr_201905301100_-111.85_40.77_5");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void everyProblemInBothFiles() throws IOException {
    Files.writeString(dir.resolve("config.yaml"), "mets:\n  hrrr: {directory: /d, file_format: x, file_tres: 6}\n"
        + "numpart: 10\n");
    Files.writeString(dir.resolve("receptors.csv"), "time,lat,lon,zagl\n2019-05-30 11:00:00,95,-111.85,5\n");
    assertThat(run("config", "check", dir.resolve("config.yaml").toString())).isEqualTo(2);
    String e = err.toString();
    assertThat(e).startsWith("Error: 3 problems in " + dir.toAbsolutePath());
    assertThat(e).contains("config.yaml:2:52: mets.hrrr.file_tres: '6' is not a time span");
    assertThat(e).contains("config.yaml:3:1: numpart: unknown key at the top level; did you mean 'numpar'?");
    assertThat(e).contains("receptors.csv: line 2: latitude must be within [-90, 90], got 95.0");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void notAProject() {
    assertThat(run("config", "check", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not look like a STILT project (no config.yaml found)");
  }
}
