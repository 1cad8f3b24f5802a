package org.jstilt.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.zip.GZIPInputStream;
import org.jstilt.core.particle.ParticleEnsemble;

/**
 * A minimal reader for the numeric CSV tables under {@code ../shared/reference} (plain or gzip), for
 * tests only: header line, comma-separated numbers, {@code NA} as NaN. Columns named in
 * {@code textColumns} are skipped. Results are cached per file and parser, since several parameterised
 * tests read the same particle files.
 */
public final class GzCsv {
  /** How numbers are parsed. */
  public enum Parse {
    /** Correctly rounded ({@link Double#parseDouble}). */
    JAVA(GzCsv::javaParse),
    /** As R's {@code read.csv} parses them ({@link RDecimal}). */
    R(RDecimal::parse),
    /**
     * Fast and within two ulps (digits accumulated in a long, one division by a power of ten): for tests
     * that compare at 1e-12 and read millions of values.
     */
    FAST(GzCsv::fastParse);

    final ToDoubleFunction<String> parser;

    Parse(ToDoubleFunction<String> parser) {
      this.parser = parser;
    }
  }

  private static final Map<String, Map<String, double[]>> CACHE = new ConcurrentHashMap<>();

  private GzCsv() {}

  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * Correctly rounded: plain decimals with at most 15 significant digits go through one exact division
   * or multiplication (Clinger's fast path); anything else through {@link Double#parseDouble}.
   */
  static double javaParse(String s) {
    int n = s.length();
    int i = 0;
    boolean neg = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    long m = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        any = true;
        if (m != 0 || c != '0') {
          digits++;
        }
        if (digits > 15) {
          return slow(s);
        }
        m = m * 10 + (c - '0');
        if (dot) {
          scale++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return slow(s);
      }
    }
    if (!any || scale > 22) {
      return slow(s);
    }
    double v = scale == 0 ? m : m / POW10[scale];
    return neg ? -v : v;
  }

  static double fastParse(String s) {
    return fastParse(s, 0, s.length());
  }

  static double fastParse(String s, int from, int to) {
    int i = from;
    boolean neg = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        any = true;
        if (m != 0 || c != '0') {
          digits++;
        }
        if (digits > 18) {
          return slow(s.substring(from, to));
        }
        m = m * 10 + (c - '0');
        if (dot) {
          scale++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return slow(s.substring(from, to));
      }
    }
    if (!any || scale > 22) {
      return slow(s.substring(from, to));
    }
    double v = scale == 0 ? (double) m : m / POW10[scale];
    return neg ? -v : v;
  }

  private static double slow(String s) {
    return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
  }

  /** Numeric columns by name, in file order (text columns omitted). */
  public static Map<String, double[]> read(Path file, Parse parse, String... textColumns) {
    String key = file.toAbsolutePath().normalize() + "|" + parse + "|" + String.join(",", textColumns);
    return CACHE.computeIfAbsent(key, k -> load(file, parse, List.of(textColumns), null));
  }

  /** Only the named columns (those present in the file), in file order. */
  public static Map<String, double[]> readColumns(Path file, Parse parse, List<String> wanted) {
    String key = file.toAbsolutePath().normalize() + "|" + parse + "|only:" + String.join(",", wanted);
    return CACHE.computeIfAbsent(key, k -> load(file, parse, List.of(), wanted));
  }

  /** The file as a particle ensemble (all numeric columns). */
  public static ParticleEnsemble particles(Path file, Parse parse) {
    return ParticleEnsemble.of(read(file, parse));
  }

  private static Map<String, double[]> load(Path file, Parse parse, List<String> textColumns, List<String> wanted) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String header = reader.readLine();
      if (header == null) {
        throw new IllegalStateException(file + " is empty");
      }
      String[] names = header.split(",", -1);
      for (int c = 0; c < names.length; c++) {
        names[c] = names[c].trim().replace("\"", "");
      }
      boolean[] numeric = new boolean[names.length];
      List<double[]> cols = new ArrayList<>();
      for (int c = 0; c < names.length; c++) {
        numeric[c] = !textColumns.contains(names[c]) && (wanted == null || wanted.contains(names[c]));
        cols.add(new double[1 << 12]);
      }
      int rows = 0;
      String line;
      int lineNo = 1;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        if (rows == cols.get(0).length) {
          for (int c = 0; c < cols.size(); c++) {
            cols.set(c, Arrays.copyOf(cols.get(c), rows * 2));
          }
        }
        int c = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
          if (i == line.length() || line.charAt(i) == ',') {
            if (c >= names.length) {
              throw new IllegalStateException(file + ":" + lineNo + ": too many fields");
            }
            if (numeric[c]) {
              cols.get(c)[rows] =
                  parse == Parse.FAST ? fastParse(line, start, i) : parse.parser.applyAsDouble(line.substring(start, i));
            }
            c++;
            start = i + 1;
          }
        }
        if (c != names.length) {
          throw new IllegalStateException(file + ":" + lineNo + ": " + c + " fields, expected " + names.length);
        }
        rows++;
      }
      Map<String, double[]> out = new LinkedHashMap<>();
      for (int c = 0; c < names.length; c++) {
        if (numeric[c]) {
          out.put(names[c], Arrays.copyOf(cols.get(c), rows));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
