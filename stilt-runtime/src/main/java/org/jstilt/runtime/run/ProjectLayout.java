package org.jstilt.runtime.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jstilt.core.config.ModelConfig;
import org.jstilt.core.id.SimulationId;
import org.jstilt.io.netcdf.FootprintOutputs;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.OutputInventory;
import org.jstilt.runtime.registry.SimulationOutputs;

/**
 * Where a project's outputs live (PYSTILT.md §5), below an output root:
 * <pre>
 * &lt;output&gt;/simulations/by-id/&lt;sim_id&gt;/
 *   &lt;sim_id&gt;_traj.parquet              trajectory
 *   &lt;sim_id&gt;_error.parquet             error trajectory (only with error parameters)
 *   &lt;sim_id&gt;_&lt;name&gt;_foot.nc           one per footprint ("&lt;sim_id&gt;_foot.nc" for the name "")
 *   &lt;sim_id&gt;_&lt;name&gt;_error_foot.nc     footprint of the error trajectory (footprint error: true)
 *   &lt;sim_id&gt;_&lt;name&gt;_foot.empty        zero-byte marker: footprint computed and empty
 *   stilt.log
 *   CONTROL, SETUP.CFG, ...            hycs_std's inputs (engine hysplit)
 * </pre>
 * Also the registry's view of those files ({@link SimulationOutputs}): files being written are hidden
 * {@code .*.tmp} names, which never count.
 *
 * @param outputRoot the output root (absolute)
 */
public record ProjectLayout(Path outputRoot) implements SimulationOutputs {
  /** The log file of each simulation. */
  public static final String LOG_FILE = "stilt.log";

  public ProjectLayout {
    outputRoot = Objects.requireNonNull(outputRoot, "outputRoot").toAbsolutePath().normalize();
  }

  /** {@code <output>/simulations/by-id}. */
  public Path byIdDir() {
    return outputRoot.resolve("simulations").resolve("by-id");
  }

  /** {@code <output>/simulations/by-id/<sim_id>}. */
  public Path simulationDir(SimulationId id) {
    return byIdDir().resolve(id.toString());
  }

  /** The trajectory Parquet file. */
  public Path trajectory(SimulationId id) {
    return simulationDir(id).resolve(id + "_traj.parquet");
  }

  /** The error trajectory Parquet file. */
  public Path errorTrajectory(SimulationId id) {
    return simulationDir(id).resolve(id + "_error.parquet");
  }

  /** The footprint NetCDF file of footprint output {@code name} (error footprints are {@code <name>_error}). */
  public Path footprint(SimulationId id, String name) {
    return FootprintOutputs.footprintFile(simulationDir(id), id.toString(), name);
  }

  /** The empty-footprint marker of footprint output {@code name}. */
  public Path emptyMarker(SimulationId id, String name) {
    return FootprintOutputs.emptyMarker(simulationDir(id), id.toString(), name);
  }

  /** stilt.log. */
  public Path log(SimulationId id) {
    return simulationDir(id).resolve(LOG_FILE);
  }

  /**
   * The footprint names completion requires: every configured footprint, not the error footprints
   * (PYSTILT §5.5). These are the names to register.
   */
  public static List<String> requiredFootprints(ModelConfig config) {
    return new ArrayList<>(config.footprints().keySet());
  }

  /** The footprint outputs a run produces, in config order: each name, then {@code <name>_error} when asked for. */
  public static List<String> footprintOutputs(ModelConfig config) {
    List<String> out = new ArrayList<>();
    config.footprints().forEach((name, f) -> out.addAll(f.outputNames(name)));
    return out;
  }

  /** Whether footprint output {@code name} exists, written or marked empty. */
  public boolean footprintPresent(SimulationId id, String name) {
    return Files.isRegularFile(footprint(id, name)) || Files.isRegularFile(emptyMarker(id, name));
  }

  /**
   * PYSTILT's completion-by-key rule: the trajectory, the error trajectory when error parameters are set,
   * and every configured footprint (file or empty marker).
   */
  public boolean isComplete(SimulationId id, ModelConfig config) {
    if (!Files.isRegularFile(trajectory(id))) {
      return false;
    }
    if (config.params().error().enabled() && !Files.isRegularFile(errorTrajectory(id))) {
      return false;
    }
    for (String name : requiredFootprints(config)) {
      if (!footprintPresent(id, name)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public OutputInventory inspect(SimulationId simulationId, List<String> footprintNames) {
    Map<String, FootprintOutcome> found = new LinkedHashMap<>();
    for (String name : footprintNames) {
      if (Files.isRegularFile(emptyMarker(simulationId, name))) {
        found.put(name, FootprintOutcome.emptyUnknownReason());
      } else if (Files.isRegularFile(footprint(simulationId, name))) {
        found.put(name, FootprintOutcome.written());
      }
    }
    return new OutputInventory(Files.isRegularFile(trajectory(simulationId)), found);
  }
}
