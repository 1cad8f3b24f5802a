package org.jstilt.io.particles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.io.InputFileException;

/** The particle-table file formats JSTILT reads, and how to tell them apart. */
public enum ParticleFormat {
  /** A CSV table with a header line ({@code .csv}, {@code .csv.gz}). */
  CSV,
  /** A trajectory Parquet file ({@code <sim_id>_traj.parquet}). */
  PARQUET,
  /** hycs_std's {@code PARTICLE_STILT.DAT} (plain or gzip): a header line, then whitespace-separated numbers. */
  HYSPLIT_DAT;

  /**
   * Recognises the format of {@code file} from its first bytes: Parquet by its {@code PAR1} magic; after
   * gunzipping if needed, CSV when the first line holds a comma, {@code PARTICLE_STILT.DAT} when it holds
   * only whitespace-separated numbers. The file name is only used to word the error when neither fits.
   */
  public static ParticleFormat detect(Path file) {
    byte[] head;
    try (InputStream in = ParticleCsvReader.open(file)) {
      head = in.readNBytes(4096);
    } catch (NoSuchFileException e) {
      throw new InputFileException(file, "file not found");
    } catch (IOException e) {
      throw new StiltException(ErrorCode.INPUT, "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
      return PARQUET;
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String first = text.strip().lines().findFirst().orElse("");
    if (first.isEmpty()) {
      throw new InputFileException(file, "the file is empty; expected a particle table (CSV with a header, "
          + "trajectory Parquet or PARTICLE_STILT.DAT)");
    }
    if (first.indexOf(',') >= 0) {
      return CSV;
    }
    if (first.matches("[\\s0-9eEdD.+-]+")) {
      return HYSPLIT_DAT;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    throw new InputFileException(
        file, "cannot tell what kind of particle table this is" + (name.contains(".") ? " (despite its name)" : "")
            + ": expected CSV with a header line such as 'time,indx,long,lati,foot', a trajectory Parquet file, "
            + "or hycs_std's PARTICLE_STILT.DAT; the first line is '" + abbreviate(first) + "'");
  }

  private static String abbreviate(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
  }
}
