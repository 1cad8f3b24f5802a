package org.jstilt.io.netcdf;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.jstilt.core.footprint.FootprintGrid;

/**
 * Writes a footprint as a CF-1.8 NetCDF-4 file, PYSTILT's {@code <sim_id>_<name>_foot.nc} layout.
 *
 * <p>Content (both implementations): dimensions {@code (time, lat, lon)}, or {@code (time, y, x)} for a
 * projected grid; coordinates at cell centres; {@code time} in seconds since 1970-01-01 UTC; {@code foot}
 * in ppm m2 s umol-1 (float32 by default, float64 on request) chunked by layer, shuffled, deflated at
 * level 4, {@code grid_mapping = "crs"}; a scalar {@code crs} variable with {@code proj4_params} and the CF
 * grid-mapping attributes; global attributes {@code Conventions}, {@code name}, {@code receptor},
 * {@code projection}, {@code xmin} .. {@code yres}, {@code smooth_factor}, {@code time_integrate},
 * {@code is_empty}, {@code empty_reason}, {@code transforms}, {@code time_created}. The file appears
 * atomically (temporary file, then rename).
 */
public interface FootprintNetcdfWriter {
  /** Writes {@code footprint} to {@code target}, replacing any previous file. */
  void write(Path target, FootprintGrid footprint, FootprintMetadata metadata);

  /** Which library writes, for logs and {@code --version}-style output. */
  String description();

  /**
   * The best writer available: netCDF-C through JNA when the library loads, otherwise the pure-Java
   * writer, after telling {@code warnings} why and what to install.
   */
  static FootprintNetcdfWriter create(Consumer<String> warnings) {
    return nativeWriter().orElseGet(() -> {
      warnings.accept("libnetcdf could not be loaded (" + LibNetcdf.loadFailure() + "); writing NetCDF with the "
          + "pure-Java fallback (jhdf). The files are valid NetCDF-4 for netCDF-C/xarray; install libnetcdf "
          + "(Debian: apt-get install libnetcdf19) for the reference writer.");
      return pureJava();
    });
  }

  /** The netCDF-C writer, when the library can be loaded. */
  static java.util.Optional<FootprintNetcdfWriter> nativeWriter() {
    return LibNetcdf.load().map(JnaNetcdfWriter::new);
  }

  /** The pure-Java writer (jhdf); always available. */
  static FootprintNetcdfWriter pureJava() {
    return new JhdfNetcdfWriter();
  }
}
