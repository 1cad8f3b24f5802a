package org.jstilt.met.arl;

import java.math.BigDecimal;

/**
 * The ARL packing: each 2-D field is stored as one byte (or, for a few models, two bytes) per grid point
 * holding the <em>difference</em> from the previous point, scaled by a power of two.
 *
 * <p>Layout (HYSPLIT {@code PAKOUT}/{@code PAKINP}): point (i, j), 0-based, is byte {@code j*nx + i} (i fastest,
 * j from south to north). The first column is a running sum northward starting at {@code var1}; every row
 * is then a running sum eastward starting at its first-column value. With {@code step = 2^(nexp-7)}
 * (8-bit) a byte {@code b} adds {@code (b - 127) * step}; 16-bit uses {@code step = 2^(nexp-15)} and offset
 * 32767 with the low byte first.
 *
 * <p>The precision rule: a value off the first column whose magnitude is below {@code prec} is stored as
 * exactly 0, but the running sum continues with the unrounded value (so zeros do not accumulate error).
 *
 * <p>Decoded values are {@code var1 + n·step} with the whole number n of steps summed exactly, i.e. the exact
 * result of the running sums rounded once to double. HYSPLIT accumulates in single precision; the difference
 * is below 1e-7 relative, far below the packing step.
 */
public final class ArlPacking {
  private ArlPacking() {}

  /**
   * Decodes an 8-bit field into {@code dst[j*nx + i]}.
   *
   * @param src the packed bytes, starting at {@code offset}, {@code nx*ny} of them
   */
  public static void unpack8(
      byte[] src, int offset, int nx, int ny, int nexp, double prec, double var1, double[] dst) {
    final double step = Math.scalb(1.0, nexp - 7);
    // The running sums are kept as whole numbers of steps: value = var1 + steps·step is what the sequential
    // sums give in exact arithmetic, with one rounding instead of one per grid point, and the integer chain
    // does not serialise on floating-point latency. |steps| <= 128 (nx + ny), so an int holds it.
    int column = 0;
    for (int j = 0; j < ny; j++) {
      int row = j * nx;
      int base = offset + row;
      column += (src[base] & 0xFF) - 127;
      dst[row] = var1 + column * step;
      int steps = column;
      for (int i = 1; i < nx; i++) {
        steps += (src[base + i] & 0xFF) - 127;
        double v = var1 + steps * step;
        dst[row + i] = Math.abs(v) < prec ? 0.0 : v;
      }
    }
  }

  /** Decodes a 16-bit field (two bytes per point, low byte first) into {@code dst[j*nx + i]}. */
  public static void unpack16(
      byte[] src, int offset, int nx, int ny, int nexp, double prec, double var1, double[] dst) {
    final double step = Math.scalb(1.0, nexp - 15);
    long column = 0;
    for (int j = 0; j < ny; j++) {
      int row = j * nx;
      column += word(src, offset + 2 * row) - 32767;
      dst[row] = var1 + column * step;
      long steps = column;
      for (int i = 1; i < nx; i++) {
        steps += word(src, offset + 2 * (row + i)) - 32767;
        double v = var1 + steps * step;
        dst[row + i] = Math.abs(v) < prec ? 0.0 : v;
      }
    }
  }

  /**
   * Decodes only the window {@code [i0, i0 + wnx) × [j0, j0 + wny)} (0-based) of a packed field into
   * {@code dst[jw*wnx + iw]}, with exactly the values {@link #unpack8}/{@link #unpack16} give there. The differences
   * still have to be summed from the start of every row up to the window's last column, and the first column of
   * every row up to the window's last row, but nothing else is touched and no whole-grid array is allocated.
   */
  public static void unpackWindow(boolean sixteenBit, byte[] src, int offset, int nx, int ny, int nexp, double prec,
      double var1, int i0, int j0, int wnx, int wny, double[] dst) {
    if (i0 < 0 || j0 < 0 || wnx < 1 || wny < 1 || i0 + wnx > nx || j0 + wny > ny) {
      throw new IllegalArgumentException("window " + i0 + "," + j0 + " " + wnx + "x" + wny + " outside " + nx + "x" + ny);
    }
    final double step = Math.scalb(1.0, nexp - (sixteenBit ? 15 : 7));
    final int bias = sixteenBit ? 32767 : 127;
    long column = 0;
    int iEnd = i0 + wnx;
    for (int j = 0; j < j0 + wny; j++) {
      int row = j * nx;
      column += (sixteenBit ? word(src, offset + 2 * row) : src[offset + row] & 0xFF) - bias;
      if (j < j0) {
        continue;
      }
      int out = (j - j0) * wnx - i0;
      long steps = column;
      if (i0 == 0) {
        dst[out] = var1 + column * step;
      }
      for (int i = 1; i < iEnd; i++) {
        steps += (sixteenBit ? word(src, offset + 2 * (row + i)) : src[offset + row + i] & 0xFF) - bias;
        if (i >= i0) {
          double v = var1 + steps * step;
          dst[out + i] = Math.abs(v) < prec ? 0.0 : v;
        }
      }
    }
  }

  private static int word(byte[] src, int at) {
    return (src[at] & 0xFF) | ((src[at + 1] & 0xFF) << 8);
  }

  /**
   * HYSPLIT's rotating checksum of {@code n} packed bytes: add each byte, and whenever the sum reaches 256
   * subtract 255. The sum never returns to 0 once positive and stays congruent to the plain byte sum modulo
   * 255, so it equals {@code (sum - 1) mod 255 + 1} (0 for an all-zero record); computed that way the loop
   * has no carried branch.
   */
  public static int checksum8(byte[] src, int offset, int n) {
    long sum = 0;
    for (int k = offset, end = offset + n; k < end; k++) {
      sum += src[k] & 0xFF;
    }
    return sum == 0 ? 0 : (int) ((sum - 1) % 255 + 1);
  }

  /** The 16-bit variant: add each 16-bit word, subtract 65535 whenever the sum reaches 65536. */
  public static int checksum16(byte[] src, int offset, int points) {
    long sum = 0;
    for (int k = 0; k < points; k++) {
      sum += word(src, offset + 2 * k);
    }
    return sum == 0 ? 0 : (int) ((sum - 1) % 65535 + 1);
  }

  /**
   * A packed field ready to write: the data bytes and the label values that go with them.
   *
   * @param data the packed bytes ({@code nx*ny} or {@code 2*nx*ny})
   * @param nexp the scaling exponent (label {@code NEXP})
   * @param precision the precision as written to the label (E14.7, re-read)
   * @param var1 the value at (1,1) as written to the label (E14.7, re-read)
   * @param checksum the rotating checksum for the index record
   */
  public record Packed(byte[] data, int nexp, double precision, double var1, int checksum) {}

  /**
   * Packs a field as HYSPLIT's {@code PAKOUT} does, with two refinements that only make decoded values
   * closer to the input: the running sum starts from {@code var1} exactly as it will be read back from the
   * label (E14.7), and where the precision rule applies the byte whose <em>decoded</em> value is closest is
   * chosen (so a stored zero stays zero).
   *
   * @param values {@code values[j*nx + i]}
   * @param minNexp the exponent to try first ({@link Integer#MIN_VALUE} to compute it as PAKOUT does).
   *     Passing the exponent a field was read with reproduces its values exactly, because decoded values are
   *     multiples of that step; a larger exponent is used when the field does not fit.
   * @param sixteenBit two bytes per point instead of one
   */
  public static Packed pack(double[] values, int nx, int ny, int minNexp, boolean sixteenBit) {
    if (values.length < nx * ny) {
      throw new IllegalArgumentException("field has " + values.length + " values, grid needs " + nx * ny);
    }
    double rmax = 0.0;
    double previous = values[0];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double v = values[j * nx + i];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("non-finite value " + v + " at grid point (" + (i + 1) + "," + (j + 1) + ")");
        }
        rmax = Math.max(Math.abs(v - previous), rmax);
        previous = v;
      }
      previous = values[j * nx];
    }
    // PAKOUT: NEXP = int(log2 rmax) rounded so that rmax < 2^NEXP, i.e. floor(log2 rmax) + 1; 1 for rmax = 0.
    int nexp = rmax == 0.0 ? 1 : Math.getExponent(rmax) + 1;
    if (rmax == 0.0 && values[0] != 0.0) {
      // A constant field: every byte is 127 whatever the exponent, but PAKOUT's NEXP = 1 gives a precision of
      // 2/254, and a constant smaller than that (humidity, say) would decode as 0 everywhere except the first
      // column. Tie the precision to the value instead.
      nexp = Math.getExponent(Math.abs(values[0])) - 1;
    }
    if (minNexp != Integer.MIN_VALUE) {
      // A field decoded from ARL can have a difference of exactly 128 steps (byte 255) where the writer's
      // running sum caught up, so the rule above may ask for one exponent more than the data was written
      // with; the hint is tried first and kept whenever every difference fits.
      nexp = minNexp;
    }
    Packed packed = packWith(values, nx, ny, nexp, sixteenBit);
    while (packed == null) {
      // Only when the running sum drifts past the last code (PAKOUT would wrap the byte): one step coarser.
      nexp++;
      packed = packWith(values, nx, ny, nexp, sixteenBit);
    }
    return packed;
  }

  /** Packs with a fixed exponent; null if some difference does not fit the code range. */
  private static Packed packWith(double[] values, int nx, int ny, int nexp, boolean sixteenBit) {
    int bits = sixteenBit ? 15 : 7;
    int offsetCode = sixteenBit ? 32767 : 127;
    int maxCode = sixteenBit ? 65535 : 255;
    double precision =
        FortranText.parseReal(FortranText.formatE14_7(Math.scalb(1.0, nexp) / (2.0 * offsetCode)), 7);
    double step = Math.scalb(1.0, nexp - bits);
    double var1 = anchor(values[0], step);
    double inverseStep = Math.scalb(1.0, bits - nexp);

    byte[] data = new byte[nx * ny * (sixteenBit ? 2 : 1)];
    long sum = 0;
    long column = 0;
    for (int j = 0; j < ny; j++) {
      long steps = column;
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        double target = values[k];
        // the value the reader will rebuild so far, with exactly the reader's arithmetic
        double running = var1 + steps * step;
        int code = (int) Math.floor((target - running) * inverseStep + offsetCode + 0.5);
        if (code < 0 || code > maxCode) {
          return null;
        }
        if (i > 0) {
          code = closestDecoded(code, var1, steps, target, step, precision, offsetCode, maxCode);
        }
        steps += code - offsetCode;
        if (i == 0) {
          column = steps;
        }
        if (sixteenBit) {
          data[2 * k] = (byte) (code & 0xFF);
          data[2 * k + 1] = (byte) (code >>> 8);
        } else {
          data[k] = (byte) code;
        }
        sum += code;
      }
    }
    int modulus = sixteenBit ? 65535 : 255;
    int checksum = sum == 0 ? 0 : (int) ((sum - 1) % modulus + 1);
    return new Packed(data, nexp, precision, var1, checksum);
  }

  /** How far (in steps) from the (1,1) value the label's VAR1 may lie: the (1,1) byte must bridge the gap. */
  private static final int MAX_ANCHOR_STEPS = 127;

  /**
   * The label's VAR1: the value nearest to {@code v0} among {@code v0 + k·step} (|k| <= 127) that equal
   * their sum exactly and that E14.7 writes and reads back unchanged; the (1,1) byte then adds {@code -k}
   * steps. The reader rebuilds every point as {@code VAR1 + n·step}, so values that lie on the lattice of
   * {@code v0} (a field decoded from ARL with this step, such as a crop whose (1,1) point is not the
   * source's) come back bit for bit, where the 7-digit rounding of {@code v0} itself would shift the whole
   * field by up to half a step. Without such a value, the 7-digit rounding of {@code v0} as PAKOUT writes it.
   */
  static double anchor(double v0, double step) {
    BigDecimal exact = new BigDecimal(v0);
    BigDecimal stepExact = new BigDecimal(step);
    for (int k = 0; k <= MAX_ANCHOR_STEPS; k++) {
      for (int sign = 1; sign >= -1; sign -= 2) {
        double c = v0 + sign * k * step;
        if (Double.isFinite(c)
            && new BigDecimal(c).compareTo(exact.add(stepExact.multiply(BigDecimal.valueOf((long) sign * k)))) == 0
            && FortranText.parseReal(FortranText.formatE14_7(c), 7) == c) {
          return c;
        }
        if (k == 0) {
          break;
        }
      }
    }
    return FortranText.parseReal(FortranText.formatE14_7(v0), 7);
  }

  /** Among code-1, code, code+1, the one whose decoded value (precision rule applied) is nearest the target. */
  private static int closestDecoded(
      int code, double var1, long steps, double target, double step, double precision, int offsetCode, int maxCode) {
    int best = code;
    double bestError = Math.abs(decoded(var1 + (steps + code - offsetCode) * step, precision) - target);
    for (int c = code - 1; c <= code + 1; c += 2) {
      if (c < 0 || c > maxCode) {
        continue;
      }
      double error = Math.abs(decoded(var1 + (steps + c - offsetCode) * step, precision) - target);
      if (error < bestError) {
        best = c;
        bestError = error;
      }
    }
    return best;
  }

  private static double decoded(double running, double precision) {
    return Math.abs(running) < precision ? 0.0 : running;
  }
}
