package org.jstilt.cli.project;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jstilt.runtime.project.LocalOutputs;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.project.ProjectRegistry;
import org.jstilt.runtime.registry.ReconcileReport;
import org.jstilt.runtime.registry.RegisterMode;
import org.jstilt.runtime.registry.RegisterResult;
import org.jstilt.runtime.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stilt rebuild [PROJECT]}: makes the registry agree with the outputs on disk. With a config.yaml,
 * the project's simulations are registered first (so a lost or deleted registry is recreated); then every
 * simulation that is not running is checked against its files: complete outputs mark it complete,
 * missing outputs of a "complete" one put it back to pending, footprints found are recorded.
 */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = {
      "Make the registry agree with the outputs in simulations/by-id: register the",
      "project's simulations (recreating a lost registry), mark those with complete",
      "outputs complete, and put 'complete' ones whose files are gone back to",
      "pending. Running simulations are left alone."
    })
public final class RebuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ProjectLayout layout = ProjectLayout.requireProjectOrOutputs(project.projectDir(), project.outputDir());
    // The met archive may be gone by now; rebuilding only looks at outputs.
    Project p = Files.isRegularFile(layout.configFile()) ? Project.load(layout, null, false) : null;
    RegisterResult registered = null;
    ReconcileReport report;
    String where;
    try (Registry registry = ProjectRegistry.open(layout, project.dbUrl())) {
      if (p != null) {
        registered = registry.register(p.plan(null).simulations(), RegisterMode.KEEP);
      }
      report = registry.reconcile(new LocalOutputs(layout));
      where = registry.location();
    }
    if (registered != null && registered.added() > 0) {
      out.printf(Locale.ROOT, "Registered %d simulation(s) that were missing from the registry.%n", registered.added());
    }
    out.printf(Locale.ROOT, "Rebuilt: %d simulation(s) examined, %d changed.%n", report.examined(), report.changed());
    out.printf(Locale.ROOT, "  %d already agreed with their outputs%n", report.confirmed());
    out.printf(Locale.ROOT, "  %d marked complete (outputs found)%n", report.markedComplete());
    out.printf(Locale.ROOT, "  %d put back to pending (outputs missing or incomplete)%n", report.reopened());
    if (report.progressRecorded() > 0) {
      out.printf(Locale.ROOT, "  %d with some footprints done (recorded, not recomputed)%n", report.progressRecorded());
    }
    if (report.skippedRunning() + report.skippedChanged() > 0) {
      out.printf(Locale.ROOT, "  %d running and %d changed meanwhile: left alone%n", report.skippedRunning(),
          report.skippedChanged());
    }
    out.println("Registry: " + where);
    out.flush();
    return 0;
  }
}
