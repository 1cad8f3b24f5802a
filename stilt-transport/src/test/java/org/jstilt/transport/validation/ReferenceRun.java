package org.jstilt.transport.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** A hycs_std reference case (case.json + PARTICLE_STILT.DAT.gz) read for validation tests. */
final class ReferenceRun {
  final Path dir;
  final Instant time;
  final double lon;
  final double lat;
  final double[] altitudes;
  final int nHours;
  final int numpar;
  final List<String> columns;
  final Map<String, double[]> data = new HashMap<>();
  final int rows;
  /** The case's footprint grid (case.json "footprint"), null when the case has none. */
  final org.jstilt.core.footprint.GridSpec footprintGrid;

  ReferenceRun(Path dir) throws IOException {
    this.dir = dir;
    String json = Files.readString(dir.resolve("case.json"));
    time = Instant.parse(str(json, "time"));
    lon = num(json, "longitude");
    lat = num(json, "latitude");
    if (json.contains("\"bottom\"")) {
      altitudes = new double[] {num(json, "bottom"), num(json, "top")};
    } else {
      altitudes = new double[] {num(json, "altitude")};
    }
    nHours = (int) num(json, "n_hours");
    numpar = (int) num(json, "numpar");
    Matcher vw = Pattern.compile("\"varsiwant\":\\s*\\[([^\\]]*)\\]").matcher(json);
    vw.find();
    List<String> cols = new ArrayList<>();
    for (String s : vw.group(1).split(",")) {
      cols.add(s.trim().replace("\"", ""));
    }
    columns = List.copyOf(cols);
    footprintGrid = json.contains("\"footprint\"")
        ? new org.jstilt.core.footprint.GridSpec(num(json, "xmin"), num(json, "xmax"), num(json, "ymin"), num(json, "ymax"),
            num(json, "xres"), num(json, "yres"), org.jstilt.core.footprint.GridSpec.LONGLAT)
        : null;
    List<double[]> rowList = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(dir.resolve("PARTICLE_STILT.DAT.gz"))), StandardCharsets.US_ASCII))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.trim().split("\\s+");
        if (f.length != columns.size()) {
          continue;
        }
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          v[i] = Double.parseDouble(f[i]);
        }
        rowList.add(v);
      }
    }
    rows = rowList.size();
    for (int c = 0; c < columns.size(); c++) {
      double[] col = new double[rows];
      for (int i = 0; i < rows; i++) {
        col[i] = rowList.get(i)[c];
      }
      data.put(columns.get(c), col);
    }
  }

  double[] col(String name) {
    return data.get(name);
  }

  private static String str(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*\"([^\"]*)\"").matcher(json);
    m.find();
    return m.group(1);
  }

  private static double num(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*([-0-9.eE]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + key);
    }
    return Double.parseDouble(m.group(1));
  }
}
