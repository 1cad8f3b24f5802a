package org.jstilt.met.arl;

import java.time.Instant;

/**
 * One time period of an ARL file: its valid time, where its records start, and the checksums its index
 * record lists.
 *
 * @param time valid time (UTC) of the period
 * @param forecastHour forecast hour from the index header ({@code ICX}; 0 for analyses)
 * @param offsetBytes byte offset of the period's first index record in the file
 */
public record ArlPeriod(Instant time, int forecastHour, long offsetBytes, int[][] checksums) {
  /** The checksum the index lists for (level, variable number), or -1 if none was recorded. */
  public int checksum(int level, int variableNumber) {
    return checksums[level][variableNumber];
  }
}
