package org.jstilt.io.parquet;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.particle.ParticleEnsemble;

/**
 * A trajectory file read back: the particle columns, the {@code datetime} column when the file has one,
 * and the file's key/value metadata.
 *
 * @param particles every numeric column, as doubles, in file order ({@code datetime} excluded)
 * @param datetimeEpochMicros the {@code datetime} column as microseconds since 1970-01-01 (UTC), one per
 *     row, or {@code null} when the file has none
 * @param metadata the key/value metadata ({@code stilt:receptor} and the rest, plus whatever else the
 *     writer stored), in file order
 */
public record TrajectoryTable(ParticleEnsemble particles, long[] datetimeEpochMicros, Map<String, String> metadata) {
  public TrajectoryTable {
    Objects.requireNonNull(particles, "particles");
    metadata = Map.copyOf(metadata);
    if (datetimeEpochMicros != null && datetimeEpochMicros.length != particles.size()) {
      throw new IllegalArgumentException(
          datetimeEpochMicros.length + " datetimes for " + particles.size() + " rows");
    }
  }

  /** The timestamp of row {@code row}, when the file has a {@code datetime} column. */
  public Optional<Instant> datetime(int row) {
    if (datetimeEpochMicros == null) {
      return Optional.empty();
    }
    long us = datetimeEpochMicros[row];
    return Optional.of(Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L));
  }

  /** One metadata value. */
  public Optional<String> metadata(String key) {
    return Optional.ofNullable(metadata.get(key));
  }
}
