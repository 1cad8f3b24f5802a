package org.jstilt.runtime.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;

/**
 * Where a project's files are (PYSTILT.md §5): the inputs {@code config.yaml} and {@code receptors.csv} in
 * the project directory; the registry {@code .stilt/registry.db} and the outputs
 * {@code simulations/by-id/<sim_id>/} under the output root, which is the project directory unless given.
 *
 * <p>Output file names are PYSTILT's: {@code <sim_id>_traj.parquet}, {@code <sim_id>_error.parquet},
 * {@code <sim_id>_<name>_foot.nc} ({@code <sim_id>_foot.nc} for the unnamed footprint), the zero-byte
 * {@code <sim_id>_<name>_foot.empty} marker, and {@code stilt.log}.
 *
 * @param projectDir the directory holding the inputs, absolute
 * @param outputRoot the directory holding registry and outputs, absolute
 */
public record ProjectLayout(Path projectDir, Path outputRoot) {
  /** The config file name. */
  public static final String CONFIG = "config.yaml";
  /** The receptors file name. */
  public static final String RECEPTORS = "receptors.csv";

  public ProjectLayout {
    projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
    outputRoot = Objects.requireNonNull(outputRoot, "outputRoot").toAbsolutePath().normalize();
  }

  /** A project whose outputs live in the project directory (the default). */
  public static ProjectLayout of(Path projectDir) {
    return new ProjectLayout(projectDir, projectDir);
  }

  /**
   * The layout of a project directory whose inputs are needed ({@code register}, {@code run}): it must
   * hold a {@code config.yaml}. {@code outputRoot} may be {@code null} (the project directory).
   */
  public static ProjectLayout requireInputs(Path projectDir, Path outputRoot) {
    ProjectLayout l = new ProjectLayout(projectDir, outputRoot == null ? projectDir : outputRoot);
    if (!Files.isRegularFile(l.configFile())) {
      throw new StiltException(ErrorCode.USAGE, "'" + projectDir + "' does not look like a STILT project directory"
          + " (no " + CONFIG + " found). Give the project directory, or create one with 'stilt init DIR'.");
    }
    return l;
  }

  /**
   * The layout of a project or output root that is only to be inspected ({@code status},
   * {@code rebuild}): a {@code config.yaml}, a registry or a {@code simulations/} directory must exist.
   */
  public static ProjectLayout requireProjectOrOutputs(Path projectDir, Path outputRoot) {
    ProjectLayout l = new ProjectLayout(projectDir, outputRoot == null ? projectDir : outputRoot);
    if (!Files.isRegularFile(l.configFile()) && !Files.isRegularFile(l.registryFile())
        && !Files.isDirectory(l.outputRoot().resolve("simulations"))) {
      throw new StiltException(ErrorCode.USAGE, "'" + projectDir + "' does not look like a STILT project or output"
          + " root (no " + CONFIG + ", .stilt/registry.db or simulations/ found). Give the project directory.");
    }
    return l;
  }

  /** {@code <project>/config.yaml}. */
  public Path configFile() {
    return projectDir.resolve(CONFIG);
  }

  /** {@code <project>/receptors.csv}. */
  public Path receptorsFile() {
    return projectDir.resolve(RECEPTORS);
  }

  /** {@code <output>/.stilt/registry.db}, the embedded registry. */
  public Path registryFile() {
    return outputRoot.resolve(".stilt").resolve("registry.db");
  }

  /** {@code <output>/simulations/by-id}. */
  public Path simulationsDir() {
    return outputRoot.resolve("simulations").resolve("by-id");
  }

  /** {@code <output>/simulations/by-id/<sim_id>}. */
  public Path simulationDir(SimulationId id) {
    return simulationsDir().resolve(id.toString());
  }

  /** {@code <sim_id>_traj.parquet}. */
  public Path trajectoryFile(SimulationId id) {
    return simulationDir(id).resolve(id + "_traj.parquet");
  }

  /** {@code <sim_id>_error.parquet}, the transport-error trajectory. */
  public Path errorTrajectoryFile(SimulationId id) {
    return simulationDir(id).resolve(id + "_error.parquet");
  }

  /** {@code <sim_id>_<name>_foot.nc}, or {@code <sim_id>_foot.nc} for the unnamed footprint. */
  public Path footprintFile(SimulationId id, String name) {
    return simulationDir(id).resolve(footprintStem(id, name) + ".nc");
  }

  /** {@code <sim_id>_<name>_foot.empty}: the footprint was computed and is empty. */
  public Path emptyFootprintMarker(SimulationId id, String name) {
    return simulationDir(id).resolve(footprintStem(id, name) + ".empty");
  }

  /** {@code stilt.log} of a simulation. */
  public Path logFile(SimulationId id) {
    return simulationDir(id).resolve("stilt.log");
  }

  private static String footprintStem(SimulationId id, String name) {
    return name.isEmpty() ? id + "_foot" : id + "_" + name + "_foot";
  }
}
