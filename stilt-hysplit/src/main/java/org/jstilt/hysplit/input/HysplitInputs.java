package org.jstilt.hysplit.input;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.config.HysplitNamelist;
import org.jstilt.core.config.HysplitParameter;
import org.jstilt.core.config.StiltParams;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.jstilt.core.text.RFormat;

/**
 * The text of hycs_std's input files, byte-identical to what R-STILT writes for the same receptor, parameters
 * and met files (R-STILT {@code write_control}, {@code write_setup}, {@code write_zicontrol},
 * {@code write_winderr}, {@code write_zierr}; uataq/stilt @0e290a6).
 *
 * <p>Every file is a list of lines, each ended by {@code \n} (R's {@code write()}). Numbers are formatted as
 * R does ({@link RFormat}, {@link HysplitParameter#format}); which SETUP.CFG keys appear and in which order is
 * {@link HysplitNamelist#setup}.
 *
 * <p><b>CONTROL</b>, line by line: the release time {@code yy mm dd HH MM} (UTC, seconds dropped); the number of
 * release points; one {@code lat lon height} line per point ({@code as.character}, so {@code 40.77 -111.85 5}) —
 * a column receptor is its bottom then its top at the same position, which hycs_std reads as a vertical line
 * source; {@code n_hours}; {@code w_option}; {@code z_top} with one decimal; the number of met files and for each
 * its directory followed by {@code "/ "} (R's {@code paste0(dirname, '/ ')}, trailing blank included) and its name
 * on the next line; the pollutant block {@code 1, test, 1, emisshrs, 00 00 00 00 00}; the dummy
 * concentration-grid block and the deposition block, both fixed text.
 */
public final class HysplitInputs {
  private HysplitInputs() {}

  /** The fixed tail of CONTROL after {@code emisshrs}: release start, concentration grid, deposition. */
  private static final List<String> CONTROL_TAIL = List.of(
      "00 00 00 00 00",
      "1", "0.0 0.0", "0.5 0.5", "30.0 30.0", "./", "cdump", "1", "100",
      "00 00 00 00 00", "00 00 00 00 00", "00 2 00",
      "1", "0.0 0.0 0.0", "0.0 0.0 0.0 0.0 0.0", "0.0 0.0 0.0", "0.0", "0.0");

  /**
   * CONTROL's text.
   *
   * @param metFiles the met files in the order hycs_std should read them; each is written as its parent
   *     directory and its file name (a bare file name is written with directory {@code .})
   */
  public static String control(Receptor receptor, StiltParams params, List<Path> metFiles) {
    if (metFiles.isEmpty()) {
      throw new StiltException(ErrorCode.INTERNAL, "CONTROL needs at least one met file");
    }
    List<String> lines = new ArrayList<>();
    LocalDateTime t = LocalDateTime.ofInstant(receptor.time(), ZoneOffset.UTC);
    lines.add(String.format(Locale.ROOT, "%02d %02d %02d %02d %02d", t.getYear() % 100, t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute()));
    List<ReleasePoint> points = receptor.releasePoints();
    lines.add(Integer.toString(points.size()));
    for (ReleasePoint p : points) {
      lines.add(RFormat.asCharacter(p.latDeg()) + " " + RFormat.asCharacter(p.lonDeg()) + " "
          + RFormat.asCharacter(p.altitudeM()));
    }
    lines.add(HysplitParameter.N_HOURS.format(params.model().nHours()));
    lines.add(HysplitParameter.W_OPTION.format(params.transport().wOption()));
    lines.add(HysplitParameter.Z_TOP.format(params.transport().zTop()));
    lines.add(Integer.toString(metFiles.size()));
    for (Path f : metFiles) {
      Path name = f.getFileName();
      if (name == null) {
        throw new StiltException(ErrorCode.INTERNAL, "met file path without a file name: " + f);
      }
      Path parent = f.getParent();
      lines.add((parent == null ? "." : parent.toString()) + "/ ");
      lines.add(name.toString());
    }
    lines.add("1");
    lines.add("test");
    lines.add("1");
    lines.add(HysplitParameter.EMISSHRS.format(params.transport().emisshrs()));
    lines.addAll(CONTROL_TAIL);
    return join(lines);
  }

  /**
   * SETUP.CFG's text for a run with the given {@code WINDERRTF} (0 for the main run).
   *
   * @throws org.jstilt.core.config.ConfigException when {@code kmsl} contradicts the receptor's altitude
   *     reference
   */
  public static String setup(Receptor receptor, StiltParams params, int winderrtf) {
    List<String> lines = new ArrayList<>();
    lines.add("$SETUP");
    for (HysplitNamelist.Entry e : HysplitNamelist.setup(params, receptor.altitudeRef(), winderrtf)) {
      lines.add(e.line());
    }
    lines.add("$END");
    return join(lines);
  }

  /** ZICONTROL's text: the number of hourly factors, then one per line. */
  public static String zicontrol(StiltParams params) {
    return join(HysplitNamelist.zicontrol(params));
  }

  /** WINDERR's text (4 lines); empty when no wind errors are configured. */
  public static String winderr(StiltParams params) {
    return join(HysplitNamelist.winderr(params.error()));
  }

  /** ZIERR's text (3 lines); empty when no mixing-height errors are configured. */
  public static String zierr(StiltParams params) {
    return join(HysplitNamelist.zierr(params.error()));
  }

  private static String join(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return sb.toString();
  }
}
