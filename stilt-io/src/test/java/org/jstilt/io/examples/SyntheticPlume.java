package org.jstilt.io.examples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Generates {@code examples/particles/synthetic_plume.csv.gz}: a plausible, seeded back-trajectory table
 * for the README's first command. Not a transport model and not shipped: it only has to look and behave
 * like hycs_std output (HYSPLIT-like columns and rounding, rows by time then particle) so that
 * {@code stilt footprint} has something realistic to grid without meteorology.
 *
 * <p>The story: an evening receptor at the University of Utah (-111.85, 40.77, 5 m AGL). Going back in
 * time, 200 particles drift upwind towards the north-west with a slowly veering mean wind of 4 m/s,
 * spread by an Ornstein-Uhlenbeck (Langevin) turbulent velocity (sigma_u 1 m/s, T_L 10 min), and mix
 * vertically (sigma_w 0.4 m/s, T_L 2 min) inside a mixed layer that deepens backward in time from 300 m
 * towards 1500 m (the afternoon boundary layer). {@code foot} is HYSPLIT-like: non-zero while a particle
 * is in the lower half of the mixed layer, and proportional to 1 / mlht, so it decays backward in time.
 * 180 one-minute steps; columns {@code time, indx, long, lati, zagl, mlht, foot}.
 *
 * <p>Deterministic for a given seed on any JVM: L64X128MixRandom split per particle, IEEE arithmetic
 * only in {@code strictfp}-equivalent Java 17 semantics, and numbers formatted from rounded integers
 * (never through {@code String.format}, whose digits changed in Java 19).
 */
public final class SyntheticPlume {
  public static final long SEED = 20190530L;
  public static final int PARTICLES = 200;
  public static final int STEPS = 180;
  public static final double RECEPTOR_LON = -111.85;
  public static final double RECEPTOR_LAT = 40.77;
  public static final double RECEPTOR_ZAGL_M = 5;
  public static final List<String> COLUMNS = List.of("time", "indx", "long", "lati", "zagl", "mlht", "foot");

  private static final double DT_S = 60;
  private static final double M_PER_DEG_LAT = 111_320;
  private static final double MEAN_WIND_MS = 4.0;
  private static final double SIGMA_U_MS = 1.0;
  private static final double TL_U_S = 600;
  private static final double SIGMA_W_MS = 0.4;
  private static final double TL_W_S = 120;

  private SyntheticPlume() {}

  /** Mixed-layer height (m) at {@code ageMin} minutes before the receptor time. */
  static double mlhtM(int ageMin) {
    return 300 + 1200 * (1 - Math.exp(-ageMin / 90.0));
  }

  /** The CSV text (uncompressed). */
  public static byte[] csv(long seed) {
    int n = PARTICLES;
    double[] lon = new double[n];
    double[] lat = new double[n];
    double[] z = new double[n];
    double[] u = new double[n];
    double[] v = new double[n];
    double[] w = new double[n];
    SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    RandomGenerator[] rng = root.splits(n).toArray(RandomGenerator[]::new);
    for (int p = 0; p < n; p++) {
      lon[p] = RECEPTOR_LON;
      lat[p] = RECEPTOR_LAT;
      z[p] = RECEPTOR_ZAGL_M;
      u[p] = SIGMA_U_MS * rng[p].nextGaussian();
      v[p] = SIGMA_U_MS * rng[p].nextGaussian();
      w[p] = SIGMA_W_MS * rng[p].nextGaussian();
    }
    double au = Math.exp(-DT_S / TL_U_S);
    double bu = Math.sqrt(1 - au * au) * SIGMA_U_MS;
    double aw = Math.exp(-DT_S / TL_W_S);
    double bw = Math.sqrt(1 - aw * aw) * SIGMA_W_MS;

    StringBuilder sb = new StringBuilder(n * STEPS * 48);
    sb.append(String.join(",", COLUMNS)).append('\n');
    for (int age = 1; age <= STEPS; age++) {
      // Backward in time the particles move upwind: towards the north-west, veering 0.1 degree a minute.
      double towards = Math.toRadians(135 + 0.1 * age);
      double ue = MEAN_WIND_MS * Math.sin(towards) * -1;
      double vn = MEAN_WIND_MS * -Math.cos(towards);
      double mlht = mlhtM(age);
      for (int p = 0; p < n; p++) {
        RandomGenerator r = rng[p];
        u[p] = au * u[p] + bu * r.nextGaussian();
        v[p] = au * v[p] + bu * r.nextGaussian();
        w[p] = aw * w[p] + bw * r.nextGaussian();
        double mPerDegLon = M_PER_DEG_LAT * Math.cos(Math.toRadians(lat[p]));
        lon[p] += (ue + u[p]) * DT_S / mPerDegLon;
        lat[p] += (vn + v[p]) * DT_S / M_PER_DEG_LAT;
        z[p] += w[p] * DT_S;
        // Reflect at the ground and at the top of the mixed layer.
        if (z[p] < 0) {
          z[p] = -z[p];
          w[p] = -w[p];
        }
        if (z[p] > mlht) {
          z[p] = Math.max(0, 2 * mlht - z[p]);
          w[p] = -w[p];
        }
        double foot = z[p] < 0.5 * mlht ? 0.0228 * 150 / mlht : 0;
        sb.append(-age).append(',').append(p + 1).append(',');
        fixed(sb, lon[p], 4);
        sb.append(',');
        fixed(sb, lat[p], 4);
        sb.append(',');
        fixed(sb, z[p], 1);
        sb.append(',');
        fixed(sb, mlht, 1);
        sb.append(',');
        fixed(sb, foot, 7);
        sb.append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code v} rounded half away from zero to {@code decimals} places, through integer arithmetic. */
  static void fixed(StringBuilder sb, double v, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long q = Math.round(Math.abs(v) * scale);
    if (v < 0 && q != 0) {
      sb.append('-');
    }
    sb.append(q / scale).append('.');
    String frac = Long.toString(q % scale);
    for (int i = frac.length(); i < decimals; i++) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
