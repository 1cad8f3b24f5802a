package org.jstilt.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jstilt.cli.CliRun;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.text.PyJson;
import org.jstilt.io.config.ConfigLoader;
import org.jstilt.io.config.ReceptorsCsv;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.registry.Claim;
import org.jstilt.runtime.registry.Failure;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.registry.SqliteRegistry;
import org.jstilt.runtime.registry.StateCounts;
import org.jstilt.runtime.registry.WorkerIdentity;
import org.jstilt.core.footprint.EmptyFootprintReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stilt init}, {@code register}, {@code status}, {@code rebuild} through the command line. */
class ProjectCommandsTest {
  @TempDir Path dir;

  static final String RECEPTORS = "time,longitude,latitude,altitude\n"
      + "2023-01-01 12:00:00,-111.85,40.77,5\n"
      + "2023-01-01 13:00:00,-111.85,40.77,5\n"
      + "2023-01-01 14:00:00,-111.85,40.77,5\n";

  Path project() throws Exception {
    Path p = dir.resolve("proj");
    Files.createDirectories(p.resolve("met"));
    Files.writeString(p.resolve("config.yaml"), "n_hours: -6\nnumpar: 10\nmets:\n  hrrr:\n    directory: met\n"
        + "    file_format: \"%Y%m%d_%H\"\n    file_tres: 1h\n"
        + "footprints:\n  slv:\n    xmin: -113\n    xmax: -111\n    ymin: 40\n    ymax: 42\n    xres: 0.1\n    yres: 0.1\n");
    Files.writeString(p.resolve("receptors.csv"), RECEPTORS);
    return p;
  }

  static SimulationId sim(int hour) {
    return SimulationId.parse("hrrr_20230101" + hour + "00_-111.85_40.77_5");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return (Map<String, Object>) PyJson.loads(text);
  }

  @Test
  void initWritesAStarterProjectThatLoadsAsWritten() throws Exception {
    Path p = dir.resolve("new/project");
    CliRun r = CliRun.of("init", p.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Initialized STILT project at '" + p.toAbsolutePath() + "'");
    String text = Files.readString(p.resolve("config.yaml"));
    assertThat(text).contains("# ").contains("mets:").contains("transport:");
    ModelConfig c = ConfigLoader.load(p.resolve("config.yaml"));
    assertThat(c.params().model().numpar()).isEqualTo(1000);
    assertThat(c.params().model().nHours()).isEqualTo(-24);
    assertThat(c.mets()).hasSize(1);
    assertThat(c.footprints()).containsOnlyKeys("default");
    assertThat(c.footprints().get("default").grid().xres()).isEqualTo(0.01);
    List<Receptor> rs = ReceptorsCsv.read(p.resolve("receptors.csv"));
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).time()).isEqualTo(Instant.parse("2023-01-01T12:00:00Z"));

    // A second init refuses and changes nothing.
    Files.writeString(p.resolve("config.yaml"), "mine");
    CliRun again = CliRun.of("init", p.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already contains a config.yaml");
    assertThat(Files.readString(p.resolve("config.yaml"))).isEqualTo("mine");

    // The template's placeholder met directory is what 'register' then points at, with its line.
    Files.writeString(p.resolve("config.yaml"), text);
    CliRun reg = CliRun.of("register", p.toString());
    assertThat(reg.exitCode()).isEqualTo(2);
    assertThat(reg.err()).containsPattern("config.yaml:\\d+:5: mets.hrrr.directory: /path/to/arl/meteorology does not exist");
  }

  @Test
  void registerPlansAndRegistersOnceAndStatusCountsThem() throws Exception {
    Path p = project();
    CliRun r = CliRun.of("register", p.toString(), "--scene-id", "s1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Registered 3 simulation(s).").contains("3 new, 0 unchanged");
    CliRun again = CliRun.of("register", p.toString());
    assertThat(again.out()).contains("Registered 3 simulation(s).").contains("0 new, 3 unchanged");

    CliRun st = CliRun.of("status", p.toString(), "--json", "--by-scene");
    assertThat(st.exitCode()).as(st.err()).isZero();
    Map<String, Object> j = json(st.out());
    assertThat(j.keySet()).containsExactly("total", "pending", "running", "complete", "complete_empty", "failed", "details");
    assertThat(j).containsEntry("total", 3L).containsEntry("pending", 3L).containsEntry("running", 0L);
    @SuppressWarnings("unchecked")
    Map<String, Object> scenes = (Map<String, Object>) ((Map<String, Object>) j.get("details")).get("scenes");
    assertThat(scenes).containsOnlyKeys("s1");

    CliRun text = CliRun.of("status", p.toString());
    assertThat(text.out()).startsWith("Project: proj  total=3  completed=0  running=0  pending=3  failed=0\n");
  }

  @Test
  void badInputRegistersNothingAndSaysWhereAndWhat() throws Exception {
    Path p = project();
    Path registry = p.resolve(".stilt/registry.db");
    String good = Files.readString(p.resolve("config.yaml"));

    Files.writeString(p.resolve("config.yaml"), good.replace("numpar: 10", "numpra: 10"));
    CliRun typo = CliRun.of("register", p.toString());
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("config.yaml:2:1: numpra: unknown key").contains("did you mean 'numpar'?")
        .contains("nothing was registered");
    assertThat(registry).doesNotExist();

    Files.writeString(p.resolve("config.yaml"), good);
    Files.writeString(p.resolve("receptors.csv"), RECEPTORS + "2023-01-01 25:00:00,-111.85,40.77,5\n");
    CliRun badTime = CliRun.of("register", p.toString());
    assertThat(badTime.exitCode()).isEqualTo(2);
    assertThat(badTime.err()).contains("receptors.csv: line 5: ").contains("2023-01-01 25:00:00");
    assertThat(registry).doesNotExist();

    Files.writeString(p.resolve("receptors.csv"), RECEPTORS);
    Files.delete(p.resolve("met"));
    CliRun noMet = CliRun.of("register", p.toString());
    assertThat(noMet.exitCode()).isEqualTo(2);
    assertThat(noMet.err()).contains("config.yaml:5:5: mets.hrrr.directory: " + p.toAbsolutePath().resolve("met")
        + " does not exist; point directory at the folder holding this stream's ARL files");
    assertThat(registry).doesNotExist();

    // A registry that already exists is left as it was.
    Files.createDirectories(p.resolve("met"));
    assertThat(CliRun.of("register", p.toString()).exitCode()).isZero();
    Files.writeString(p.resolve("receptors.csv"), RECEPTORS + "2023-01-01 15:00:00,-111.85,40.77,5\nbad,row\n");
    assertThat(CliRun.of("register", p.toString()).exitCode()).isEqualTo(2);
    try (SqliteRegistry reg = SqliteRegistry.forOutputRoot(p)) {
      assertThat(reg.counts().total()).isEqualTo(3);
    }
  }

  @Test
  void statusTellsRunningFailedAndWhyTruthfully() throws Exception {
    Path p = project();
    assertThat(CliRun.of("register", p.toString()).exitCode()).isZero();
    // A finished dead process: its pid is free (or reused by a process started later).
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    WorkerIdentity here = WorkerIdentity.current();
    WorkerIdentity dead = new WorkerIdentity(here.host(), gone.pid(), Instant.parse("2020-01-01T00:00:00Z"));
    try (SqliteRegistry reg = SqliteRegistry.forOutputRoot(p)) {
      Claim a = reg.claimOne(here).orElseThrow();
      reg.fail(a, Failure.permanent("missing_met_files", "Insufficient number of meteorological files found."
          + " Found: 0, Required: 1."));
      Claim b = reg.claimOne(here).orElseThrow();
      reg.complete(b, Map.of("slv", FootprintOutcome.empty(EmptyFootprintReason.OUTSIDE_DOMAIN)));
      reg.claimOne(dead).orElseThrow();
      assertThat(reg.counts()).isEqualTo(new StateCounts(3, 0, 1, 0, 1, 1, 0));
    }
    CliRun st = CliRun.of("status", p.toString());
    assertThat(st.exitCode()).as(st.err()).isZero();
    assertThat(st.out())
        .contains("Project: proj  total=3  completed=1  running=1  pending=0  failed=1")
        .contains("complete 0, complete-empty 1 (empty footprints by reason: outside_domain 1)")
        .contains("running 1 (1 held by workers no longer alive on this host; the next 'stilt run' takes them back)")
        .contains("failed 1, commonest reasons:")
        .containsPattern("missing_met_files +1  e.g. Insufficient number of meteorological files found");
    Map<String, Object> j = json(CliRun.of("status", p.toString(), "--json").out());
    assertThat(j).containsEntry("running", 1L).containsEntry("failed", 1L).containsEntry("complete_empty", 1L);
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) j.get("details");
    assertThat(details).containsEntry("dead_local_workers", 1L);
    assertThat(details.get("failures").toString()).contains("missing_met_files");
  }

  @Test
  void statusOfAnUnregisteredProjectCreatesNothing() throws Exception {
    Path p = project();
    CliRun st = CliRun.of("status", p.toString());
    assertThat(st.exitCode()).isZero();
    assertThat(st.out()).contains("total=0").contains("No simulations registered yet");
    assertThat(p.resolve(".stilt")).doesNotExist();
    CliRun none = CliRun.of("status", dir.resolve("nothing-here").toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("does not look like a STILT project or output root");
  }

  @Test
  void rebuildMakesTheRegistryAgreeWithTheFiles() throws Exception {
    Path p = project();
    ProjectLayout layout = ProjectLayout.of(p);
    // Outputs exist but no registry (it was lost): rebuild registers and then reads the files.
    write(layout.trajectoryFile(sim(12)), "t");
    write(layout.footprintFile(sim(12), "slv"), "f");
    write(layout.trajectoryFile(sim(13)), "t");
    write(layout.emptyFootprintMarker(sim(13), "slv"), "");
    write(layout.trajectoryFile(sim(14)), "t");   // footprint still being written:
    write(layout.simulationDir(sim(14)).resolve("." + sim(14) + "_slv_foot.nc.0a1b2c3d.tmp"), "partial");
    CliRun r = CliRun.of("rebuild", p.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Registered 3 simulation(s) that were missing").contains("2 marked complete");
    try (SqliteRegistry reg = SqliteRegistry.forOutputRoot(p)) {
      assertThat(reg.find(sim(12)).orElseThrow().state()).isEqualTo(SimulationState.COMPLETE);
      assertThat(reg.find(sim(13)).orElseThrow().state()).isEqualTo(SimulationState.COMPLETE_EMPTY);
      assertThat(reg.find(sim(14)).orElseThrow().state()).isEqualTo(SimulationState.PENDING);
    }
    // A complete simulation whose footprint was deleted goes back to pending.
    Files.delete(layout.footprintFile(sim(12), "slv"));
    CliRun again = CliRun.of("rebuild", p.toString());
    assertThat(again.out()).contains("1 put back to pending").contains("2 already agreed");
    Map<String, Object> j = json(CliRun.of("status", p.toString(), "--json").out());
    assertThat(j).containsEntry("pending", 2L).containsEntry("complete_empty", 1L).containsEntry("complete", 0L);
  }

  static void write(Path f, String text) throws Exception {
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void registerModesAndSceneCounts() throws Exception {
    Path p = project();
    assertThat(CliRun.of("register", p.toString(), "--scene-id", "a").exitCode()).isZero();
    try (SqliteRegistry reg = SqliteRegistry.forOutputRoot(p)) {
      Claim c1 = reg.claimOne(WorkerIdentity.current()).orElseThrow();
      reg.fail(c1, Failure.permanent("met_coverage", "outside the met grid"));
      Claim c2 = reg.claimOne(WorkerIdentity.current()).orElseThrow();
      reg.complete(c2, Map.of("slv", FootprintOutcome.written()));
    }
    CliRun scene = CliRun.of("status", p.toString(), "--scene-id", "a");
    assertThat(scene.out()).startsWith("Scene: a  total=3  completed=1  running=0  pending=1  failed=1");
    assertThat(CliRun.of("status", p.toString(), "--scene-id", "b").out()).startsWith("Scene: b  total=0");
    // Plain registration keeps both; --retry-failed puts the failed one back; --force starts all over.
    assertThat(CliRun.of("register", p.toString()).out()).contains("0 new, 3 unchanged");
    assertThat(CliRun.of("register", p.toString(), "--retry-failed").out()).contains("1 failed put back to pending");
    assertThat(json(CliRun.of("status", p.toString(), "--json").out())).containsEntry("pending", 2L)
        .containsEntry("complete", 1L).containsEntry("failed", 0L);
    assertThat(CliRun.of("register", p.toString(), "--force").out()).contains("3 started over (--force)");
    assertThat(json(CliRun.of("status", p.toString(), "--json").out())).containsEntry("pending", 3L);
  }
}
