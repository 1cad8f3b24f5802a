/**
 * Meteorology for STILT: ARL packed met files read as one time series ({@link org.jstilt.met.MetDataset}),
 * and the errors every met problem is reported with.
 *
 * <p>Sub-packages: {@code arl} (the file format: reader, writer, packing), {@code projection} (HYSPLIT's map
 * projections, grid ↔ latitude-longitude), {@code discovery} (which files a simulation's time window needs),
 * {@code subset} (cropping met files), {@code synth} (idealized met for tests and the quick start).
 *
 * <p>Invariants: fields are {@code double[j*nx + i]} with i fastest and j from south to north; grid
 * coordinates are 1-based as in HYSPLIT; times are UTC {@link java.time.Instant}s; every failure is a
 * {@link org.jstilt.met.MetException} (exit code 3) whose message names file, time and variable.
 */
package org.jstilt.met;
