package org.jstilt.met.arl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** gfortran's formatted I/O as the HRRR files show it. */
class FortranTextTest {
  @Test
  void writesLikeGfortran() {
    assertThat(FortranText.formatE14_7(1264.123)).isEqualTo(" 0.1264123E+04");
    assertThat(FortranText.formatE14_7(-0.00054931640625)).isEqualTo("-0.5493164E-03");
    assertThat(FortranText.formatE14_7(0.0)).isEqualTo(" 0.0000000E+00");
    assertThat(FortranText.formatE14_7(12640000.0)).isEqualTo(" 0.1264000E+08");
    assertThat(FortranText.formatFixed(0.0, 7, 6)).isEqualTo(".000000");
    assertThat(FortranText.formatFixed(0.999, 6, 5)).isEqualTo(".99900");
    assertThat(FortranText.formatFixed(-0.5, 7, 5)).isEqualTo("-.50000");
    assertThat(FortranText.formatFixed(0.5, 7, 5)).isEqualTo("0.50000");
    assertThat(FortranText.formatFixed(-112.91, 7, 2)).isEqualTo("-112.91");
    assertThat(ArlIndexRecord.formatMapValue(262.5)).isEqualTo("262.500");
    assertThat(ArlIndexRecord.formatMapValue(40.1015)).isEqualTo("40.1015");
    assertThat(ArlIndexRecord.formatLevelValue(1.0)).isEqualTo("1.0000");
    assertThat(ArlIndexRecord.formatLevelValue(1000)).isEqualTo("1000.0");
    assertThatThrownBy(() -> FortranText.formatFixed(12345.678, 6, 2)).hasMessageContaining("does not fit");
  }

  @Test
  void readsLikeFortran() {
    assertThat(FortranText.parseInt(" 5")).isEqualTo(5);
    assertThat(FortranText.parseInt("  ")).isZero();
    assertThat(FortranText.parseInt(" -1")).isEqualTo(-1);
    assertThat(FortranText.parseReal("  1000", 2)).isEqualTo(10.0);
    assertThat(FortranText.parseReal(".99900", 2)).isEqualTo(0.999);
    assertThat(FortranText.parseReal(" 0.1264123E+04", 7)).isEqualTo(1264.123);
    assertThat(FortranText.parseReal("0.1234567+100", 7)).isEqualTo(0.1234567e100);
    // one rounding to the nearest double (0.1263964 * 1e4 would give 1263.9640000000002): the SHGT minimum
    // of the HRRR file, as any correctly rounding reader (gfortran, Python) gets it
    assertThat(FortranText.parseReal(" 0.1263964E+04", 7)).isEqualTo(1263.964);
    assertThat(FortranText.parseReal("  1263964", 3)).isEqualTo(1263.964);
    assertThatThrownBy(() -> FortranText.parseReal(" 0.12x4E+04", 7)).isInstanceOf(NumberFormatException.class);
  }
}
