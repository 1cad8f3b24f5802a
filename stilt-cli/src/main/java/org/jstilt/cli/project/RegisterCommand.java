package org.jstilt.cli.project;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jstilt.runtime.project.Project;
import org.jstilt.runtime.project.ProjectLayout;
import org.jstilt.runtime.project.ProjectRegistry;
import org.jstilt.runtime.registry.RegisterMode;
import org.jstilt.runtime.registry.RegisterResult;
import org.jstilt.runtime.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stilt register [PROJECT]}: plans every (receptor x met stream) simulation and registers it as
 * pending. The whole project is loaded and checked first, so bad input registers nothing; registering
 * again is harmless (completed work is kept unless {@code --force}).
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Register the simulations of PROJECT (every receptor on every met stream) as",
      "pending, for 'stilt run' or queue workers. Checks config.yaml, receptors.csv",
      "and the met directories first: with any problem, nothing is registered.",
      "Completed work is kept."
    })
public final class RegisterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--receptors", paramLabel = "CSV", description = "Receptors file; default: PROJECT/receptors.csv.")
  Path receptors;

  @Option(names = "--scene-id", paramLabel = "SCENE", description = "Label the simulations with this scene.")
  String scene;

  @Option(names = "--retry-failed", description = "Put failed simulations back to pending with attempts reset.")
  boolean retryFailed;

  @Option(names = "--force", description = "Start every simulation over, even complete or running ones.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ProjectLayout layout = ProjectLayout.requireInputs(project.projectDir(), project.outputDir());
    Project p = Project.load(layout, receptors);
    Project.Plan plan = p.plan(scene);
    RegisterMode mode = force ? RegisterMode.FORCE : retryFailed ? RegisterMode.RETRY_FAILED : RegisterMode.KEEP;
    RegisterResult r;
    String where;
    try (Registry registry = ProjectRegistry.open(layout, project.dbUrl())) {
      r = registry.register(plan.simulations(), mode);
      where = registry.location();
    }
    out.printf(Locale.ROOT, "Registered %d simulation(s).%n", r.total());
    out.printf(Locale.ROOT, "  %d new, %d unchanged%s%s%s%n", r.added(), r.unchanged(),
        r.retried() > 0 ? ", " + r.retried() + " failed put back to pending" : "",
        r.reopened() > 0 ? ", " + r.reopened() + " complete reopened for new footprints" : "",
        r.reset() > 0 ? ", " + r.reset() + " started over (--force)" : "");
    if (plan.duplicates() > 0) {
      out.printf(Locale.ROOT, "  %d receptor row(s) repeat an earlier simulation id (same met, minute and place)"
          + " and were registered once%n", plan.duplicates());
    }
    out.println("Registry: " + where);
    out.flush();
    return 0;
  }
}
