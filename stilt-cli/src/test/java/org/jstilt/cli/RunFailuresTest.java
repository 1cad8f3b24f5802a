package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.testing.HysplitCase;
import org.jstilt.hysplit.FakeHycsStd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code stilt run} over six receptors, five of which fail in different ways: each failed simulation
 * is reported with its reason on the command line and in its stilt.log, leaves no output file, and the
 * others go on; the exit code is 1. The stand-in hycs_std picks its behaviour from the release line of
 * CONTROL (longitude -130: off the grid; heights 6, 7, 8 m: crash, hang, write nothing; else replay
 * night_a's particles).
 */
class RunFailuresTest {
  @TempDir Path dir;

  @Test
  void eachFailureIsReportedWithItsReasonAndTheOthersGoOn() throws Exception {
    HysplitCase c = HysplitCase.load("night_a");
    // Replayed with cp, not gunzip: fast enough on a loaded machine to stay far from the 5 s timeout.
    Path plainDat = dir.resolve("PARTICLE_STILT.DAT");
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(c.dir().resolve("PARTICLE_STILT.DAT.gz")))) {
      Files.copy(in, plainDat);
    }
    String body = String.join("\n",
        "set -- $(sed -n 3p CONTROL)",
        "if [ \"$2\" = \"-130\" ]; then",
        FakeHycsStd.OFF_GRID,
        "fi",
        "case \"$3\" in",
        "  6)", FakeHycsStd.FORTRAN_CRASH, ";;",
        "  7)", FakeHycsStd.HANG, ";;",
        "  8)", FakeHycsStd.WRITES_NOTHING, ";;",
        "esac",
        FakeHycsStd.replay(plainDat));
    Path exe = FakeHycsStd.write(dir.resolve("bin"), body);
    Instant t = c.receptor().time();
    Receptor good = c.receptor();
    Receptor offGrid = point(t, -130, 5);
    Receptor noMet = point(Instant.parse("2019-06-02T11:00:00Z"), -111.85, 5);
    Receptor crash = point(t, -111.85, 6);
    Receptor hang = point(t, -111.85, 7);
    Receptor nothing = point(t, -111.85, 8);
    Path project = RunProjects.write(dir.resolve("project"), c, List.of(offGrid, noMet, crash, good, hang, nothing),
        RunProjects.hysplit(exe, "5"));

    CliRun r = CliRun.of("run", project.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("Summary: total=6  complete=1  complete-empty=0  skipped=0  failed=5");

    Map<Receptor, String> expected = Map.of(
        offGrid, "met_coverage [transport:main]: hycs_std failed: *FATAL ERROR* main: all source points off all meteo grids!",
        noMet, "missing_met_files [met]: Insufficient number of meteorological files found. Found: 0, Required: 1.",
        crash, "fortran_runtime_error [transport:main]: hycs_std failed: Fortran runtime error",
        hang, "timeout [transport:main]: hycs_std did not finish within 5 s and was killed",
        nothing, "no_particle_output [transport:main]: hycs_std exited normally but wrote no PARTICLE_STILT.DAT");
    for (Map.Entry<Receptor, String> e : expected.entrySet()) {
      SimulationId id = SimulationId.of("hrrr", e.getKey());
      assertThat(r.out()).as(id.toString()).contains(id + "  failed  " + e.getValue());
      Path sim = project.resolve("simulations/by-id").resolve(id.toString());
      String category = e.getValue().substring(0, e.getValue().indexOf(' '));
      assertThat(Files.readString(sim.resolve("stilt.log"))).as(id.toString())
          .contains("=== JSTILT ERROR ===", "Reason: " + category, "Message: ");
      // No outputs, no temporaries, no particle files, no staged links.
      assertThat(CliRun.files(sim)).as(id.toString())
          .allSatisfy(f -> assertThat(f).isIn("CONTROL", "SETUP.CFG", "stilt.log"));
    }
    SimulationId ok = SimulationId.of("hrrr", good);
    assertThat(r.out()).contains(ok + "  complete");
    Path sim = project.resolve("simulations/by-id").resolve(ok.toString());
    assertThat(CliRun.files(sim)).contains(ok + "_traj.parquet", ok + "_slv_foot.nc");

    // A second run retries only the failures (and they fail the same way).
    CliRun again = CliRun.of("run", project.toString());
    assertThat(again.out()).contains("skipped=1  failed=5").doesNotContain(ok + "  complete");
  }

  private static Receptor point(Instant t, double lon, double alt) {
    return new PointReceptor(t, lon, 40.77, alt, AltitudeReference.AGL);
  }
}
