/**
 * Simulation identity: {@link org.jstilt.core.id.MetId}, {@link org.jstilt.core.id.LocationId},
 * {@link org.jstilt.core.id.ReceptorId} and {@link org.jstilt.core.id.SimulationId}, each a record with
 * {@code parse(String)} and a canonical {@code toString()} that is byte-identical to PYSTILT's
 * (PYSTILT.md §4.1–4.2), e.g. {@code hrrr_202301011200_-111.85_40.77_5}.
 *
 * <p>Invariants: {@code X.parse(x.toString()).equals(x)} for every id; the canonical string is the only
 * serialised form (directories, object keys, registry rows and queue rows are derived from it, never the
 * other way round). Coordinates are written with Python's {@code str(float)} rules
 * ({@link org.jstilt.core.text.PyFloat}); receptor times with minute precision, so receptors that differ
 * only in seconds share an id, as in PYSTILT.
 */
package org.jstilt.core.id;
