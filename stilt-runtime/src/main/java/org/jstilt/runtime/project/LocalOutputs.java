package org.jstilt.runtime.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jstilt.core.id.SimulationId;
import org.jstilt.runtime.registry.FootprintOutcome;
import org.jstilt.runtime.registry.OutputInventory;
import org.jstilt.runtime.registry.SimulationOutputs;

/**
 * The outputs of a project's simulations on the local file system, for {@code stilt rebuild}. A footprint
 * counts as done when its {@code .empty} marker exists (empty; PYSTILT also writes a zero NetCDF beside
 * it) or its NetCDF file does (written). Files being written are hidden temporary files with other names
 * ({@link org.jstilt.io.AtomicFile}), so they never count.
 */
public final class LocalOutputs implements SimulationOutputs {
  private final ProjectLayout layout;

  public LocalOutputs(ProjectLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  @Override
  public OutputInventory inspect(SimulationId id, List<String> footprintNames) {
    Path dir = layout.simulationDir(id);
    if (!Files.isDirectory(dir)) {
      return OutputInventory.NOTHING;
    }
    Map<String, FootprintOutcome> found = new HashMap<>();
    for (String name : footprintNames) {
      if (Files.isRegularFile(layout.emptyFootprintMarker(id, name))) {
        found.put(name, new FootprintOutcome.Empty(null));
      } else if (Files.isRegularFile(layout.footprintFile(id, name))) {
        found.put(name, new FootprintOutcome.Written());
      }
    }
    return new OutputInventory(Files.isRegularFile(layout.trajectoryFile(id)), found);
  }

  /**
   * Deletes a simulation's outputs before it is run again from scratch ({@code stilt run --no-skip}):
   * trajectories, the NetCDF file and empty marker of every footprint output named (give the error
   * footprints' {@code <name>_error} names too), and temporary files. {@code stilt.log} is kept: it is the
   * history of every attempt. Done for all simulations before a forced run starts, so that a run that is
   * interrupted never leaves old and new outputs mixed: whatever is on disk afterwards is from the new run.
   *
   * @return how many files were deleted
   */
  public int removeOutputs(SimulationId id, List<String> footprintOutputNames) {
    Path dir = layout.simulationDir(id);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> targets = new java.util.ArrayList<>(List.of(layout.trajectoryFile(id), layout.errorTrajectoryFile(id)));
    for (String name : footprintOutputNames) {
      targets.add(layout.footprintFile(id, name));
      targets.add(layout.emptyFootprintMarker(id, name));
    }
    int n = 0;
    try {
      for (Path p : targets) {
        n += Files.deleteIfExists(p) ? 1 : 0;
      }
      try (java.nio.file.DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, ".*.tmp")) {
        for (Path p : tmp) {
          n += Files.deleteIfExists(p) ? 1 : 0;
        }
      }
    } catch (java.io.IOException e) {
      throw new org.jstilt.core.StiltException(org.jstilt.core.ErrorCode.STORAGE, "cannot remove the old outputs of "
          + id + " in " + dir + ": " + e.getMessage() + ". Check that the directory is writable.", e);
    }
    return n;
  }
}
