package org.jstilt.met.arl;

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
 * <p>Values are accumulated in double. HYSPLIT accumulates in single precision; the difference is below
 * 1e-7 relative, far below the packing step.
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
    double column = var1;
    for (int j = 0; j < ny; j++) {
      int row = j * nx;
      column += ((src[offset + row] & 0xFF) - 127) * step;
      dst[row] = column;
      double running = column;
      for (int i = 1; i < nx; i++) {
        running += ((src[offset + row + i] & 0xFF) - 127) * step;
        dst[row + i] = Math.abs(running) < prec ? 0.0 : running;
      }
    }
  }

  /** Decodes a 16-bit field (two bytes per point, low byte first) into {@code dst[j*nx + i]}. */
  public static void unpack16(
      byte[] src, int offset, int nx, int ny, int nexp, double prec, double var1, double[] dst) {
    final double step = Math.scalb(1.0, nexp - 15);
    double column = var1;
    for (int j = 0; j < ny; j++) {
      int row = j * nx;
      column += (word(src, offset + 2 * row) - 32767) * step;
      dst[row] = column;
      double running = column;
      for (int i = 1; i < nx; i++) {
        running += (word(src, offset + 2 * (row + i)) - 32767) * step;
        dst[row + i] = Math.abs(running) < prec ? 0.0 : running;
      }
    }
  }

  private static int word(byte[] src, int at) {
    return (src[at] & 0xFF) | ((src[at + 1] & 0xFF) << 8);
  }

  /** HYSPLIT's rotating checksum of {@code n} packed bytes: add each byte, fold carries past 255 back in. */
  public static int checksum8(byte[] src, int offset, int n) {
    int sum = 0;
    for (int k = offset, end = offset + n; k < end; k++) {
      sum += src[k] & 0xFF;
      if (sum >= 256) {
        sum -= 255;
      }
    }
    return sum;
  }

  /** The 16-bit variant: add each 16-bit word, fold carries past 65535 back in. */
  public static int checksum16(byte[] src, int offset, int points) {
    int sum = 0;
    for (int k = 0; k < points; k++) {
      sum += word(src, offset + 2 * k);
      if (sum >= 65536) {
        sum -= 65535;
      }
    }
    return sum;
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
    double var1 = FortranText.parseReal(FortranText.formatE14_7(values[0]), 7);
    double step = Math.scalb(1.0, nexp - bits);
    double inverseStep = Math.scalb(1.0, bits - nexp);

    byte[] data = new byte[nx * ny * (sixteenBit ? 2 : 1)];
    int checksum = 0;
    double column = var1;
    for (int j = 0; j < ny; j++) {
      double running = column;
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        double target = values[k];
        int code = (int) Math.floor((target - running) * inverseStep + offsetCode + 0.5);
        if (code < 0 || code > maxCode) {
          return null;
        }
        if (i > 0) {
          code = closestDecoded(code, running, target, step, precision, offsetCode, maxCode);
        }
        running += (code - offsetCode) * step;
        if (i == 0) {
          column = running;
        }
        if (sixteenBit) {
          data[2 * k] = (byte) (code & 0xFF);
          data[2 * k + 1] = (byte) (code >>> 8);
          checksum += code;
          if (checksum >= 65536) {
            checksum -= 65535;
          }
        } else {
          data[k] = (byte) code;
          checksum += code;
          if (checksum >= 256) {
            checksum -= 255;
          }
        }
      }
    }
    return new Packed(data, nexp, precision, var1, checksum);
  }

  /** Among code-1, code, code+1, the one whose decoded value (precision rule applied) is nearest the target. */
  private static int closestDecoded(
      int code, double running, double target, double step, double precision, int offsetCode, int maxCode) {
    int best = code;
    double bestError = Math.abs(decoded(running + (code - offsetCode) * step, precision) - target);
    for (int c = code - 1; c <= code + 1; c += 2) {
      if (c < 0 || c > maxCode) {
        continue;
      }
      double error = Math.abs(decoded(running + (c - offsetCode) * step, precision) - target);
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
