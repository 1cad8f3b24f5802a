package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * HYSPLIT transport and turbulence settings (PYSTILT {@code TransportParams}), one component per
 * {@code config.yaml} key with PYSTILT's defaults. Component names are the YAML keys (camelCase for
 * {@code w_option} and {@code z_top}) so file, namelist and code grep together; units, file targets and
 * descriptions are in {@link HysplitParameter}.
 *
 * <p>Checked here (PYSTILT passes them to HYSPLIT unchecked): every real value finite, {@code kmsl} 0 or 1,
 * {@code maxpar >= 1}, {@code z_top > 0}, {@code emisshrs >= 0}, {@code delt >= 0}, {@code 0 < tlfrac <= 1},
 * {@code veght > 0}, {@code zicontroltf} 0 or 1.
 *
 * @param capemin CAPE above which convective mixing is enhanced; -1 turns the enhancement off. (J/kg)
 * @param cmass Concentration grid in concentration (0) or mass (1) units.
 * @param conage Particle age at which puff/particle conversion applies. (h)
 * @param cpack Packing of the binary concentration grid.
 * @param delt Integration time step; 0 lets HYSPLIT choose. (min)
 * @param dxf East-west grid offset factor for ensemble runs.
 * @param dyf North-south grid offset factor for ensemble runs.
 * @param dzf Vertical offset factor for ensemble runs.
 * @param efile Temporal emissions file; empty for none.
 * @param emisshrs How long particles are released for. (h)
 * @param frhmax Largest horizontal puff-rounding value.
 * @param frhs Horizontal puff-rounding fraction for merging.
 * @param frme Mass-rounding fraction for enhanced merging.
 * @param frmr Mass-removal fraction for enhanced merging.
 * @param frts Temporal puff-rounding fraction.
 * @param frvs Vertical puff-rounding fraction.
 * @param hscale Horizontal Lagrangian time scale. (s)
 * @param ichem HYSPLIT chemistry mode; 8 is STILT's particle-in-cell output.
 * @param idsp Dispersion scheme: 1 HYSPLIT, 2 STILT.
 * @param initd Initial particle/puff distribution.
 * @param k10m 1 uses the 10 m wind and 2 m temperature as the lowest level when the met has them.
 * @param kagl Trajectory heights written above ground (1) or above sea level (0).
 * @param kbls Boundary-layer stability from fluxes (1) or from wind and temperature profiles (2).
 * @param kblt Boundary-layer turbulence scheme; 5 is Hanna.
 * @param kdef Horizontal turbulence from vertical mixing (0) or from deformation (1).
 * @param khinp Largest particle age read from PARINIT on a restart. (h)
 * @param khmax Largest particle age. (h)
 * @param kmix0 Smallest mixing depth. (m)
 * @param kmixd How the mixing depth is found: 0 from the met, 1 temperature, 2 TKE, 3 modified Richardson.
 * @param kmsl Release heights above ground (0) or sea level (1); unset derives it from each receptor's altitude_ref.
 * @param kpuff Horizontal puff growth linear (0) or empirical (1).
 * @param krand Random-number mode: 4 draws a new seed every run (R-STILT's default); 1 repeats for a given seed.
 * @param seed HYSPLIT's random seed (SEED), written only when set; only krand modes with a fixed initial seed use it.
 * @param krnd Interval of enhanced particle merging. (h)
 * @param kspl Interval of standard particle splitting. (h)
 * @param kwet Precipitation from the met (1) or from an ARL rain file (2).
 * @param kzmix Vertical mixing adjustment: 0 none, 1 boundary-layer average, 2 scaled by tvmix.
 * @param maxdim Pollutant species carried per particle.
 * @param maxpar Largest number of particles in a simulation; unset means numpar.
 * @param mgmin Smallest meteorological subgrid, in grid points.
 * @param mhrs Trajectory restart duration limit. (h)
 * @param nbptyp Particle-size bins per pollutant.
 * @param ncycl PARDUMP output cycle. (h)
 * @param ndump Particle dump interval; 0 writes no dumps. (h)
 * @param ninit How particles are initialised from PARINIT (restart, add, replace).
 * @param nstr Trajectory restart interval. (h)
 * @param nturb 1 switches turbulence off (mean trajectories).
 * @param nver Trajectory vertical split number.
 * @param outdt Interval between PARTICLE.DAT writes; negative writes none. (min)
 * @param p10f Dust threshold-velocity factor.
 * @param pinbc Particle file for boundary-condition particles.
 * @param pinpf Particle file for initialisation or boundary conditions.
 * @param poutf Particle output file.
 * @param qcycle Emission cycle; 0 for none. (h)
 * @param rhb Relative humidity that defines cloud base. (%)
 * @param rht Relative humidity below which the cloud top ends. (%)
 * @param splitf Automatic horizontal split-size factor; negative turns it off.
 * @param tkerd Unstable turbulence ratio w'2/(u'2+v'2).
 * @param tkern Stable turbulence ratio w'2/(u'2+v'2).
 * @param tlfrac Fraction of the vertical Lagrangian time scale used as the STILT time step.
 * @param tout Trajectory output interval. (min)
 * @param tratio Advection stability ratio.
 * @param tvmix Scale factor on vertical mixing (kzmix modes that use it).
 * @param veght Fraction of the mixed layer below which particles count toward the footprint; also used by hnf_plume.
 * @param vscale Vertical Lagrangian time scale, neutral boundary layer. (s)
 * @param vscaleu Vertical Lagrangian time scale, unstable boundary layer. (s)
 * @param vscales Vertical Lagrangian time scale, stable boundary layer. (s)
 * @param wOption Vertical motion: 0 from the met, 1 isobaric, 2 isentropic, 3 constant density, 4 sigma.
 * @param wbbh Height where fixed vertical motion turns from rise to fall. (m)
 * @param wbwf Fixed fall velocity (vertical-motion options 9 and 10). (m/s)
 * @param wbwr Fixed rise velocity (vertical-motion option 9). (m/s)
 * @param wvert Interpolate vertical velocity as WRF does.
 * @param zTop Top of the model domain, above ground. (m)
 * @param zicontroltf 1 scales the mixed-layer height by ziscale through ZICONTROL.
 * @param ziscale Mixed-layer height factor: one number for every hour, or a list of hourly factors.
 */
public record TransportParams(
    double capemin,
    int cmass,
    int conage,
    int cpack,
    int delt,
    int dxf,
    int dyf,
    double dzf,
    String efile,
    double emisshrs,
    double frhmax,
    double frhs,
    double frme,
    double frmr,
    double frts,
    double frvs,
    int hscale,
    int ichem,
    int idsp,
    int initd,
    int k10m,
    int kagl,
    int kbls,
    int kblt,
    int kdef,
    int khinp,
    int khmax,
    int kmix0,
    int kmixd,
    OptionalInt kmsl,
    int kpuff,
    int krand,
    OptionalInt seed,
    int krnd,
    int kspl,
    int kwet,
    int kzmix,
    int maxdim,
    OptionalInt maxpar,
    int mgmin,
    int mhrs,
    int nbptyp,
    int ncycl,
    int ndump,
    int ninit,
    int nstr,
    int nturb,
    int nver,
    int outdt,
    int p10f,
    String pinbc,
    String pinpf,
    String poutf,
    int qcycle,
    double rhb,
    double rht,
    int splitf,
    double tkerd,
    double tkern,
    double tlfrac,
    double tout,
    double tratio,
    double tvmix,
    double veght,
    int vscale,
    int vscaleu,
    int vscales,
    int wOption,
    int wbbh,
    int wbwf,
    int wbwr,
    boolean wvert,
    double zTop,
    int zicontroltf,
    ZiScale ziscale) {

  /** PYSTILT's defaults ({@code maxpar} unset: it follows {@code numpar}). */
  public static final TransportParams DEFAULTS = new TransportParams(
      -1.0,
      0,
      48,
      1,
      1,
      1,
      1,
      0.01,
      "",
      0.01,
      3.0,
      1.0,
      0.1,
      0.0,
      0.1,
      0.01,
      10800,
      8,
      2,
      0,
      1,
      1,
      1,
      5,
      0,
      0,
      9999,
      150,
      3,
      OptionalInt.empty(),
      0,
      4,
      OptionalInt.empty(),
      6,
      1,
      1,
      0,
      1,
      OptionalInt.empty(),
      10,
      9999,
      1,
      0,
      0,
      1,
      0,
      0,
      0,
      0,
      1,
      "",
      "",
      "",
      0,
      80.0,
      60.0,
      1,
      0.18,
      0.18,
      0.1,
      0.0,
      0.75,
      1.0,
      0.5,
      200,
      200,
      -1,
      0,
      0,
      0,
      0,
      false,
      25000.0,
      0,
      ZiScale.NONE);

  public TransportParams {
    Objects.requireNonNull(efile, "efile");
    Objects.requireNonNull(kmsl, "kmsl");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(maxpar, "maxpar");
    Objects.requireNonNull(pinbc, "pinbc");
    Objects.requireNonNull(pinpf, "pinpf");
    Objects.requireNonNull(poutf, "poutf");
    Objects.requireNonNull(ziscale, "ziscale");
    List<ConfigProblem> problems = new ArrayList<>();
    finite(problems, "capemin", capemin);
    finite(problems, "dzf", dzf);
    finite(problems, "emisshrs", emisshrs);
    finite(problems, "frhmax", frhmax);
    finite(problems, "frhs", frhs);
    finite(problems, "frme", frme);
    finite(problems, "frmr", frmr);
    finite(problems, "frts", frts);
    finite(problems, "frvs", frvs);
    finite(problems, "rhb", rhb);
    finite(problems, "rht", rht);
    finite(problems, "tkerd", tkerd);
    finite(problems, "tkern", tkern);
    finite(problems, "tlfrac", tlfrac);
    finite(problems, "tout", tout);
    finite(problems, "tratio", tratio);
    finite(problems, "tvmix", tvmix);
    finite(problems, "veght", veght);
    finite(problems, "z_top", zTop);
    if (kmsl.isPresent() && kmsl.getAsInt() != 0 && kmsl.getAsInt() != 1) {
      problems.add(ConfigProblem.at("kmsl", "must be 0 (heights above ground) or 1 (above sea level), got "
          + kmsl.getAsInt() + "; or leave it out to follow each receptor's altitude_ref"));
    }
    if (maxpar.isPresent() && maxpar.getAsInt() < 1) {
      problems.add(ConfigProblem.at("maxpar", "must be at least 1, got " + maxpar.getAsInt()));
    }
    if (!(zTop > 0)) {
      problems.add(ConfigProblem.at("z_top", "must be above 0 m, got " + zTop));
    }
    if (!(emisshrs >= 0)) {
      problems.add(ConfigProblem.at("emisshrs", "must be >= 0 hours, got " + emisshrs));
    }
    if (delt < 0) {
      problems.add(ConfigProblem.at("delt", "must be >= 0 minutes (0 lets HYSPLIT choose), got " + delt));
    }
    if (!(tlfrac > 0 && tlfrac <= 1)) {
      problems.add(ConfigProblem.at("tlfrac", "must be in (0, 1], got " + tlfrac));
    }
    if (!(veght > 0)) {
      problems.add(ConfigProblem.at("veght", "must be above 0, got " + veght));
    }
    if (zicontroltf != 0 && zicontroltf != 1) {
      problems.add(ConfigProblem.at("zicontroltf", "must be 0 or 1, got " + zicontroltf));
    }
    ConfigException.throwIfAny(problems);
  }

  private static void finite(List<ConfigProblem> problems, String key, double value) {
    if (!Double.isFinite(value)) {
      problems.add(ConfigProblem.at(key, "must be a finite number, got " + value));
    }
  }

  /** Builds from a complete value map (the canonical boxed types of {@link HysplitParameter#kind()}). */
  static TransportParams fromValues(java.util.Map<HysplitParameter, Object> v) {
    return new TransportParams(
        (Double) v.get(HysplitParameter.CAPEMIN),
        (Integer) v.get(HysplitParameter.CMASS),
        (Integer) v.get(HysplitParameter.CONAGE),
        (Integer) v.get(HysplitParameter.CPACK),
        (Integer) v.get(HysplitParameter.DELT),
        (Integer) v.get(HysplitParameter.DXF),
        (Integer) v.get(HysplitParameter.DYF),
        (Double) v.get(HysplitParameter.DZF),
        (String) v.get(HysplitParameter.EFILE),
        (Double) v.get(HysplitParameter.EMISSHRS),
        (Double) v.get(HysplitParameter.FRHMAX),
        (Double) v.get(HysplitParameter.FRHS),
        (Double) v.get(HysplitParameter.FRME),
        (Double) v.get(HysplitParameter.FRMR),
        (Double) v.get(HysplitParameter.FRTS),
        (Double) v.get(HysplitParameter.FRVS),
        (Integer) v.get(HysplitParameter.HSCALE),
        (Integer) v.get(HysplitParameter.ICHEM),
        (Integer) v.get(HysplitParameter.IDSP),
        (Integer) v.get(HysplitParameter.INITD),
        (Integer) v.get(HysplitParameter.K10M),
        (Integer) v.get(HysplitParameter.KAGL),
        (Integer) v.get(HysplitParameter.KBLS),
        (Integer) v.get(HysplitParameter.KBLT),
        (Integer) v.get(HysplitParameter.KDEF),
        (Integer) v.get(HysplitParameter.KHINP),
        (Integer) v.get(HysplitParameter.KHMAX),
        (Integer) v.get(HysplitParameter.KMIX0),
        (Integer) v.get(HysplitParameter.KMIXD),
        optionalInt(v.get(HysplitParameter.KMSL)),
        (Integer) v.get(HysplitParameter.KPUFF),
        (Integer) v.get(HysplitParameter.KRAND),
        optionalInt(v.get(HysplitParameter.SEED)),
        (Integer) v.get(HysplitParameter.KRND),
        (Integer) v.get(HysplitParameter.KSPL),
        (Integer) v.get(HysplitParameter.KWET),
        (Integer) v.get(HysplitParameter.KZMIX),
        (Integer) v.get(HysplitParameter.MAXDIM),
        optionalInt(v.get(HysplitParameter.MAXPAR)),
        (Integer) v.get(HysplitParameter.MGMIN),
        (Integer) v.get(HysplitParameter.MHRS),
        (Integer) v.get(HysplitParameter.NBPTYP),
        (Integer) v.get(HysplitParameter.NCYCL),
        (Integer) v.get(HysplitParameter.NDUMP),
        (Integer) v.get(HysplitParameter.NINIT),
        (Integer) v.get(HysplitParameter.NSTR),
        (Integer) v.get(HysplitParameter.NTURB),
        (Integer) v.get(HysplitParameter.NVER),
        (Integer) v.get(HysplitParameter.OUTDT),
        (Integer) v.get(HysplitParameter.P10F),
        (String) v.get(HysplitParameter.PINBC),
        (String) v.get(HysplitParameter.PINPF),
        (String) v.get(HysplitParameter.POUTF),
        (Integer) v.get(HysplitParameter.QCYCLE),
        (Double) v.get(HysplitParameter.RHB),
        (Double) v.get(HysplitParameter.RHT),
        (Integer) v.get(HysplitParameter.SPLITF),
        (Double) v.get(HysplitParameter.TKERD),
        (Double) v.get(HysplitParameter.TKERN),
        (Double) v.get(HysplitParameter.TLFRAC),
        (Double) v.get(HysplitParameter.TOUT),
        (Double) v.get(HysplitParameter.TRATIO),
        (Double) v.get(HysplitParameter.TVMIX),
        (Double) v.get(HysplitParameter.VEGHT),
        (Integer) v.get(HysplitParameter.VSCALE),
        (Integer) v.get(HysplitParameter.VSCALEU),
        (Integer) v.get(HysplitParameter.VSCALES),
        (Integer) v.get(HysplitParameter.W_OPTION),
        (Integer) v.get(HysplitParameter.WBBH),
        (Integer) v.get(HysplitParameter.WBWF),
        (Integer) v.get(HysplitParameter.WBWR),
        (Boolean) v.get(HysplitParameter.WVERT),
        (Double) v.get(HysplitParameter.Z_TOP),
        (Integer) v.get(HysplitParameter.ZICONTROLTF),
        (ZiScale) v.get(HysplitParameter.ZISCALE));
  }

  private static OptionalInt optionalInt(Object o) {
    return o == null ? OptionalInt.empty() : OptionalInt.of((Integer) o);
  }
}
