package org.jstilt.met.arl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jstilt.met.MetFormatException;

/**
 * Writes ARL packed meteorology that HYSPLIT ({@code hycs_std}) and {@link ArlFile} read.
 *
 * <p>The layout is HYSPLIT's {@code PAKSET}/{@code PAKREC}/{@code PAKNDX}: per period the index record(s)
 * first, then one record per (level, variable) in index order; labels and index text in the same Fortran
 * formats. Data records of a period are written before its index record so that only one field is held in
 * memory at a time. The file is written to a temporary file next to the target and moved into place by
 * {@link #commit()}; closing without committing removes it, so a failed write leaves nothing behind.
 *
 * <p>Not thread-safe: one writer per file.
 */
public final class ArlWriter implements AutoCloseable {
  /** Grid number written in labels of grids up to 999 points (HYSPLIT converters use 99 for "other"). */
  private static final int GRID_NUMBER = 99;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final ArlGrid grid;
  private final int dataBytes;
  private final int recordLength;
  private final int indexRecords;
  private final int headerLength;
  private final String gridId;
  private long periodsWritten;
  private Instant lastTime;
  private Duration interval;
  private boolean committed;

  private ArlWriter(Path target, ArlGrid grid) throws IOException {
    this.target = target;
    this.grid = grid;
    this.dataBytes = grid.dataBytes();
    this.headerLength = ArlIndexRecord.headerLength(grid);
    if (dataBytes < ArlIndexRecord.FIXED_LENGTH) {
      throw new IllegalArgumentException(
          "a " + grid.nx() + " x " + grid.ny() + " grid is too small for ARL: HYSPLIT needs nx*ny >= 108 to read the index header");
    }
    if (grid.nz() > 99) {
      throw new IllegalArgumentException("at most 99 levels can be written, got " + grid.nz());
    }
    for (ArlLevel l : grid.levels()) {
      if (l.variables().size() > 99) {
        throw new IllegalArgumentException("at most 99 variables per level, level " + l.index() + " has " + l.variables().size());
      }
      ArlIndexRecord.formatLevelValue(l.value()); // fails early if it cannot be written
    }
    for (double v : grid.map().toArray()) {
      ArlIndexRecord.formatMapValue(v);
    }
    this.recordLength = ArlLabel.LENGTH + dataBytes;
    this.indexRecords = headerLength / dataBytes + 1;
    this.gridId =
        grid.nx() >= 1000 || grid.ny() >= 1000
            ? "" + (char) (grid.nx() / 1000 + 64) + (char) (grid.ny() / 1000 + 64)
            : FortranText.formatInt(GRID_NUMBER, 2);
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: that makes the file owner-only, and the renamed result should carry the
    // usual permissions of a new file.
    this.temp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".partial");
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
  }

  /**
   * Starts writing {@code target} with the given grid. Nothing appears at {@code target} until {@link #commit()}.
   *
   * @throws IllegalArgumentException if the grid cannot be represented in ARL (too small, too many levels,
   *     values that do not fit the header's fixed-width fields)
   */
  public static ArlWriter create(Path target, ArlGrid grid) {
    try {
      return new ArlWriter(target, grid);
    } catch (IOException e) {
      throw new MetFormatException("Cannot create meteorology file: " + e.getMessage(), target,
          "Check that the directory exists and is writable", e);
    }
  }

  /** Records per period, index records included. */
  public int recordsPerPeriod() {
    return indexRecords + grid.dataRecordsPerPeriod();
  }

  /**
   * Appends one period.
   *
   * @param time valid time; must be later than the previous period by the same interval as before (HYSPLIT
   *     requires a constant interval within a file) and within 1940–2039 (2-digit years)
   * @param forecastHour forecast hour ({@code 0} for analyses), 0..999
   */
  public void writePeriod(Instant time, int forecastHour, FieldSource fields) {
    if (committed) {
      throw new IllegalStateException("writer already committed");
    }
    checkTime(time);
    if (forecastHour < -9 || forecastHour > 999) {
      throw new IllegalArgumentException("forecast hour must be -9..999, got " + forecastHour);
    }
    LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    int year2 = t.getYear() % 100;
    int labelHour = Math.min(forecastHour, 99);
    long start = periodsWritten * recordsPerPeriod() * (long) recordLength;
    int[][] checksums = new int[grid.nz()][];
    int record = indexRecords;
    try {
      for (ArlLevel level : grid.levels()) {
        checksums[level.index()] = new int[level.variables().size()];
        for (int k = 0; k < level.variables().size(); k++) {
          String var = level.variables().get(k);
          double[] values = fields.field(level.index(), var);
          if (values == null || values.length != grid.nx() * grid.ny()) {
            throw new IllegalArgumentException(
                "field " + var + " at level " + level.index() + " for " + time + " has "
                    + (values == null ? "no" : values.length) + " values, the grid needs " + grid.nx() * grid.ny());
          }
          ArlPacking.Packed packed;
          try {
            packed = ArlPacking.pack(values, grid.nx(), grid.ny(), fields.packingExponentHint(level.index(), var), grid.sixteenBit());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(var + " at level " + level.index() + " for " + time + ": " + e.getMessage(), e);
          }
          checksums[level.index()][k] = packed.checksum();
          String label =
              new ArlLabel(year2, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), labelHour, level.index(), gridId, var,
                      packed.nexp(), packed.precision(), packed.var1())
                  .format();
          write(start + (long) record * recordLength, label, packed.data());
          record++;
        }
      }
      String header = ArlIndexRecord.format(grid, forecastHour, t.getMinute(), checksums);
      String indexLabel =
          new ArlLabel(year2, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), labelHour, 0, gridId, "INDX", 0, 0.0, 0.0)
              .format();
      byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
      for (int n = 0; n < indexRecords; n++) {
        byte[] chunk = new byte[dataBytes];
        Arrays.fill(chunk, (byte) ' ');
        int from = n * dataBytes;
        int len = Math.max(0, Math.min(dataBytes, text.length - from));
        System.arraycopy(text, from, chunk, 0, len);
        write(start + (long) n * recordLength, indexLabel, chunk);
      }
    } catch (IOException e) {
      throw new MetFormatException("Writing failed: " + e.getMessage(), target, "Check free disk space", e);
    }
    if (lastTime != null && interval == null) {
      interval = Duration.between(lastTime, time);
    }
    lastTime = time;
    periodsWritten++;
  }

  private void checkTime(Instant time) {
    int year = LocalDateTime.ofInstant(time, ZoneOffset.UTC).getYear();
    if (year < 1940 || year > 2039) {
      throw new IllegalArgumentException("ARL stores 2-digit years read as 1940-2039; " + time + " cannot be written");
    }
    if (time.getEpochSecond() % 60 != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException("ARL period times are whole minutes; got " + time);
    }
    if (lastTime != null) {
      Duration d = Duration.between(lastTime, time);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("period " + time + " does not follow " + lastTime);
      }
      if (interval != null && !d.equals(interval)) {
        throw new IllegalArgumentException(
            "period " + time + " is " + d.toMinutes() + " min after the previous one but the file's interval is "
                + interval.toMinutes() + " min; HYSPLIT requires a constant interval within a file");
      }
    }
  }

  private void write(long position, String label, byte[] data) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(recordLength);
    buf.put(label.getBytes(StandardCharsets.ISO_8859_1));
    buf.put(data);
    buf.flip();
    long pos = position;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
  }

  /** Flushes the file to disk and moves it to the target path atomically. */
  public void commit() {
    if (committed) {
      return;
    }
    if (periodsWritten == 0) {
      throw new IllegalStateException("no period written to " + target);
    }
    try {
      channel.force(true);
      channel.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw new MetFormatException("Cannot finish meteorology file: " + e.getMessage(), target, "Check free disk space and permissions", e);
    }
  }

  /** Discards the file unless {@link #commit()} was called. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      channel.close();
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      throw new MetFormatException("Cannot remove unfinished file " + temp + ": " + e.getMessage(), target, null, e);
    }
  }
}
