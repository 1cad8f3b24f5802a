package org.jstilt.io.particles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.text.DecimalParser;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.io.InputFileException;

/**
 * Reads a particle table from CSV: a header line naming the columns, then one row per particle per output
 * step, every value a number. Plain or gzip-compressed (recognised by content, not by name).
 *
 * <p>Columns are matched by header name, so their order does not matter; every column is read as a
 * double. What is accepted, and why:
 *
 * <ul>
 *   <li>Fields may be surrounded by spaces and double quotes (R's {@code write.csv} quotes its header).
 *       A first column with an empty name is R's row names and is skipped, and so is a {@code datetime}
 *       column (PYSTILT's timestamp, derived from {@code time}; not a number).
 *   <li>{@code NA}/{@code NaN} read as NaN, except in {@code long}, {@code lati} and the caller's required
 *       columns, which must be finite: a NaN position would silently vanish from a footprint.
 *   <li>{@code long} must lie in [-180, 360] (HYSPLIT's and the 0–360 frame) and {@code lati} in
 *       [-90, 90].
 *   <li>Blank lines are ignored; {@code \n} and {@code \r\n} line ends; a UTF-8 byte-order mark is
 *       skipped.
 *   <li>A file with a header and no rows is an empty table (a run whose particles all left the
 *       domain); a file without even a header is an error.
 * </ul>
 *
 * <p>Every error names the file, the line and the column. The parser works on bytes with a hand-written
 * tokenizer and number parser, because particle tables run to millions of values.
 */
public final class ParticleCsvReader {
  private static final int CHUNK = 1 << 16;
  private static final String DATETIME = "datetime";

  private ParticleCsvReader() {}

  /** Reads {@code file}; every column in {@code requiredColumns} must be present and finite. */
  public static ParticleEnsemble read(Path file, List<String> requiredColumns) {
    try (InputStream in = open(file)) {
      return new Parse(file, in, requiredColumns).run();
    } catch (NoSuchFileException e) {
      throw new InputFileException(file, "file not found");
    } catch (IOException e) {
      throw new StiltException(ErrorCode.INPUT, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code file} with no required columns. */
  public static ParticleEnsemble read(Path file) {
    return read(file, List.of());
  }

  /** Opens a file, transparently gunzipping when it starts with the gzip magic bytes. */
  static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, CHUNK), CHUNK);
    }
    return raw;
  }

  /** One parse of one file: a streaming line splitter over a byte buffer. */
  private static final class Parse {
    private final Path file;
    private final InputStream in;
    private final List<String> required;

    private byte[] buf = new byte[CHUNK];
    private int start; // first unconsumed byte
    private int limit; // end of valid bytes
    private boolean eof;
    private long lineNo;

    // Header-derived state.
    private List<String> names;
    private int fieldCount;
    private List<String> headerFields;
    private int[] fieldOfColumn; // which field holds each table column (row names and datetime are skipped)
    private int longCol = -1;
    private int latiCol = -1;
    private boolean[] mustBeFinite;
    private int[] fieldStart;
    private int[] fieldEnd;

    Parse(Path file, InputStream in, List<String> required) {
      this.file = file;
      this.in = in;
      this.required = required;
    }

    ParticleEnsemble run() throws IOException {
      int[] line = new int[2];
      if (!nextLine(line)) {
        throw new InputFileException(
            file, "the file is empty; a particle CSV needs a header line such as 'time,indx,long,lati,foot'");
      }
      parseHeader(line[0], line[1]);
      ParticleEnsemble.Builder builder = ParticleEnsemble.builder(names);
      double[] row = new double[names.size()];
      while (nextLine(line)) {
        parseRow(line[0], line[1], row);
        builder.addRow(row);
      }
      return builder.build();
    }

    /** Finds the next non-blank line; {@code out} receives its [from, to) without the line end. */
    private boolean nextLine(int[] out) throws IOException {
      while (true) {
        int nl = indexOf((byte) '\n', start, limit);
        while (nl < 0 && !eof) {
          fill();
          nl = indexOf((byte) '\n', start, limit);
        }
        if (nl < 0 && start >= limit) {
          return false;
        }
        int from = start;
        int to = nl < 0 ? limit : nl;
        start = nl < 0 ? limit : nl + 1;
        lineNo++;
        if (to > from && buf[to - 1] == '\r') {
          to--;
        }
        if (lineNo == 1 && to - from >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB
            && (buf[from + 2] & 0xff) == 0xBF) {
          from += 3;
        }
        if (!isBlank(from, to)) {
          out[0] = from;
          out[1] = to;
          return true;
        }
      }
    }

    private void fill() throws IOException {
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, limit - start);
        limit -= start;
        start = 0;
      }
      if (limit == buf.length) {
        byte[] bigger = new byte[buf.length * 2];
        System.arraycopy(buf, 0, bigger, 0, limit);
        buf = bigger;
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }

    private int indexOf(byte c, int from, int to) {
      for (int i = from; i < to; i++) {
        if (buf[i] == c) {
          return i;
        }
      }
      return -1;
    }

    private boolean isBlank(int from, int to) {
      for (int i = from; i < to; i++) {
        if (buf[i] != ' ' && buf[i] != '\t') {
          return false;
        }
      }
      return true;
    }

    private void parseHeader(int from, int to) {
      List<String> fields = new ArrayList<>();
      int n = split(from, to, 1 << 12);
      for (int k = 0; k < n; k++) {
        fields.add(new String(buf, fieldStart[k], fieldEnd[k] - fieldStart[k], StandardCharsets.UTF_8));
      }
      fieldCount = n;
      headerFields = List.copyOf(fields);
      List<String> cols = new ArrayList<>();
      List<Integer> fieldIndex = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int k = 0; k < n; k++) {
        String name = fields.get(k);
        if ((k == 0 && n > 1 && name.isEmpty()) || name.equals(DATETIME)) {
          continue; // R's row names; a derived timestamp column (receptor time + time)
        }
        cols.add(name);
        fieldIndex.add(k);
        if (name.isEmpty()) {
          throw new InputFileException(
              file, lineNo, "column " + (k + 1) + " of the header has no name; every column needs one");
        }
        if (!isName(name)) {
          throw new InputFileException(
              file, lineNo,
              "the first line must be a header of column names (e.g. 'time,indx,long,lati,foot'), but field "
                  + (k + 1) + " is '" + name + "'");
        }
        if (!seen.add(name)) {
          throw new InputFileException(file, lineNo, "column '" + name + "' appears twice in the header");
        }
      }
      names = List.copyOf(cols);
      fieldOfColumn = fieldIndex.stream().mapToInt(Integer::intValue).toArray();
      List<String> missing = new ArrayList<>();
      for (String r : required) {
        if (!seen.contains(r)) {
          missing.add(r);
        }
      }
      if (!missing.isEmpty()) {
        throw new InputFileException(
            file, lineNo, "missing required column(s) " + missing + "; the header has " + names);
      }
      longCol = names.indexOf(ParticleColumns.LONG);
      latiCol = names.indexOf(ParticleColumns.LATI);
      mustBeFinite = new boolean[names.size()];
      for (int k = 0; k < names.size(); k++) {
        mustBeFinite[k] = k == longCol || k == latiCol || required.contains(names.get(k));
      }
    }

    /** A header name starts with a letter or underscore: a number there means the header is missing. */
    private static boolean isName(String s) {
      char c = s.charAt(0);
      return Character.isLetter(c) || c == '_' || c == '.';
    }

    private void parseRow(int from, int to, double[] row) {
      int n = split(from, to, fieldCount);
      if (n != fieldCount) {
        throw new InputFileException(
            file, lineNo,
            "expected " + fieldCount + " comma-separated fields (" + header() + ") but found "
                + (n > fieldCount ? countFields(from, to) : n));
      }
      for (int k = 0; k < row.length; k++) {
        int field = fieldOfColumn[k];
        int a = fieldStart[field];
        int b = fieldEnd[field];
        double v;
        try {
          v = DecimalParser.parse(buf, a, b);
        } catch (NumberFormatException e) {
          String text = new String(buf, a, Math.min(b - a, 40), StandardCharsets.UTF_8);
          throw new InputFileException(
              file, lineNo,
              "column '" + names.get(k) + "' (field " + (field + 1) + "): "
                  + (a == b ? "the value is empty" : "'" + text + "' is not a number"));
        }
        if (mustBeFinite[k] && !Double.isFinite(v)) {
          throw new InputFileException(
              file, lineNo,
              "column '" + names.get(k) + "' is " + v + "; positions and required columns must be finite numbers");
        }
        row[k] = v;
      }
      if (longCol >= 0 && (row[longCol] < -180 || row[longCol] > 360)) {
        throw new InputFileException(
            file, lineNo, "long = " + row[longCol] + " is outside [-180, 360] degrees east");
      }
      if (latiCol >= 0 && (row[latiCol] < -90 || row[latiCol] > 90)) {
        throw new InputFileException(
            file, lineNo, "lati = " + row[latiCol] + " is outside [-90, 90] degrees north");
      }
    }

    private String header() {
      return String.join(",", headerFields);
    }

    private int countFields(int from, int to) {
      int n = 1;
      for (int i = from; i < to; i++) {
        if (buf[i] == ',') {
          n++;
        }
      }
      return n;
    }

    /**
     * Splits [from, to) at commas into trimmed, unquoted fields; returns the field count, or {@code max + 1}
     * when there are more than {@code max} fields.
     */
    private int split(int from, int to, int max) {
      if (fieldStart == null || fieldStart.length < max + 1) {
        fieldStart = new int[max + 1];
        fieldEnd = new int[max + 1];
      }
      int n = 0;
      int a = from;
      while (true) {
        int comma = a;
        while (comma < to && buf[comma] != ',') {
          comma++;
        }
        if (n == max) {
          return max + 1;
        }
        int s = a;
        int e = comma;
        while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
          s++;
        }
        while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
          e--;
        }
        if (e - s >= 2 && buf[s] == '"' && buf[e - 1] == '"') {
          s++;
          e--;
        }
        fieldStart[n] = s;
        fieldEnd[n] = e;
        n++;
        if (comma >= to) {
          return n;
        }
        a = comma + 1;
      }
    }
  }
}
