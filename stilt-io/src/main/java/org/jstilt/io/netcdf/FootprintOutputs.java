package org.jstilt.io.netcdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.io.AtomicFile;

/**
 * File names of a simulation's footprint outputs, and the empty-footprint marker (PYSTILT section 5.4).
 *
 * <p>{@code <sim_id>_<name>_foot.nc} holds the footprint ({@code <sim_id>_foot.nc} when the name is empty).
 * {@code <sim_id>_<name>_foot.empty} is a zero-byte file meaning "computed, and empty": a terminal success
 * that the completion check accepts in place of the NetCDF file. It is removed when a later run produces
 * a non-empty footprint, so the two never contradict each other.
 */
public final class FootprintOutputs {
  private FootprintOutputs() {}

  /** {@code dir/<simId>_<name>_foot.nc}, or {@code dir/<simId>_foot.nc} for an unnamed footprint. */
  public static Path footprintFile(Path dir, String simId, String name) {
    return dir.resolve(stem(simId, name) + ".nc");
  }

  /** {@code dir/<simId>_<name>_foot.empty}, or {@code dir/<simId>_foot.empty} for an unnamed footprint. */
  public static Path emptyMarker(Path dir, String simId, String name) {
    return dir.resolve(stem(simId, name) + ".empty");
  }

  /** Creates the zero-byte marker atomically. */
  public static void markEmpty(Path dir, String simId, String name) {
    AtomicFile.writeEmpty(emptyMarker(dir, simId, name));
  }

  /** Removes the marker, if any (call after writing a non-empty footprint). */
  public static void clearEmptyMarker(Path dir, String simId, String name) {
    Path marker = emptyMarker(dir, simId, name);
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.STORAGE, "cannot remove stale empty-footprint marker " + marker + ": " + e.getMessage(), e);
    }
  }

  private static String stem(String simId, String name) {
    if (simId.isEmpty() || simId.contains("/") || name.contains("/")) {
      throw new IllegalArgumentException("bad simulation id or footprint name: '" + simId + "', '" + name + "'");
    }
    return simId + (name.isEmpty() ? "" : "_" + name) + "_foot";
  }
}
