/**
 * Trajectory Parquet: PYSTILT's {@code <sim_id>_traj.parquet}, written and read with parquet-java over
 * local files (no Hadoop file system; the few Hadoop classes parquet-java still needs are on the class
 * path, see STACK.md section 2).
 *
 * <p>Invariants: particle columns are float64 in table order, followed by {@code xhgt},
 * {@code foot_no_hnf_dilution} and the {@code datetime} timestamp; key/value metadata round-trips
 * verbatim; files appear atomically.
 */
package org.jstilt.io.parquet;
