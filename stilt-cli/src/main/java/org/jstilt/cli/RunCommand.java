package org.jstilt.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jstilt.cli.project.ProjectOptions;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.config.TransportConfig;
import org.jstilt.core.transport.TransportEngine;
import org.jstilt.io.netcdf.FootprintNetcdfWriter;
import org.jstilt.runtime.engine.TransportEngines;
import org.jstilt.runtime.pool.EngineThreads;
import org.jstilt.runtime.pool.LocalPool;
import org.jstilt.runtime.pool.PoolSummary;
import org.jstilt.runtime.project.LocalOutputs;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.project.ProjectRegistry;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.LeaseSweep;
import org.jstilt.runtime.registry.QueuePolicy;
import org.jstilt.runtime.registry.ReconcileReport;
import org.jstilt.runtime.registry.RegisterMode;
import org.jstilt.runtime.registry.Registry;
import org.jstilt.runtime.registry.StateCounts;
import org.jstilt.runtime.registry.WorkerIdentity;
import org.jstilt.runtime.run.SimulationOutcome;
import org.jstilt.runtime.run.SimulationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stilt run [PROJECT]}: registers every simulation of a project (receptor x met stream) and runs the
 * pending ones on a local pool of workers that take them from the registry (see
 * {@link org.jstilt.runtime.pool}), with a progress bar on a terminal, one line per simulation otherwise, and
 * a summary; exits 1 when any simulation failed.
 *
 * <p>A local run does not retry within itself (attempt limit 1, as PYSTILT and R-STILT): a failed simulation
 * is recorded with its reason, and the next {@code stilt run} tries it again. Ctrl-C gives the running
 * simulations back to the registry; after a kill -9, the next run takes back the dead run's simulations.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run every simulation of PROJECT (config.yaml + receptors.csv; default: the",
      "current directory): met discovery, transport (native or hysplit), trajectory",
      "Parquet and one footprint NetCDF per footprint, in simulations/by-id/<sim_id>/.",
      "Simulations are registered in .stilt/registry.db and run by N workers, each",
      "taking the next pending one when free. Complete ones are skipped",
      "(skip_existing: true); failed ones are tried again. Ctrl-C or a killed run",
      "loses nothing: run again to resume. Exit code 1 when any simulation failed."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOptions project = new ProjectOptions();

  @Option(names = "--no-skip", description = "Run every simulation again, even when it is complete.")
  boolean noSkip;

  @Option(names = "--n-workers", paramLabel = "N",
      description = "Simulations run at once (default: execution.n_workers in config.yaml, else 1). Engine threads"
          + " per simulation: transport.threads, else the cores divided by N.")
  Integer nWorkers;

  /** The process environment, read once here (STILT_HYSPLIT_EXE). */
  Map<String, String> environment = System.getenv();

  /** The clock for outputs' {@code time_created} and log headers. */
  Clock clock = Clock.systemUTC();

  /** A local run records a failure as final; the next run retries it (see the class comment). */
  static final QueuePolicy LOCAL_POLICY = QueuePolicy.DEFAULT.withMaxAttempts(1);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    ProjectLayout layout = ProjectLayout.requireInputs(project.projectDir(), project.outputDir());
    Project p = Project.load(layout, null);
    Project.Plan plan = p.plan(null);
    int workers = nWorkers != null ? nWorkers : p.config().execution().workers();
    if (workers < 1) {
      throw new StiltException(ErrorCode.USAGE, "--n-workers must be at least 1, got " + workers);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int configured = p.config().transport().threads().orElse(0);
    int threads = EngineThreads.perSimulation(configured, workers, cores);
    if (EngineThreads.oversubscribed(threads, workers, cores)) {
      err.println(configured > 0
          ? String.format(Locale.ROOT, "Warning: %d workers x transport.threads %d = %d threads on %d cores; leave"
              + " transport.threads out to share the cores between workers", workers, threads, workers * threads, cores)
          : String.format(Locale.ROOT, "Warning: %d workers on %d cores: simulations will compete for the cores;"
              + " --n-workers %d is usually as fast", workers, cores, cores));
    }
    ModelConfig config = withEngineThreads(p.config(), threads);
    TransportEngine engine = TransportEngines.create(config.transport(), environment);
    FootprintNetcdfWriter writer = FootprintNetcdfWriter.create(w -> err.println("Warning: " + w));
    SimulationRunner runner = new SimulationRunner(config, layout, engine, writer, clock, StiltCommand.versionLine(spec));
    boolean skip = !noSkip && config.skipExisting();

    out.printf("Starting run: project=%s  engine=%s  simulations=%d  workers=%d  skip=%s%n", layout.projectDir(),
        engine.name(), plan.simulations().size(), workers,
        noSkip ? "no-skip" : "config (" + config.skipExisting() + ")");
    if (!layout.outputRoot().equals(layout.projectDir())) {
      out.println("Output root: " + layout.outputRoot());
    }
    if (plan.duplicates() > 0) {
      err.println("Warning: " + plan.duplicates() + " receptor(s) have the same simulation id as an earlier one (ids"
          + " keep minutes, not seconds) and run once");
    }
    out.flush();

    WorkerIdentity me = WorkerIdentity.current();
    try (Registry registry = ProjectRegistry.open(layout, project.dbUrl(), LOCAL_POLICY)) {
      // Order matters: a killed run's simulations are released first (with the local attempt limit of 1 they
      // end as failed), then registration puts failed ones back to pending for this run.
      LeaseSweep dead = registry.releaseDeadLocalWorkers(me.host());
      if (dead.total() > 0) {
        out.println("Took back " + dead.total() + " simulation(s) left running by a stopped or killed run");
      }
      registry.register(plan.simulations(), skip ? RegisterMode.RETRY_FAILED : RegisterMode.FORCE);
      if (!skip) {
        // Start over for real: without the old files, an interrupted forced run cannot leave old and new
        // outputs mixed, nor have its unfinished simulations taken as complete by the next run.
        LocalOutputs outputs = new LocalOutputs(layout);
        List<String> names = config.footprintOutputNames();
        long removed = 0;
        for (var spec : plan.simulations()) {
          removed += outputs.removeOutputs(spec.id(), names);
        }
        if (removed > 0) {
          out.println("Removed " + removed + " output file(s) of earlier runs (no-skip: every simulation starts over)");
        }
      } else {
        ReconcileReport found = registry.reconcile(new LocalOutputs(layout));
        if (found.markedComplete() > 0) {
          out.println(found.markedComplete() + " simulation(s) already complete on disk: recorded, not run again");
        }
      }
      long doneBefore = registry.counts().done();
      // Output code (Parquet, footprint, NetCDF) loads while the first transport runs, when there is one.
      Thread warmUp = registry.counts().pending() > 0 ? runner.warmUpInBackground() : null;
      PoolSummary s;
      try (RunProgress progress = RunProgress.forConsole(out)) {
        LocalPool pool = new LocalPool(registry, runner::runOne, new LocalOutputs(layout), layout::simulationDir,
            workers, threads, skip, me, progress, Clock.systemUTC());
        Thread hook = new Thread(pool::stop, "stilt-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          s = pool.run();
        } finally {
          removeHook(hook);
        }
      }
      joinQuietly(warmUp);
      StateCounts c = registry.counts();
      out.printf(Locale.ROOT, "Summary: total=%d  complete=%d  complete-empty=%d  skipped=%d  failed=%d  (%.1f s)%n",
          c.total(), s.complete(), s.completeEmpty(), doneBefore + s.skipped(), c.failed(),
          (System.nanoTime() - start) / 1e9);
      if (c.pending() + c.running() > 0) {
        out.printf(Locale.ROOT, "Not finished: %d pending, %d running elsewhere (see 'stilt status')%n", c.pending(),
            c.running());
      }
      if (c.failed() > 0) {
        out.println("Outputs: " + layout.simulationsDir() + " (see each failed simulation's stilt.log)");
        return ErrorCode.RUN_FAILED.exitCode();
      }
      out.println("Outputs: " + layout.simulationsDir());
      return 0;
    }
  }

  /** The config with the native engine's threads per simulation set. */
  static ModelConfig withEngineThreads(ModelConfig c, int threads) {
    TransportConfig t = c.transport();
    return new ModelConfig(c.params(), c.mets(), c.footprints(), c.grids(), c.execution(), c.skipExisting(),
        new TransportConfig(t.engine(), t.hysplit(), OptionalInt.of(threads), t.seed()));
  }

  /** Waits for {@code t} (if any), so its temporary files are gone before the process exits. */
  private static void joinQuietly(Thread t) {
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting (Ctrl-C): the hook has run or is running.
    }
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
}
