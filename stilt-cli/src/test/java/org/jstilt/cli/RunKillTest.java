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
 * {@code stilt run --no-skip} (a child JVM, native engine, synthetic met) stopped with SIGTERM part-way, then
 * {@code stilt run} killed with SIGKILL part-way, then {@code stilt run} again: SIGTERM leaves nothing
 * running, every simulation ends complete, none that an interrupted run finished is run again, no temporary
 * or partial file is left, and the registry agrees with the files.
 */
class RunKillTest {
  @TempDir Path dir;

  @Test
  void aKilledRunLosesNothingAndTheNextRunFinishesTheRest() throws Exception {
    Path project = QuickstartProject.create(dir.resolve("quick")).directory();
    Path config = project.resolve("config.yaml");
    // Few particles: seconds per run, but still real transport and footprints.
    Files.writeString(config, Files.readString(config).replaceFirst("numpar: \\d+", "numpar: 20").replaceFirst("n_hours: -\\d+", "n_hours: -2"));
    // The first 12 point receptors (one line each after the header) of the quick start's 25.
    Path receptors = project.resolve("receptors.csv");
    List<String> lines = Files.readAllLines(receptors);
    Files.write(receptors, lines.subList(0, 13));
    int total = 12;
    ProjectLayout layout = ProjectLayout.of(project);

    CliRun first = CliRun.of("run", project.toString(), "--n-workers", "2");
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("Summary: total=" + total);

    Set<SimulationId> doneAtKill;
    try (SqliteRegistry reg = SqliteRegistry.open(layout.registryFile(), QueuePolicy.DEFAULT, Clock.systemUTC())) {
      // The forced re-run, in a child JVM, stopped with SIGTERM (what Ctrl-C does) part-way: the shutdown hook
      // gives the running simulations back, so nothing is left running.
      Process term = start(project, dir.resolve("term.out"), "--no-skip");
      awaitDone(term, dir.resolve("term.out"), reg, 2);
      term.destroy();
      assertThat(term.waitFor(30, TimeUnit.SECONDS)).isTrue();
      StateCounts afterTerm = reg.counts();
      assertThat(afterTerm.running()).as("SIGTERM gives claims back").isZero();
      assertThat(afterTerm.pending()).as("stopped part-way").isPositive();

      // Then a plain run, killed with SIGKILL (no shutdown hook runs) once two more are complete.
      Process kill = start(project, dir.resolve("kill.out"));
      awaitDone(kill, dir.resolve("kill.out"), reg, afterTerm.done() + 2);
      kill.destroyForcibly();
      assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
      StateCounts atKill = reg.counts();
      assertThat(atKill.done()).as("killed part-way").isBetween(afterTerm.done() + 2, (long) total - 1);
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

  private static Process start(Path project, Path log, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", project.toString(),
        "--n-workers", "2"));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits until the child's pool has started and at least {@code done} simulations are recorded done. */
  private static void awaitDone(Process child, Path log, SqliteRegistry reg, long done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // "Workers:" is printed after registration (a forced one resets every simulation to pending).
    while (!Files.readString(log).contains("Workers:") || reg.counts().done() < done) {
      assertThat(child.isAlive()).as("the child finished before it could be stopped:\n" + Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("child made no progress:\n" + Files.readString(log)).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static Set<SimulationId> done(SqliteRegistry reg) {
    List<SimulationRecord> rows = new ArrayList<>(reg.list(SimulationState.COMPLETE, null, null, 10_000));
    rows.addAll(reg.list(SimulationState.COMPLETE_EMPTY, null, null, 10_000));
    return rows.stream().map(SimulationRecord::id).collect(Collectors.toSet());
  }
}
