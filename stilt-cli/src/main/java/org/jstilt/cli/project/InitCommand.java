package org.jstilt.cli.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.io.AtomicFile;
import org.jstilt.runtime.project.ProjectLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stilt init [DIR]}: writes a commented starter {@code config.yaml} and {@code receptors.csv}
 * (PYSTILT's template, with the example receptor as a real row, since JSTILT's reader skips comment
 * lines). Never overwrites a config; an existing receptors.csv is kept.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a project in DIR (default: the current directory): a commented",
      "config.yaml and a receptors.csv with one example receptor.",
      "Refuses if DIR already has a config.yaml."
    })
public final class InitCommand implements Callable<Integer> {
  static final String TEMPLATES = "/org/jstilt/cli/project/init/";

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Project directory (created if needed).")
  Path dir = Path.of("");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ProjectLayout layout = ProjectLayout.of(dir);
    Path root = layout.projectDir();
    if (Files.exists(layout.configFile())) {
      throw new StiltException(ErrorCode.USAGE, "'" + root + "' already contains a config.yaml; nothing was written."
          + " Edit that file, or choose another directory.");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new StiltException(ErrorCode.USAGE, "'" + root + "' exists and is not a directory; choose another name.");
    }
    boolean keepReceptors = Files.exists(layout.receptorsFile());
    if (!keepReceptors) {
      copy(ProjectLayout.RECEPTORS, layout.receptorsFile());
    }
    copy(ProjectLayout.CONFIG, layout.configFile());
    out.println("Initialized STILT project at '" + root + "'");
    if (keepReceptors) {
      out.println("  kept the existing receptors.csv");
    }
    out.println("  Edit config.yaml (set mets.hrrr.directory to your ARL meteorology) and receptors.csv,");
    out.println("  then: stilt config check " + root + " && stilt run " + root);
    out.flush();
    return 0;
  }

  private static void copy(String name, Path target) {
    byte[] bytes;
    try (InputStream in = InitCommand.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new StiltException(ErrorCode.INTERNAL, "the " + name + " template is missing from the jar");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new StiltException(ErrorCode.INTERNAL, "cannot read the " + name + " template: " + e.getMessage(), e);
    }
    AtomicFile.write(target, tmp -> Files.write(tmp, bytes));
  }
}
