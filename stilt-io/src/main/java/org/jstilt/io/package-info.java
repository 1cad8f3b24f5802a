/**
 * File formats at the edge of JSTILT: particle tables (CSV, trajectory Parquet), footprint NetCDF.
 *
 * <p>Subpackages read and write one format each; this package holds what they share: {@link
 * org.jstilt.io.AtomicFile} (every output is written to a temporary file beside the target and renamed
 * into place, so a reader never sees half a file) and {@link org.jstilt.io.InputFileException} (an input
 * error that names the file and, where it applies, the line).
 */
package org.jstilt.io;
