package org.jstilt.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineThreadsTest {
  @Test
  void coresAreSharedOutUnlessConfigured() {
    assertThat(EngineThreads.perSimulation(0, 1, 2)).isEqualTo(2);
    assertThat(EngineThreads.perSimulation(0, 2, 2)).isEqualTo(1);
    assertThat(EngineThreads.perSimulation(0, 3, 2)).isEqualTo(1);   // never below one thread
    assertThat(EngineThreads.perSimulation(0, 3, 8)).isEqualTo(2);   // 3 x 2 = 6 <= 8
    assertThat(EngineThreads.perSimulation(4, 2, 2)).isEqualTo(4);   // transport.threads as given
    assertThat(EngineThreads.oversubscribed(4, 2, 2)).isTrue();
    assertThat(EngineThreads.oversubscribed(1, 2, 2)).isFalse();
    assertThat(EngineThreads.oversubscribed(1, 3, 2)).isTrue();
    assertThatThrownBy(() -> EngineThreads.perSimulation(0, 0, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
