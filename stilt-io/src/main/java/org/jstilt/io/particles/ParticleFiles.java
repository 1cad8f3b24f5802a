package org.jstilt.io.particles;

import java.nio.file.Path;
import java.util.List;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.InputFileException;
import org.jstilt.io.parquet.TrajectoryParquetReader;

/**
 * Reads a particle table from a CSV or trajectory Parquet file, whichever it is.
 *
 * <p>{@code PARTICLE_STILT.DAT} is recognised but not parsed here: its columns are named by the run's
 * {@code varsiwant}, and its parser belongs to the hycs_std engine (stilt-hysplit), which this module
 * must not depend on. Callers that accept DAT files switch on {@link ParticleFormat#detect} themselves.
 */
public final class ParticleFiles {
  private ParticleFiles() {}

  /**
   * Reads {@code file} (CSV or Parquet); every column in {@code requiredColumns} must be present and, for
   * CSV, finite. For Parquet, positions and required columns are checked after reading, with the row.
   */
  public static ParticleEnsemble read(Path file, List<String> requiredColumns) {
    return switch (ParticleFormat.detect(file)) {
      case CSV -> ParticleCsvReader.read(file, requiredColumns);
      case PARQUET -> check(file, TrajectoryParquetReader.read(file).particles(), requiredColumns);
      case HYSPLIT_DAT -> throw new InputFileException(
          file, "this is hycs_std's PARTICLE_STILT.DAT; read it with the varsiwant list of its run "
              + "(stilt footprint --varsiwant ...)");
    };
  }

  /**
   * The checks the CSV reader makes while parsing, for tables from other sources (Parquet, DAT): the
   * required columns are present, they and the positions are finite, positions are in range. Returns
   * {@code p}.
   */
  public static ParticleEnsemble check(Path file, ParticleEnsemble p, List<String> required) {
    List<String> missing = required.stream().filter(c -> !p.hasColumn(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputFileException(file, "missing required column(s) " + missing + "; the file has " + p.columnNames());
    }
    for (String c : p.columnNames()) {
      boolean position = c.equals(ParticleColumns.LONG) || c.equals(ParticleColumns.LATI);
      if (!position && !required.contains(c)) {
        continue;
      }
      double[] v = p.column(c);
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i])) {
          throw new InputFileException(file, "row " + (i + 1) + ": column '" + c + "' is " + v[i]
              + "; positions and required columns must be finite numbers");
        }
        if (c.equals(ParticleColumns.LONG) && (v[i] < -180 || v[i] > 360)) {
          throw new InputFileException(file, "row " + (i + 1) + ": long = " + v[i] + " is outside [-180, 360] degrees east");
        }
        if (c.equals(ParticleColumns.LATI) && (v[i] < -90 || v[i] > 90)) {
          throw new InputFileException(file, "row " + (i + 1) + ": lati = " + v[i] + " is outside [-90, 90] degrees north");
        }
      }
    }
    return p;
  }
}
