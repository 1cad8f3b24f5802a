package org.jstilt.hysplit;

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
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.text.DecimalParser;

/**
 * Parses hycs_std's {@code PARTICLE_STILT.DAT}: one header line (the first release location), then one
 * line per particle per output step with whitespace-separated numbers, one per {@code varsiwant} column in
 * the order given to hycs_std (SETUP.CFG {@code VARSIWANT}).
 *
 * <p>Matches R-STILT's {@code read_particle} ({@code read.table(skip = 1, colClasses = "numeric")}): every
 * value is a double, read with correct rounding so that the table equals R's bit for bit. Unlike R, a
 * file with only the header is an empty table (not {@code NULL}), and a malformed line is an error naming
 * the file, the line and the field: a wrong column count (the varsiwant list does not match SETUP.CFG),
 * a Fortran overflow ({@code ****}), or text that is not a number. Fortran's {@code D} exponent is
 * accepted. A gzip-compressed file is recognised by its magic bytes.
 */
public final class ParticleDatReader {
  /**
   * Reads {@code file}, written by a hycs_std run, with columns named by {@code varsiwant}; a malformed
   * file is a {@link ErrorCode#TRANSPORT} error.
   */
  public static ParticleDat read(Path file, List<String> varsiwant) {
    return read(file, varsiwant, ErrorCode.TRANSPORT);
  }

  /**
   * Reads {@code file} with columns named by {@code varsiwant}; problems with the file are reported with
   * {@code errorCode} ({@link ErrorCode#INPUT} when the user handed the file in).
   */
  public static ParticleDat read(Path file, List<String> varsiwant, ErrorCode errorCode) {
    return new ParticleDatReader(file, errorCode).parse(checkVarsiwant(varsiwant));
  }

  private final Path file;
  private final ErrorCode errorCode;

  private ParticleDatReader(Path file, ErrorCode errorCode) {
    this.file = file;
    this.errorCode = errorCode;
  }

  private ParticleDat parse(List<String> names) {
    try (InputStream in = open(file)) {
      LineReader r = new LineReader(in);
      if (!r.next()) {
        throw error(file, 0, "the file is empty (not even the header line hycs_std writes first); "
            + "hycs_std probably failed before writing particles, see its log");
      }
      Optional<ParticleDat.ReleaseHeader> release =
          parseHeader(new String(r.buf, r.start, r.end - r.start, StandardCharsets.US_ASCII));
      ParticleEnsemble.Builder b = ParticleEnsemble.builder(names);
      double[] row = new double[names.size()];
      long lineNo = 1;
      while (r.next()) {
        lineNo++;
        if (parseLine(file, lineNo, r.buf, r.start, r.end, names, row)) {
          b.addRow(row);
        }
      }
      return new ParticleDat(release, b.build());
    } catch (NoSuchFileException e) {
      throw error(file, 0, "file not found");
    } catch (IOException e) {
      throw new StiltException(errorCode, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Lines of a byte stream without a {@code String} per line: after {@link #next()} the line (without
   * {@code \n}) is {@code buf[start, end)}. Lines longer than the buffer grow it.
   */
  private static final class LineReader {
    private final InputStream in;
    byte[] buf = new byte[1 << 16];
    int start;
    int end;
    private int pos;
    private int limit;
    private boolean eof;

    LineReader(InputStream in) {
      this.in = in;
    }

    boolean next() throws IOException {
      int scan = pos;
      while (true) {
        for (int i = scan; i < limit; i++) {
          if (buf[i] == '\n') {
            start = pos;
            end = i;
            pos = i + 1;
            return true;
          }
        }
        if (eof) {
          if (pos >= limit) {
            return false;
          }
          start = pos;
          end = limit;
          pos = limit;
          return true;
        }
        scan = limit - pos;
        if (pos > 0) {
          System.arraycopy(buf, pos, buf, 0, limit - pos);
          limit -= pos;
          pos = 0;
        } else if (limit == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
        } else {
          limit += n;
        }
      }
    }
  }

  private static List<String> checkVarsiwant(List<String> varsiwant) {
    if (varsiwant.isEmpty()) {
      throw new StiltException(ErrorCode.CONFIG, "varsiwant is empty: PARTICLE_STILT.DAT columns need names");
    }
    if (new HashSet<>(varsiwant).size() != varsiwant.size()) {
      throw new StiltException(ErrorCode.CONFIG, "varsiwant " + varsiwant + " names a column twice");
    }
    return List.copyOf(varsiwant);
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static Optional<ParticleDat.ReleaseHeader> parseHeader(String header) {
    String[] t = header.trim().split("\\s+");
    if (t.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ParticleDat.ReleaseHeader(number(t[0]), number(t[1]), number(t[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Parses one data line, {@code line[from, to)}, into {@code row}; returns false for a blank line. */
  private boolean parseLine(Path file, long lineNo, byte[] line, int from, int to, List<String> names, double[] row) {
    int col = 0;
    int i = from;
    while (true) {
      while (i < to && isSpace(line[i])) {
        i++;
      }
      if (i >= to) {
        break;
      }
      int start = i;
      boolean plain = true;
      while (i < to && !isSpace(line[i])) {
        byte c = line[i];
        plain &= (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        i++;
      }
      if (col >= row.length) {
        throw error(file, lineNo, "expected " + row.length + " values (varsiwant " + names + ") but found "
            + countFields(text(line, from, to)) + "; does varsiwant match VARSIWANT in SETUP.CFG?");
      }
      try {
        // The common case, plain decimals, without a String per value; Fortran's D exponent, NaN and the
        // error cases go through number().
        row[col] = plain ? DecimalParser.parse(line, start, i) : number(text(line, start, i));
      } catch (NumberFormatException e) {
        String token = text(line, start, i);
        throw error(file, lineNo, "value " + (col + 1) + " (" + names.get(col) + ") is '" + token + "', not a number"
            + (token.startsWith("*") ? " (a Fortran overflow: the value did not fit its output field)" : ""));
      }
      col++;
    }
    if (col == 0) {
      return false;
    }
    if (col != row.length) {
      throw error(file, lineNo, "expected " + row.length + " values (varsiwant " + names + ") but found " + col
          + "; does varsiwant match VARSIWANT in SETUP.CFG?");
    }
    return true;
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.US_ASCII);
  }

  private static int countFields(String line) {
    String t = line.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /** A Fortran real: Java syntax plus the {@code D} exponent; rejects Java-only suffixes and hex. */
  static double number(String token) {
    String t = token;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        if (c == 'd' || c == 'D') {
          t = t.substring(0, k) + 'E' + t.substring(k + 1);
        } else if (t.equalsIgnoreCase("nan")) {
          return Double.NaN;
        } else {
          throw new NumberFormatException(token);
        }
      }
    }
    return Double.parseDouble(t);
  }

  private StiltException error(Path file, long line, String problem) {
    return new StiltException(
        errorCode, file + (line > 0 ? ", line " + line : "") + ": " + problem);
  }
}
