package org.jstilt.io.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorTime;
import org.jstilt.core.receptor.ReleasePoint;
import org.jstilt.core.text.PyFloat;
import org.jstilt.io.AtomicFile;
import org.jstilt.io.InputFileException;

/**
 * A project's {@code receptors.csv} (PYSTILT {@code read_receptors}, PYSTILT.md §3.6), read into receptors,
 * and PYSTILT's published form written back.
 *
 * <p><b>Reading.</b> The first line that is not blank and not a comment is the header. Column names are
 * trimmed and lower-cased, then aliased: {@code latitude}/{@code lat} → {@code lati}, {@code longitude}/
 * {@code lon} → {@code long}, {@code altitude}/{@code zagl}/{@code zmsl} → {@code z}, {@code height_ref} →
 * {@code altitude_ref}. {@code time}, {@code lati}, {@code long} and {@code z} are required; other columns
 * are ignored. Without an {@code altitude_ref} column the reference is {@code msl} when the height column
 * was {@code zmsl}, else {@code agl}. Times: see {@link ReceptorTime#parse} (12-digit
 * {@code YYYYMMDDHHMM}, ISO dates and times, offsets converted to UTC; other numbers rejected). With an
 * {@code r_idx} column, rows sharing an {@code r_idx} form one receptor (1 row: point; 2 rows at one
 * lon/lat: column; otherwise multipoint, rows in file order); receptors come out in the order their
 * {@code r_idx} first appears. Without it every row is a point receptor.
 *
 * <p>Differences from PYSTILT, on purpose: lines starting with {@code #} are comments (PYSTILT's own
 * {@code stilt init} writes one that its reader then fails on); fields may be quoted and surrounded by
 * spaces; a header that maps two columns to one (e.g. {@code lat} and {@code latitude}) is an error rather
 * than two same-named columns; rows of one {@code r_idx} group must share their time (PYSTILT silently
 * takes the first row's). Every problem in the file is reported at once, each with its line.
 *
 * <p><b>Writing.</b> PYSTILT's published form: header {@code r_idx,time,longitude,latitude,altitude,altitude_ref},
 * one row per release point, {@code r_idx} counting receptors from 0, time as {@code YYYY-MM-DD HH:MM:SS},
 * numbers as Python {@code str(float)}, Python {@code csv} line ends ({@code \r\n}); reading it back gives
 * the same receptors (a one-point multipoint comes back as a point, as in PYSTILT).
 */
public final class ReceptorsCsv {
  private static final Map<String, String> ALIASES = Map.of("latitude", "lati", "lat", "lati", "longitude", "long",
      "lon", "long", "altitude", "z", "zagl", "z", "zmsl", "z", "height_ref", "altitude_ref");
  private static final List<String> REQUIRED = List.of("time", "lati", "long", "z");
  private static final int MAX_REPORTED = 50;

  private ReceptorsCsv() {}

  /**
   * Reads {@code file}.
   *
   * @throws InputFileException naming the file, and the line of each problem (all of them)
   */
  public static List<Receptor> read(Path file) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new InputFileException(file, 0, "does not exist; a project needs a receptors.csv with a header "
          + "time,longitude,latitude,altitude", e);
    } catch (CharacterCodingException e) {
      throw new InputFileException(file, 0, "is not UTF-8 text; save it as UTF-8 CSV", e);
    } catch (IOException e) {
      throw new StiltException(ErrorCode.INPUT, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file);
  }

  /** Reads CSV text; {@code file} is only used in messages. */
  public static List<Receptor> parse(String text, Path file) {
    return new Reader(text, file).read();
  }

  /** Writes the published form atomically. */
  public static void write(List<Receptor> receptors, Path file) {
    String text = format(receptors);
    AtomicFile.write(file, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(text);
      }
    });
  }

  /** The published form as text (see the class comment). */
  public static String format(List<Receptor> receptors) {
    StringBuilder sb = new StringBuilder("r_idx,time,longitude,latitude,altitude,altitude_ref\r\n");
    for (int i = 0; i < receptors.size(); i++) {
      Receptor r = receptors.get(i);
      String time = ReceptorTime.isoformat(r.time(), ' ');
      for (ReleasePoint p : r.releasePoints()) {
        sb.append(i).append(',').append(time).append(',').append(PyFloat.repr(p.lonDeg())).append(',')
            .append(PyFloat.repr(p.latDeg())).append(',').append(PyFloat.repr(p.altitudeM())).append(',')
            .append(r.altitudeRef().label()).append("\r\n");
      }
    }
    return sb.toString();
  }

  /** One data row, parsed. */
  private record Row(int line, Instant time, double lon, double lat, double z, AltitudeReference ref, String group) {}

  private static final class Reader {
    private final String text;
    private final Path file;
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    Reader(String text, Path file) {
      this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
      this.file = file;
    }

    private void problem(int line, String message) {
      problemCount++;
      if (problems.size() < MAX_REPORTED) {
        problems.add("line " + line + ": " + message);
      }
    }

    List<Receptor> read() {
      List<Line> lines = lines();
      if (lines.isEmpty()) {
        throw new InputFileException(file, 0, "is empty; it needs a header line such as "
            + "time,longitude,latitude,altitude (and then one receptor per line)");
      }
      Line header = lines.get(0);
      Map<String, Integer> columns = new LinkedHashMap<>();
      Map<String, String> given = new LinkedHashMap<>();
      boolean zmsl = false;
      for (int i = 0; i < header.fields.size(); i++) {
        String raw = header.fields.get(i).strip();
        String lower = raw.toLowerCase(Locale.ROOT);
        zmsl |= lower.equals("zmsl");
        String name = ALIASES.getOrDefault(lower, lower);
        if (columns.containsKey(name)) {
          throw new InputFileException(file, header.number, "columns '" + given.get(name) + "' and '" + raw
              + "' both give " + describe(name) + "; keep one of them");
        }
        columns.put(name, i);
        given.put(name, raw);
      }
      List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new InputFileException(file, header.number, "missing column" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing.stream().map(ReceptorsCsv::describe).toList()) + "; the header is '"
            + String.join(",", header.fields) + "' and needs time, latitude (lat), longitude (lon) and altitude "
            + "(zagl or zmsl)");
      }
      AltitudeReference inferred = zmsl ? AltitudeReference.MSL : AltitudeReference.AGL;
      List<Row> rows = new ArrayList<>();
      for (Line l : lines.subList(1, lines.size())) {
        if (l.fields.size() != header.fields.size()) {
          problem(l.number, "has " + l.fields.size() + " fields, the header has " + header.fields.size());
          continue;
        }
        Row row = row(l, columns, inferred);
        if (row != null) {
          rows.add(row);
        }
      }
      List<Receptor> receptors = columns.containsKey("r_idx") ? grouped(rows) : points(rows);
      if (problemCount > 0) {
        String more = problemCount > problems.size() ? "\n  ... and " + (problemCount - problems.size()) + " more" : "";
        if (problemCount == 1) {
          throw new InputFileException(file, 0, problems.get(0));
        }
        throw new InputFileException(file, 0, problemCount + " problems:\n  " + String.join("\n  ", problems) + more);
      }
      return receptors;
    }

    private Row row(Line l, Map<String, Integer> columns, AltitudeReference inferred) {
      int before = problemCount;
      Instant time = null;
      String t = l.fields.get(columns.get("time")).strip();
      try {
        time = ReceptorTime.parse(t);
      } catch (StiltException e) {
        problem(l.number, e.getMessage());
      }
      double lon = number(l, columns, "long");
      double lat = number(l, columns, "lati");
      double z = number(l, columns, "z");
      AltitudeReference ref = inferred;
      if (columns.containsKey("altitude_ref")) {
        String r = l.fields.get(columns.get("altitude_ref")).strip();
        try {
          ref = AltitudeReference.parse(r);
        } catch (StiltException e) {
          problem(l.number, "altitude_ref must be agl or msl, got '" + r + "'");
        }
      }
      String group = columns.containsKey("r_idx") ? l.fields.get(columns.get("r_idx")).strip() : null;
      if (group != null && group.isEmpty()) {
        problem(l.number, "r_idx is empty; give every row the index of the receptor it belongs to");
      }
      return problemCount == before ? new Row(l.number, time, lon, lat, z, ref, group) : null;
    }

    private double number(Line l, Map<String, Integer> columns, String column) {
      String v = l.fields.get(columns.get(column)).strip();
      if (v.isEmpty()) {
        problem(l.number, describe(column) + " is empty");
        return Double.NaN;
      }
      try {
        double d = PyFloat.parse(v);
        if (!Double.isFinite(d)) {
          problem(l.number, describe(column) + " must be a finite number, got '" + v + "'");
        }
        return d;
      } catch (NumberFormatException e) {
        problem(l.number, describe(column) + " must be a number, got '" + v + "'");
        return Double.NaN;
      }
    }

    private List<Receptor> points(List<Row> rows) {
      List<Receptor> out = new ArrayList<>();
      for (Row r : rows) {
        try {
          out.add(new PointReceptor(r.time, r.lon, r.lat, r.z, r.ref));
        } catch (StiltException e) {
          problem(r.line, e.getMessage());
        }
      }
      return out;
    }

    private List<Receptor> grouped(List<Row> rows) {
      boolean numeric = rows.stream().allMatch(r -> PyFloat.isFloat(r.group));
      Map<Object, List<Row>> groups = new LinkedHashMap<>();
      for (Row r : rows) {
        // pandas reads an all-numeric r_idx column as numbers, so "1" and "1.0" are one group
        Object key = numeric ? (Object) (PyFloat.parse(r.group) + 0.0) : r.group;
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
      List<Receptor> out = new ArrayList<>();
      for (List<Row> g : groups.values()) {
        Row first = g.get(0);
        boolean ok = true;
        for (Row r : g.subList(1, g.size())) {
          if (!r.time.equals(first.time)) {
            problem(r.line, "r_idx " + r.group + ": time " + ReceptorTime.isoformat(r.time, ' ')
                + " differs from line " + first.line + " (" + ReceptorTime.isoformat(first.time, ' ')
                + "); all rows of one receptor share its time");
            ok = false;
          }
          if (r.ref != first.ref) {
            problem(r.line, "r_idx " + r.group + ": altitude_ref " + r.ref.label() + " differs from line "
                + first.line + " (" + first.ref.label() + "); all rows of one receptor share it");
            ok = false;
          }
        }
        if (!ok) {
          continue;
        }
        List<ReleasePoint> pts = g.stream().map(r -> new ReleasePoint(r.lon, r.lat, r.z)).toList();
        try {
          out.add(Receptor.fromPoints(first.time, pts, first.ref));
        } catch (StiltException e) {
          String lines = g.size() == 1 ? "" : " (rows on lines " + g.stream().map(r -> Integer.toString(r.line))
              .reduce((a, b) -> a + ", " + b).orElse("") + ")";
          problem(first.line, (g.size() > 1 ? "r_idx " + first.group + ": " : "") + e.getMessage() + lines);
        }
      }
      return out;
    }

    /** A parsed CSV line: its 1-based line number and fields. */
    private record Line(int number, List<String> fields) {}

    /** RFC 4180 fields; skips blank lines and lines whose first non-blank character is {@code #}. */
    private List<Line> lines() {
      List<Line> out = new ArrayList<>();
      int pos = 0;
      int lineNo = 1;
      int n = text.length();
      while (pos < n) {
        int start = lineNo;
        int eol = pos;
        while (eol < n && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
          eol++;
        }
        String first = text.substring(pos, eol).strip();
        if (first.isEmpty() || first.startsWith("#")) {
          pos = skipNewline(eol);
          lineNo++;
          continue;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
          if (pos >= n) {
            if (quoted) {
              throw new InputFileException(file, start, "a quoted field is never closed (missing \")");
            }
            break;
          }
          char c = text.charAt(pos);
          if (quoted) {
            if (c == '"') {
              if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                f.append('"');
                pos += 2;
                continue;
              }
              quoted = false;
              pos++;
              continue;
            }
            if (c == '\n' || (c == '\r' && !(pos + 1 < n && text.charAt(pos + 1) == '\n'))) {
              lineNo++;
            }
            f.append(c);
            pos++;
            continue;
          }
          if (c == '"' && f.toString().isBlank() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            f.setLength(0);
            pos++;
            continue;
          }
          if (c == ',') {
            fields.add(f.toString());
            f.setLength(0);
            wasQuoted = false;
            pos++;
            continue;
          }
          if (c == '\n' || c == '\r') {
            break;
          }
          f.append(c);
          pos++;
        }
        fields.add(f.toString());
        out.add(new Line(start, fields));
        pos = skipNewline(pos);
        lineNo++;
      }
      return out;
    }

    private int skipNewline(int pos) {
      if (pos < text.length() && text.charAt(pos) == '\r') {
        pos++;
      }
      if (pos < text.length() && text.charAt(pos) == '\n') {
        pos++;
      }
      return pos;
    }
  }

  private static String describe(String column) {
    return switch (column) {
      case "lati" -> "latitude";
      case "long" -> "longitude";
      case "z" -> "altitude";
      default -> column;
    };
  }
}
