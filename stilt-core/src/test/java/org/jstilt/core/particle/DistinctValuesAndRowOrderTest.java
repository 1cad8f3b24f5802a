package org.jstilt.core.particle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class DistinctValuesAndRowOrderTest {

  @Test
  void idsFollowFirstAppearanceAndZeroSignsAreOneValue() {
    DistinctValues d = DistinctValues.of(new double[] {5, -0.0, 5, 0.0, 7.5, 7.5, -1});
    assertThat(d.ids()).containsExactly(0, 1, 0, 1, 2, 2, 3);
    assertThat(d.count()).isEqualTo(4);
    assertThat(Double.doubleToRawLongBits(d.value(1))).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThatThrownBy(() -> DistinctValues.of(new double[] {1, Double.NaN})).hasMessageContaining("row 1");
  }

  @Test
  void agreesWithAHashMapOnManyValues() {
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
    double[] v = new double[200_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextInt(50_000) * 0.1 - 2000; // many repeats, grows the table several times
    }
    DistinctValues d = DistinctValues.of(v);
    Map<Double, Integer> expected = new HashMap<>();
    for (int i = 0; i < v.length; i++) {
      int id = expected.computeIfAbsent(v[i], k -> expected.size());
      assertThat(d.id(i)).isEqualTo(id);
    }
    assertThat(d.count()).isEqualTo(expected.size());
  }

  @Test
  void descendingOrderIsStable() {
    double[] key = {1, 3, 3, 2, 1, 3};
    assertThat(RowOrder.descending(key)).containsExactly(1, 2, 5, 3, 0, 4);
    assertThat(RowOrder.descending(new double[] {3, 2, 1})).containsExactly(0, 1, 2);
    assertThat(RowOrder.descending(new double[] {1, 2, 3})).containsExactly(2, 1, 0);
    assertThat(RowOrder.descending(new double[] {0.0, -0.0, 1})).containsExactly(2, 0, 1);
    RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(2);
    double[] big = new double[5000];
    for (int i = 0; i < big.length; i++) {
      big[i] = r.nextInt(40);
    }
    int[] o = RowOrder.descending(big);
    for (int i = 1; i < o.length; i++) {
      assertThat(big[o[i]]).isLessThanOrEqualTo(big[o[i - 1]]);
      if (big[o[i]] == big[o[i - 1]]) {
        assertThat(o[i]).isGreaterThan(o[i - 1]);
      }
    }
  }
}
