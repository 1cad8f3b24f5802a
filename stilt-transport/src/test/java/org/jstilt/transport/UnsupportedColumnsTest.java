package org.jstilt.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.junit.jupiter.api.Test;

/** Columns the native engine does not compute are refused before anything runs, never written as placeholders. */
class UnsupportedColumnsTest {
  @Test
  void massViolationWeightAndZfx1AreRefused() {
    PointReceptor rec = new PointReceptor(Instant.parse("2019-05-30T03:00:00Z"), -111.85, 40.77, 5, AltitudeReference.AGL);
    List<Path> met = List.of(Path.of("does-not-matter"));
    assertThatThrownBy(() -> new NativeTransportEngine().runToEnsemble(new TransportRequest(rec, -1, 10,
        List.of("time", "indx", "dmas"), TransportParams.defaults(), met, 1, 1)))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("does not write 'dmas'").hasMessageContaining("transport.engine: hysplit");
    assertThatThrownBy(() -> new NativeTransportEngine().runToEnsemble(new TransportRequest(rec, -1, 10,
        List.of("time", "zfx1"), TransportParams.defaults(), met, 1, 1)))
        .isInstanceOf(StiltException.class).hasMessageContaining("does not write 'zfx1'");
  }
}
