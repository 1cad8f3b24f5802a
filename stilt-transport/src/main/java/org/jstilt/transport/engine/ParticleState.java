package org.jstilt.transport.engine;

import java.util.random.RandomGenerator;

/**
 * Struct-of-arrays state of all particles: position (grid x, y and σ), normalised vertical velocity w'/σw,
 * horizontal turbulent velocities, mass-violation weight, output accumulators, transport-error states and one
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
  public final double[] dmWeight;
  public final double[] foot;
  public final double[] samt;
  public final boolean[] alive;
  public final RandomGenerator[] rng;
  /** Wind-error state (m/s) and zi-error state (%). */
  public final double[] uErr;

  public final double[] vErr;
  public final double[] ziErr;
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
    dmWeight = new double[n];
    foot = new double[n];
    samt = new double[n];
    alive = new boolean[n];
    rng = new RandomGenerator[n];
    uErr = new double[n];
    vErr = new double[n];
    ziErr = new double[n];
    releaseHeight = new double[n];
  }
}
