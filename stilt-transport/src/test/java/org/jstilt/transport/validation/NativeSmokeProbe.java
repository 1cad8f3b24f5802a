package org.jstilt.transport.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.SharedData;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;
import org.junit.jupiter.api.Test;

class NativeSmokeProbe {
  @Test
  void eveningWbb() throws Exception {
    for (String name : List.of("evening_wbb", "evening_west")) {
      ReferenceRun ref = new ReferenceRun(SharedData.reference().resolve("hysplit").resolve(name));
      Path met = SharedData.hrrrMet();
      TransportRequest req = new TransportRequest(
          new PointReceptor(ref.time, ref.lon, ref.lat, ref.altitudes[0], AltitudeReference.AGL), ref.nHours, 1000,
          ref.columns, TransportParams.defaults(), List.of(met.resolve("20190530_00-05_hrrr")), 1, 2);
      long t0 = System.nanoTime();
      ParticleEnsemble e = new NativeTransportEngine().runToEnsemble(req);
      System.out.printf("%s run %.2f s rows %d%n", name, (System.nanoTime() - t0) / 1e9, e.size());
      Map<String, double[]> s = HourSummary.of(e, -ref.nHours, 1000);
      Envelope env = new Envelope(SharedData.reference().resolve("hysplit").resolve(name).resolve("ensemble/envelope.csv"));
      for (String m : HourSummary.METRICS) {
        for (int h = 0; h < env.hours; h++) {
          double[] st = env.stats.get(m)[h];
          double v = s.get(m)[h];
          System.out.printf("%s h%d %-16s native %.6g  hys %.6g ± %.3g  [%.6g, %.6g]  z=%.2f%n", name, h + 1, m, v, st[0], st[1], st[2], st[3],
              (v - st[0]) / Math.sqrt(st[1] * st[1] + 1e-30));
        }
      }
    }
  }
}
