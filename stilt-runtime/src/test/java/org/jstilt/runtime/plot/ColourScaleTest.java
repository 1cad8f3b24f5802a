package org.jstilt.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColourScaleTest {
  @Test
  void logScalePutsDecadesAtEqualSteps() {
    ColourScale s = ColourScale.log(1e-4, 1);
    assertThat(s.position(1e-4)).isZero();
    assertThat(s.position(1e-3)).isCloseTo(0.25, within(1e-12));
    assertThat(s.position(1e-2)).isCloseTo(0.5, within(1e-12));
    assertThat(s.position(1)).isEqualTo(1.0);
    assertThat(s.position(10)).as("above the maximum: clamped").isEqualTo(1.0);
    assertThat(s.argb(1e-2)).isEqualTo(ColourScale.colourAt(0.5));
    assertThat(s.argb(1)).isEqualTo(ColourScale.colourAt(1));
  }

  @Test
  void valuesBelowTheScaleZeroAndNanAreTransparent() {
    ColourScale s = ColourScale.log(1e-4, 1);
    assertThat(s.argb(9.9e-5)).isZero();
    assertThat(s.argb(0)).isZero();
    assertThat(s.argb(-1)).isZero();
    assertThat(s.argb(Double.NaN)).isZero();
    assertThat(s.argb(1e-4) >>> 24).as("opaque at the minimum").isEqualTo(0xff);
  }

  @Test
  void paletteRunsFromLightToDark() {
    int low = ColourScale.colourAt(0);
    int high = ColourScale.colourAt(1);
    assertThat(low & 0xffffff).isEqualTo(0xffffcc);
    assertThat(high & 0xffffff).isEqualTo(0x2d002d);
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= 20; i++) {
      int c = ColourScale.colourAt(i / 20.0);
      double luminance = 0.2126 * ((c >> 16) & 0xff) + 0.7152 * ((c >> 8) & 0xff) + 0.0722 * (c & 0xff);
      assertThat(luminance).as("luminance decreases along the ramp, step %d", i).isLessThanOrEqualTo(previous);
      previous = luminance;
    }
  }

  @Test
  void linearScale() {
    ColourScale s = ColourScale.linear(0, 3);
    assertThat(s.position(1.5)).isCloseTo(0.5, within(1e-12));
    assertThat(s.argb(0)).isEqualTo(ColourScale.colourAt(0));
    assertThat(s.argb(-0.1)).isZero();
  }

  @Test
  void legendPaintScaleWorksInLog10Units() {
    ColourScale s = ColourScale.log(1e-6, 1e-2);
    assertThat(s.legendPaintScale().getLowerBound()).isCloseTo(-6, within(1e-12));
    assertThat(s.legendPaintScale().getUpperBound()).isCloseTo(-2, within(1e-12));
    assertThat(((java.awt.Color) s.legendPaintScale().getPaint(-4)).getRGB()).isEqualTo(s.argb(1e-4));
  }

  @Test
  void badRangesAreRefused() {
    assertThatThrownBy(() -> ColourScale.log(0, 1)).hasMessageContaining("0 < min < max");
    assertThatThrownBy(() -> ColourScale.log(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColourScale.linear(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColourScale.linear(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }
}
