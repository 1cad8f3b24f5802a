package org.jstilt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jstilt.core.id.SimulationId;
import org.jstilt.runtime.project.LocalOutputs;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.quickstart.QuickstartProject;
import org.jstilt.runtime.registry.QueuePolicy;
import org.jstilt.runtime.registry.SimulationRecord;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.registry.SqliteRegistry;
import org.jstilt.runtime.registry.StateCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of {@code stilt run --no-skip} (a child JVM, native engine, synthetic met), then
 * {@code stilt run} again: every simulation ends complete, none that the killed run finished is run again,
 * no temporary or partial file is left, and the registry agrees with the files.
 */
class RunKillTest {
  @TempDir Path dir;

  @Test
  void aKilledRunLosesNothingAndTheNextRunFinishesTheRest() throws Exception {
    Path project = QuickstartProject.create(dir.resolve("quick")).directory();
    Path config = project.resolve("config.yaml");
    // Few particles: seconds per run, but still real transport and footprints.
    Files.writeString(config, Files.readString(config).replaceFirst("numpar: \\d+", "numpar: 20"));
    // The first 12 point receptors (one line each after the header) of the quick start's 25.
    Path receptors = project.resolve("receptors.csv");
    List<String> lines = Files.readAllLines(receptors);
    Files.write(receptors, lines.subList(0, 13));
    int total = 12;
    ProjectLayout layout = ProjectLayout.of(project);

    CliRun first = CliRun.of("run", project.toString(), "--n-workers", "2");
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("Summary: total=" + total);

    // The forced re-run, in a child JVM, killed with SIGKILL once a few simulations are recorded complete.
    Path log = dir.resolve("child.out");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", project.toString(), "--no-skip",
        "--n-workers", "2")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Set<SimulationId> doneAtKill;
    try (SqliteRegistry reg = SqliteRegistry.open(layout.registryFile(), QueuePolicy.DEFAULT, Clock.systemUTC())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // "Workers:" is printed after the forced registration reset every simulation to pending.
      while (!Files.readString(log).contains("Workers:") || reg.counts().done() < 2) {
        assertThat(child.isAlive()).as("the child finished before it could be killed:\n" + Files.readString(log)).isTrue();
        assertThat(System.nanoTime()).as("child made no progress:\n" + Files.readString(log)).isLessThan(deadline);
        Thread.sleep(20);
      }
      child.destroyForcibly();   // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      StateCounts atKill = reg.counts();
      assertThat(atKill.done()).as("killed part-way").isBetween(2L, (long) total - 1);
      doneAtKill = done(reg);
    }

    CliRun resume = CliRun.of("run", project.toString(), "--n-workers", "2");
    assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
    for (SimulationId id : doneAtKill) {
      assertThat(resume.out()).as("finished before the kill, must not run again").doesNotContain(id + "  complete");
    }
    try (SqliteRegistry reg = SqliteRegistry.open(layout.registryFile(), QueuePolicy.DEFAULT, Clock.systemUTC())) {
      StateCounts c = reg.counts();
      assertThat(c.total()).isEqualTo(total);
      assertThat(c.done()).isEqualTo(total);
      assertThat(c.pending() + c.running() + c.failed()).isZero();
      // The registry agrees with the files: every simulation's outputs are complete on disk.
      LocalOutputs outputs = new LocalOutputs(layout);
      long completeOnDisk = done(reg).stream()
          .filter(id -> outputs.inspect(id, List.of("default")).isCompleteFor(reg.find(id).orElseThrow().footprintNames()))
          .count();
      assertThat(completeOnDisk).isEqualTo(total);
    }
    try (Stream<Path> s = Files.list(layout.simulationsDir())) {
      assertThat(s.count()).isEqualTo(total);
    }
    List<String> leftovers = new ArrayList<>();
    for (String f : CliRun.files(layout.simulationsDir())) {
      String name = Path.of(f).getFileName().toString();
      if (name.endsWith(".tmp") || name.startsWith(".") || name.contains("PARTICLE")) {
        leftovers.add(f);
      }
    }
    assertThat(leftovers).isEmpty();
  }

  private static Set<SimulationId> done(SqliteRegistry reg) {
    List<SimulationRecord> rows = new ArrayList<>(reg.list(SimulationState.COMPLETE, null, null, 10_000));
    rows.addAll(reg.list(SimulationState.COMPLETE_EMPTY, null, null, 10_000));
    return rows.stream().map(SimulationRecord::id).collect(Collectors.toSet());
  }
}
