package org.jstilt.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.io.netcdf.FootprintNetcdfWriter;
import org.jstilt.runtime.engine.TransportEngines;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.cli.project.ProjectOptions;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.run.Simulation;
import org.jstilt.runtime.run.SimulationOutcome;
import org.jstilt.runtime.run.SimulationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code stilt run [PROJECT]}: runs every simulation of a project (receptor x met stream) one after the
 * other, prints one line per simulation and a summary, and exits 1 when any failed.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run every simulation of PROJECT (config.yaml + receptors.csv; default: the current directory):",
      "met discovery, transport (transport.engine: native or hysplit), trajectory Parquet and one",
      "footprint NetCDF per named footprint, in PROJECT/simulations/by-id/<sim_id>/.",
      "Simulations whose outputs all exist are skipped (skip_existing: true, the default).",
      "A failed simulation is reported (with its reason, also in its stilt.log) and the run goes on;",
      "the exit code is 1 when any simulation failed."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOptions project = new ProjectOptions();

  @Option(names = "--no-skip", description = "Run every simulation again, even when its outputs exist.")
  boolean noSkip;

  /** The process environment, read once here (STILT_HYSPLIT_EXE). */
  Map<String, String> environment = System.getenv();

  /** The clock for outputs' {@code time_created} and log headers. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    Project p = Project.load(ProjectLayout.requireInputs(project.projectDir(), project.outputDir()), null);
    Project.Plan plan = p.plan(null);
    List<Simulation> simulations = plan.simulations().stream().map(Simulation::of).toList();
    TransportEngine engine = TransportEngines.create(p.config().transport(), environment);
    FootprintNetcdfWriter writer = FootprintNetcdfWriter.create(w -> err.println("Warning: " + w));
    SimulationRunner runner = new SimulationRunner(p, engine, writer, clock, StiltCommand.versionLine(spec));
    boolean skip = !noSkip && p.config().skipExisting();

    out.printf("Starting run: project=%s  engine=%s  simulations=%d  skip=%s%n", p.layout().projectDir(),
        engine.name(), simulations.size(), noSkip ? "no-skip" : "config (" + p.config().skipExisting() + ")");
    if (!p.layout().outputRoot().equals(p.layout().projectDir())) {
      out.println("Output root: " + p.layout().outputRoot());
    }
    if (plan.duplicates() > 0) {
      err.println("Warning: " + plan.duplicates() + " receptor(s) have the same simulation id as an earlier one (ids"
          + " keep minutes, not seconds) and run once");
    }
    out.flush();

    List<SimulationOutcome> outcomes = new ArrayList<>();
    int i = 0;
    for (Simulation sim : simulations) {
      i++;
      SimulationOutcome o = runner.runOne(sim, skip);
      outcomes.add(o);
      out.println(line(i, simulations.size(), o));
      out.flush();
    }
    Summary s = Summary.of(outcomes);
    out.printf(Locale.ROOT, "Summary: total=%d  complete=%d  complete-empty=%d  skipped=%d  failed=%d  (%.1f s)%n",
        outcomes.size(), s.complete, s.completeEmpty, s.skipped, s.failed, (System.nanoTime() - start) / 1e9);
    if (s.failed > 0) {
      out.println("Outputs: " + p.layout().simulationsDir() + " (see each failed simulation's stilt.log)");
      return ErrorCode.RUN_FAILED.exitCode();
    }
    out.println("Outputs: " + p.layout().simulationsDir());
    return 0;
  }

  /** One line per simulation: {@code [i/n] <sim_id>  <outcome>  <details>}. */
  static String line(int i, int n, SimulationOutcome o) {
    String head = String.format(Locale.ROOT, "[%d/%d] %s  %s", i, n, o.id(), o.label());
    if (o instanceof SimulationOutcome.Completed c) {
      StringBuilder sb = new StringBuilder(head).append(String.format(Locale.ROOT, "  %s", secs(c.elapsed())));
      if (c.trajectoryReused()) {
        sb.append("  (trajectory reused)");
      } else {
        sb.append(String.format(Locale.ROOT, "  (transport %s)", secs(c.transport())));
      }
      if (!c.footprints().isEmpty()) {
        List<String> f = new ArrayList<>();
        c.footprints().forEach((name, fo) -> f.add((name.isEmpty() ? "(unnamed)" : name) + " "
            + (fo instanceof FootprintOutcome.Empty e ? "empty" + e.knownReason().map(r -> " (" + r.label() + ")")
                .orElse("") : "written")));
        sb.append("  footprints: ").append(String.join(", ", f));
      }
      return sb.toString();
    }
    if (o instanceof SimulationOutcome.Failed f) {
      return head + "  " + f.category() + " [" + f.phase() + "]: " + f.message().replace('\n', ' ');
    }
    return head + "  (all outputs exist)";
  }

  private static String secs(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }

  /** Counts by outcome. */
  private static final class Summary {
    int complete;
    int completeEmpty;
    int skipped;
    int failed;

    static Summary of(List<SimulationOutcome> outcomes) {
      Summary s = new Summary();
      for (SimulationOutcome o : outcomes) {
        switch (o.label()) {
          case "complete" -> s.complete++;
          case "complete-empty" -> s.completeEmpty++;
          case "skipped" -> s.skipped++;
          default -> s.failed++;
        }
      }
      return s;
    }
  }
}
