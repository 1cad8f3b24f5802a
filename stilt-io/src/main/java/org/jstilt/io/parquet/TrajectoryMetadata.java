package org.jstilt.io.parquet;

/**
 * The key/value metadata keys of a PYSTILT trajectory Parquet file. Values are UTF-8 JSON text, written
 * and read back verbatim.
 */
public final class TrajectoryMetadata {
  /** The receptor as a JSON object (PYSTILT's receptor dict). */
  public static final String RECEPTOR = "stilt:receptor";
  /** The full STILT parameter set as a JSON object. */
  public static final String PARAMS = "stilt:params";
  /** The met files the run used, as a JSON list of path strings. */
  public static final String MET_FILES = "stilt:met_files";
  /** {@code true} for an error (wind/PBL-uncertainty) trajectory, {@code false} otherwise. */
  public static final String IS_ERROR = "stilt:is_error";

  /** The name of the timestamp column (receptor time + {@code time} minutes, naive UTC). */
  public static final String DATETIME = "datetime";

  private TrajectoryMetadata() {}
}
