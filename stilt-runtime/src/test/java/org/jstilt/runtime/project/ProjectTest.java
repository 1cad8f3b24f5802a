package org.jstilt.runtime.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.OutputInventory;
import org.jstilt.runtime.registry.SimulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {
  @TempDir Path dir;

  static String config(String metDir) {
    return "n_hours: -6\nnumpar: 10\n"
        + "mets:\n"
        + "  hrrr:\n    directory: " + metDir + "\n    file_format: \"%Y%m%d_%H\"\n    file_tres: 1h\n"
        + "  gdas:\n    directory: " + metDir + "\n    file_format: \"%Y%m%d\"\n    file_tres: 1D\n"
        + "footprints:\n  slv:\n    xmin: -113\n    xmax: -111\n    ymin: 40\n    ymax: 42\n    xres: 0.1\n    yres: 0.1\n";
  }

  Project write(String config, String receptors) throws Exception {
    Files.writeString(dir.resolve("config.yaml"), config);
    Files.writeString(dir.resolve("receptors.csv"), receptors);
    return Project.load(ProjectLayout.requireInputs(dir, null), null);
  }

  @Test
  void plansEveryReceptorOnEveryMetOnce() throws Exception {
    Files.createDirectories(dir.resolve("met"));
    Project p = write(config("met"), "time,longitude,latitude,altitude\n"
        + "2023-01-01 12:00:00,-111.85,40.77,5\n"
        + "2023-01-01 13:00:00,-112,40.5,10\n"
        // Same minute and place as the first row: PYSTILT's id has minute precision, so it is the same run.
        + "2023-01-01 12:00:30,-111.85,40.77,5\n");
    Project.Plan plan = p.plan("scene-1");
    assertThat(plan.simulations()).extracting(s -> s.id().toString()).containsExactly(
        "hrrr_202301011200_-111.85_40.77_5", "gdas_202301011200_-111.85_40.77_5",
        "hrrr_202301011300_-112_40.5_10", "gdas_202301011300_-112_40.5_10");
    assertThat(plan.duplicates()).isEqualTo(2);
    SimulationSpec first = plan.simulations().get(0);
    assertThat(first.scene()).isEqualTo("scene-1");
    assertThat(first.engine()).isEqualTo("native");
    assertThat(first.footprintNames()).containsExactly("slv");
    assertThat(ReceptorJson.fromJson(first.receptorJson())).isEqualTo(p.receptors().get(0));
  }

  @Test
  void everyProblemOfTheProjectIsReportedAtOnceWithWhere() throws Exception {
    // A typo in config.yaml and a bad receptor time: both in one message. (The met directories are checked
    // once the config loads.)
    String cfg = config("no/such/met").replace("numpar: 10", "numparr: 10");
    assertThatThrownBy(() -> write(cfg, "time,longitude,latitude,altitude\n2023-01-01 12:00:00,-111.85,40.77,5\n"
        + "2023-13-45 99:00,-111.85,40.77,5\n"))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG))
        .hasMessageContaining("config.yaml:2:1: numparr: unknown key")
        .hasMessageContaining("'numpar'")
        .hasMessageContaining("receptors.csv: line 3: receptor time '2023-13-45 99:00' is not a valid date")
        .hasMessageContaining("2 problems");
    // With the typo fixed, the met directories are reported at their lines (5 and 9), with what to do.
    assertThatThrownBy(() -> write(config("no/such/met"), "time,longitude,latitude,altitude\n"))
        .hasMessageContaining("config.yaml:5:5: mets.hrrr.directory: " + dir.resolve("no/such/met")
            + " does not exist; point directory at the folder")
        .hasMessageContaining("config.yaml:9:5: mets.gdas.directory:");
  }

  @Test
  void onlyReceptorProblemsAreInputErrors() throws Exception {
    Files.createDirectories(dir.resolve("met"));
    assertThatThrownBy(() -> write(config("met"), "time,longitude,latitude,altitude\nnoon,-111.85,40.77,5\n"))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
        .hasMessageContaining("receptors.csv: line 2: cannot read receptor time 'noon'");
  }

  @Test
  void aDirectoryWithoutConfigIsNotAProject() {
    assertThatThrownBy(() -> ProjectLayout.requireInputs(dir, null))
        .hasMessageContaining("does not look like a STILT project directory")
        .hasMessageContaining("stilt init");
    assertThatThrownBy(() -> ProjectLayout.requireProjectOrOutputs(dir, null))
        .hasMessageContaining("does not look like a STILT project or output root");
  }

  @Test
  void outputsCountOnlyFinishedFilesNeverTemporaryOnes() throws Exception {
    ProjectLayout layout = ProjectLayout.of(dir);
    SimulationId id = SimulationId.parse("hrrr_202301011200_-111.85_40.77_5");
    LocalOutputs outputs = new LocalOutputs(layout);
    assertThat(outputs.inspect(id, List.of("slv", "big"))).isEqualTo(OutputInventory.NOTHING);

    Path sim = layout.simulationDir(id);
    Files.createDirectories(sim);
    // What AtomicFile leaves while writing: hidden temporary files, which must not count.
    Files.writeString(sim.resolve("." + id + "_traj.parquet.1234abcd.tmp"), "partial");
    Files.writeString(sim.resolve("." + id + "_slv_foot.nc.1234abcd.tmp"), "partial");
    assertThat(outputs.inspect(id, List.of("slv"))).isEqualTo(new OutputInventory(false, java.util.Map.of()));

    Files.writeString(layout.trajectoryFile(id), "x");
    Files.writeString(layout.footprintFile(id, "slv"), "x");
    Files.writeString(layout.footprintFile(id, "big"), "x");   // PYSTILT writes a zero NetCDF beside the marker
    Files.writeString(layout.emptyFootprintMarker(id, "big"), "");
    OutputInventory found = outputs.inspect(id, List.of("slv", "big", "other"));
    assertThat(found.trajectoryPresent()).isTrue();
    assertThat(found.footprints()).containsOnlyKeys("slv", "big");
    assertThat(found.footprints().get("slv")).isInstanceOf(FootprintOutcome.Written.class);
    assertThat(found.footprints().get("big")).isEqualTo(new FootprintOutcome.Empty(null));
    assertThat(found.isCompleteFor(List.of("slv", "big"))).isTrue();
    assertThat(found.isCompleteFor(List.of("slv", "other"))).isFalse();
    assertThat(layout.footprintFile(id, "").getFileName().toString()).isEqualTo(id + "_foot.nc");
    assertThat(layout.registryFile()).isEqualTo(dir.resolve(".stilt/registry.db"));
  }

  @Test
  void removingOutputsKeepsTheLogAndOtherFiles() throws Exception {
    ProjectLayout layout = ProjectLayout.of(dir);
    SimulationId id = SimulationId.parse("hrrr_202301011200_-111.85_40.77_5");
    Path sim = layout.simulationDir(id);
    Files.createDirectories(sim);
    for (Path p : List.of(layout.trajectoryFile(id), layout.errorTrajectoryFile(id), layout.footprintFile(id, "slv"),
        layout.emptyFootprintMarker(id, "slv"), layout.footprintFile(id, "slv_error"), layout.logFile(id),
        sim.resolve("." + id + "_traj.parquet.0a1b2c3d.tmp"), sim.resolve("CONTROL"))) {
      Files.writeString(p, "x");
    }
    assertThat(new LocalOutputs(layout).removeOutputs(id, List.of("slv", "slv_error"))).isEqualTo(6);
    try (var s = Files.list(sim)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("stilt.log", "CONTROL");
    }
    assertThat(new LocalOutputs(layout).removeOutputs(SimulationId.parse("hrrr_202301011300_-111.85_40.77_5"),
        List.of("slv"))).isZero();
  }
}
