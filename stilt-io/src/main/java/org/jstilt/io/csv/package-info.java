/**
 * CSV outputs: footprint non-zero cells and trajectory tables, with numbers as shortest round-trip
 * decimals ({@link org.jstilt.io.csv.ShortestDouble}).
 *
 * <p>Invariants: every number written reads back as exactly the same double; files appear atomically;
 * a target ending in {@code .gz} is gzip-compressed.
 */
package org.jstilt.io.csv;
