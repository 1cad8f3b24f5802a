package org.jstilt.transport.engine;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jstilt.transport.TransportParams;
import org.jstilt.transport.met.GridGeometry;
import org.jstilt.transport.met.InternalLevels;
import org.jstilt.transport.met.MetPeriod;
import org.jstilt.transport.met.MetSampler;
import org.jstilt.transport.physics.Atmosphere;

/**
 * Advances particles by one outer time step: HYSPLIT's ADVIEC (predictor–corrector mean advection) followed,
 * with turbulence on, by STILT's PARDSP (TRANSPORT.md §4.2, §5.4, §5.6). One instance per worker thread; it
 * owns every scratch array it uses, so stepping a particle allocates nothing.
 */
public final class Stepper {
  /** Grid lengths from the grid edge within which a particle is terminated at the start of a step. */
  static final double EDGE_MARGIN = 2.0;
  /** Output column codes. */
  static final String[] KNOWN = {
    "time", "indx", "long", "lati", "zagl", "zsfc", "sigw", "tlgr", "icdx", "temp", "temz", "pres", "samt", "foot",
    "shtf", "whtf", "lhtf", "tcld", "lcld", "dmas", "dens", "rhfr", "sphu", "solw", "zloc", "dswf", "wout", "mlht",
    "rain", "crai", "zfx1", "ptyp", "xhgt"
  };

  private final InternalLevels lev;
  private final int nl;
  private final double zTop;
  private final TransportParams prm;
  private final GridGeometry geo;
  private final int nx;
  private final int ny;
  // the met window of the current step: offsets subtracted from full-grid positions, and its size
  private int ox;
  private int oy;
  private int wnx;
  private int wny;
  private final double[] sigma;
  private final int[] outCode;
  private final double rHoriz;
  private final double sHoriz;

  // per-step context, set by the engine before the parallel phase
  MetWindow.Pair prevPair;
  MetWindow.Pair nextPair;
  double dtMin;
  double timeEndMin;

  // column workspace (original levels 1..nl), lazily filled per half-step
  private final double[] cSw;
  private final double[] cTl;
  private final double[] cDens;
  private final double[] cU;
  private final double[] cV;
  private final int[] stamp;
  private int curStamp = 1;
  private MetPeriod colA;
  private MetPeriod colB;
  private double colTf;
  private double colX;
  private double colY;
  private int colColumn;
  private double colZi;
  private boolean colNext;
  private double[] colErrU;
  private double[] colErrV;
  // WINDERR: shared per-particle profiles and this thread's profiles for the step (grid/min, levels 1..nl)
  private WindErrorProfiles windErrors;
  private final double[] errPrevU;
  private final double[] errPrevV;
  private final double[] errNextU;
  private final double[] errNextV;
  private int kzm;
  private final double[] turb = new double[2];
  private final double[] vel1 = new double[3];
  private final double[] vel2 = new double[3];
  private final double[] posBuf = new double[3];

  // per-particle step results
  private double lastSw;
  private double lastTl;
  private double stepFoot;
  private double stepSamt;
  private double sphuKb;

  public Stepper(InternalLevels lev, TransportParams prm, GridGeometry geo, List<String> columns) {
    this.lev = lev;
    this.nl = lev.count();
    this.zTop = lev.zTopM();
    this.prm = prm;
    this.geo = geo;
    this.nx = geo.nx();
    this.ny = geo.ny();
    this.sigma = new double[nl + 2];
    for (int k = 1; k <= nl; k++) {
      sigma[k] = lev.sigma(k);
    }
    cSw = new double[nl + 1];
    cTl = new double[nl + 1];
    cDens = new double[nl + 1];
    cU = new double[nl + 1];
    cV = new double[nl + 1];
    stamp = new int[nl + 1];
    errPrevU = new double[nl + 1];
    errPrevV = new double[nl + 1];
    errNextU = new double[nl + 1];
    errNextV = new double[nl + 1];
    outCode = new int[columns.size()];
    for (int c = 0; c < outCode.length; c++) {
      outCode[c] = code(columns.get(c));
    }
    double r = Math.exp(-Math.abs(prm.deltMin()) * 60.0 / prm.hscaleS());
    rHoriz = r;
    sHoriz = Math.sqrt(1 - r * r);
  }

  static int code(String name) {
    for (int i = 0; i < KNOWN.length; i++) {
      if (KNOWN[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown output column " + name);
  }

  /** The WINDERR profiles of all particles (required when the parameters ask for wind errors). */
  public void setWindErrors(WindErrorProfiles profiles) {
    this.windErrors = profiles;
  }

  /** Sets the step: periods around its start and end, its signed length and the end time (min since release). */
  public void setStep(MetWindow.Pair prev, MetWindow.Pair next, double dtMin, double timeEndMin) {
    this.prevPair = prev;
    this.nextPair = next;
    this.dtMin = dtMin;
    this.timeEndMin = timeEndMin;
    // every period held shares one window: met arrays are indexed relative to it, positions stay full-grid
    org.jstilt.transport.met.GridWindow w = prev.a().window;
    this.ox = w.offsetX();
    this.oy = w.offsetY();
    this.wnx = w.nx();
    this.wny = w.ny();
  }

  /**
   * Advances particle p by one step and writes its output values into {@code out[c][p]} (when it stays
   * alive).
   */
  public void step(ParticleState s, int p, double[][] out) {
    double dt = dtMin;
    double adt = Math.abs(dt);
    double tdir = Math.signum(dt);
    double x0 = s.x[p];
    double y0 = s.y[p];
    double z0 = s.z[p];
    if (nearEdge(x0, y0)) {
      // hycs_std terminates a particle that starts a step within two grid lengths of the (sub)grid edge (T2: both
      // mean trajectories that leave the HRRR test grid end with their last row at x = 57.02–57.03 of nx = 59)
      s.alive[p] = false;
      return;
    }
    RandomGenerator rng = s.rng[p];
    MetWindow.Pair pa = prevPair;
    MetWindow.Pair pb = nextPair;

    // WINDERR (TRANSPORT.md §5.8): the profile before advection decorrelates in time, the one after advection along
    // the path; both add to the mean advection (first and second pass) and to PARDSP's profile winds (two halves)
    TransportParams.WindError we = prm.windError();
    boolean windErr = we != null;
    if (windErr && windErrors == null) {
      throw new IllegalStateException("wind errors requested but no WindErrorProfiles set");
    }
    double gxM = geo.gxNear(x0, y0);
    double gyM = geo.gyNear(x0, y0);
    double errScaleU = windErr ? we.sigmaMs() * 60.0 / gxM : 0;
    double errScaleV = windErr ? we.sigmaMs() * 60.0 / gyM : 0;
    if (windErr) {
      windErrors.advance(p, Math.exp(-adt / we.timeScaleMin()), rng, errScaleU, errScaleV, errPrevU, errPrevV);
    }

    // mean advection, predictor–corrector
    velocity(pa, x0, y0, z0, vel1);
    if (windErr) {
      double zx0 = lev.fractionalIndex(z0);
      vel1[0] += WindErrorProfiles.at(errPrevU, zx0, nl);
      vel1[1] += WindErrorProfiles.at(errPrevV, zx0, nl);
    }
    double x1 = geo.wrapX(x0 + vel1[0] * dt);
    double y1 = y0 + vel1[1] * dt;
    // the first guess is not clamped to the ground (ADVIEC clamps only the final position)
    double z1 = z0 + vel1[2] * dt;
    if (offGrid(x1, y1)) {
      s.alive[p] = false;
      return;
    }
    if (windErr) {
      double distKm = Math.hypot((x1 - x0) * gxM, (y1 - y0) * gyM) / 1000.0;
      windErrors.advance(p, Math.exp(-distKm / we.horizontalScaleKm()), rng, errScaleU, errScaleV, errNextU, errNextV);
    }
    velocity(pb, x1, y1, z1, vel2);
    if (windErr) {
      double zx1 = lev.fractionalIndex(z1);
      vel2[0] += WindErrorProfiles.at(errNextU, zx1, nl);
      vel2[1] += WindErrorProfiles.at(errNextV, zx1, nl);
    }
    double xa = geo.wrapX(x0 + 0.5 * (vel1[0] + vel2[0]) * dt);
    double ya = y0 + 0.5 * (vel1[1] + vel2[1]) * dt;
    double za = Math.min(1.0, z0 + 0.5 * (vel1[2] + vel2[2]) * dt);
    if (offGrid(xa, ya)) {
      s.alive[p] = false;
      return;
    }
    double wMean = 0.5 * (vel1[2] + vel2[2]);
    double zi1 = MetSampler.zi(pa.a(), pa.b(), pa.tf(), x0 - ox, y0 - oy);
    double zi2 = MetSampler.zi(pb.a(), pb.b(), pb.tf(), xa - ox, ya - oy);

    double xf;
    double yf;
    double zf;
    stepFoot = 0;
    stepSamt = 0;
    lastSw = 0;
    lastTl = 0;
    sphuKb = Double.NaN;
    if (!prm.turbulence()) {
      xf = xa;
      yf = ya;
      zf = za;
    } else {
      // horizontal turbulence (PARDSP): u'² = v'² interpolated like any 3-D field at the pre-advection
      // position (bilinear, linear in the level index; ADVMET's ADV3NT, read from hycs_std) at the step's end time
      double hv = MetSampler.atIndex(pb.a(), pb.b(), pb.tf(), pb.a().hvar, pb.b().hvar, x0 - ox, y0 - oy,
          lev.fractionalIndex(z0));
      double su = Math.sqrt(Math.max(0.0, hv));
      double sv = su;
      double up;
      double vp;
      if (Double.isNaN(s.uPrime[p])) {
        // hycs_std's PARDSP starts u', v' at their full variance (first step), then AR(1) with HSCALE
        up = su * rng.nextGaussian();
        vp = sv * rng.nextGaussian();
      } else {
        up = rHoriz * s.uPrime[p] + sHoriz * su * rng.nextGaussian();
        vp = rHoriz * s.vPrime[p] + sHoriz * sv * rng.nextGaussian();
      }
      s.uPrime[p] = up;
      s.vPrime[p] = vp;
      double xt = geo.wrapX(x0 + up * adt * 60.0 / gxM);
      double yt = y0 + vp * adt * 60.0 / gyM;
      double zsfc = MetSampler.bilinear2d(pb.a().zsfc, wnx, wny, xa - ox, ya - oy);
      double[] pos = posBuf;
      pos[0] = xt;
      pos[1] = yt;
      pos[2] = za;
      double wr = s.wRatio[p];
      wr = halfStep(pos, wr, rng, pa, x0, y0, zi1, zsfc, tdir, adt, windErr ? errPrevU : null, windErr ? errPrevV : null,
          false);
      wr = halfStep(pos, wr, rng, pb, xa, ya, zi2, zsfc, tdir, adt, windErr ? errNextU : null, windErr ? errNextV : null,
          true);
      s.wRatio[p] = wr;
      xf = geo.wrapX(pos[0]);
      yf = pos[1];
      zf = pos[2];
      if (offGrid(xf, yf)) {
        s.alive[p] = false;
        return;
      }
    }
    // ZIERR scales the foot; its error decorrelates in time and along the path (AR(1), stationary from release)
    TransportParams.ZiError ze = prm.ziError();
    if (ze != null) {
      double distKm = Math.hypot((xf - x0) * gxM, (yf - y0) * gyM) / 1000.0;
      double rt = Math.exp(-adt / ze.timeScaleMin()) * Math.exp(-distKm / ze.horizontalScaleKm());
      s.ziErr[p] = rt * s.ziErr[p] + Math.sqrt(1 - rt * rt) * ze.sigmaPercent() * s.ziRng[p].nextGaussian();
      stepFoot *= Math.max(0.0, (100.0 + s.ziErr[p]) / 100.0);
    }
    s.x[p] = xf;
    s.y[p] = yf;
    s.z[p] = zf;
    s.foot[p] += stepFoot;
    s.samt[p] += stepSamt;
    if (out != null) {
      writeOutputs(s, p, out, pb, xf, yf, zf, 0.5 * (zi1 + zi2), wMean, tdir);
    }
  }

  /** Fractional level index of σ, linear in σ between the two levels that bracket it (level 1 below it). */
  private double linearLevelIndex(double z) {
    double zx = lev.fractionalIndex(z);
    int k = (int) zx;
    if (k < 1 || k >= nl) {
      return zx;
    }
    return k + (sigma[k] - z) / (sigma[k] - sigma[k + 1]);
  }

  private boolean nearEdge(double x, double y) {
    boolean xNear = !geo.cyclicX() && (x < EDGE_MARGIN + 1.0 || x > nx - EDGE_MARGIN);
    return xNear || y < EDGE_MARGIN + 1.0 || y > ny - EDGE_MARGIN;
  }

  private boolean offGrid(double x, double y) {
    // a cyclic (global) grid has no x edge: positions are wrapped into [1, nx + 1)
    boolean xIn = geo.cyclicX() || (x >= 1.0 && x <= nx);
    return !(xIn && y >= 1.0 && y <= ny);
  }

  /**
   * Mean velocity (grid/min, grid/min, σ/min) at a position, time-interpolated within the pair: bilinear weights
   * and level indexes are computed once for the three components and both periods.
   */
  private void velocity(MetWindow.Pair pr, double xFull, double yFull, double z, double[] v) {
    double x = xFull - ox;
    double y = yFull - oy;
    double zx = lev.fractionalIndex(z);
    MetPeriod a = pr.a();
    MetPeriod b = pr.b();
    double tf = pr.tf();
    double scale = 1.0;
    if (zx < 1.0) {
      // STILT (hycs_std's adv3nw_; gdb on its arguments in advsti_'s calls): below the first level u, v and W are the
      // level-1 values times z_agl / z_agl(1), both terrain-compressed, i.e. (1 − σ)/(1 − σ1). The ratio is not
      // clamped: a first-guess position below the ground (σ > 1) gets the level-1 velocity reversed and scaled.
      scale = (1.0 - z) / (1.0 - lev.sigma(1));
      zx = 1.0;
    }
    int k = (int) zx;
    double fz = zx - k;
    if (k >= nl) {
      k = nl - 1;
      fz = 1.0;
    }
    int i = (int) x;
    int j = (int) y;
    i = Math.max(1, Math.min(wnx - 1, i));
    j = Math.max(1, Math.min(wny - 1, j));
    double fx = x - i;
    double fy = y - j;
    double w00 = (1 - fx) * (1 - fy);
    double w10 = fx * (1 - fy);
    double w01 = (1 - fx) * fy;
    double w11 = fx * fy;
    int c = ((j - 1) * wnx + (i - 1)) * nl + k - 1;
    int cx = c + nl;
    int cy = c + wnx * nl;
    int cxy = cy + nl;
    double ua = blend(a.u, c, cx, cy, cxy, w00, w10, w01, w11, fz);
    double va = blend(a.v, c, cx, cy, cxy, w00, w10, w01, w11, fz);
    double wa = blend(a.w, c, cx, cy, cxy, w00, w10, w01, w11, fz);
    if (tf != 0.0 && a != b) {
      ua += tf * (blend(b.u, c, cx, cy, cxy, w00, w10, w01, w11, fz) - ua);
      va += tf * (blend(b.v, c, cx, cy, cxy, w00, w10, w01, w11, fz) - va);
      wa += tf * (blend(b.w, c, cx, cy, cxy, w00, w10, w01, w11, fz) - wa);
    }
    v[0] = scale * ua;
    v[1] = scale * va;
    v[2] = scale * wa;
  }

  private static double blend(double[] f, int c, int cx, int cy, int cxy, double w00, double w10, double w01, double w11,
      double fz) {
    double lo = w00 * f[c] + w10 * f[cx] + w01 * f[cy] + w11 * f[cxy];
    double hi = w00 * f[c + 1] + w10 * f[cx + 1] + w01 * f[cy + 1] + w11 * f[cxy + 1];
    return lo + fz * (hi - lo);
  }

  /** Points the lazy column at a period pair and position for one half-step. */
  private void setColumn(MetWindow.Pair pr, double x, double y, double zi, double[] errU, double[] errV) {
    colA = pr.a();
    colB = pr.b();
    colTf = pr.tf();
    colX = x - ox;
    colY = y - oy;
    colZi = zi;
    colColumn = MetSampler.nearest(colA, colX, colY);
    colErrU = errU;
    colErrV = errV;
    curStamp++;
    if (curStamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stamp, 0);
      curStamp = 1;
    }
  }

  /** Fills original level k of the column if not yet done for this half-step. */
  private void ensure(int k) {
    if (stamp[k] == curStamp) {
      return;
    }
    MetSampler.turbulence(colA, colB, colTf, colColumn, k, colZi, lev, turb);
    double sw = turb[0];
    double tl = turb[1];
    cSw[k] = sw == 0.0 ? 0.001 : sw;
    cTl[k] = tl == 0.0 ? 100.0 : tl;
    // the half-step after advection uses hycs_std's second dry-air conversion (precomputed per grid point)
    double dens = colNext ? interp(colA.densNext, colB.densNext, k) : interp(colA.dens, colB.dens, k);
    cDens[k] = dens;
    cU[k] = interp(colA.u, colB.u, k) + (colErrU == null ? 0.0 : colErrU[k]);
    cV[k] = interp(colA.v, colB.v, k) + (colErrV == null ? 0.0 : colErrV[k]);
    stamp[k] = curStamp;
  }

  private double interp(double[] fa, double[] fb, int k) {
    double va = MetSampler.bilinear3d(fa, wnx, wny, nl, k, colX, colY);
    if (colTf == 0.0 || colA == colB) {
      return va;
    }
    return va + colTf * (MetSampler.bilinear3d(fb, wnx, wny, nl, k, colX, colY) - va);
  }

  /** Dry-air density at original level k for the foot integral. */
  private double dry(int k) {
    // hycs_std's profile density is already the dry-air density ((p − e)/(Rd·T), the `dens` column): PARDSP
    // integrates it as it is (gdb: DENSINT 74.1355 in hycs_std, 74.1329 here; with STILT v1's extra (1 − q)
    // factor it was 73.68, and every foot 0.5–0.6 % too large)
    ensure(k);
    return cDens[k];
  }

  /** Original level that added-level index i (with the thin level above zi) takes its values from. */
  private int orig(int i) {
    if (i <= kzm) {
      return i;
    }
    return i == kzm + 1 ? kzm + 1 : i - 1;
  }

  /** σ of added-level index i. */
  private double sigAdd(int i) {
    if (i <= kzm) {
      return sigma[i];
    }
    if (i == kzm + 1) {
      return sigma[kzm] - 0.05 * (sigma[kzm] - sigma[kzm + 1]);
    }
    return sigma[i - 1];
  }

  private double sw(int i) {
    int k = orig(i);
    ensure(k);
    return cSw[k];
  }

  private double dens(int i) {
    int k = orig(i);
    ensure(k);
    return cDens[k];
  }

  /**
   * One PARDSP half-step of |dt|/2 with fixed profiles: returns the new w'/σw; {@code pos} (x, y, σ) is
   * updated in place.
   */
  private double halfStep(double[] pos, double wRatio, RandomGenerator rng, MetWindow.Pair pr, double cx, double cy,
      double zi, double zsfc, double tdir, double adt, double[] errU, double[] errV,
      boolean next) {
    setColumn(pr, cx, cy, zi, errU, errV);
    colNext = next;
    double span = zTop - zsfc;
    double veghtZ = prm.footLayerM(zi);
    if (veghtZ > 0.9 * zTop) {
      veghtZ = 0.9 * zTop;
    }
    double veghtSig = 1.0 - veghtZ / span;
    double zmlSig = 1.0 - zi / span;
    int kk = 1;
    kzm = 1;
    double zml4 = Math.rint(zmlSig * 1e4);
    while (kk <= nl && Math.rint(sigma[kk] * 1e4) > zml4) {
      kzm = kk + 1;
      kk++;
    }
    kzm = Math.min(kzm, nl - 1);
    int nAdd = nl + 1;
    double z = pos[2];
    double x = pos[0];
    double y = pos[1];
    int kz = 1;
    while (kz <= nl && sigAdd(kz + 1) > z) {
      kz++;
    }
    int kt = kz + 1;
    if (kz == nAdd) {
      kt = nAdd;
    }
    int kb = kt - 1;
    double densInt = -1;
    double w = sw(kb) * wRatio;
    double cum = 0;
    double half = adt / 2.0;
    double s1 = sigAdd(1);
    while (cum < half) {
      int ko = orig(kb);
      ensure(ko);
      double sigw = cSw[ko];
      double tl = cTl[ko];
      double delt = Math.min(half - cum, prm.tlfrac() * tl / 60.0);
      double ww = rng.nextGaussian() * sigw;
      lastSw = sigw;
      lastTl = tl;
      double rauto = Math.exp(-60.0 * delt / tl);
      w = rauto * w + Math.sqrt(1.0 - rauto * rauto) * ww;
      boolean ubl = kb == 1;
      boolean up;
      double dist;
      if (w > 0.0) {
        up = true;
        dist = Math.abs((z - sigAdd(kt)) * span / 60.0);
      } else {
        up = false;
        dist = ubl ? Math.abs((z - 1.0) * span / 60.0) : Math.abs((z - sigAdd(kb)) * span / 60.0);
      }
      if ((ubl && w < 0.0) || (kt == nAdd && w > 0.0)) {
        if (dist >= Math.abs(delt * w)) {
          z -= (w / span) * delt * 60.0;
        } else {
          w = -w;
          delt = Math.abs(dist / w);
          z = ubl ? 1.0 : sigAdd(nAdd);
        }
      } else if (dist >= Math.abs(delt * w)) {
        z -= (w / span) * delt * 60.0;
      } else if (up) {
        double prob = dens(kt) * sw(kt) / (dens(kb) * sw(kb));
        double pp = rng.nextDouble();
        z = sigAdd(kt);
        delt = Math.abs(dist / w);
        if (pp <= prob) {
          w = w * sw(kt) / sw(kb);
          kt++;
          kb++;
        } else {
          w = -w;
        }
      } else {
        double prob = dens(kb - 1) * sw(kb - 1) / (dens(kb) * sw(kb));
        double pp = rng.nextDouble();
        z = sigAdd(kb);
        delt = Math.abs(dist / w);
        if (pp <= prob) {
          w = w * sw(kb - 1) / sw(kb);
          kt--;
          kb--;
        } else {
          w = -w;
        }
      }
      // shear-coupled horizontal transport at the turbulent height (no-slip below level 1)
      int kbo = orig(kb);
      int kto = orig(kt);
      ensure(kbo);
      ensure(kto);
      double ub;
      double vb;
      if (z > s1) {
        double f = (1.0 - z) / (1.0 - s1);
        ub = f * cU[kbo];
        vb = f * cV[kbo];
      } else {
        double sb = sigAdd(kb);
        double st = sigAdd(kt);
        double f = sb == st ? 0.0 : (sb - z) / (sb - st);
        ub = cU[kbo] + f * (cU[kto] - cU[kbo]);
        vb = cV[kbo] + f * (cV[kto] - cV[kbo]);
      }
      x += ub * tdir * delt;
      y += vb * tdir * delt;
      if (z > veghtSig) {
        if (densInt < 0) {
          densInt = densityIntegral(span, veghtZ);
        }
        stepSamt += delt;
        stepFoot += delt * Atmosphere.MOLAR_MASS_AIR * 60.0 / densInt;
      }
      cum += delt;
    }
    pos[0] = x;
    pos[1] = y;
    pos[2] = z;
    return w / sw(kb);
  }

  /** ∫ρ_dry dz from the ground to the foot-layer top, step-wise over the levels as PARDSP sums it. */
  private double densityIntegral(double span, double veghtZ) {
    int kv = 1;
    double di = 0;
    double zold = 0;
    while (kv < nl && (1.0 - sigAdd(kv + 1)) * span < veghtZ) {
      double zk = (1.0 - sigAdd(kv)) * span;
      di += dry(orig(kv)) * (zk - zold);
      zold = zk;
      kv++;
    }
    di += dry(orig(kv)) * (veghtZ - zold);
    return di;
  }

  private void writeOutputs(ParticleState s, int p, double[][] out, MetWindow.Pair pb, double x, double y, double z,
      double mlht, double wMean, double tdir) {
    MetPeriod a = pb.a();
    MetPeriod b = pb.b();
    double tf = pb.tf();
    double zsfc = MetSampler.bilinear2d(a.zsfc, wnx, wny, x - ox, y - oy);
    double span = zTop - zsfc;
    double zx = -1;
    double lat = Double.NaN;
    double lon = Double.NaN;
    for (int c = 0; c < outCode.length; c++) {
      double v;
      switch (outCode[c]) {
        case 0 -> v = timeEndMin;
        case 1 -> v = p + 1;
        case 2, 3 -> {
          if (Double.isNaN(lat)) {
            org.jstilt.met.projection.LatLon ll = geo.projection().toLatLon(x, y);
            lat = ll.latDeg();
            lon = ll.lonDeg();
          }
          v = outCode[c] == 2 ? lon : lat;
        }
        case 4 -> v = (1.0 - z) * span;
        case 5 -> v = zsfc;
        case 6 -> v = lastSw;
        case 7 -> v = lastTl;
        case 8 -> v = 2;
        case 9 -> v = MetSampler.atIndex(a, b, tf, a.temp, b.temp, x - ox, y - oy, 1.0);
        case 10, 11, 20, 21, 22 -> {
          if (zx < 0) {
            // hycs_std writes these columns interpolated linearly in σ (height) between the levels that bracket the
            // particle, not in the quadratic level index the advection uses (T1: pres/dens medians 6e-4 -> 5e-5)
            zx = linearLevelIndex(z);
          }
          double[] fa;
          double[] fb;
          switch (outCode[c]) {
            case 10 -> {
              fa = a.temp;
              fb = b.temp;
            }
            case 11 -> {
              fa = a.pres;
              fb = b.pres;
            }
            case 20 -> {
              fa = a.dens;
              fb = b.dens;
            }
            case 21 -> {
              fa = a.rhfr;
              fb = b.rhfr;
            }
            default -> {
              fa = a.sphu;
              fb = b.sphu;
            }
          }
          v = MetSampler.atIndex(a, b, tf, fa, fb, x - ox, y - oy, zx);
        }
        case 12 -> v = s.samt[p];
        case 13 -> v = s.foot[p];
        case 14 -> v = surface(a.shtf, b.shtf, tf, x, y);
        case 15, 16 -> v = surface(a.lhtf, b.lhtf, tf, x, y);
        case 17 -> v = surface(a.tcld, b.tcld, tf, x, y);
        case 18 -> v = surface(a.lcld, b.lcld, tf, x, y);
        case 19 -> throw new IllegalStateException("dmas is refused by the engine before any step");
        case 23 -> v = 0;
        case 24 -> v = -999;
        case 25 -> v = surface(a.dswf, b.dswf, tf, x, y);
        case 26 -> v = -tdir * wMean * span / 60.0;
        case 27 -> v = mlht;
        case 28 -> v = surface(a.rain, b.rain, tf, x, y);
        case 29, 30 -> v = 0;
        case 31 -> v = 1;
        case 32 -> v = s.releaseHeight[p];
        default -> throw new IllegalStateException("column code " + outCode[c]);
      }
      out[c][p] = v;
    }
  }

  private double surface(double[] fa, double[] fb, double tf, double x, double y) {
    double va = MetSampler.bilinear2d(fa, wnx, wny, x - ox, y - oy);
    if (tf == 0.0 || fa == fb) {
      return va;
    }
    return va + tf * (MetSampler.bilinear2d(fb, wnx, wny, x - ox, y - oy) - va);
  }
}
