package org.jstilt.met;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jstilt.met.arl.ArlFile;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.ArlLevel;
import org.jstilt.met.projection.GridPoint;
import org.jstilt.met.projection.MapProjection;

/**
 * Several ARL files on one grid seen as one time series: what the transport engine reads.
 *
 * <p>Files are ordered by their first period; a period present in more than one file is taken from the
 * first file that has it. All files must share the grid, map, vertical coordinate and level/variable list,
 * and the interval between periods (the same rule HYSPLIT applies within a file). Gaps between files are
 * allowed but not covered: {@link #bracket} refuses times inside a gap, as HYSPLIT stops when the next period
 * is missing.
 *
 * <p>Thread-safe; fields are decoded on demand and not cached (the engine keeps the two periods it needs).
 */
public final class MetDataset implements AutoCloseable {
  private final List<ArlFile> files;
  private final ArlGrid grid;
  private final MapProjection projection;
  private final List<Instant> times;
  private final int[] fileOf;
  private final int[] periodInFile;
  private final Duration interval;

  private MetDataset(List<ArlFile> files) {
    this.files = List.copyOf(files);
    ArlFile first = files.get(0);
    this.grid = first.grid();
    this.projection = first.projection();
    Duration step = null;
    for (ArlFile f : files) {
      checkSameGrid(first, f);
      if (f.interval().isPresent()) {
        if (step == null) {
          step = f.interval().get();
        } else if (!step.equals(f.interval().get())) {
          throw new MetFormatException(
              "Met files have different time intervals: " + step.toMinutes() + " min in " + first.path() + " but "
                  + f.interval().get().toMinutes() + " min",
              f.path(), null, null, null, "Use files with one time interval in one simulation");
        }
      }
    }
    List<Instant> ts = new ArrayList<>();
    List<int[]> where = new ArrayList<>();
    for (int fi = 0; fi < files.size(); fi++) {
      List<Instant> ft = files.get(fi).times();
      for (int p = 0; p < ft.size(); p++) {
        Instant t = ft.get(p);
        if (!ts.contains(t)) {
          ts.add(t);
          where.add(new int[] {fi, p});
        }
      }
    }
    Integer[] order = new Integer[ts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparing(ts::get));
    List<Instant> sorted = new ArrayList<>(ts.size());
    this.fileOf = new int[ts.size()];
    this.periodInFile = new int[ts.size()];
    for (int i = 0; i < order.length; i++) {
      sorted.add(ts.get(order[i]));
      fileOf[i] = where.get(order[i])[0];
      periodInFile[i] = where.get(order[i])[1];
    }
    this.times = List.copyOf(sorted);
    if (step == null && times.size() >= 2) {
      step = Duration.between(times.get(0), times.get(1));
    }
    this.interval = step;
  }

  /**
   * Opens the files. On any failure the files opened so far are closed again.
   *
   * @throws MetFormatException if a file is damaged or the files do not share one grid and interval
   */
  public static MetDataset open(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new MetCoverageException("No meteorology files given", null, null, null, null, "Name at least one ARL file");
    }
    List<ArlFile> opened = new ArrayList<>();
    try {
      for (Path p : paths) {
        opened.add(ArlFile.open(p));
      }
      opened.sort(Comparator.comparing((ArlFile f) -> f.times().get(0)));
      return new MetDataset(opened);
    } catch (RuntimeException e) {
      for (ArlFile f : opened) {
        try {
          f.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static void checkSameGrid(ArlFile a, ArlFile b) {
    ArlGrid ga = a.grid();
    ArlGrid gb = b.grid();
    String diff = null;
    if (ga.nx() != gb.nx() || ga.ny() != gb.ny()) {
      diff = "grid " + gb.nx() + " x " + gb.ny() + " instead of " + ga.nx() + " x " + ga.ny();
    } else if (!ga.map().equals(gb.map())) {
      diff = "map definition " + gb.map() + " instead of " + ga.map();
    } else if (ga.verticalCoordinate() != gb.verticalCoordinate()) {
      diff = "vertical coordinate " + gb.verticalCoordinate() + " instead of " + ga.verticalCoordinate();
    } else if (ga.nz() != gb.nz()) {
      diff = gb.nz() + " levels instead of " + ga.nz();
    } else {
      for (int l = 0; l < ga.nz(); l++) {
        ArlLevel la = ga.levels().get(l);
        ArlLevel lb = gb.levels().get(l);
        if (la.value() != lb.value() || !la.variables().equals(lb.variables())) {
          diff = "level " + l + " " + lb.value() + " " + lb.variables() + " instead of " + la.value() + " " + la.variables();
          break;
        }
      }
    }
    if (diff != null) {
      throw new MetFormatException(
          "Met file does not match " + a.path() + ": " + diff, b.path(), null, null, null,
          "All files of one met stream must share grid, levels and variables");
    }
  }

  /** The files, ordered by first period. */
  public List<ArlFile> files() {
    return files;
  }

  /** Grid, map, levels and variables shared by all files. */
  public ArlGrid grid() {
    return grid;
  }

  /** The map projection of the grid. */
  public MapProjection projection() {
    return projection;
  }

  /** All period times, increasing, without duplicates. */
  public List<Instant> times() {
    return times;
  }

  /** The time between periods; null only when there is a single period. */
  public Duration interval() {
    return interval;
  }

  /** The file that holds period {@code index} of {@link #times()}. */
  public ArlFile fileOf(int index) {
    return files.get(fileOf[index]);
  }

  /** Decodes one field of period {@code index} of {@link #times()} as {@code double[j*nx + i]}. */
  public double[] read(int index, int level, String variable) {
    checkIndex(index);
    return files.get(fileOf[index]).read(periodInFile[index], level, variable);
  }

  /** Decodes a window of one field (0-based first column and row, size), see {@link ArlFile#readWindow}. */
  public double[] readWindow(int index, int level, String variable, int i0, int j0, int wnx, int wny) {
    checkIndex(index);
    return files.get(fileOf[index]).readWindow(periodInFile[index], level, variable, i0, j0, wnx, wny);
  }

  /** Decodes one field into {@code dst}. */
  public void read(int index, int level, String variable, double[] dst) {
    checkIndex(index);
    files.get(fileOf[index]).read(periodInFile[index], level, variable, dst);
  }

  /** Decodes the field valid at {@code time}. */
  public double[] read(Instant time, int level, String variable) {
    int i = times.indexOf(time);
    if (i < 0) {
      throw new MetCoverageException("No met period at " + time + "; the files cover " + describe(),
          null, time, variable, level, "Add the met file for that time");
    }
    return read(i, level, variable);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= times.size()) {
      throw new MetCoverageException(
          "Period number " + index + " does not exist; there are " + times.size() + " (" + describe() + ")",
          null, null, null, null, null);
    }
  }

  /**
   * The two periods around {@code time} and the fraction of the way from the first to the second.
   *
   * @throws MetCoverageException if {@code time} lies before the first period, after the last, or in a gap
   *     longer than the interval
   */
  public Bracket bracket(Instant time) {
    Objects.requireNonNull(time, "time");
    int n = times.size();
    if (time.isBefore(times.get(0)) || time.isAfter(times.get(n - 1))) {
      throw new MetCoverageException(
          "Time " + time + " is outside the meteorology (" + describe() + ")",
          files.get(0).path(), time, null, null, "Add met files that cover the simulation's time window");
    }
    int hi = 0;
    while (hi < n && times.get(hi).isBefore(time)) {
      hi++;
    }
    if (times.get(hi).equals(time)) {
      return new Bracket(hi, hi, 0.0);
    }
    int lo = hi - 1;
    Duration gap = Duration.between(times.get(lo), times.get(hi));
    if (interval != null && gap.compareTo(interval) > 0) {
      throw new MetCoverageException(
          "Time " + time + " falls in a gap of " + gap.toMinutes() + " min between met periods " + times.get(lo) + " and "
              + times.get(hi) + " (interval " + interval.toMinutes() + " min)",
          fileOf(hi).path(), time, null, null, "Add the missing met file");
    }
    double fraction = Duration.between(times.get(lo), time).toNanos() / (double) gap.toNanos();
    return new Bracket(lo, hi, fraction);
  }

  /**
   * Two periods around a time.
   *
   * @param before index of the period at or before the time
   * @param after index of the period at or after the time (equal to before on an exact period)
   * @param fraction (time − before) / (after − before), 0 on an exact period
   */
  public record Bracket(int before, int after, double fraction) {}

  /**
   * Bilinear value of a field at a geographic position (for checks and tools; the engine interpolates in
   * grid coordinates itself).
   *
   * @throws MetCoverageException if the position is outside the grid
   */
  public double valueAt(int index, int level, String variable, double latDeg, double lonDeg) {
    GridPoint g = projection.wrap(projection.toGrid(latDeg, lonDeg));
    int nx = grid.nx();
    int ny = grid.ny();
    if (!(g.x() >= 1 && g.x() <= nx && g.y() >= 1 && g.y() <= ny)) {
      throw new MetCoverageException(
          String.format("Point (%.5f, %.5f) is outside the met grid (grid position x=%.3f, y=%.3f; the grid spans 1..%d, 1..%d)",
              latDeg, lonDeg, g.x(), g.y(), nx, ny),
          fileOf(index).path(), times.get(index), variable, level, "Use meteorology whose domain contains the point");
    }
    double[] f = read(index, level, variable);
    int i = Math.min((int) Math.floor(g.x()), nx - 1);
    int j = Math.min((int) Math.floor(g.y()), ny - 1);
    i = Math.max(i, 1);
    j = Math.max(j, 1);
    double fx = g.x() - i;
    double fy = g.y() - j;
    int i2 = Math.min(i + 1, nx);
    int j2 = Math.min(j + 1, ny);
    double v11 = f[(j - 1) * nx + (i - 1)];
    double v21 = f[(j - 1) * nx + (i2 - 1)];
    double v12 = f[(j2 - 1) * nx + (i - 1)];
    double v22 = f[(j2 - 1) * nx + (i2 - 1)];
    return (1 - fx) * (1 - fy) * v11 + fx * (1 - fy) * v21 + (1 - fx) * fy * v12 + fx * fy * v22;
  }

  private String describe() {
    String step = interval == null ? "" : " every " + interval.toMinutes() + " min";
    return times.size() + " periods from " + times.get(0) + " to " + times.get(times.size() - 1) + step;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (ArlFile f : files) {
      try {
        f.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
