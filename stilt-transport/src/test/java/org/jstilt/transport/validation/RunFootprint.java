package org.jstilt.transport.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.footprint.FootprintCalculator;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.core.footprint.FootprintOptions;
import org.jstilt.core.footprint.GridSpec;
import org.jstilt.core.particle.ParticleEnsemble;

/**
 * One run's time-integrated footprint on the case's grid (R-STILT's calc_footprint as stilt-core implements it)
 * with the reference ensemble's whole-run summaries: total, non-zero cells, footprint-weighted centre, and the
 * footprint summed over 5×5 blocks (0.05° for the 0.01° grids of the evening cases).
 */
final class RunFootprint {
  static final int BLOCK = 5;
  final double total;
  final int cells;
  final double clon;
  final double clat;
  /** Block sums, index {@code jb * nbx + ib}. */
  final double[] blocks;
  final int nbx;
  final int nby;
  final double x0;
  final double y0;

  RunFootprint(ParticleEnsemble e, GridSpec grid, Instant receptorTime) {
    FootprintGrid f = FootprintCalculator.compute(e, FootprintOptions.of(grid).withTimeIntegrate(true), receptorTime);
    double[] xc = f.xCentres();
    double[] yc = f.yCentres();
    nbx = f.nx() / BLOCK;
    nby = f.ny() / BLOCK;
    x0 = grid.xmin();
    y0 = grid.ymin();
    blocks = new double[nbx * nby];
    double s = 0;
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int j = 0; j < f.ny(); j++) {
      for (int i = 0; i < f.nx(); i++) {
        double v = f.value(0, j, i);
        if (v != 0) {
          n++;
          s += v;
          sx += v * xc[i];
          sy += v * yc[j];
          if (i / BLOCK < nbx && j / BLOCK < nby) {
            blocks[(j / BLOCK) * nbx + i / BLOCK] += v;
          }
        }
      }
    }
    total = s;
    cells = n;
    clon = s == 0 ? Double.NaN : sx / s;
    clat = s == 0 ? Double.NaN : sy / s;
  }

  /** The reference's 20-run mean footprint at 0.05° (non-zero cells: lon, lat of the cell centre, value) on this layout. */
  double[] referenceBlocks(Path csv, double blockDeg) throws IOException {
    double[] out = new double[blocks.length];
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int ib = (int) Math.floor((Double.parseDouble(f[0]) - x0) / blockDeg);
      int jb = (int) Math.floor((Double.parseDouble(f[1]) - y0) / blockDeg);
      if (ib < 0 || ib >= nbx || jb < 0 || jb >= nby) {
        throw new IllegalStateException("reference cell outside the grid: " + line);
      }
      out[jb * nbx + ib] += Double.parseDouble(f[2]);
    }
    return out;
  }

  /** Pearson correlation over all cells (zeros included, as between two gridded footprints). */
  static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
