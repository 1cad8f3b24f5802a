package org.jstilt.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.SharedData;
import org.jstilt.core.transport.RunKind;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.core.transport.TransportRequest;
import org.jstilt.core.transport.TransportResult;
import org.jstilt.io.config.ConfigLoader;
import org.jstilt.io.netcdf.FootprintMetadata;
import org.jstilt.io.netcdf.FootprintNetcdfWriter;
import org.jstilt.io.parquet.TrajectoryMetadata;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryTable;
import org.jstilt.runtime.engine.NativeEngineAdapter;
import org.jstilt.runtime.engine.SimulationSeeds;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.SimulationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with the native engine on the shared HRRR files (10 particles, 1 hour: fast): seeds, error
 * trajectories, skip-existing, empty footprints, and that failures keep nothing.
 */
class SimulationRunnerTest {
  @TempDir Path dir;

  static final Simulation SIM = Simulation.of(new MetId("hrrr"),
      new PointReceptor(Instant.parse("2019-05-30T11:00:00Z"), -111.85, 40.77, 5, AltitudeReference.AGL));
  static final SimulationId ID = SIM.id();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  static final String SLV = "xmin: -112.9\n    xmax: -111.1\n    ymin: 40.1\n    ymax: 41.4";

  private ModelConfig config(String extra, String footprintDomain) {
    String yaml = String.join("\n",
        "n_hours: -1",
        "numpar: 10",
        "varsiwant: [time, indx, long, lati, zagl, foot, mlht, dens, samt, sigw, tlgr]",
        "mets:",
        "  hrrr:",
        "    directory: " + SharedData.hrrrMet(),
        "    file_format: \"%Y%m%d_%H\"",
        "    file_tres: 6h",
        "footprints:",
        "  slv:",
        "    " + footprintDomain,
        "    xres: 0.01",
        "    yres: 0.01",
        "    time_integrate: true",
        extra, "");
    return ConfigLoader.parse(yaml, "config.yaml", dir);
  }

  private SimulationRunner runner(ModelConfig c, Path root) {
    return new SimulationRunner(c, ProjectLayout.of(root), new NativeEngineAdapter(),
        FootprintNetcdfWriter.create(w -> { }), CLOCK, "JSTILT test");
  }

  private static ParticleEnsemble particles(Path file) {
    return TrajectoryParquetReader.read(file).particles();
  }

  @Test
  void theProjectSeedGivesEachSimulationItsOwnReproducibleSeed() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    SimulationOutcome oa = runner(config("transport:\n  seed: 7\n  threads: 1", SLV), a).runOne(SIM);
    SimulationOutcome ob = runner(config("transport:\n  seed: 7\n  threads: 2", SLV), b).runOne(SIM);
    SimulationOutcome oc = runner(config("transport:\n  seed: 8\n  threads: 1", SLV), c).runOne(SIM);
    assertThat(oa).isInstanceOf(SimulationOutcome.Completed.class);
    assertThat(ob.label()).isEqualTo("complete");
    assertThat(oc.label()).isEqualTo("complete");
    ProjectLayout la = ProjectLayout.of(a);
    ParticleEnsemble pa = particles(la.trajectoryFile(ID));
    ParticleEnsemble pb = particles(ProjectLayout.of(b).trajectoryFile(ID));
    ParticleEnsemble pc = particles(ProjectLayout.of(c).trajectoryFile(ID));
    assertThat(pa.size()).isPositive();
    for (String col : pa.columnNames()) {
      assertThat(pb.column(col)).as(col + ": same seed, other thread count").containsExactly(pa.column(col));
    }
    assertThat(pc.column("long")).as("another project seed").isNotEqualTo(pa.column("long"));
    assertThat(Files.readString(la.logFile(ID)))
        .contains("native main run: seed " + SimulationSeeds.derive(7, ID, RunKind.MAIN) + ",");
  }

  @Test
  void errorParametersAddTheErrorTrajectoryAndErrorFootprint() throws Exception {
    ModelConfig c = config("siguverr: 2.0\ntluverr: 60\nzcoruverr: 500\nhorcoruverr: 40\n"
        + "transport:\n  seed: 3\n  threads: 1", SLV + "\n    error: true");
    SimulationOutcome o = runner(c, dir).runOne(SIM);
    assertThat(o).isInstanceOf(SimulationOutcome.Completed.class);
    assertThat(((SimulationOutcome.Completed) o).footprints()).containsOnlyKeys("slv", "slv_error");
    ProjectLayout l = ProjectLayout.of(dir);
    TrajectoryTable main = TrajectoryParquetReader.read(l.trajectoryFile(ID));
    TrajectoryTable err = TrajectoryParquetReader.read(l.errorTrajectoryFile(ID));
    assertThat(main.metadata(TrajectoryMetadata.IS_ERROR)).contains("false");
    assertThat(err.metadata(TrajectoryMetadata.IS_ERROR)).contains("true");
    assertThat(err.particles().column("long")).isNotEqualTo(main.particles().column("long"));
    assertThat(l.footprintFile(ID, "slv_error")).isRegularFile();
    assertThat(Files.readString(l.logFile(ID))).contains("=== main run ===", "=== error run ===",
        "native error run: seed " + SimulationSeeds.derive(3, ID, RunKind.ERROR) + ",");
  }

  @Test
  void skipExistingSkipsCompleteSimulationsAndReusesTheTrajectoryForMissingFootprints() throws Exception {
    SimulationRunner r = runner(config("transport:\n  seed: 1\n  threads: 1", SLV), dir);
    assertThat(r.runOne(SIM).label()).isEqualTo("complete");
    ProjectLayout l = ProjectLayout.of(dir);
    byte[] traj = Files.readAllBytes(l.trajectoryFile(ID));
    assertThat(r.runOne(SIM)).isInstanceOf(SimulationOutcome.Skipped.class);

    Files.delete(l.footprintFile(ID, "slv"));
    SimulationOutcome o = r.runOne(SIM);
    assertThat(o).isInstanceOf(SimulationOutcome.Completed.class);
    assertThat(((SimulationOutcome.Completed) o).trajectoryReused()).isTrue();
    assertThat(Files.readAllBytes(l.trajectoryFile(ID))).isEqualTo(traj);
    assertThat(l.footprintFile(ID, "slv")).isRegularFile();

    SimulationOutcome forced = r.runOne(SIM, false);
    assertThat(((SimulationOutcome.Completed) forced).trajectoryReused()).isFalse();
    assertThat(Files.readString(l.logFile(ID))).contains("Trajectory exists; computing only the missing footprints");
  }

  @Test
  void aFootprintFarFromTheParticlesIsCompleteEmptyWithItsMarker() {
    SimulationRunner r = runner(config("transport:\n  seed: 1\n  threads: 1",
        "xmin: -80.0\n    xmax: -79.0\n    ymin: 30.0\n    ymax: 31.0"), dir);
    SimulationOutcome o = r.runOne(SIM);
    assertThat(o).isInstanceOf(SimulationOutcome.Completed.class);
    SimulationOutcome.Completed c = (SimulationOutcome.Completed) o;
    assertThat(c.state()).isEqualTo(SimulationState.COMPLETE_EMPTY);
    assertThat(c.footprints().get("slv")).isEqualTo(new FootprintOutcome.Empty(EmptyFootprintReason.OUTSIDE_DOMAIN));
    ProjectLayout l = ProjectLayout.of(dir);
    assertThat(l.emptyFootprintMarker(ID, "slv")).isEmptyFile();
    assertThat(l.footprintFile(ID, "slv")).isRegularFile();
    assertThat(r.isComplete(ID)).isTrue();
  }

  @Test
  void aFailedWriteRemovesWhatTheAttemptWrote() throws Exception {
    FootprintNetcdfWriter broken = new FootprintNetcdfWriter() {
      @Override
      public void write(Path target, FootprintGrid footprint, FootprintMetadata metadata) {
        throw new StiltException(ErrorCode.STORAGE, "disk full (test)");
      }

      @Override
      public String description() {
        return "broken";
      }
    };
    SimulationRunner r = new SimulationRunner(config("transport:\n  seed: 1\n  threads: 1", SLV),
        ProjectLayout.of(dir), new NativeEngineAdapter(), broken, CLOCK, "JSTILT test");
    SimulationOutcome o = r.runOne(SIM);
    assertThat(o).isInstanceOf(SimulationOutcome.Failed.class);
    SimulationOutcome.Failed f = (SimulationOutcome.Failed) o;
    assertThat(f.phase()).isEqualTo("write");
    assertThat(f.category()).isEqualTo("storage");
    assertThat(f.failure().retryable()).isTrue();
    ProjectLayout l = ProjectLayout.of(dir);
    try (Stream<Path> files = Files.list(l.simulationDir(ID))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stilt.log");
    }
    assertThat(Files.readString(l.logFile(ID))).contains("Removed " + ID + "_traj.parquet", "Reason: storage",
        "Message: disk full (test)");
  }

  @Test
  void aBugInAnEngineIsAnInternalFailureWithItsStackTraceInTheLog() throws Exception {
    TransportEngine buggy = new TransportEngine() {
      @Override
      public String name() {
        return "buggy";
      }

      @Override
      public TransportResult run(TransportRequest request) {
        throw new IllegalStateException("boom");
      }
    };
    SimulationRunner r = new SimulationRunner(config("", SLV), ProjectLayout.of(dir), buggy,
        FootprintNetcdfWriter.create(w -> { }), CLOCK, "JSTILT test");
    SimulationOutcome.Failed f = (SimulationOutcome.Failed) r.runOne(SIM);
    assertThat(f.category()).isEqualTo("internal");
    assertThat(f.phase()).isEqualTo("transport:main");
    assertThat(f.message()).contains("IllegalStateException: boom");
    assertThat(Files.readString(ProjectLayout.of(dir).logFile(ID))).contains("Stack trace:", "engine buggy");
  }

  @Test
  void subgridCropsTheMetFilesOnceAndRunsOnTheCrops() throws Exception {
    Path crops = dir.resolve("crops");
    String met = "    subgrid_enable: true\n    subgrid_bounds: {xmin: -112.5, xmax: -111.5, ymin: 40.5, ymax: 41.0}\n"
        + "    subgrid_buffer: 0.2\n    subgrid_levels: 10\n    subgrid_dir: " + crops;
    String yaml = String.join("\n",
        "n_hours: -1", "numpar: 10", "varsiwant: [time, indx, long, lati, zagl, foot, mlht, dens, samt, sigw, tlgr]",
        "mets:", "  hrrr:", "    directory: " + SharedData.hrrrMet(), "    file_format: \"%Y%m%d_%H\"",
        "    file_tres: 6h", met,
        "footprints:", "  slv:", "    " + SLV, "    xres: 0.01", "    yres: 0.01", "    time_integrate: true",
        "transport:", "  seed: 1", "  threads: 1", "");
    ModelConfig c = ConfigLoader.parse(yaml, "config.yaml", dir);
    assertThat(SimulationRunner.unsupported(c)).isEmpty();
    SimulationRunner r = runner(c, dir.resolve("out"));
    assertThat(r.runOne(SIM).label()).isEqualTo("complete");
    Path cropDir = crops.resolve("-112.7_40.3_-111.3_41.2_L10");
    assertThat(cropDir.resolve("20190530_00-05_hrrr")).as("not needed for 10-11 UTC").doesNotExist();
    assertThat(Files.size(cropDir.resolve("20190530_06-11_hrrr")))
        .isLessThan(Files.size(SharedData.hrrrMet().resolve("20190530_06-11_hrrr")) / 2);
    ProjectLayout l = ProjectLayout.of(dir.resolve("out"));
    assertThat(TrajectoryParquetReader.read(l.trajectoryFile(ID)).metadata(TrajectoryMetadata.MET_FILES).orElseThrow())
        .contains(cropDir.resolve("20190530_06-11_hrrr").toString());
    long modified = Files.getLastModifiedTime(cropDir.resolve("20190530_06-11_hrrr")).toMillis();
    assertThat(r.runOne(SIM, false).label()).isEqualTo("complete");
    assertThat(Files.getLastModifiedTime(cropDir.resolve("20190530_06-11_hrrr")).toMillis()).isEqualTo(modified);
    String log = Files.readString(l.logFile(ID));
    assertThat(log.split("Cropped ", -1)).as("the one file cropped once").hasSize(2);
    assertThat(log).contains("Met crops used: ");
  }

  @Test
  void settingsTheRunnerCannotHonourAreListedBeforeAnyWork() {
    ModelConfig c = config("", SLV + "\n    transforms:\n      - kind: first_order_lifetime\n        lifetime_hours: 4");
    assertThat(SimulationRunner.unsupported(c)).singleElement().asString().contains("footprints.slv.transforms");
  }
}
