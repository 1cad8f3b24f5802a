package org.jstilt.met.arl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jstilt.met.MetCoverageException;
import org.jstilt.met.MetFormatException;
import org.jstilt.met.MetVariableException;
import org.jstilt.met.projection.MapProjection;

/**
 * An open ARL packed meteorology file (HYSPLIT's format for HRRR, NAM, GFS, WRF-converted data).
 *
 * <p>Opening reads only the index records — one small read per time period — and checks the whole file's
 * structure: record length against file size, one grid and variable list in every period, a constant time
 * interval. Fields are decoded on demand with positioned reads, so a 10 GB archive opens at once and only
 * the records asked for are read. Every record read is checked against its label (variable, level, time)
 * and the checksum its period's index lists.
 *
 * <p>Instances are thread-safe: reads use positioned I/O on one channel and share no mutable state.
 */
public final class ArlFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final long sizeBytes;
  private final ArlGrid grid;
  private final MapProjection projection;
  private final int labelLength;
  private final int dataBytes;
  private final int recordLength;
  private final int indexRecords;
  private final int recordsPerPeriod;
  private final int headerLength;
  private final int[] levelFirstRecord;
  private final List<ArlPeriod> periods;
  private final List<Instant> times;
  private final Duration interval;
  /** One record buffer per reading thread, so repeated reads do not allocate. */
  private final ThreadLocal<byte[]> recordBuffer;

  private ArlFile(Path path, FileChannel channel) throws IOException {
    this.path = path;
    this.channel = channel;
    this.sizeBytes = channel.size();
    int minimum = ArlLabel.LENGTH + ArlIndexRecord.FIXED_LENGTH;
    if (sizeBytes < minimum) {
      throw new MetFormatException(
          "File is too short to be ARL meteorology (" + sizeBytes + " bytes; an index record alone needs at least " + minimum + ")",
          path, null, null, null, "Check that the download or conversion finished");
    }
    byte[] head = read(0, (int) Math.min(sizeBytes, ArlLabel.EXTENDED_LENGTH + ArlIndexRecord.EXTENDED_FIXED_LENGTH));
    String rejection = rejectionOf(head);
    if (rejection != null) {
      throw new MetFormatException("Not an ARL meteorology file: " + rejection, path, null, null, null,
          "Give a file in ARL packed format (HYSPLIT meteorology)");
    }
    this.labelLength = ArlLabel.isExtended(head, 0) ? ArlLabel.EXTENDED_LENGTH : ArlLabel.LENGTH;
    ArlLabel label0 = parseLabel(head, 0, 0L);
    ArlIndexRecord.Fixed fixed = parseFixed(head, labelLength, 0L);
    int[] dims = dimensions(label0, fixed);
    int nx = dims[0];
    int ny = dims[1];
    VerticalCoordinate vc = VerticalCoordinate.ofFlag(fixed.verticalFlag());
    if (vc == null) {
      throw new MetFormatException("Unknown vertical coordinate flag " + fixed.verticalFlag() + " (known: 1 sigma, 2 pressure, 3 terrain, 4 hybrid, 5 WRF eta)",
          path, null, "INDX", null, "The file was written by an unsupported converter");
    }
    if (fixed.nz() < 1) {
      throw new MetFormatException("Index header lists " + fixed.nz() + " levels", path, null, "INDX", null, "The file is corrupt");
    }
    boolean sixteen = ArlGrid.isSixteenBitModel(fixed.model());
    this.dataBytes = nx * ny * (sixteen ? 2 : 1);
    if (dataBytes < fixed.fixedLength()) {
      throw new MetFormatException(
          "Grid of " + nx + " x " + ny + " points is too small to hold the " + fixed.fixedLength() + "-character index header",
          path, null, "INDX", null, "ARL needs at least 108 bytes of data per record");
    }
    this.headerLength = fixed.headerLength();
    if (headerLength < fixed.fixedLength()) {
      throw new MetFormatException("Index header length " + headerLength + " is shorter than its fixed part",
          path, null, "INDX", null, "The file is corrupt");
    }
    this.recordLength = labelLength + dataBytes;
    this.indexRecords = headerLength / dataBytes + 1;
    if (sizeBytes < (long) indexRecords * recordLength) {
      throw new MetFormatException(
          "File is truncated: " + sizeBytes + " bytes cannot hold the first index (" + indexRecords + " records of " + recordLength + " bytes)",
          path, null, "INDX", null, "Re-download or re-convert the file");
    }
    String header0 = readHeaderText(0L);
    ArlIndexRecord.Levels levels0 = parseLevels(header0, fixed, sixteen, 0L);
    this.grid = new ArlGrid(fixed.model(), nx, ny, ArlGridDefinition.of(fixed.map()), vc, levels0.levels());
    this.levelFirstRecord = new int[grid.nz()];
    int r = indexRecords;
    for (int l = 0; l < grid.nz(); l++) {
      levelFirstRecord[l] = r;
      r += grid.levels().get(l).variables().size();
    }
    this.recordsPerPeriod = r;
    long periodBytes = (long) recordsPerPeriod * recordLength;
    checkRecordStructure(periodBytes, firstTime(label0, fixed));
    int count = (int) (sizeBytes / periodBytes);
    List<ArlPeriod> ps = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      ps.add(readPeriod(p, periodBytes, fixed, levels0));
    }
    if (sizeBytes % periodBytes != 0) {
      throw truncatedAt(count, periodBytes, ps);
    }
    this.periods = List.copyOf(ps);
    List<Instant> ts = new ArrayList<>(count);
    for (ArlPeriod p : periods) {
      ts.add(p.time());
    }
    this.times = List.copyOf(ts);
    this.interval = checkInterval();
    MapProjection proj;
    try {
      proj = grid.projection();
    } catch (IllegalArgumentException e) {
      throw new MetFormatException("Invalid map definition in the index header: " + e.getMessage(), path, null, "INDX", null, "The file is corrupt");
    }
    this.projection = proj;
    this.recordBuffer = ThreadLocal.withInitial(() -> new byte[recordLength]);
  }

  /**
   * Opens and indexes an ARL file.
   *
   * @throws MetFormatException if the file is not ARL or is damaged (truncated, wrong record length,
   *     inconsistent periods, a time interval that changes within the file)
   */
  public static ArlFile open(Path path) {
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new MetFormatException("Meteorology file not found", path, null, null, null, "Check the met directory and file name");
    } catch (IOException e) {
      throw new MetFormatException("Cannot open meteorology file: " + e.getMessage(), path, "Check that it exists and is readable", e);
    }
    try {
      return new ArlFile(path, ch);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new MetFormatException("Cannot read meteorology file: " + e.getMessage(), path, "Check that it is readable", e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /**
   * Looks at the first index record only and says whether this is ARL meteorology. Never throws for bad
   * content; an unreadable file is reported as {@link ArlProbe.Rejected}.
   */
  public static ArlProbe probe(Path path) {
    if (!Files.isRegularFile(path)) {
      return new ArlProbe.Rejected(Files.exists(path) ? "not a regular file" : "file does not exist");
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      int want = (int) Math.min(size, ArlLabel.EXTENDED_LENGTH + ArlIndexRecord.EXTENDED_FIXED_LENGTH);
      if (want < ArlLabel.LENGTH + ArlIndexRecord.FIXED_LENGTH) {
        return new ArlProbe.Rejected("only " + size + " bytes, too short for an ARL index record");
      }
      ByteBuffer buf = ByteBuffer.allocate(want);
      while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) {
        // positioned reads until the buffer is full
      }
      byte[] head = buf.array();
      String rejection = rejectionOf(head);
      if (rejection != null) {
        return new ArlProbe.Rejected(rejection);
      }
      int labelLen = ArlLabel.isExtended(head, 0) ? ArlLabel.EXTENDED_LENGTH : ArlLabel.LENGTH;
      ArlLabel label = ArlLabel.parse(head, 0);
      ArlIndexRecord.Fixed fixed = ArlIndexRecord.parseFixed(head, labelLen);
      int[] dims = dimensionsOrNull(label, fixed);
      VerticalCoordinate vc = VerticalCoordinate.ofFlag(fixed.verticalFlag());
      if (dims == null || vc == null || fixed.nz() < 1) {
        return new ArlProbe.Rejected("index record has invalid grid dimensions or vertical coordinate");
      }
      Instant t = label.dateHour().plusMinutes(fixed.minutes()).toInstant(ZoneOffset.UTC);
      return new ArlProbe.Recognized(fixed.model(), dims[0], dims[1], fixed.nz(), vc, t, size);
    } catch (IOException e) {
      return new ArlProbe.Rejected("cannot read: " + e.getMessage());
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return new ArlProbe.Rejected("index record cannot be parsed: " + e.getMessage());
    }
  }

  /** Null if {@code head} starts like an ARL file, otherwise why not. */
  private static String rejectionOf(byte[] head) {
    for (int i = 0; i < ArlLabel.LENGTH; i++) {
      int c = head[i] & 0xFF;
      if (c < 32 || c > 126) {
        return "the first 50 bytes are not a text record label (binary byte " + c + " at position " + (i + 1) + ")";
      }
    }
    String var = ArlLabel.variableOf(head, 0);
    if (!"INDX".equals(var)) {
      return "the first record is '" + var + "', not an INDX index record (label '"
          + ArlLabel.printable(new String(head, 0, ArlLabel.LENGTH, StandardCharsets.ISO_8859_1)) + "')";
    }
    return null;
  }

  private static int[] dimensionsOrNull(ArlLabel label, ArlIndexRecord.Fixed fixed) {
    int nx = fixed.nx3();
    int ny = fixed.ny3();
    char c1 = label.gridId().charAt(0);
    char c2 = label.gridId().charAt(1);
    if (c1 >= 64 || c2 >= 64) {
      // Grids larger than 999: the grid-id characters carry the thousands ('@' = 0, 'A' = 1, ...).
      if (c1 < 64 || c2 < 64) {
        return null;
      }
      nx += (c1 - 64) * 1000;
      ny += (c2 - 64) * 1000;
    }
    if (nx < 1 || ny < 1) {
      return null;
    }
    return new int[] {nx, ny};
  }

  private int[] dimensions(ArlLabel label, ArlIndexRecord.Fixed fixed) {
    int[] d = dimensionsOrNull(label, fixed);
    if (d == null) {
      throw new MetFormatException(
          "Invalid grid size in the index record (NX=" + fixed.nx3() + ", NY=" + fixed.ny3() + ", grid id '" + label.gridId() + "')",
          path, null, "INDX", null, "The file is corrupt or not ARL");
    }
    return d;
  }

  private ArlLabel parseLabel(byte[] b, int offset, long filePos) {
    try {
      return ArlLabel.parse(b, offset);
    } catch (IllegalArgumentException e) {
      throw new MetFormatException(e.getMessage() + " at byte " + filePos, path, null, null, null,
          "The file is corrupt or its record length does not match its header");
    }
  }

  private ArlIndexRecord.Fixed parseFixed(byte[] b, int offset, long filePos) {
    try {
      return ArlIndexRecord.parseFixed(b, offset);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new MetFormatException("Unreadable index header at byte " + filePos + ": " + e.getMessage(), path, null, "INDX", null,
          "The file is corrupt");
    }
  }

  private ArlIndexRecord.Levels parseLevels(String header, ArlIndexRecord.Fixed fixed, boolean sixteen, long filePos) {
    try {
      return ArlIndexRecord.parseLevels(header, fixed.fixedLength(), fixed.nz(), sixteen);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new MetFormatException("Unreadable level list in the index record at byte " + filePos + ": " + e.getMessage(),
          path, null, "INDX", null, "The file is corrupt");
    }
  }

  /** The full index header text of the period starting at {@code start}, joined over its index records. */
  private String readHeaderText(long start) throws IOException {
    StringBuilder sb = new StringBuilder(headerLength);
    for (int n = 0; n < indexRecords; n++) {
      long pos = start + (long) n * recordLength;
      int chunk = Math.min(dataBytes, headerLength - n * dataBytes);
      if (chunk <= 0) {
        break;
      }
      byte[] b = read(pos, labelLength + chunk);
      String var = ArlLabel.variableOf(b, 0);
      if (!"INDX".equals(var)) {
        throw new MetFormatException(
            "Expected index record " + (n + 1) + " of " + indexRecords + " at byte " + pos + " but found a '" + var + "' record",
            path, null, "INDX", null, "The file is corrupt or its record length does not match its header");
      }
      sb.append(new String(b, labelLength, chunk, StandardCharsets.ISO_8859_1));
    }
    return sb.toString();
  }

  /** The first period's valid time for error messages, or null when its label date is unreadable. */
  private static Instant firstTime(ArlLabel label0, ArlIndexRecord.Fixed fixed) {
    try {
      return label0.dateHour().plusMinutes(fixed.minutes()).toInstant(ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A file whose size is not whole periods is either truncated or has another record length. The error names
   * the first period: its record count, from its own index, does not lead to the next index record.
   */
  private void checkRecordStructure(long periodBytes, Instant firstTime) throws IOException {
    if (sizeBytes >= periodBytes + labelLength) {
      byte[] b = read(periodBytes, labelLength);
      String var = ArlLabel.variableOf(b, 0);
      if (!"INDX".equals(var)) {
        throw new MetFormatException(
            "Wrong record length: the header's " + grid.nx() + " x " + grid.ny() + " grid gives records of " + recordLength
                + " bytes and " + recordsPerPeriod + " records per period, but the record at byte " + periodBytes
                + " is '" + ArlLabel.printable(var) + "', not the next period's index record",
            path, firstTime, "INDX", null, "The file was written with a different record length or is corrupt; re-convert it");
      }
    }
  }

  private MetFormatException truncatedAt(int period, long periodBytes, List<ArlPeriod> complete) throws IOException {
    long start = period * periodBytes;
    long have = sizeBytes - start;
    int record = (int) (have / recordLength);
    long into = have % recordLength;
    Instant time = null;
    if (have >= labelLength) {
      try {
        ArlLabel l = ArlLabel.parse(read(start, labelLength), 0);
        time = l.dateHour().toInstant(ZoneOffset.UTC);
      } catch (IllegalArgumentException e) {
        time = null;
      }
    }
    String what;
    String variable = null;
    Integer level = null;
    if (record < indexRecords) {
      what = "its index record";
      variable = "INDX";
    } else {
      int k = record - indexRecords;
      for (ArlLevel l : grid.levels()) {
        if (k < l.variables().size()) {
          variable = l.variables().get(k);
          level = l.index();
          break;
        }
        k -= l.variables().size();
      }
      what = "the record of " + variable + " at level " + level;
    }
    String last = complete.isEmpty() ? "no complete period" : "last complete period " + complete.get(complete.size() - 1).time();
    return new MetFormatException(
        "File is truncated: it is " + sizeBytes + " bytes, which ends " + into + " bytes into " + what + " of period "
            + (period + 1) + " (" + last + "; whole periods need " + (period + 1) * periodBytes + " bytes)",
        path, time, variable, level, "Re-download or re-convert the file");
  }

  private ArlPeriod readPeriod(int p, long periodBytes, ArlIndexRecord.Fixed fixed0, ArlIndexRecord.Levels levels0) throws IOException {
    long start = p * periodBytes;
    byte[] head = read(start, labelLength + Math.min(dataBytes, ArlIndexRecord.EXTENDED_FIXED_LENGTH));
    if (!"INDX".equals(ArlLabel.variableOf(head, 0))) {
      throw new MetFormatException(
          "Expected the index record of period " + (p + 1) + " at byte " + start + " but found '"
              + ArlLabel.printable(ArlLabel.variableOf(head, 0)) + "'",
          path, null, "INDX", null, "The file's record structure does not match its header; re-convert it");
    }
    ArlLabel label = parseLabel(head, 0, start);
    ArlIndexRecord.Fixed fixed = parseFixed(head, labelLength, start);
    Instant time;
    try {
      time = label.dateHour().plusMinutes(fixed.minutes()).toInstant(ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      throw new MetFormatException(e.getMessage() + " of period " + (p + 1), path, null, "INDX", null, "The file is corrupt");
    }
    if (!fixed.model().equals(fixed0.model()) || fixed.nx3() != fixed0.nx3() || fixed.ny3() != fixed0.ny3()
        || fixed.nz() != fixed0.nz() || fixed.verticalFlag() != fixed0.verticalFlag()
        || fixed.headerLength() != fixed0.headerLength() || !Arrays.equals(fixed.map(), fixed0.map())) {
      throw new MetFormatException(
          "Period " + (p + 1) + " has a different grid, model or level count in its index record than the first period",
          path, time, "INDX", null, "HYSPLIT requires one grid per file; split the file");
    }
    ArlIndexRecord.Levels levels = p == 0 ? levels0 : parseLevels(readHeaderText(start), fixed, grid.sixteenBit(), start);
    for (int l = 0; l < grid.nz(); l++) {
      if (!levels.levels().get(l).variables().equals(levels0.levels().get(l).variables())) {
        throw new MetFormatException(
            "Period " + (p + 1) + " stores variables " + levels.levels().get(l).variables() + " at level " + l
                + " but the first period stores " + levels0.levels().get(l).variables(),
            path, time, null, l, "HYSPLIT requires the same variables in every period; re-convert the file");
      }
    }
    return new ArlPeriod(time, fixed.forecastHour(), start, levels.checksums());
  }

  private Duration checkInterval() {
    if (times.size() < 2) {
      return null;
    }
    Duration first = Duration.between(times.get(0), times.get(1));
    if (first.isNegative() || first.isZero()) {
      throw new MetFormatException("Period times do not increase: " + times.get(0) + " is followed by " + times.get(1),
          path, times.get(1), "INDX", null, "The file is corrupt");
    }
    for (int i = 2; i < times.size(); i++) {
      Duration d = Duration.between(times.get(i - 1), times.get(i));
      if (!d.equals(first)) {
        throw new MetFormatException(
            "The time interval varies inside the file: " + first.toMinutes() + " min between " + times.get(0) + " and "
                + times.get(1) + " but " + d.toMinutes() + " min between " + times.get(i - 1) + " and " + times.get(i),
            path, times.get(i), "INDX", null, "HYSPLIT requires a constant interval within a file; split it where the interval changes");
      }
    }
    return first;
  }

  private byte[] read(long position, int length) throws IOException {
    return readInto(new byte[length], position, length);
  }

  private byte[] readInto(byte[] b, long position, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(b, 0, length);
    long pos = position;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos);
      if (n < 0) {
        throw new MetFormatException(
            "File is truncated: unexpected end of file at byte " + pos + " while reading " + length + " bytes at " + position,
            path, null, null, null, "Re-download or re-convert the file");
      }
      pos += n;
    }
    return b;
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already failing; the original error is more useful
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Public API

  /** The file this was opened from. */
  public Path path() {
    return path;
  }

  /** File size in bytes. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** Grid, map, levels and variables shared by every period. */
  public ArlGrid grid() {
    return grid;
  }

  /** The map projection of the grid. */
  public MapProjection projection() {
    return projection;
  }

  /** The periods in file order (time increasing). */
  public List<ArlPeriod> periods() {
    return periods;
  }

  /** Valid times of the periods, increasing. */
  public List<Instant> times() {
    return times;
  }

  /** Time between periods; empty for a single-period file. */
  public Optional<Duration> interval() {
    return Optional.ofNullable(interval);
  }

  /** Bytes per record: label plus packed data. */
  public int recordLength() {
    return recordLength;
  }

  /** Index records at the start of each period (more than one when the index text is longer than a record). */
  public int indexRecordsPerPeriod() {
    return indexRecords;
  }

  /** Records per period including the index record(s). */
  public int recordsPerPeriod() {
    return recordsPerPeriod;
  }

  /** Position of {@code time} among the periods, or -1. */
  public int indexOf(Instant time) {
    return times.indexOf(time);
  }

  /** Whether {@code variable} is stored at {@code level}. */
  public boolean has(int level, String variable) {
    return grid.has(level, variable);
  }

  /** Decodes one field as {@code double[j*nx + i]}. */
  public double[] read(int period, int level, String variable) {
    double[] dst = new double[grid.nx() * grid.ny()];
    read(period, level, variable, dst);
    return dst;
  }

  /** Decodes the field valid at {@code time}. */
  public double[] read(Instant time, int level, String variable) {
    return read(periodIndex(time, variable, level), level, variable);
  }

  /** Decodes one field into {@code dst} (length at least nx·ny); returns the record's label. */
  public ArlLabel read(int period, int level, String variable, double[] dst) {
    if (dst.length < grid.nx() * grid.ny()) {
      throw new IllegalArgumentException("destination has " + dst.length + " elements, field needs " + grid.nx() * grid.ny());
    }
    RawRecord raw = readRaw(period, level, variable);
    if (grid.sixteenBit()) {
      ArlPacking.unpack16(raw.bytes, labelLength, grid.nx(), grid.ny(), raw.label.nexp(), raw.label.precision(), raw.label.var1(), dst);
    } else {
      ArlPacking.unpack8(raw.bytes, labelLength, grid.nx(), grid.ny(), raw.label.nexp(), raw.label.precision(), raw.label.var1(), dst);
    }
    return raw.label;
  }

  /**
   * Decodes the window of columns {@code [i0, i0 + wnx)} and rows {@code [j0, j0 + wny)} (0-based) of one field as
   * {@code double[jw*wnx + iw]}: the same values as {@link #read(int, int, String)} there, without decoding or
   * allocating the whole grid.
   */
  public double[] readWindow(int period, int level, String variable, int i0, int j0, int wnx, int wny) {
    RawRecord raw = readRaw(period, level, variable);
    double[] dst = new double[wnx * wny];
    ArlPacking.unpackWindow(grid.sixteenBit(), raw.bytes, labelLength, grid.nx(), grid.ny(), raw.label.nexp(),
        raw.label.precision(), raw.label.var1(), i0, j0, wnx, wny, dst);
    return dst;
  }

  /** Decodes one field as {@code float[j*nx + i]} (values rounded to single precision). */
  public float[] readFloat(int period, int level, String variable) {
    double[] d = read(period, level, variable);
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /** The label of one record (packing exponent, precision, value at (1,1)) without decoding its data. */
  public ArlLabel label(int period, int level, String variable) {
    long pos = recordPosition(period, level, variable);
    try {
      return checkedLabel(read(pos, labelLength), period, level, variable, pos);
    } catch (IOException e) {
      throw ioFailure(e, period, level, variable);
    }
  }

  private record RawRecord(ArlLabel label, byte[] bytes) {}

  private RawRecord readRaw(int period, int level, String variable) {
    long pos = recordPosition(period, level, variable);
    byte[] b;
    try {
      b = readInto(recordBuffer.get(), pos, recordLength);
    } catch (IOException e) {
      throw ioFailure(e, period, level, variable);
    }
    ArlLabel label = checkedLabel(b, period, level, variable, pos);
    int k = grid.levels().get(level).variables().indexOf(variable);
    int expected = periods.get(period).checksum(level, k);
    if (expected >= 0) {
      int actual = grid.sixteenBit()
          ? ArlPacking.checksum16(b, labelLength, grid.nx() * grid.ny())
          : ArlPacking.checksum8(b, labelLength, dataBytes);
      if (actual != expected) {
        throw new MetFormatException(
            "Bad checksum: the record's data sums to " + actual + " but the index record lists " + expected,
            path, periods.get(period).time(), variable, level, "The record is corrupt; re-download or re-convert the file");
      }
    }
    return new RawRecord(label, b);
  }

  private ArlLabel checkedLabel(byte[] b, int period, int level, String variable, long pos) {
    Instant time = periods.get(period).time();
    ArlLabel label;
    try {
      label = ArlLabel.parse(b, 0);
    } catch (IllegalArgumentException e) {
      throw new MetFormatException(e.getMessage() + " at byte " + pos, path, time, variable, level,
          "The file is corrupt or its record length does not match its header");
    }
    Instant labelTime;
    try {
      labelTime = label.dateHour().toInstant(ZoneOffset.UTC);
    } catch (IllegalArgumentException e) {
      labelTime = null;
    }
    Instant periodHour = time.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    if (!label.variable().equals(variable) || label.level() != level || !periodHour.equals(labelTime)) {
      throw new MetFormatException(
          "Record at byte " + pos + " is labelled " + label.variable() + " level " + label.level() + " at " + labelTime
              + " where the index places " + variable + " level " + level + " at " + time,
          path, time, variable, level, "The file is corrupt or its record length does not match its header");
    }
    return label;
  }

  private long recordPosition(int period, int level, String variable) {
    if (period < 0 || period >= periods.size()) {
      throw new MetCoverageException(
          "Period number " + period + " does not exist; the file has " + periods.size() + " periods (" + describeTimes() + ")",
          path, null, variable, level, null);
    }
    Instant time = periods.get(period).time();
    if (level < 0 || level >= grid.nz()) {
      throw new MetVariableException(
          "Level " + level + " does not exist; the file has levels 0 to " + (grid.nz() - 1),
          path, time, variable, level, null);
    }
    List<String> vars = grid.levels().get(level).variables();
    int k = vars.indexOf(variable);
    if (k < 0) {
      throw new MetVariableException(
          "Variable " + variable + " is not in the file at level " + level,
          path, time, variable, level, "Variables at level " + level + ": " + String.join(" ", vars));
    }
    return periods.get(period).offsetBytes() + (long) (levelFirstRecord[level] + k) * recordLength;
  }

  private int periodIndex(Instant time, String variable, int level) {
    int i = times.indexOf(time);
    if (i < 0) {
      throw new MetCoverageException(
          "No period at " + time + "; the file has " + describeTimes(), path, time, variable, level,
          "Use a time the file covers or add the met file for that time");
    }
    return i;
  }

  private String describeTimes() {
    if (times.isEmpty()) {
      return "no periods";
    }
    String step = interval == null ? "" : " every " + interval.toMinutes() + " min";
    return times.size() + " periods from " + times.get(0) + " to " + times.get(times.size() - 1) + step;
  }

  private MetFormatException ioFailure(IOException e, int period, int level, String variable) {
    return new MetFormatException("Read failed: " + e.getMessage(), path, periods.get(period).time(), variable, level,
        "Check that the file is readable");
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new MetFormatException("Closing failed: " + e.getMessage(), path, null, null, null, null);
    }
  }

  @Override
  public String toString() {
    return "ArlFile[" + path + ", " + grid.model() + " " + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + ", " + describeTimes() + "]";
  }
}
