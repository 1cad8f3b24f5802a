package org.jstilt.met.arl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ArlPackingTest {

  /** A 3 x 2 field decoded by hand: first column northward, then each row eastward, step 2^(nexp-7). */
  @Test
  void unpacksCumulativeDifferencesWithThePrecisionRule() {
    int nexp = 3; // step 1/16
    double prec = 0.1;
    double var1 = 1.0;
    byte[] b = {
      (byte) 127, (byte) (127 - 16), (byte) (127 + 1), // row 1: 1.0, 0.0, 0.0625 -> 0 (< prec) carried as 0.0625
      (byte) (127 + 32), (byte) (127 + 2), (byte) (127 - 64) // row 2: 3.0, 3.125, -0.875
    };
    double[] out = new double[6];
    ArlPacking.unpack8(b, 0, 3, 2, nexp, prec, var1, out);
    assertThat(out).containsExactly(1.0, 0.0, 0.0, 3.0, 3.125, -0.875);
    // the zeroed (1,2) value 0.0625 is still carried: a following +2 step gives 0.1875
    byte[] c = {(byte) 127, (byte) (127 - 16), (byte) (127 + 1), (byte) (127 + 2), (byte) 127, (byte) 127, (byte) 127, (byte) 127};
    double[] o2 = new double[8];
    ArlPacking.unpack8(c, 0, 4, 2, nexp, prec, var1, o2);
    assertThat(o2[3]).isEqualTo(0.1875);
    // the first column is never zeroed
    double[] o3 = new double[6];
    ArlPacking.unpack8(new byte[] {127, 127, 127, 127, 127, 127}, 0, 3, 2, nexp, 1.0, 0.05, o3);
    assertThat(o3).containsExactly(0.05, 0.0, 0.0, 0.05, 0.0, 0.0);
  }

  /** A window decodes to exactly the whole-field values there, 8- and 16-bit, at the edges and inside. */
  @Test
  void windowDecodeEqualsTheWholeFieldCropped() {
    java.util.random.RandomGenerator rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(5);
    int nx = 37;
    int ny = 23;
    for (boolean sixteen : new boolean[] {false, true}) {
      byte[] b = new byte[(sixteen ? 2 : 1) * nx * ny + 10];
      for (int i = 0; i < b.length; i++) {
        // small differences around the bias so sums stay in range
        b[i] = (byte) (sixteen && i % 2 == 1 ? 127 : 127 + rng.nextInt(-3, 4));
      }
      double[] full = new double[nx * ny];
      if (sixteen) {
        ArlPacking.unpack16(b, 10, nx, ny, 5, 0.02, -1.5, full);
      } else {
        ArlPacking.unpack8(b, 10, nx, ny, 5, 0.02, -1.5, full);
      }
      int[][] windows = {{0, 0, nx, ny}, {0, 0, 5, 4}, {30, 19, 7, 4}, {11, 7, 9, 6}, {0, 10, 3, 13}, {20, 0, 17, 2}};
      for (int[] w : windows) {
        double[] win = new double[w[2] * w[3]];
        ArlPacking.unpackWindow(sixteen, b, 10, nx, ny, 5, 0.02, -1.5, w[0], w[1], w[2], w[3], win);
        for (int j = 0; j < w[3]; j++) {
          for (int i = 0; i < w[2]; i++) {
            assertThat(win[j * w[2] + i]).as((sixteen ? "16" : "8") + "-bit window " + java.util.Arrays.toString(w)
                + " at " + i + "," + j).isEqualTo(full[(w[1] + j) * nx + w[0] + i]);
          }
        }
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArlPacking.unpackWindow(false, new byte[9], 0, 3, 3, 0,
        0, 0, 2, 2, 2, 2, new double[4])).hasMessageContaining("outside 3x3");
  }

  @Test
  void rotatingChecksumFoldsCarries() {
    byte[] b = {(byte) 200, (byte) 100, (byte) 255};
    // 200; 300 -> 45; 300 -> 45
    assertThat(ArlPacking.checksum8(b, 0, 3)).isEqualTo(45);
    assertThat(ArlPacking.checksum8(new byte[0], 0, 0)).isZero();
  }

  @Test
  void packChoosesPakoutExponentAndDecodesWithinPrecision() {
    double[] v = new double[12 * 10];
    for (int k = 0; k < v.length; k++) {
      v[k] = 280 + 3 * Math.sin(k * 0.7) + k * 0.01;
    }
    ArlPacking.Packed p = ArlPacking.pack(v, 12, 10, Integer.MIN_VALUE, false);
    // max difference between neighbours is < 8 (2^3) and >= 4: NEXP = 3, PREC = 8/254
    assertThat(p.nexp()).isEqualTo(3);
    assertThat(p.precision()).isCloseTo(8.0 / 254, within(5e-9)); // as written in E14.7
    double[] back = new double[v.length];
    ArlPacking.unpack8(p.data(), 0, 12, 10, p.nexp(), p.precision(), p.var1(), back);
    for (int k = 0; k < v.length; k++) {
      assertThat(back[k]).isCloseTo(v[k], within(p.precision()));
    }
    assertThat(p.checksum()).isEqualTo(ArlPacking.checksum8(p.data(), 0, p.data().length));
  }

  @Test
  void constantFieldsPackToOneValue() {
    double[] v = new double[200];
    java.util.Arrays.fill(v, 101325.0 / 100);
    ArlPacking.Packed p = ArlPacking.pack(v, 20, 10, Integer.MIN_VALUE, false);
    assertThat(p.nexp()).isEqualTo(8); // 2^9 <= 1013.25 < 2^10, precision 2^8/254 ~ 1
    double[] back = new double[200];
    ArlPacking.unpack8(p.data(), 0, 20, 10, p.nexp(), p.precision(), p.var1(), back);
    assertThat(back).containsOnly(1013.25);
    // a small constant: PAKOUT's NEXP = 1 (precision 0.0079) would decode 0.005 as 0 off the first column
    java.util.Arrays.fill(v, 0.005);
    ArlPacking.Packed q = ArlPacking.pack(v, 20, 10, Integer.MIN_VALUE, false);
    ArlPacking.unpack8(q.data(), 0, 20, 10, q.nexp(), q.precision(), q.var1(), back);
    assertThat(back).containsOnly(0.005);
  }

  /**
   * A field decoded from ARL whose (1,1) value needs more than the label's 7 digits (a crop's corner, say):
   * VAR1 is put on the field's own lattice a few steps away, so every value comes back bit for bit instead of
   * all of them moving by the 7-digit rounding of the corner value.
   */
  @Test
  void fieldsOnTheirPackingLatticeComeBackExactly() {
    int nexp = 1; // step 1/64
    double step = 1.0 / 64;
    double base = 287.123; // a 7-digit label value
    double[] v = new double[12 * 10];
    for (int k = 0; k < v.length; k++) {
      v[k] = base + (1 + (k * 7) % 23) * step; // (1,1) = 287.138625 needs 9 digits
    }
    assertThat(FortranText.parseReal(FortranText.formatE14_7(v[0]), 7)).isNotEqualTo(v[0]);
    ArlPacking.Packed p = ArlPacking.pack(v, 12, 10, nexp, false);
    assertThat(p.nexp()).isEqualTo(nexp);
    assertThat(p.var1()).isEqualTo(base); // one step below (1,1); the (1,1) byte is 128
    assertThat(p.data()[0] & 0xFF).isEqualTo(128);
    double[] back = new double[v.length];
    ArlPacking.unpack8(p.data(), 0, 12, 10, p.nexp(), p.precision(), p.var1(), back);
    assertThat(back).containsExactly(v);
    // with no 7-digit value on its lattice within 127 steps, VAR1 is PAKOUT's 7-digit rounding of (1,1)
    double odd = Math.PI * 100;
    assertThat(ArlPacking.anchor(odd, 1.0 / 128)).isEqualTo(FortranText.parseReal(FortranText.formatE14_7(odd), 7));
    // a (1,1) value that E14.7 holds exactly is VAR1 itself, as PAKOUT writes it
    assertThat(ArlPacking.anchor(1263.964, 1.0 / 16)).isEqualTo(1263.964);
  }

  @Test
  void sixteenBitRoundTrip() {
    double[] v = new double[15 * 8];
    for (int k = 0; k < v.length; k++) {
      v[k] = 0.001 * Math.cos(k) - 0.0004;
    }
    ArlPacking.Packed p = ArlPacking.pack(v, 15, 8, Integer.MIN_VALUE, true);
    assertThat(p.data()).hasSize(2 * v.length);
    double[] back = new double[v.length];
    ArlPacking.unpack16(p.data(), 0, 15, 8, p.nexp(), p.precision(), p.var1(), back);
    for (int k = 0; k < v.length; k++) {
      assertThat(back[k]).isCloseTo(v[k], within(p.precision()));
    }
    assertThat(p.checksum()).isEqualTo(ArlPacking.checksum16(p.data(), 0, v.length));
  }
}
