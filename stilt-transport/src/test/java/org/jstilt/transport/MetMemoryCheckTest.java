package org.jstilt.transport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.StiltException;
import org.jstilt.met.MetDataset;
import org.jstilt.met.synth.SyntheticMet;
import org.jstilt.met.synth.SyntheticMetSpec;
import org.jstilt.transport.met.InternalLevels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A met grid too large for the heap is refused up front with the remedy, not left to an OutOfMemoryError. */
class MetMemoryCheckTest {
  @TempDir Path dir;

  @Test
  void refusesAGridThatCannotFitAndAcceptsOneThatCan() {
    SyntheticMetSpec spec = SyntheticMetSpec.builder().start(Instant.parse("2019-06-01T12:00:00Z")).hours(2).build();
    List<Path> files = SyntheticMet.write(spec, dir);
    InternalLevels lev = InternalLevels.standard(25000);
    try (MetDataset met = MetDataset.open(files)) {
      long columns = (long) met.grid().nx() * met.grid().ny();
      // what the engine holds: 14 fields x 30 levels x 4 periods per column, plus the builder's data levels
      long needed = columns * 8L * (14L * lev.count() * 4);
      assertThatThrownBy(() -> NativeTransportEngine.requireMemoryFor(met, lev, files, needed))
          .isInstanceOf(StiltException.class)
          .hasMessageContaining(columns + " columns of the met grid")
          .hasMessageContaining("(" + met.grid().nx() + " x " + met.grid().ny() + ",")
          .hasMessageContaining("subgrid_enable")
          .hasMessageContaining("-Xmx");
      assertThatCode(() -> NativeTransportEngine.requireMemoryFor(met, lev, files, 100 * needed)).doesNotThrowAnyException();
    }
  }
}
