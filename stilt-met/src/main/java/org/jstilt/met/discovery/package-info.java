/**
 * Which ARL files a simulation needs (PYSTILT.md §4.4, archive mode): the time window from receptor time and
 * {@code n_hours}, file times on the {@code file_tres} grid with PYSTILT's floor/ceil rule, names from a
 * Python-strftime {@code file_format}, a recursive prefix search, and PYSTILT's exact error message.
 *
 * <p>Invariants: times are UTC; results are real paths, de-duplicated, sorted by file name.
 */
package org.jstilt.met.discovery;
