package org.jstilt.cli;

import java.nio.file.Path;
import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.hysplit.ParticleDat;
import org.jstilt.hysplit.ParticleDatReader;
import org.jstilt.io.parquet.TrajectoryMetadata;
import org.jstilt.io.parquet.TrajectoryParquetReader;
import org.jstilt.io.parquet.TrajectoryTable;
import org.jstilt.io.particles.ParticleCsvReader;
import org.jstilt.io.particles.ParticleFiles;
import org.jstilt.io.particles.ParticleFormat;

/**
 * Reads a particle table given on the command line, whichever of the three formats it is: CSV (stilt-io),
 * trajectory Parquet (stilt-io) or hycs_std's PARTICLE_STILT.DAT (stilt-hysplit; stilt-io may not depend
 * on the engine, so the switch lives here).
 */
final class ParticleInput {
  /** R-STILT's default varsiwant, hycs_std's column order in PARTICLE_STILT.DAT. */
  static final List<String> R_STILT_VARSIWANT =
      List.of("time", "indx", "long", "lati", "zagl", "foot", "mlht", "dens", "samt", "sigw", "tlgr");

  /**
   * A particle table and what its file said about the receptor.
   *
   * @param receptorJson PYSTILT's {@code stilt:receptor} from a Parquet file, or a JSON object built from
   *     the release header of a DAT file; null when the file says nothing
   */
  record Loaded(ParticleEnsemble particles, ParticleFormat format, String receptorJson) {}

  private ParticleInput() {}

  static Loaded read(Path file, List<String> required, List<String> varsiwant) {
    ParticleFormat format = ParticleFormat.detect(file);
    return switch (format) {
      case CSV -> new Loaded(ParticleCsvReader.read(file, required), format, null);
      case PARQUET -> {
        TrajectoryTable t = TrajectoryParquetReader.read(file);
        yield new Loaded(ParticleFiles.check(file, t.particles(), required), format,
            t.metadata(TrajectoryMetadata.RECEPTOR).orElse(null));
      }
      case HYSPLIT_DAT -> {
        ParticleDat dat = ParticleDatReader.read(file, varsiwant, ErrorCode.INPUT);
        String receptor = dat.release()
            .map(h -> "{\"longitude\": " + h.lonDeg() + ", \"latitude\": " + h.latDeg() + ", \"altitude\": " + h.heightM() + "}")
            .orElse(null);
        yield new Loaded(ParticleFiles.check(file, dat.particles(), required), format, receptor);
      }
    };
  }
}
