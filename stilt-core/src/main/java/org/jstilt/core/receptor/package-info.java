/**
 * Receptors: where and when a measurement is made, as STILT releases particles from it.
 *
 * <p>A {@link org.jstilt.core.receptor.Receptor} is a point (tower inlet), a column (a vertical line
 * source between two heights at one location) or a multipoint (several release points, e.g. a slant
 * column). Every receptor has one time and one altitude reference (AGL or MSL).
 *
 * <p>Invariants, checked in the record constructors (a {@link org.jstilt.core.StiltException} with
 * {@link org.jstilt.core.ErrorCode#INPUT} otherwise): longitudes in [-180, 180], latitudes in [-90, 90],
 * altitudes finite and, for AGL, not negative; a column's bottom strictly below its top; a multipoint has
 * at least one point; the time lies in years 1000..9999 and carries at most microseconds.
 * {@link org.jstilt.core.receptor.ReceptorJson} reads and writes PYSTILT's dict/JSON form byte for byte.
 */
package org.jstilt.core.receptor;
