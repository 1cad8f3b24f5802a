package org.jstilt.met.arl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of an ARL index ({@code INDX}) record: the fixed header (model, forecast hour, minutes, the
 * twelve map values, NX NY NZ, vertical flag, header length) followed by, per level, the level value and
 * variable count and, per variable, its name and the checksum of its record in this period.
 *
 * <p>Header text longer than one record's data part continues in the data part of the next record(s):
 * {@code NNDX = LENH / (nx·ny) + 1} index records per period (HYSPLIT {@code PAKSET}).
 */
final class ArlIndexRecord {
  /** Fixed part of the header, standard form: {@code (A4, I3, I2, 12F7, 3I3, I2, I4)}. */
  static final int FIXED_LENGTH = 108;

  /** Fixed part with {@code 'X'} in column 105 and a 5-digit length (header longer than 9999). */
  static final int EXTENDED_FIXED_LENGTH = 110;

  /** The decoded fixed part. */
  record Fixed(
      String model,
      int forecastHour,
      int minutes,
      double[] map,
      int nx3,
      int ny3,
      int nz,
      int verticalFlag,
      int headerLength,
      int fixedLength) {}

  private ArlIndexRecord() {}

  static Fixed parseFixed(byte[] b, int offset) {
    String s = new String(b, offset, EXTENDED_FIXED_LENGTH, StandardCharsets.ISO_8859_1);
    boolean extended = s.charAt(104) == 'X';
    String model = s.substring(0, 4).trim();
    int fh = FortranText.parseInt(s.substring(4, 7));
    int mn = FortranText.parseInt(s.substring(7, 9));
    double[] map = new double[12];
    for (int k = 0; k < 12; k++) {
      map[k] = FortranText.parseReal(s.substring(9 + 7 * k, 16 + 7 * k), 0);
    }
    int nx = FortranText.parseInt(s.substring(93, 96));
    int ny = FortranText.parseInt(s.substring(96, 99));
    int nz = FortranText.parseInt(s.substring(99, 102));
    int flag = FortranText.parseInt(s.substring(102, 104));
    int lenh;
    if (extended) {
      lenh = FortranText.parseInt(s.substring(105, 110));
    } else {
      lenh = FortranText.parseInt(s.substring(104, 108));
      if (lenh < 0) {
        // Writers that only had I4 store lengths above 9999 as negative numbers.
        lenh = -lenh + 10000;
      }
    }
    return new Fixed(model, fh, mn, map, nx, ny, nz, flag, lenh, extended ? EXTENDED_FIXED_LENGTH : FIXED_LENGTH);
  }

  /** The levels and checksums that follow the fixed part; {@code header} is the full LENH text. */
  record Levels(List<ArlLevel> levels, int[][] checksums) {}

  static Levels parseLevels(String header, int fixedLength, int nz, boolean sixteenBit) {
    int entry = sixteenBit ? 10 : 8;
    int checksumWidth = sixteenBit ? 5 : 3;
    int kol = fixedLength;
    List<ArlLevel> levels = new ArrayList<>(nz);
    int[][] checksums = new int[nz][];
    for (int l = 0; l < nz; l++) {
      double value = FortranText.parseReal(header.substring(kol, kol + 6), 2);
      int nvar = FortranText.parseInt(header.substring(kol + 6, kol + 8));
      if (nvar < 0) {
        throw new IllegalArgumentException("level " + l + " lists " + nvar + " variables");
      }
      kol += 8;
      List<String> names = new ArrayList<>(nvar);
      checksums[l] = new int[nvar];
      for (int k = 0; k < nvar; k++) {
        names.add(header.substring(kol, kol + 4).trim());
        String cs = header.substring(kol + 4, kol + 4 + checksumWidth);
        int sum;
        try {
          sum = FortranText.parseInt(cs);
        } catch (NumberFormatException e) {
          sum = -1; // HYSPLIT treats an unreadable checksum as "not recorded"
        }
        checksums[l][k] = sum;
        kol += entry;
      }
      levels.add(new ArlLevel(l, value, names));
    }
    return new Levels(levels, checksums);
  }

  /** Header length for a grid: 108 + per level 8 + 8 per variable (10 for 16-bit). */
  static int headerLength(ArlGrid grid) {
    int entry = grid.sixteenBit() ? 10 : 8;
    int n = FIXED_LENGTH;
    for (ArlLevel l : grid.levels()) {
      n += 8 + entry * l.variables().size();
    }
    return n;
  }

  /** Writes the full header text (HYSPLIT {@code PAKNDX} formats). */
  static String format(ArlGrid grid, int forecastHour, int minutes, int[][] checksums) {
    int lenh = headerLength(grid);
    if (lenh > 9999) {
      throw new IllegalArgumentException(
          "index header of " + lenh + " characters exceeds the 9999 the standard header can state; use fewer levels or variables");
    }
    StringBuilder sb = new StringBuilder(lenh);
    sb.append(FortranText.formatChars(grid.model(), 4));
    sb.append(FortranText.formatInt(forecastHour, 3));
    sb.append(FortranText.formatInt(minutes, 2));
    for (double v : grid.map().toArray()) {
      sb.append(formatMapValue(v));
    }
    sb.append(FortranText.formatInt(grid.nx() % 1000, 3));
    sb.append(FortranText.formatInt(grid.ny() % 1000, 3));
    sb.append(FortranText.formatInt(grid.nz(), 3));
    sb.append(FortranText.formatInt(grid.verticalCoordinate().flag(), 2));
    sb.append(FortranText.formatInt(lenh, 4));
    boolean sixteen = grid.sixteenBit();
    for (ArlLevel level : grid.levels()) {
      sb.append(formatLevelValue(level.value()));
      sb.append(FortranText.formatInt(level.variables().size(), 2));
      for (int k = 0; k < level.variables().size(); k++) {
        sb.append(FortranText.formatChars(level.variables().get(k), 4));
        sb.append(FortranText.formatInt(checksums[level.index()][k], sixteen ? 5 : 3));
        sb.append(' ');
      }
    }
    if (sb.length() != lenh) {
      throw new IllegalStateException("index header length " + sb.length() + " != " + lenh);
    }
    return sb.toString();
  }

  /** PAKNDX: F7 with as many decimals as fit the magnitude. */
  static String formatMapValue(double v) {
    int decimals;
    if (v >= 1000) {
      decimals = 2;
    } else if (v >= 100) {
      decimals = 3;
    } else if (v >= 10) {
      decimals = 4;
    } else if (v >= 1) {
      decimals = 5;
    } else if (v >= 0) {
      decimals = 6;
    } else if (v > -1) {
      decimals = 5;
    } else if (v > -10) {
      decimals = 4;
    } else if (v > -100) {
      decimals = 3;
    } else if (v > -1000) {
      decimals = 2;
    } else {
      throw new IllegalArgumentException("map value " + v + " is below -1000 and cannot be written in F7");
    }
    String s = FortranText.formatFixed(v, 7, decimals);
    return s;
  }

  /** PAKNDX: F6 with as many decimals as fit the level value. */
  static String formatLevelValue(double z) {
    int decimals;
    if (z >= 10000) {
      decimals = 0;
    } else if (z >= 1000) {
      decimals = 1;
    } else if (z >= 100) {
      decimals = 2;
    } else if (z >= 10) {
      decimals = 3;
    } else if (z >= 1) {
      decimals = 4;
    } else {
      decimals = 5;
    }
    return FortranText.formatFixed(z, 6, decimals);
  }
}
