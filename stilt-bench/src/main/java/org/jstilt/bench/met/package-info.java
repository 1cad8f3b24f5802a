/**
 * Meteorology benchmarks: ARL decoding throughput and the time to open a file and read one record, on the
 * shared HRRR files and on a generated CONUS-size archive. Results and commands: docs/BENCHMARKS.md.
 */
package org.jstilt.bench.met;
