package org.jstilt.transport.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reference ensemble's envelope.csv: metric → [hour-1] → {mean, sd, min, max}. */
final class Envelope {
  final Map<String, double[][]> stats = new HashMap<>();
  final int hours;

  Envelope(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] head = lines.get(0).replace("\"", "").split(",");
    hours = lines.size() - 1;
    for (int h = 0; h < hours; h++) {
      String[] f = lines.get(h + 1).split(",");
      for (int c = 1; c < head.length; c++) {
        String name = head[c];
        for (String suffix : new String[] {"_mean", "_sd", "_min", "_max"}) {
          if (name.endsWith(suffix)) {
            String metric = name.substring(0, name.length() - suffix.length());
            double[][] s = stats.computeIfAbsent(metric, k -> new double[hours][4]);
            int which = suffix.equals("_mean") ? 0 : suffix.equals("_sd") ? 1 : suffix.equals("_min") ? 2 : 3;
            s[h][which] = f[c].equals("NA") ? Double.NaN : Double.parseDouble(f[c]);
          }
        }
      }
    }
  }
}
