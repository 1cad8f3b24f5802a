/**
 * Receptors: where and when a measurement is made, as STILT releases particles from it.
 *
 * <p>A {@link org.jstilt.core.receptor.Receptor} is a point (tower inlet), a column (a vertical line
 * source between two heights at one location) or a multipoint (several release points, e.g. a slant
 * column). Every receptor has one time and one altitude reference (AGL or MSL).
 */
package org.jstilt.core.receptor;
