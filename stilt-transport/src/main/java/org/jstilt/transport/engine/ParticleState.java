package org.jstilt.transport.engine;

import java.util.random.RandomGenerator;

/**
 * Struct-of-arrays state of all particles: position (grid x, y and σ), normalised vertical velocity w'/σw,
 * horizontal turbulent velocities, output accumulators, transport-error states and one
 * random stream per particle.
 */
public final class ParticleState {
  public final int n;
  public final double[] x;
  public final double[] y;
  public final double[] z;
  public final double[] wRatio;
  public final double[] uPrime;
  public final double[] vPrime;
  public final double[] foot;
  public final double[] samt;
  public final boolean[] alive;
  public final RandomGenerator[] rng;
  /** zi-error state (%); the wind errors are profiles, kept in {@link WindErrorProfiles}. */
  public final double[] ziErr;
  /** ZIERR's own random stream per particle (null entries when ZIERR is off). */
  public final RandomGenerator[] ziRng;
  /** Release height (m) for output ({@code xhgt}). */
  public final double[] releaseHeight;

  public ParticleState(int n) {
    this.n = n;
    x = new double[n];
    y = new double[n];
    z = new double[n];
    wRatio = new double[n];
    uPrime = new double[n];
    vPrime = new double[n];
    foot = new double[n];
    samt = new double[n];
    alive = new boolean[n];
    rng = new RandomGenerator[n];
    ziErr = new double[n];
    ziRng = new RandomGenerator[n];
    releaseHeight = new double[n];
  }
}
