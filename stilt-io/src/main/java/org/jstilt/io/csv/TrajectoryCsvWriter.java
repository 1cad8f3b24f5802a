package org.jstilt.io.csv;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.parquet.TrajectoryMetadata;
import org.jstilt.io.parquet.TrajectoryTable;

/**
 * Writes a trajectory table as CSV: every particle column in table order, then {@code datetime} (ISO-8601
 * UTC, e.g. {@code 2019-05-30T10:59:00Z}) when the table has one. Numbers are shortest round-trip
 * decimals, so the particle CSV reader reads the exact doubles back (it skips {@code datetime}, which
 * is derived from {@code time}). A {@code .gz} target is gzip-compressed. Written atomically.
 */
public final class TrajectoryCsvWriter {
  private TrajectoryCsvWriter() {}

  public static void write(Path target, TrajectoryTable table) {
    ParticleEnsemble p = table.particles();
    List<String> names = p.columnNames();
    double[][] cols = new double[names.size()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = p.column(names.get(j));
    }
    long[] dt = table.datetimeEpochMicros();
    CsvOutput.write(target, out -> {
      out.write(String.join(",", names));
      if (dt != null) {
        out.write((names.isEmpty() ? "" : ",") + TrajectoryMetadata.DATETIME);
      }
      out.write('\n');
      for (int i = 0; i < p.size(); i++) {
        for (int j = 0; j < cols.length; j++) {
          if (j > 0) {
            out.write(',');
          }
          out.write(ShortestDouble.format(cols[j][i]));
        }
        if (dt != null) {
          if (cols.length > 0) {
            out.write(',');
          }
          long us = dt[i];
          Instant t = Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
          out.write(DateTimeFormatter.ISO_INSTANT.format(t));
        }
        out.write('\n');
      }
    });
  }
}
