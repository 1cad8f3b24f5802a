package org.jstilt.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jstilt.core.text.RFormat;

/**
 * The descriptor table of every STILT/HYSPLIT run parameter a {@code config.yaml} can set at its top level
 * (PYSTILT's {@code ModelParams}, {@code TransportParams} and {@code ErrorParams}, in PYSTILT's declaration
 * order): YAML key, type, default, unit, the HYSPLIT file it goes to, documentation visibility, a
 * description, and how to read it from a {@link StiltParams}. One table drives the YAML binder, the
 * HYSPLIT input writers and the documentation.
 *
 * <p><b>Formatting.</b> {@link #format(Object)} writes a value the way R-STILT writes it, so that JSTILT's
 * HYSPLIT input files are byte-identical to R-STILT's: SETUP.CFG numbers through R's
 * {@code format(x, scientific = FALSE)} ({@code RHB=80}, {@code DZF=0.01}), {@code WVERT} as
 * {@code TRUE}/{@code FALSE}, {@code VARSIWANT} as {@code 'time', 'indx', ...}; CONTROL's {@code z_top}
 * with one decimal ({@code 25000.0}), {@code emisshrs} and the WINDERR/ZIERR/ZICONTROL values through
 * {@code as.character}. Empty strings write nothing ({@code EFILE=,}); a non-empty string is single-quoted
 * (PYSTILT; R-STILT would write it bare, which HYSPLIT's namelist reader does not accept). The order of
 * SETUP.CFG lines is R-STILT's ({@link #SETUP_CFG_ORDER}), see {@link HysplitNamelist}.
 */
public enum HysplitParameter {
  // ---- model (ModelParams)
  N_HOURS("n_hours", Group.MODEL, Kind.INT, -24, "h", NamelistTarget.CONTROL, Visibility.PUBLIC,
      "Run length; negative runs backward in time.",
      p -> p.model().nHours()),
  NUMPAR("numpar", Group.MODEL, Kind.INT, 200, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Particles released per simulation (PYSTILT default 200; R-STILT and `stilt init` use 1000).",
      p -> p.model().numpar()),
  HNF_PLUME("hnf_plume", Group.MODEL, Kind.BOOL, true, "", NamelistTarget.NONE, Visibility.PUBLIC,
      "Rescale foot in the hyper-near field with a vertical Gaussian plume (needs dens, samt, sigw, tlgr, foot, mlht in varsiwant).",
      p -> p.model().hnfPlume()),
  RM_DAT("rm_dat", Group.MODEL, Kind.BOOL, true, "", NamelistTarget.NONE, Visibility.PUBLIC,
      "Delete HYSPLIT's raw particle files after they are read.",
      p -> p.model().rmDat()),
  VARSIWANT("varsiwant", Group.MODEL, Kind.NAMES, ModelParams.DEFAULT_VARSIWANT, "", NamelistTarget.SETUP, Visibility.ADVANCED,
      "Particle variables hycs_std writes, in column order.",
      p -> p.model().varsiwant()),
  // ---- transport (TransportParams)
  CAPEMIN("capemin", Group.TRANSPORT, Kind.REAL, -1.0, "J/kg", NamelistTarget.SETUP, Visibility.PUBLIC,
      "CAPE above which convective mixing is enhanced; -1 turns the enhancement off.",
      p -> p.transport().capemin()),
  CMASS("cmass", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Concentration grid in concentration (0) or mass (1) units.",
      p -> p.transport().cmass()),
  CONAGE("conage", Group.TRANSPORT, Kind.INT, 48, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Particle age at which puff/particle conversion applies.",
      p -> p.transport().conage()),
  CPACK("cpack", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Packing of the binary concentration grid.",
      p -> p.transport().cpack()),
  DELT("delt", Group.TRANSPORT, Kind.INT, 1, "min", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Integration time step; 0 lets HYSPLIT choose.",
      p -> p.transport().delt()),
  DXF("dxf", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "East-west grid offset factor for ensemble runs.",
      p -> p.transport().dxf()),
  DYF("dyf", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "North-south grid offset factor for ensemble runs.",
      p -> p.transport().dyf()),
  DZF("dzf", Group.TRANSPORT, Kind.REAL, 0.01, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Vertical offset factor for ensemble runs.",
      p -> p.transport().dzf()),
  EFILE("efile", Group.TRANSPORT, Kind.STRING, "", "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Temporal emissions file; empty for none.",
      p -> p.transport().efile()),
  EMISSHRS("emisshrs", Group.TRANSPORT, Kind.REAL, 0.01, "h", NamelistTarget.CONTROL, Visibility.PUBLIC,
      "How long particles are released for.",
      p -> p.transport().emisshrs()),
  FRHMAX("frhmax", Group.TRANSPORT, Kind.REAL, 3.0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Largest horizontal puff-rounding value.",
      p -> p.transport().frhmax()),
  FRHS("frhs", Group.TRANSPORT, Kind.REAL, 1.0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Horizontal puff-rounding fraction for merging.",
      p -> p.transport().frhs()),
  FRME("frme", Group.TRANSPORT, Kind.REAL, 0.1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Mass-rounding fraction for enhanced merging.",
      p -> p.transport().frme()),
  FRMR("frmr", Group.TRANSPORT, Kind.REAL, 0.0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Mass-removal fraction for enhanced merging.",
      p -> p.transport().frmr()),
  FRTS("frts", Group.TRANSPORT, Kind.REAL, 0.1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Temporal puff-rounding fraction.",
      p -> p.transport().frts()),
  FRVS("frvs", Group.TRANSPORT, Kind.REAL, 0.01, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Vertical puff-rounding fraction.",
      p -> p.transport().frvs()),
  HSCALE("hscale", Group.TRANSPORT, Kind.INT, 10800, "s", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Horizontal Lagrangian time scale.",
      p -> p.transport().hscale()),
  ICHEM("ichem", Group.TRANSPORT, Kind.INT, 8, "", NamelistTarget.SETUP, Visibility.INTERNAL,
      "HYSPLIT chemistry mode; 8 is STILT's particle-in-cell output.",
      p -> p.transport().ichem()),
  IDSP("idsp", Group.TRANSPORT, Kind.INT, 2, "", NamelistTarget.SETUP, Visibility.INTERNAL,
      "Dispersion scheme: 1 HYSPLIT, 2 STILT.",
      p -> p.transport().idsp()),
  INITD("initd", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Initial particle/puff distribution.",
      p -> p.transport().initd()),
  K10M("k10m", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "1 uses the 10 m wind and 2 m temperature as the lowest level when the met has them.",
      p -> p.transport().k10m()),
  KAGL("kagl", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.INTERNAL,
      "Trajectory heights written above ground (1) or above sea level (0).",
      p -> p.transport().kagl()),
  KBLS("kbls", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Boundary-layer stability from fluxes (1) or from wind and temperature profiles (2).",
      p -> p.transport().kbls()),
  KBLT("kblt", Group.TRANSPORT, Kind.INT, 5, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Boundary-layer turbulence scheme; 5 is Hanna.",
      p -> p.transport().kblt()),
  KDEF("kdef", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Horizontal turbulence from vertical mixing (0) or from deformation (1).",
      p -> p.transport().kdef()),
  KHINP("khinp", Group.TRANSPORT, Kind.INT, 0, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Largest particle age read from PARINIT on a restart.",
      p -> p.transport().khinp()),
  KHMAX("khmax", Group.TRANSPORT, Kind.INT, 9999, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Largest particle age.",
      p -> p.transport().khmax()),
  KMIX0("kmix0", Group.TRANSPORT, Kind.INT, 150, "m", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Smallest mixing depth.",
      p -> p.transport().kmix0()),
  KMIXD("kmixd", Group.TRANSPORT, Kind.INT, 3, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "How the mixing depth is found: 0 from the met, 1 temperature, 2 TKE, 3 modified Richardson.",
      p -> p.transport().kmixd()),
  KMSL("kmsl", Group.TRANSPORT, Kind.OPTIONAL_INT, null, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Release heights above ground (0) or sea level (1); unset derives it from each receptor's altitude_ref.",
      p -> p.transport().kmsl()),
  KPUFF("kpuff", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Horizontal puff growth linear (0) or empirical (1).",
      p -> p.transport().kpuff()),
  KRAND("krand", Group.TRANSPORT, Kind.INT, 4, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Random-number mode: 4 draws a new seed every run (R-STILT's default); 1 repeats for a given seed.",
      p -> p.transport().krand()),
  SEED("seed", Group.TRANSPORT, Kind.OPTIONAL_INT, null, "", NamelistTarget.SETUP, Visibility.ADVANCED,
      "HYSPLIT's random seed (SEED), written only when set; only krand modes with a fixed initial seed use it.",
      p -> p.transport().seed()),
  KRND("krnd", Group.TRANSPORT, Kind.INT, 6, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Interval of enhanced particle merging.",
      p -> p.transport().krnd()),
  KSPL("kspl", Group.TRANSPORT, Kind.INT, 1, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Interval of standard particle splitting.",
      p -> p.transport().kspl()),
  KWET("kwet", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Precipitation from the met (1) or from an ARL rain file (2).",
      p -> p.transport().kwet()),
  KZMIX("kzmix", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Vertical mixing adjustment: 0 none, 1 boundary-layer average, 2 scaled by tvmix.",
      p -> p.transport().kzmix()),
  MAXDIM("maxdim", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Pollutant species carried per particle.",
      p -> p.transport().maxdim()),
  MAXPAR("maxpar", Group.TRANSPORT, Kind.OPTIONAL_INT, null, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Largest number of particles in a simulation; unset means numpar.",
      p -> p.transport().maxpar()),
  MGMIN("mgmin", Group.TRANSPORT, Kind.INT, 10, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Smallest meteorological subgrid, in grid points.",
      p -> p.transport().mgmin()),
  MHRS("mhrs", Group.TRANSPORT, Kind.INT, 9999, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Trajectory restart duration limit.",
      p -> p.transport().mhrs()),
  NBPTYP("nbptyp", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Particle-size bins per pollutant.",
      p -> p.transport().nbptyp()),
  NCYCL("ncycl", Group.TRANSPORT, Kind.INT, 0, "h", NamelistTarget.SETUP, Visibility.INTERNAL,
      "PARDUMP output cycle.",
      p -> p.transport().ncycl()),
  NDUMP("ndump", Group.TRANSPORT, Kind.INT, 0, "h", NamelistTarget.SETUP, Visibility.INTERNAL,
      "Particle dump interval; 0 writes no dumps.",
      p -> p.transport().ndump()),
  NINIT("ninit", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "How particles are initialised from PARINIT (restart, add, replace).",
      p -> p.transport().ninit()),
  NSTR("nstr", Group.TRANSPORT, Kind.INT, 0, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Trajectory restart interval.",
      p -> p.transport().nstr()),
  NTURB("nturb", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "1 switches turbulence off (mean trajectories).",
      p -> p.transport().nturb()),
  NVER("nver", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Trajectory vertical split number.",
      p -> p.transport().nver()),
  OUTDT("outdt", Group.TRANSPORT, Kind.INT, 0, "min", NamelistTarget.SETUP, Visibility.ADVANCED,
      "Interval between PARTICLE.DAT writes; negative writes none.",
      p -> p.transport().outdt()),
  P10F("p10f", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Dust threshold-velocity factor.",
      p -> p.transport().p10f()),
  PINBC("pinbc", Group.TRANSPORT, Kind.STRING, "", "", NamelistTarget.SETUP, Visibility.INTERNAL,
      "Particle file for boundary-condition particles.",
      p -> p.transport().pinbc()),
  PINPF("pinpf", Group.TRANSPORT, Kind.STRING, "", "", NamelistTarget.SETUP, Visibility.INTERNAL,
      "Particle file for initialisation or boundary conditions.",
      p -> p.transport().pinpf()),
  POUTF("poutf", Group.TRANSPORT, Kind.STRING, "", "", NamelistTarget.SETUP, Visibility.INTERNAL,
      "Particle output file.",
      p -> p.transport().poutf()),
  QCYCLE("qcycle", Group.TRANSPORT, Kind.INT, 0, "h", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Emission cycle; 0 for none.",
      p -> p.transport().qcycle()),
  RHB("rhb", Group.TRANSPORT, Kind.REAL, 80.0, "%", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Relative humidity that defines cloud base.",
      p -> p.transport().rhb()),
  RHT("rht", Group.TRANSPORT, Kind.REAL, 60.0, "%", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Relative humidity below which the cloud top ends.",
      p -> p.transport().rht()),
  SPLITF("splitf", Group.TRANSPORT, Kind.INT, 1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Automatic horizontal split-size factor; negative turns it off.",
      p -> p.transport().splitf()),
  TKERD("tkerd", Group.TRANSPORT, Kind.REAL, 0.18, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Unstable turbulence ratio w'2/(u'2+v'2).",
      p -> p.transport().tkerd()),
  TKERN("tkern", Group.TRANSPORT, Kind.REAL, 0.18, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Stable turbulence ratio w'2/(u'2+v'2).",
      p -> p.transport().tkern()),
  TLFRAC("tlfrac", Group.TRANSPORT, Kind.REAL, 0.1, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Fraction of the vertical Lagrangian time scale used as the STILT time step.",
      p -> p.transport().tlfrac()),
  TOUT("tout", Group.TRANSPORT, Kind.REAL, 0.0, "min", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Trajectory output interval.",
      p -> p.transport().tout()),
  TRATIO("tratio", Group.TRANSPORT, Kind.REAL, 0.75, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Advection stability ratio.",
      p -> p.transport().tratio()),
  TVMIX("tvmix", Group.TRANSPORT, Kind.REAL, 1.0, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Scale factor on vertical mixing (kzmix modes that use it).",
      p -> p.transport().tvmix()),
  VEGHT("veght", Group.TRANSPORT, Kind.REAL, 0.5, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Fraction of the mixed layer below which particles count toward the footprint; also used by hnf_plume.",
      p -> p.transport().veght()),
  VSCALE("vscale", Group.TRANSPORT, Kind.INT, 200, "s", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Vertical Lagrangian time scale, neutral boundary layer.",
      p -> p.transport().vscale()),
  VSCALEU("vscaleu", Group.TRANSPORT, Kind.INT, 200, "s", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Vertical Lagrangian time scale, unstable boundary layer.",
      p -> p.transport().vscaleu()),
  VSCALES("vscales", Group.TRANSPORT, Kind.INT, -1, "s", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Vertical Lagrangian time scale, stable boundary layer.",
      p -> p.transport().vscales()),
  W_OPTION("w_option", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.CONTROL, Visibility.PUBLIC,
      "Vertical motion: 0 from the met, 1 isobaric, 2 isentropic, 3 constant density, 4 sigma.",
      p -> p.transport().wOption()),
  WBBH("wbbh", Group.TRANSPORT, Kind.INT, 0, "m", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Height where fixed vertical motion turns from rise to fall.",
      p -> p.transport().wbbh()),
  WBWF("wbwf", Group.TRANSPORT, Kind.INT, 0, "m/s", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Fixed fall velocity (vertical-motion options 9 and 10).",
      p -> p.transport().wbwf()),
  WBWR("wbwr", Group.TRANSPORT, Kind.INT, 0, "m/s", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Fixed rise velocity (vertical-motion option 9).",
      p -> p.transport().wbwr()),
  WVERT("wvert", Group.TRANSPORT, Kind.BOOL, false, "", NamelistTarget.SETUP, Visibility.PUBLIC,
      "Interpolate vertical velocity as WRF does.",
      p -> p.transport().wvert()),
  Z_TOP("z_top", Group.TRANSPORT, Kind.REAL, 25000.0, "m", NamelistTarget.CONTROL, Visibility.PUBLIC,
      "Top of the model domain, above ground.",
      p -> p.transport().zTop()),
  ZICONTROLTF("zicontroltf", Group.TRANSPORT, Kind.INT, 0, "", NamelistTarget.SETUP, Visibility.ADVANCED,
      "1 scales the mixed-layer height by ziscale through ZICONTROL.",
      p -> p.transport().zicontroltf()),
  ZISCALE("ziscale", Group.TRANSPORT, Kind.ZISCALE, ZiScale.NONE, "", NamelistTarget.ZICONTROL, Visibility.ADVANCED,
      "Mixed-layer height factor: one number for every hour, or a list of hourly factors.",
      p -> p.transport().ziscale()),
  // ---- error (ErrorParams)
  SIGUVERR("siguverr", Group.ERROR, Kind.OPTIONAL_REAL, null, "m/s", NamelistTarget.WINDERR, Visibility.PUBLIC,
      "Standard deviation of the horizontal wind error.",
      p -> p.error().siguverr()),
  TLUVERR("tluverr", Group.ERROR, Kind.OPTIONAL_REAL, null, "min", NamelistTarget.WINDERR, Visibility.PUBLIC,
      "Time scale of the horizontal wind error.",
      p -> p.error().tluverr()),
  ZCORUVERR("zcoruverr", Group.ERROR, Kind.OPTIONAL_REAL, null, "m", NamelistTarget.WINDERR, Visibility.PUBLIC,
      "Vertical correlation length of the horizontal wind error.",
      p -> p.error().zcoruverr()),
  HORCORUVERR("horcoruverr", Group.ERROR, Kind.OPTIONAL_REAL, null, "km", NamelistTarget.WINDERR, Visibility.PUBLIC,
      "Horizontal correlation length of the horizontal wind error.",
      p -> p.error().horcoruverr()),
  SIGZIERR("sigzierr", Group.ERROR, Kind.OPTIONAL_REAL, null, "%", NamelistTarget.ZIERR, Visibility.PUBLIC,
      "Standard deviation of the mixed-layer height error.",
      p -> p.error().sigzierr()),
  TLZIERR("tlzierr", Group.ERROR, Kind.OPTIONAL_REAL, null, "min", NamelistTarget.ZIERR, Visibility.PUBLIC,
      "Time scale of the mixed-layer height error.",
      p -> p.error().tlzierr()),
  HORCORZIERR("horcorzierr", Group.ERROR, Kind.OPTIONAL_REAL, null, "km", NamelistTarget.ZIERR, Visibility.PUBLIC,
      "Horizontal correlation length of the mixed-layer height error.",
      p -> p.error().horcorzierr());


  /** Which PYSTILT parameter class a parameter belongs to. */
  public enum Group {
    MODEL,
    TRANSPORT,
    ERROR
  }

  /**
   * Value types, with the canonical Java type a value map holds: {@code INT} Integer, {@code REAL} Double,
   * {@code BOOL} Boolean, {@code STRING} String, {@code NAMES} List of String, {@code ZISCALE}
   * {@link ZiScale}, {@code OPTIONAL_INT} Integer or absent, {@code OPTIONAL_REAL} Double or absent.
   */
  public enum Kind {
    INT,
    REAL,
    BOOL,
    STRING,
    NAMES,
    ZISCALE,
    OPTIONAL_INT,
    OPTIONAL_REAL;

    /** True for the kinds that may be left unset (YAML {@code null} or key absent). */
    public boolean optional() {
      return this == OPTIONAL_INT || this == OPTIONAL_REAL;
    }
  }

  /**
   * The SETUP.CFG keys in the order R-STILT's {@code write_setup} writes them. {@code IVMAX}
   * (= number of {@code varsiwant} entries), {@code KMSL} (resolved per receptor) and {@code WINDERRTF}
   * (0 for the main run, 1/2/3 for the error run) are computed, not configured; {@code SEED} is not written
   * by R-STILT at all and comes last, only when set (as in the reference run night_a_seed1).
   */
  public static final List<String> SETUP_CFG_ORDER = List.of("CAPEMIN", "CMASS", "CONAGE", "CPACK", "DELT",
      "DXF", "DYF", "DZF", "EFILE", "FRHMAX", "FRHS", "FRME", "FRMR", "FRTS", "FRVS", "HSCALE", "ICHEM", "IDSP",
      "INITD", "IVMAX", "K10M", "KAGL", "KBLS", "KBLT", "KDEF", "KHINP", "KHMAX", "KMIX0", "KMIXD", "KMSL",
      "KPUFF", "KRAND", "KRND", "KSPL", "KWET", "KZMIX", "MAXDIM", "MAXPAR", "MGMIN", "MHRS", "NBPTYP", "NCYCL",
      "NDUMP", "NINIT", "NSTR", "NTURB", "NUMPAR", "NVER", "OUTDT", "P10F", "PINBC", "PINPF", "POUTF", "QCYCLE",
      "RHB", "RHT", "SPLITF", "TKERD", "TKERN", "TLFRAC", "TOUT", "TRATIO", "TVMIX", "VARSIWANT", "VEGHT",
      "VSCALE", "VSCALEU", "VSCALES", "WBBH", "WBWF", "WBWR", "WVERT", "WINDERRTF", "ZICONTROLTF", "SEED");

  private static final Map<String, HysplitParameter> BY_KEY = Collections.unmodifiableMap(
      java.util.Arrays.stream(values()).collect(Collectors.toMap(HysplitParameter::key, p -> p, (a, b) -> a,
          java.util.LinkedHashMap::new)));

  private final String key;
  private final Group group;
  private final Kind kind;
  private final Object defaultValue;
  private final String unit;
  private final NamelistTarget target;
  private final Visibility visibility;
  private final String description;
  private final Function<ParamGroups, Object> getter;

  HysplitParameter(String key, Group group, Kind kind, Object defaultValue, String unit, NamelistTarget target,
      Visibility visibility, String description, Function<ParamGroups, Object> getter) {
    this.key = key;
    this.group = group;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.unit = unit;
    this.target = target;
    this.visibility = visibility;
    this.description = description;
    this.getter = getter;
  }

  /** The {@code config.yaml} key (and PYSTILT field name), e.g. {@code kmix0}, {@code n_hours}. */
  public String key() {
    return key;
  }

  /** The name in HYSPLIT's namelist: the key in upper case ({@code KMIX0}). */
  public String namelistName() {
    return key.toUpperCase(Locale.ROOT);
  }

  public Group group() {
    return group;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * PYSTILT's default in the canonical type of {@link #kind()}; empty for parameters unset by default
   * ({@code kmsl}, {@code seed}, {@code maxpar} (which then follows {@code numpar}), the error parameters).
   */
  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Unit of the value ({@code m}, {@code s}, {@code min}, {@code h}, {@code J/kg}, {@code %}, ...), or {@code ""}. */
  public String unit() {
    return unit;
  }

  /** The HYSPLIT file the value is written to, or {@link NamelistTarget#NONE}. */
  public NamelistTarget target() {
    return target;
  }

  public Visibility visibility() {
    return visibility;
  }

  public String description() {
    return description;
  }

  /**
   * This parameter's value in {@code params}, in the canonical type of {@link #kind()}; empty when unset.
   * ({@code maxpar} is always set in a {@link StiltParams}: it defaults to {@code numpar}.)
   */
  public Optional<Object> value(StiltParams params) {
    return Optional.ofNullable(rawValue(params));
  }

  /** The value in its canonical type, {@code null} when unset. */
  Object rawValue(ParamGroups groups) {
    Object v = getter.apply(groups);
    if (v instanceof OptionalInt oi) {
      return oi.isPresent() ? oi.getAsInt() : null;
    }
    if (v instanceof OptionalDouble od) {
      return od.isPresent() ? od.getAsDouble() : null;
    }
    return v;
  }

  /** The parameter with this YAML key, if any. */
  public static Optional<HysplitParameter> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** All YAML keys, in declaration order. */
  public static List<String> keys() {
    return new ArrayList<>(BY_KEY.keySet());
  }

  /**
   * The value as R-STILT writes it to this parameter's file (see the class comment). For
   * {@link NamelistTarget#ZICONTROL} use {@link HysplitNamelist#zicontrol}; {@link NamelistTarget#NONE}
   * parameters are never written.
   *
   * @throws IllegalArgumentException for a value of the wrong type or a parameter that is never written
   */
  public String format(Object value) {
    switch (target) {
      case SETUP:
        return switch (kind) {
          case INT, OPTIONAL_INT -> RFormat.format(((Integer) value).doubleValue());
          case REAL, OPTIONAL_REAL -> RFormat.format((Double) value);
          case BOOL -> ((Boolean) value) ? "TRUE" : "FALSE";
          case STRING -> ((String) value).isEmpty() ? "" : "'" + value + "'";
          case NAMES -> ((List<?>) value).stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
          case ZISCALE -> throw new IllegalArgumentException(key + " is not a SETUP.CFG value");
        };
      case CONTROL:
        if (this == Z_TOP) {
          return RFormat.format((Double) value, 1);
        }
        if (kind == Kind.INT) {
          return Integer.toString((Integer) value);
        }
        return RFormat.asCharacter((Double) value);
      case WINDERR:
      case ZIERR:
        return RFormat.asCharacter((Double) value);
      default:
        throw new IllegalArgumentException(key + " is not written as a single value to a HYSPLIT file");
    }
  }
}
