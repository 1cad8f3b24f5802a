package org.jstilt.core.footprint;

import java.util.Objects;
import java.util.Set;

/**
 * A footprint with what was learnt computing it.
 *
 * @param grid the footprint
 * @param particleCount the number of distinct particles (distinct {@code indx}) the values were divided
 *     by, including particles that never came near the domain
 * @param densified whether early-time densification ran (FOOTPRINT.md step 3)
 * @param divergences places where R-STILT would have stopped or misbehaved and JSTILT did not (empty for
 *     a computation that R-STILT performs identically)
 */
public record FootprintResult(
    FootprintGrid grid, int particleCount, boolean densified, Set<RDivergence> divergences) {
  public FootprintResult {
    Objects.requireNonNull(grid, "grid");
    divergences = Set.copyOf(divergences);
  }
}
