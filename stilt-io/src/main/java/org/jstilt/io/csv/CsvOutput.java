package org.jstilt.io.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.jstilt.io.AtomicFile;

/** Writes a text file atomically, gzip-compressed when the target name ends in {@code .gz}. */
final class CsvOutput {
  private CsvOutput() {}

  /** Writes through a buffered UTF-8 writer. */
  interface Body {
    void write(Writer out) throws IOException;
  }

  static void write(Path target, Body body) {
    boolean gz = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    AtomicFile.write(target, tmp -> {
      try (OutputStream raw = Files.newOutputStream(tmp);
          OutputStream os = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
          Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
        body.write(w);
      }
    });
  }
}
