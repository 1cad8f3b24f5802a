/**
 * Hyper-near-field (HNF) plume dilution: R-STILT's {@code calc_plume_dilution}, applied to a particle
 * table after transport and before the footprint.
 *
 * <p>Invariants: {@link org.jstilt.core.plume.HnfPlume} reproduces R-STILT bit for bit up to the last-ulp
 * effects of R's extended-precision cumulative sum (documented there), including R's formula as written
 * (the "- 1" outside the {@code tlgr^2} term) and R's NaN propagation; it never reads or writes files, and
 * it returns a new ensemble rather than changing its input.
 */
package org.jstilt.core.plume;
