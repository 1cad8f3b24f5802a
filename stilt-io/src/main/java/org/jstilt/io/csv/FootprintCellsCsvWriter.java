package org.jstilt.io.csv;

import java.nio.file.Path;
import java.time.Instant;
import org.jstilt.core.footprint.FootprintGrid;

/**
 * Writes the non-zero cells of a footprint as CSV: {@code lon,lat,time_epoch_s,value} ({@code x,y,...} for
 * projected grids), one row per cell with a non-zero value, ordered by time, then latitude (south to
 * north), then longitude (west to east), as R-STILT's {@code which(foot > 0)} lists them.
 *
 * <p>Coordinates are cell centres; {@code time_epoch_s} is the layer label in seconds since 1970-01-01
 * UTC; numbers are the shortest decimals that read back as the same doubles ({@link ShortestDouble}), so
 * the file holds the computed doubles exactly. A {@code .gz} target is gzip-compressed. Written atomically.
 */
public final class FootprintCellsCsvWriter {
  private FootprintCellsCsvWriter() {}

  /** Writes the non-zero cells and returns how many there were. */
  public static long write(Path target, FootprintGrid grid) {
    long[] count = new long[1];
    boolean longlat = grid.spec().isLongLat();
    CsvOutput.write(target, out -> {
      out.write(longlat ? "lon,lat,time_epoch_s,value\n" : "x,y,time_epoch_s,value\n");
      String[] xs = format(grid.xCentres());
      String[] ys = format(grid.yCentres());
      Instant[] times = grid.times();
      int nx = grid.nx();
      for (int t = 0; t < grid.nt(); t++) {
        String time = epochSeconds(times[t]);
        double[] layer = grid.layer(t);
        for (int k = 0; k < layer.length; k++) {
          double v = layer[k];
          if (v != 0 && !Double.isNaN(v)) {
            out.write(xs[k % nx]);
            out.write(',');
            out.write(ys[k / nx]);
            out.write(',');
            out.write(time);
            out.write(',');
            out.write(ShortestDouble.format(v));
            out.write('\n');
            count[0]++;
          }
        }
      }
    });
    return count[0];
  }

  private static String[] format(double[] v) {
    String[] s = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = ShortestDouble.format(v[i]);
    }
    return s;
  }

  /** Whole seconds as an integer; fractional seconds (never produced by STILT) as a decimal. */
  static String epochSeconds(Instant t) {
    if (t.getNano() == 0) {
      return Long.toString(t.getEpochSecond());
    }
    return ShortestDouble.format(t.getEpochSecond() + t.getNano() / 1e9);
  }
}
