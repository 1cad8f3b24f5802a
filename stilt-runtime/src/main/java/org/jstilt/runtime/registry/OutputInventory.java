package org.jstilt.runtime.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * What exists on disk (or in the object store) for one simulation, as found by
 * {@link SimulationOutputs#inspect}.
 *
 * @param trajectoryPresent the trajectory file exists
 * @param footprints the footprints found: written (NetCDF file) or empty (marker), by name; names without
 *     any output are absent
 */
public record OutputInventory(boolean trajectoryPresent, Map<String, FootprintOutcome> footprints) {
  /** Nothing at all. */
  public static final OutputInventory NOTHING = new OutputInventory(false, Map.of());

  public OutputInventory {
    footprints = Map.copyOf(Objects.requireNonNull(footprints, "footprints"));
  }

  /**
   * {@code true} if the outputs are complete for these footprint names: the trajectory and every
   * footprint (written or empty) exist. This is PYSTILT's completion-by-key rule (PYSTILT.md 5.5).
   */
  public boolean isCompleteFor(Collection<String> footprintNames) {
    return trajectoryPresent && footprints.keySet().containsAll(footprintNames);
  }
}
