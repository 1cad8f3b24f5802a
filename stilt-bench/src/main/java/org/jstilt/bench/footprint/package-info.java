/**
 * Footprint benchmarks: {@code FootprintCalculator} on the R-STILT reference particle tables, for the
 * side-by-side timing with R's {@code calc_footprint} in {@code docs/BENCHMARKS.md}.
 */
package org.jstilt.bench.footprint;
