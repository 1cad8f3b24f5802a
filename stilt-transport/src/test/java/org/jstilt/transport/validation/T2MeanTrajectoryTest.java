package org.jstilt.transport.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.testing.SharedData;
import org.jstilt.transport.NativeTransportEngine;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.TransportRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tier T2: with turbulence off the native mean trajectory follows hycs_std's (NTURB=1) within 1.5 km and
 * max(10 %, 30 m) at every hour.
 */
class T2MeanTrajectoryTest {
  @ParameterizedTest
  @ValueSource(strings = {"meantraj_100", "meantraj_500", "meantraj_1500"})
  void followsHycsStd(String name) throws Exception {
    ReferenceRun ref = new ReferenceRun(SharedData.reference().resolve("hysplit").resolve(name));
    TransportRequest req = new TransportRequest(
        new PointReceptor(ref.time, ref.lon, ref.lat, ref.altitudes[0], AltitudeReference.AGL), ref.nHours, 1,
        List.of("time", "indx", "long", "lati", "zagl"), TransportParams.defaults().withTurbulence(false),
        List.of(SharedData.hrrrMet().resolve("20190530_00-05_hrrr"), SharedData.hrrrMet().resolve("20190530_06-11_hrrr")),
        1, 1);
    ParticleEnsemble e = new NativeTransportEngine().runToEnsemble(req);
    double[] rt = ref.col("time");
    double[] ri = ref.col("indx");
    double worstKm = 0;
    double worstDz = 0;
    int compared = 0;
    double refEnd = 0;
    for (int r = 0; r < ref.rows; r++) {
      if (ri[r] == 1) {
        refEnd = Math.max(refEnd, Math.abs(rt[r]));
      }
    }
    double[] t = e.column("time");
    double ourEnd = Math.abs(t[t.length - 1]);
    for (int r = 0; r < ref.rows; r++) {
      if (ri[r] != 1 || Math.abs(rt[r]) % 60 != 0) {
        continue;
      }
      int row = -1;
      for (int k = 0; k < t.length; k++) {
        if (t[k] == rt[r]) {
          row = k;
        }
      }
      assertThat(row).as(name + ": native trajectory ends before hycs_std's at t=" + rt[r]).isGreaterThanOrEqualTo(0);
      double km = greatCircleKm(ref.col("lati")[r], ref.col("long")[r], e.get("lati", row), e.get("long", row));
      double dz = Math.abs(ref.col("zagl")[r] - e.get("zagl", row));
      double allowed = Math.max(0.1 * ref.col("zagl")[r], 30.0);
      System.out.printf("T2 %s t=%.0f dist %.3f km dz %.1f m (ref z %.1f, ours %.1f)%n", name, rt[r], km, dz, ref.col("zagl")[r], e.get("zagl", row));
      worstKm = Math.max(worstKm, km);
      worstDz = Math.max(worstDz, dz / allowed);
      compared++;
      assertThat(km).as(name + " horizontal distance at t=" + rt[r]).isLessThanOrEqualTo(1.5);
      assertThat(dz).as(name + " height difference at t=" + rt[r]).isLessThanOrEqualTo(allowed);
    }
    System.out.printf("T2 %s: %d hours compared, worst %.3f km, worst dz/allowed %.2f; ends ref %.0f ours %.0f min%n",
        name, compared, worstKm, worstDz, refEnd, ourEnd);
    assertThat(compared).isGreaterThanOrEqualTo(1);
    // regression guard well inside the pass mark: measured worst 0.037 km and dz/allowed 0.00 (≤ 1 m) since the
    // data-level heights use Tv and ω is converted with p/(Rd·Tv)
    assertThat(worstKm).as(name + " worst horizontal distance (guard)").isLessThanOrEqualTo(0.15);
    // particles are terminated two grid lengths from the edge, as hycs_std: the trajectories end on the same minute
    assertThat(ourEnd).as(name + " last minute of the native trajectory").isEqualTo(refEnd);
    assertThat(worstDz).as(name + " worst height difference / allowance (guard)").isLessThanOrEqualTo(0.1);
  }

  static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
