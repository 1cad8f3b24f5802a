package org.jstilt.runtime.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.io.config.ConfigLoader;
import org.jstilt.io.config.ReceptorsCsv;

/**
 * A loaded STILT project: its {@code config.yaml}, {@code receptors.csv}, and where outputs go.
 *
 * @param directory the project directory (absolute)
 * @param config the validated configuration
 * @param receptors the receptors, in file order
 * @param layout where outputs are written (by default the project directory itself, as PYSTILT)
 */
public record Project(Path directory, ModelConfig config, List<Receptor> receptors, ProjectLayout layout) {
  /** The configuration file name. */
  public static final String CONFIG_FILE = "config.yaml";
  /** The receptor file name. */
  public static final String RECEPTORS_FILE = "receptors.csv";

  public Project {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(layout, "layout");
    receptors = List.copyOf(receptors);
  }

  /**
   * Loads a project.
   *
   * @param projectOrConfig the project directory, or its config.yaml
   * @throws StiltException ({@link ErrorCode#USAGE}) when there is no config.yaml there; the loaders'
   *     errors (every problem, with file and line) for bad inputs
   */
  public static Project load(Path projectOrConfig) {
    Path configFile = Files.isDirectory(projectOrConfig) ? projectOrConfig.resolve(CONFIG_FILE) : projectOrConfig;
    Path dir = configFile.toAbsolutePath().normalize().getParent();
    if (!Files.isRegularFile(configFile)) {
      throw new StiltException(ErrorCode.USAGE, "'" + projectOrConfig + "' does not look like a STILT project (no "
          + CONFIG_FILE + " found); give the project directory or its config.yaml");
    }
    ModelConfig config = ConfigLoader.load(configFile);
    Path receptorsFile = dir.resolve(RECEPTORS_FILE);
    if (!Files.isRegularFile(receptorsFile)) {
      throw new StiltException(ErrorCode.INPUT, "no " + RECEPTORS_FILE + " in " + dir + ": write one with the columns "
          + "time,longitude,latitude,altitude (one receptor per row)");
    }
    return new Project(dir, config, ReceptorsCsv.read(receptorsFile), new ProjectLayout(dir));
  }

  /** The same project writing its outputs under {@code outputRoot}. */
  public Project withOutputRoot(Path outputRoot) {
    return new Project(directory, config, receptors, new ProjectLayout(outputRoot));
  }
}
