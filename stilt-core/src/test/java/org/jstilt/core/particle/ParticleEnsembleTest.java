package org.jstilt.core.particle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;

class ParticleEnsembleTest {

  @Test
  void builderGrowsAndKeepsColumnOrder() {
    ParticleEnsemble.Builder b = ParticleEnsemble.builder(List.of("time", "indx", "foot"));
    for (int i = 0; i < 3000; i++) {
      b.addRow(-i, i % 7, i * 0.5);
    }
    ParticleEnsemble e = b.build();
    assertThat(e.size()).isEqualTo(3000);
    assertThat(e.columnNames()).containsExactly("time", "indx", "foot");
    assertThat(e.get("foot", 2999)).isEqualTo(1499.5);
    assertThat(e.get("indx", 13)).isEqualTo(6.0);
  }

  @Test
  void columnsAreDefensiveCopies() {
    double[] t = {1, 2, 3};
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("time", t);
    ParticleEnsemble e = ParticleEnsemble.of(m);
    t[0] = 99;
    e.column("time")[1] = 99;
    assertThat(e.column("time")).containsExactly(1, 2, 3);
  }

  @Test
  void withColumnReplacesInPlaceOrAppends() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("a", new double[] {1, 2});
    m.put("b", new double[] {3, 4});
    ParticleEnsemble e = ParticleEnsemble.of(m).withColumn("a", new double[] {5, 6}).withColumn("c", new double[] {7, 8});
    assertThat(e.columnNames()).containsExactly("a", "b", "c");
    assertThat(e.column("a")).containsExactly(5, 6);
    assertThat(e.reorderRows(new int[] {1, 0}).column("c")).containsExactly(8, 7);
  }

  @Test
  void unequalColumnsAndMissingColumnsAreClearErrors() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("a", new double[] {1, 2});
    m.put("b", new double[] {3});
    assertThatThrownBy(() -> ParticleEnsemble.of(m)).hasMessageContaining("'b' has 1 rows, expected 2");
    ParticleEnsemble e = ParticleEnsemble.empty(List.of("time", "indx"));
    assertThatThrownBy(() -> e.requireColumns(ParticleColumns.FOOTPRINT_INPUT, "The footprint"))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("[long, lati, foot]");
  }
}
