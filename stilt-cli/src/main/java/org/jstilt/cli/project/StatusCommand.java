package org.jstilt.cli.project;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.text.PyJson;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.project.ProjectRegistry;
import org.jstilt.runtime.registry.FailureSummary;
import org.jstilt.runtime.registry.Registry;
import org.jstilt.runtime.registry.SimulationRecord;
import org.jstilt.runtime.registry.SimulationState;
import org.jstilt.runtime.registry.StateCounts;
import org.jstilt.runtime.registry.WorkerIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stilt status [PROJECT]}: how many simulations are pending, running, complete, complete-empty and
 * failed, as stored in the registry (not guessed from files), with the commonest failure reasons. Only
 * reads: no registry is created and no lease is touched.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Print how many simulations of PROJECT are pending, running, complete,",
      "complete-empty and failed, with the commonest failure reasons.",
      "Reads the registry only; changes nothing."
    })
public final class StatusCommand implements Callable<Integer> {
  /** Failure categories listed. */
  static final int FAILURE_LINES = 5;
  /** Running simulations checked for dead local workers (beyond this the check is skipped). */
  static final int RUNNING_CHECK_LIMIT = 10_000;

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--scene-id", paramLabel = "SCENE", description = "Count only the simulations of this scene.")
  String scene;

  @Option(names = "--by-scene", description = "Also print one line per scene.")
  boolean byScene;

  @Option(names = "--json", description = "Print a JSON object: total, pending, running, complete, complete_empty,"
      + " failed, and a 'details' object.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ProjectLayout layout = ProjectLayout.requireProjectOrOutputs(project.projectDir(), project.outputDir());
    Optional<Registry> opened = ProjectRegistry.openExisting(layout, project.dbUrl());
    Report report;
    if (opened.isEmpty()) {
      report = new Report(name(layout), null, StateCounts.ZERO, List.of(), new TreeMap<>(), new TreeMap<>(), 0);
    } else {
      try (Registry registry = opened.get()) {
        report = read(layout, registry);
      }
    }
    if (json) {
      out.println(PyJson.DEFAULT.dumps(report.toJson(scene, byScene)));
    } else {
      report.print(out, scene, byScene);
    }
    out.flush();
    return 0;
  }

  private Report read(ProjectLayout layout, Registry registry) {
    StateCounts counts = scene == null ? registry.counts() : registry.counts(scene);
    List<FailureSummary> failures = counts.failed() == 0 ? List.of() : registry.commonestFailures(scene, FAILURE_LINES);
    SortedMap<String, Long> empties =
        counts.completeEmpty() == 0 ? new TreeMap<>() : registry.emptyFootprintReasons(scene);
    SortedMap<String, StateCounts> scenes = byScene ? registry.countsByScene() : new TreeMap<>();
    long deadLocal = counts.running() == 0 ? 0 : deadLocalWorkers(registry);
    return new Report(name(layout), registry.location(), counts, failures, empties, scenes, deadLocal);
  }

  /** Running simulations whose lease is held by a process on this host that no longer exists. */
  private long deadLocalWorkers(Registry registry) {
    String host = WorkerIdentity.current().host();
    long dead = 0;
    Map<String, Boolean> deadByOwner = new java.util.HashMap<>();
    SimulationId after = null;
    int seen = 0;
    while (seen < RUNNING_CHECK_LIMIT) {
      List<SimulationRecord> page = registry.list(SimulationState.RUNNING, scene, after, 500);
      for (SimulationRecord r : page) {
        // One process usually holds many leases: check each owner once.
        boolean isDead = deadByOwner.computeIfAbsent(r.lease().owner(),
            o -> WorkerIdentity.parseOwner(o).map(w -> w.isDeadProcessOn(host)).orElse(false));
        if (isDead) {
          dead++;
        }
      }
      if (page.size() < 500) {
        break;
      }
      seen += page.size();
      after = page.get(page.size() - 1).id();
    }
    return dead;
  }

  private static String name(ProjectLayout layout) {
    java.nio.file.Path n = layout.projectDir().getFileName();
    return n == null ? layout.projectDir().toString() : n.toString();
  }

  /** What status prints. */
  record Report(String project, String registry, StateCounts counts, List<FailureSummary> failures,
      SortedMap<String, Long> emptyReasons, SortedMap<String, StateCounts> scenes, long deadLocalWorkers) {

    void print(PrintWriter out, String scene, boolean byScene) {
      out.println((scene == null ? "Project: " + project : "Scene: " + scene) + line(counts));
      if (registry == null) {
        out.println("No simulations registered yet (no registry at .stilt/registry.db): run 'stilt register' or"
            + " 'stilt run'.");
        return;
      }
      if (counts.done() > 0) {
        out.printf(Locale.ROOT, "  complete %d, complete-empty %d%s%n", counts.complete(), counts.completeEmpty(),
            emptyReasons.isEmpty() ? "" : " (empty footprints by reason: " + joined(emptyReasons) + ")");
      }
      if (counts.running() > 0) {
        List<String> notes = new ArrayList<>();
        if (counts.leaseExpired() > 0) {
          notes.add(counts.leaseExpired() + " with an expired lease");
        }
        if (deadLocalWorkers > 0) {
          notes.add(deadLocalWorkers + " held by workers no longer alive on this host");
        }
        out.printf(Locale.ROOT, "  running %d%s%n", counts.running(), notes.isEmpty() ? ""
            : " (" + String.join(", ", notes) + "; the next 'stilt run' takes them back)");
      }
      if (!failures.isEmpty()) {
        out.println("  failed " + counts.failed() + ", commonest reasons:");
        for (FailureSummary f : failures) {
          out.printf(Locale.ROOT, "    %-20s %6d  e.g. %s%n", f.category(), f.count(), firstLine(f.exampleMessage()));
        }
      }
      if (byScene) {
        if (scenes.isEmpty()) {
          out.println("Scenes: none");
        }
        scenes.forEach((s, c) -> out.println("Scene: " + s + line(c)));
      }
      out.println("Registry: " + registry);
    }

    Map<String, Object> toJson(String scene, boolean byScene) {
      Map<String, Object> top = counts(counts);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("project", project);
      details.put("scene", scene);
      details.put("registry", registry);
      details.put("lease_expired", counts.leaseExpired());
      details.put("dead_local_workers", deadLocalWorkers);
      List<Object> fs = new ArrayList<>();
      for (FailureSummary f : failures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", f.category());
        m.put("count", f.count());
        m.put("example", f.exampleMessage());
        fs.add(m);
      }
      details.put("failures", fs);
      details.put("empty_footprints", new LinkedHashMap<String, Object>(emptyReasons));
      if (byScene) {
        Map<String, Object> sc = new LinkedHashMap<>();
        scenes.forEach((s, c) -> sc.put(s, counts(c)));
        details.put("scenes", sc);
      }
      top.put("details", details);
      return top;
    }

    private static Map<String, Object> counts(StateCounts c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("total", c.total());
      m.put("pending", c.pending());
      m.put("running", c.running());
      m.put("complete", c.complete());
      m.put("complete_empty", c.completeEmpty());
      m.put("failed", c.failed());
      return m;
    }

    /** PYSTILT's status line ({@code completed} counts both successful end states). */
    private static String line(StateCounts c) {
      return String.format(Locale.ROOT, "  total=%d  completed=%d  running=%d  pending=%d  failed=%d", c.total(),
          c.done(), c.running(), c.pending(), c.failed());
    }

    private static String joined(SortedMap<String, Long> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, v) -> parts.add(k + " " + v));
      return String.join(", ", parts);
    }

    private static String firstLine(String s) {
      int nl = s.indexOf('\n');
      String one = nl < 0 ? s : s.substring(0, nl) + " ...";
      return one.length() > 160 ? one.substring(0, 159) + "\u2026" : one;
    }
  }
}
