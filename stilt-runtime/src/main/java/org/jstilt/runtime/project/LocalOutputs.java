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
}
