package org.jstilt.transport.met;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;

class InternalLevelsTest {
  @Test
  void hycsStdGridForTwentyFiveKm() {
    InternalLevels l = InternalLevels.standard(25000);
    assertThat(l.count()).isEqualTo(30);
    assertThat(l.height(1)).isEqualTo(10);
    assertThat(l.height(2)).isEqualTo(75);
    assertThat(l.height(3)).isEqualTo(200);
    assertThat(l.surfaceLayerTop()).isEqualTo(2);
    // terrain compression: level 2 over 1500 m terrain
    assertThat(l.heightAgl(2, 1500)).isCloseTo(75 * 23500.0 / 25000.0, offset(1e-9));
    for (int k = 1; k <= 29; k++) {
      assertThat(l.fractionalIndex(l.sigma(k))).isCloseTo(k, offset(1e-9));
    }
  }

  @Test
  void rejectsTooLowTop() {
    assertThatThrownBy(() -> InternalLevels.standard(50)).isInstanceOf(StiltException.class).hasMessageContaining("z_top");
  }
}
