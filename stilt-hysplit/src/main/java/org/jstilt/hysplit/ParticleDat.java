package org.jstilt.hysplit;

import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.particle.ParticleEnsemble;

/**
 * The content of one {@code PARTICLE_STILT.DAT}: the release location hycs_std writes on the first line,
 * and the particle table.
 *
 * @param release the first release location (latitude, longitude, height) from the header line, when the
 *     header has that shape
 * @param particles one row per particle per output step, columns named by {@code varsiwant}
 */
public record ParticleDat(Optional<ReleaseHeader> release, ParticleEnsemble particles) {
  public ParticleDat {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(particles, "particles");
  }

  /**
   * The header line of {@code PARTICLE_STILT.DAT}: where the first particle was released.
   *
   * @param latDeg latitude, degrees north
   * @param lonDeg longitude, degrees east
   * @param heightM release height as given in CONTROL (m above ground, or above sea level with kmsl=1)
   */
  public record ReleaseHeader(double latDeg, double lonDeg, double heightM) {}
}
