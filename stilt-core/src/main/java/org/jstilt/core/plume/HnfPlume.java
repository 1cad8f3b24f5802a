package org.jstilt.core.plume;

import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.DistinctValues;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.particle.RowOrder;

/**
 * Hyper-near-field plume dilution (R-STILT {@code calc_plume_dilution}, PYSTILT {@code hnf_plume}).
 *
 * <p>Close to the receptor a particle's {@code foot} assumes the tracer is mixed through the whole
 * boundary layer, which over-dilutes a young plume. Where the plume is still shallower than
 * {@code veght · mlht}, the dilution depth is replaced by the plume's own height: the release height plus
 * the cumulative Gaussian plume spread of that particle. Per row, with {@code T = |time · 60|} seconds:
 *
 * <pre>
 *   sigma      = samt · √2 · sigw · √( tlgr·T + tlgr²·exp(−T/tlgr) − 1 )
 *   plume      = h0 + Σ sigma   (per particle, rows in descending time, including the current row)
 *   foot       = ((0.02897 / (plume · dens)) · samt) · 60     where plume &lt; veght · mlht
 * </pre>
 *
 * <p>Exactly as R-STILT does it, which is what parity needs:
 *
 * <ul>
 *   <li>The "− 1" sits outside the {@code tlgr²} term (physically it should multiply it); kept as written.
 *   <li>The whole table is sorted by descending {@code time} (stably, ties keep their order) and returned in
 *       that order, so for a forward run the cumulative sum starts at the latest time.
 *   <li>{@code h0} is the first {@code xhgt} of the particle in that order when the table has an
 *       {@code xhgt} column (column and multipoint receptors), otherwise the receptor height above ground.
 *   <li>{@code foot_no_hnf_dilution} keeps the raw {@code foot} (replaced in place if the column exists,
 *       appended otherwise); {@code foot} is replaced in place.
 *   <li><b>NaN, as R's NA:</b> when the square-root argument is negative (tiny {@code tlgr}) or any input of
 *       a row is NaN, {@code sigma} is NaN, so the cumulative sum is NaN for that row and every later row
 *       of the particle, and their {@code foot} becomes NaN (R's {@code ifelse(NA, ...)} gives NA). A NaN
 *       {@code mlht} or {@code dens} likewise gives NaN foot. PYSTILT instead keeps the raw foot there; this
 *       class follows R.
 * </ul>
 *
 * <p>R accumulates {@code cumsum} in 80-bit extended precision; this class accumulates in double-double
 * (error-free two-sum), which rounds to the same double except in rare last-ulp cases, far below the
 * 1e-12 parity checked against R-STILT's tables. {@code exp} and {@code sqrt} are {@link StrictMath}'s, so
 * results do not depend on the JVM.
 */
public final class HnfPlume {
  /** Molar mass of dry air, kg/mol: R-STILT's constant 0.02897. */
  public static final double AIR_MOLAR_MASS_KG_PER_MOL = 0.02897;

  /** R-STILT's and PYSTILT's default {@code veght}: the plume counts as mixed above half the PBL height. */
  public static final double DEFAULT_VEGHT = 0.5;

  /** The columns the dilution reads (besides {@code xhgt}, which is optional). */
  public static final List<String> REQUIRED_COLUMNS =
      List.of(
          ParticleColumns.TIME,
          ParticleColumns.INDX,
          ParticleColumns.FOOT,
          ParticleColumns.DENS,
          ParticleColumns.SAMT,
          ParticleColumns.SIGW,
          ParticleColumns.TLGR,
          ParticleColumns.MLHT);

  private static final double SQRT2 = StrictMath.sqrt(2.0);

  private HnfPlume() {}

  /** {@link #apply(ParticleEnsemble, double, double)} with {@link #DEFAULT_VEGHT}. */
  public static ParticleEnsemble apply(ParticleEnsemble particles, double receptorAglM) {
    return apply(particles, receptorAglM, DEFAULT_VEGHT);
  }

  /**
   * Applies the dilution and returns a new ensemble, rows in descending time (stable).
   *
   * @param particles the trajectory table; needs {@link #REQUIRED_COLUMNS}, and {@code xhgt} when the
   *     receptor is not a single point
   * @param receptorAglM the point receptor's height above ground in metres (R-STILT's {@code r_zagl}); used
   *     only when the table has no {@code xhgt} column, and may be NaN when it has one
   * @param veght fraction of the mixed-layer height below which the plume counts as not yet mixed
   * @throws StiltException ({@link ErrorCode#INPUT}) when a column is missing, {@code time} or
   *     {@code indx} is not finite, or the start height is unknown
   */
  public static ParticleEnsemble apply(ParticleEnsemble particles, double receptorAglM, double veght) {
    particles.requireColumns(REQUIRED_COLUMNS, "hnf_plume dilution");
    if (!(veght > 0) || Double.isInfinite(veght)) {
      throw new StiltException(
          ErrorCode.INPUT,
          "hnf_plume: veght = " + veght + " must be a positive finite number (R-STILT's default is 0.5).");
    }
    boolean hasXhgt = particles.hasColumn(ParticleColumns.XHGT);
    if (!hasXhgt && !Double.isFinite(receptorAglM)) {
      throw new StiltException(
          ErrorCode.INPUT,
          "hnf_plume: the particle table has no 'xhgt' column and the receptor height above ground is "
              + receptorAglM
              + "; give the receptor's altitude (m AGL) or add xhgt (release height) to the table.");
    }
    double[] rawTime = particles.column(ParticleColumns.TIME);
    double[] rawIndx = particles.column(ParticleColumns.INDX);
    for (int r = 0; r < rawTime.length; r++) {
      if (!Double.isFinite(rawTime[r]) || !Double.isFinite(rawIndx[r])) {
        throw new StiltException(
            ErrorCode.INPUT,
            "hnf_plume: particle row "
                + (r + 1)
                + " has time = "
                + rawTime[r]
                + ", indx = "
                + rawIndx[r]
                + "; both must be finite numbers. Check the particle file for missing values.");
      }
    }

    int[] order = RowOrder.descending(rawTime);
    ParticleEnsemble sorted = RowOrder.isIdentity(order) ? particles : particles.reorderRows(order);

    int n = sorted.size();
    double[] time = sorted.column(ParticleColumns.TIME);
    double[] foot = sorted.column(ParticleColumns.FOOT);
    double[] dens = sorted.column(ParticleColumns.DENS);
    double[] samt = sorted.column(ParticleColumns.SAMT);
    double[] sigw = sorted.column(ParticleColumns.SIGW);
    double[] tlgr = sorted.column(ParticleColumns.TLGR);
    double[] mlht = sorted.column(ParticleColumns.MLHT);
    double[] xhgt = hasXhgt ? sorted.column(ParticleColumns.XHGT) : null;
    DistinctValues particle = DistinctValues.of(sorted.column(ParticleColumns.INDX));

    int np = particle.count();
    double[] startHeight = new double[np];
    boolean[] started = new boolean[np];
    double[] sumHi = new double[np];
    double[] sumLo = new double[np];
    double[] diluted = new double[n];
    for (int r = 0; r < n; r++) {
      int p = particle.id(r);
      if (!started[p]) {
        started[p] = true;
        startHeight[p] = hasXhgt ? xhgt[r] : receptorAglM;
      }
      double sigma = sigmaM(time[r], samt[r], sigw[r], tlgr[r]);
      // Double-double running sum (two-sum), standing in for R's long-double cumsum.
      double s = sumHi[p] + sigma;
      double bp = s - sumHi[p];
      double err = (sumHi[p] - (s - bp)) + (sigma - bp);
      double lo = sumLo[p] + err;
      double hi = s + lo;
      sumLo[p] = lo - (hi - s);
      sumHi[p] = hi;
      double cumulative = hi;
      double plume = startHeight[p] + cumulative;
      double pblMixingM = veght * mlht[r];
      if (Double.isNaN(plume) || Double.isNaN(pblMixingM)) {
        diluted[r] = Double.NaN; // R: ifelse(NA < x, ...) is NA
      } else if (plume < pblMixingM) {
        diluted[r] = dilutedFoot(plume, dens[r], samt[r]);
      } else {
        diluted[r] = foot[r];
      }
    }
    return sorted
        .withColumn(ParticleColumns.FOOT_NO_HNF_DILUTION, foot)
        .withColumn(ParticleColumns.FOOT, diluted);
  }

  /**
   * The plume spread (m) a particle adds in one output step: R's formula as written, evaluated left to
   * right. NaN when the square-root argument is negative.
   *
   * @param timeMin minutes since release (sign ignored)
   * @param samtMin minutes spent below {@code veght · mlht} in the step
   * @param sigwMps standard deviation of vertical velocity, m/s
   * @param tlgrS Lagrangian time scale, s
   */
  public static double sigmaM(double timeMin, double samtMin, double sigwMps, double tlgrS) {
    double tS = Math.abs(timeMin * 60);
    double radicand = tlgrS * tS + tlgrS * tlgrS * StrictMath.exp(-tS / tlgrS) - 1;
    return samtMin * SQRT2 * sigwMps * StrictMath.sqrt(radicand);
  }

  /** The diluted foot for a plume of height {@code plumeM}: {@code ((0.02897 / (plume·dens))·samt)·60}. */
  public static double dilutedFoot(double plumeM, double densKgM3, double samtMin) {
    return AIR_MOLAR_MASS_KG_PER_MOL / (plumeM * densKgM3) * samtMin * 60;
  }
}
