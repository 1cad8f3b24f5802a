package org.jstilt.transport;

import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * The physics settings of a native run, named and defaulted as R-STILT writes them to SETUP.CFG/CONTROL.
 *
 * @param kmix0M minimum mixed-layer depth (m), SETUP {@code KMIX0}
 * @param kmixd mixed-layer method: 3 bulk Richardson (default), 0 met PBLH, ≥ 10 constant depth (m)
 * @param veght foot layer: fraction of zi when ≤ 1 (0.5 = half the mixed layer), else metres
 * @param tlfrac inner time step as a fraction of T_L
 * @param hscaleS horizontal Lagrangian time scale (s)
 * @param deltMin outer time step (min); only 1 min is what R-STILT writes, other whole minutes are accepted
 * @param turbulence false for mean trajectories ({@code NTURB=1})
 * @param zTopM top of the model domain (m), CONTROL {@code z_top}
 * @param verticalMotion CONTROL {@code w_option}: 0 data vertical velocity, 4 isosigma (no vertical motion)
 * @param ziScale ZICONTROL factors, one per hour of the run from the release (empty: no scaling)
 * @param windError WINDERR settings, or null when off
 * @param ziError ZIERR settings, or null when off
 * @param outdtMin output interval (min); 0 writes every step
 */
public record TransportParams(
    double kmix0M,
    int kmixd,
    double veght,
    double tlfrac,
    double hscaleS,
    int deltMin,
    boolean turbulence,
    double zTopM,
    int verticalMotion,
    List<Double> ziScale,
    WindError windError,
    ZiError ziError,
    int outdtMin) {

  public TransportParams {
    ziScale = List.copyOf(ziScale);
    check(kmix0M >= 0 || kmix0M < 0, "kmix0");
    check(kmixd == 0 || kmixd == 1 || kmixd == 3 || kmixd >= 10,
        "kmixd must be 0 (met PBLH), 3 (bulk Richardson) or >= 10 (constant depth in m), got " + kmixd);
    if (kmixd == 1) {
      throw new StiltException(ErrorCode.CONFIG, "kmixd = 1 (temperature profile) is not supported by the native engine; use 3 or 0");
    }
    check(veght > 0 && Double.isFinite(veght), "veght must be > 0 (fraction of zi if <= 1, metres otherwise), got " + veght);
    check(tlfrac > 0 && tlfrac <= 1, "tlfrac must be in (0, 1], got " + tlfrac);
    check(hscaleS > 0, "hscale must be > 0 s, got " + hscaleS);
    check(deltMin >= 1 && deltMin <= 60, "delt must be a whole number of minutes in 1..60, got " + deltMin);
    check(zTopM > 1000, "z_top must be > 1000 m, got " + zTopM);
    check(verticalMotion == 0 || verticalMotion == 4,
        "w_option " + verticalMotion + " is not supported by the native engine; use 0 (data vertical velocity) or 4 (isosigma)");
    check(outdtMin >= 0, "outdt must be >= 0 minutes, got " + outdtMin);
    for (double f : ziScale) {
      check(f > 0 && Double.isFinite(f), "ZICONTROL factors must be > 0, got " + f);
    }
  }

  /** R-STILT's run_stilt.r defaults (kmix0 150, veght 0.5, tlfrac 0.1, hscale 10800, delt 1, z_top 25 km). */
  public static TransportParams defaults() {
    return new TransportParams(150, 3, 0.5, 0.1, 10800, 1, true, 25000, 0, List.of(), null, null, 0);
  }

  /** A copy with turbulence on or off. */
  public TransportParams withTurbulence(boolean on) {
    return new TransportParams(kmix0M, kmixd, veght, tlfrac, hscaleS, deltMin, on, zTopM, verticalMotion, ziScale,
        windError, ziError, outdtMin);
  }

  /** A copy with the given transport errors. */
  public TransportParams withErrors(WindError w, ZiError z) {
    return new TransportParams(kmix0M, kmixd, veght, tlfrac, hscaleS, deltMin, turbulence, zTopM, verticalMotion, ziScale,
        w, z, outdtMin);
  }

  /** A copy with ZICONTROL factors. */
  public TransportParams withZiScale(List<Double> factors) {
    return new TransportParams(kmix0M, kmixd, veght, tlfrac, hscaleS, deltMin, turbulence, zTopM, verticalMotion, factors,
        windError, ziError, outdtMin);
  }

  /** The foot-layer height (m) for a mixed-layer depth. */
  public double footLayerM(double ziM) {
    return veght <= 1.0 ? veght * ziM : veght;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new StiltException(ErrorCode.CONFIG, "transport: " + message);
    }
  }

  /**
   * WINDERR: horizontal wind errors (TRANSPORT.md §5.8).
   *
   * @param sigmaMs standard deviation of the error (m/s)
   * @param timeScaleMin correlation time (min)
   * @param verticalScaleM correlation length in the vertical (m)
   * @param horizontalScaleKm correlation length in the horizontal (km)
   */
  public record WindError(double sigmaMs, double timeScaleMin, double verticalScaleM, double horizontalScaleKm) {
    public WindError {
      check(sigmaMs >= 0 && timeScaleMin > 0 && verticalScaleM > 0 && horizontalScaleKm > 0,
          "WINDERR needs siguverr >= 0 and positive tluverr, zcoruverr, horcoruverr");
    }
  }

  /**
   * ZIERR: mixed-layer depth errors, which scale the foot.
   *
   * @param sigmaPercent standard deviation (%)
   * @param timeScaleMin correlation time (min)
   * @param horizontalScaleKm correlation length (km)
   */
  public record ZiError(double sigmaPercent, double timeScaleMin, double horizontalScaleKm) {
    public ZiError {
      check(sigmaPercent >= 0 && timeScaleMin > 0 && horizontalScaleKm > 0,
          "ZIERR needs sigzierr >= 0 and positive tlzierr, horcorzierr");
    }
  }
}
