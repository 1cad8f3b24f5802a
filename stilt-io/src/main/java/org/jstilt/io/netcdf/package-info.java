/**
 * Footprint NetCDF: CF-1.8 NetCDF-4 files in PYSTILT's layout, written through netCDF-C (JNA) or, when
 * that library is missing, in pure Java (jhdf); read back in pure Java.
 *
 * <p>Invariants: both writers produce the same variables, values and attributes (one
 * {@code FootprintLayout} describes the file); files appear atomically; the JNA binding is
 * package-private and every native call holds one process-wide lock, because netCDF-C is not
 * thread-safe. The zero-byte {@code <sim_id>_<name>_foot.empty} marker of an empty footprint is handled by
 * {@link org.jstilt.io.netcdf.FootprintOutputs}.
 */
package org.jstilt.io.netcdf;
