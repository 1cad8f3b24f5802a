package org.jstilt.cli.config;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ConfigException;
import org.jstilt.core.config.ConfigProblem;
import org.jstilt.core.config.FootprintConfig;
import org.jstilt.core.config.MetConfig;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.config.Timedelta;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.id.MetId;
import org.jstilt.core.id.SimulationId;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorTime;
import org.jstilt.io.config.ConfigLoader;
import org.jstilt.io.config.ReceptorsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stilt config check [PROJECT]}: loads config.yaml and receptors.csv and prints what would run, or
 * every problem in both files (exit 2). Nothing is run or written.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Load PROJECT/config.yaml and PROJECT/receptors.csv (PROJECT defaults to the current directory, or",
      "may be the config.yaml itself) and print a summary of the simulations they define, or every",
      "problem found in them with file, line and what to do. Exit code 2 when there are problems."
    })
public final class ConfigCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "Project directory or config.yaml.")
  Path project = Path.of(".");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path configFile = Files.isDirectory(project) ? project.resolve("config.yaml") : project;
    Path dir = configFile.toAbsolutePath().getParent();
    Path receptorsFile = dir.resolve("receptors.csv");
    if (!Files.exists(configFile)) {
      throw new StiltException(ErrorCode.USAGE, "'" + project + "' does not look like a STILT project (no "
          + "config.yaml found); give the project directory or its config.yaml");
    }

    List<String> problems = new ArrayList<>();
    ModelConfig config = null;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      e.problems().stream().map(ConfigProblem::describe).forEach(problems::add);
    } catch (StiltException e) {
      problems.add(e.getMessage());
    }
    List<Receptor> receptors = null;
    try {
      receptors = ReceptorsCsv.read(receptorsFile);
    } catch (StiltException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      err.println("Error: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + " in " + dir + ":");
      problems.forEach(p -> err.println("  " + p.replace("\n", "\n  ")));
      err.flush();
      return ErrorCode.CONFIG.exitCode();
    }
    summary(out, dir, config, receptors);
    out.flush();
    return 0;
  }

  private static void summary(PrintWriter out, Path dir, ModelConfig c, List<Receptor> receptors) {
    out.println("Project: " + dir);
    out.printf(Locale.ROOT, "Run: n_hours %d, numpar %d, hnf_plume %s, engine %s%s%n", c.params().model().nHours(),
        c.params().model().numpar(), c.params().model().hnfPlume(), c.transport().engine().label(),
        c.params().error().enabled() ? ", error trajectories (WINDERRTF " + c.params().winderrtf() + ")" : "");
    out.println("Met streams: " + c.mets().size());
    for (Map.Entry<MetId, MetConfig> e : c.mets().entrySet()) {
      MetConfig m = e.getValue();
      String how = m.sourceMode() ? "download source " + m.source().orElseThrow()
          : m.fileFormat().orElseThrow() + " every " + Timedelta.format(m.fileTres().orElseThrow());
      String missing = Files.isDirectory(m.directory()) ? "" : "  (warning: directory does not exist yet)";
      out.println("  " + e.getKey() + ": " + m.directory() + ", " + how + missing);
    }
    out.println("Footprints: " + (c.footprints().isEmpty() ? "none (trajectories only)" : c.footprints().size()));
    for (Map.Entry<String, FootprintConfig> e : c.footprints().entrySet()) {
      GridSpec g = e.getValue().grid();
      out.printf(Locale.ROOT, "  %s: x %s..%s, y %s..%s, res %s x %s%s, smooth %s%s%s%n", e.getKey(), num(g.xmin()),
          num(g.xmax()), num(g.ymin()), num(g.ymax()), num(g.xres()), num(g.yres()),
          g.isLongLat() ? "" : " (" + g.projection() + ")", num(e.getValue().smoothFactor()),
          e.getValue().timeIntegrate() ? ", time-integrated" : "", e.getValue().error() ? ", + error footprint" : "");
    }
    Map<String, Integer> byType = new TreeMap<>();
    receptors.forEach(r -> byType.merge(r.typeName(), 1, Integer::sum));
    out.println("Receptors: " + receptors.size() + (byType.isEmpty() ? "" : " " + byType));
    if (!receptors.isEmpty()) {
      Instant first = receptors.stream().map(Receptor::time).min(Instant::compareTo).orElseThrow();
      Instant last = receptors.stream().map(Receptor::time).max(Instant::compareTo).orElseThrow();
      out.println("  times " + ReceptorTime.isoformat(first, ' ') + " .. " + ReceptorTime.isoformat(last, ' ') + " UTC");
    }
    out.println("Simulations: " + receptors.size() * c.mets().size() + " (receptors x met streams)");
    if (!receptors.isEmpty()) {
      out.println("  e.g. " + SimulationId.of(c.metIds().get(0), receptors.get(0)));
    }
  }

  private static String num(double v) {
    return org.jstilt.core.text.PyFloat.formatCoordinate(v);
  }
}
