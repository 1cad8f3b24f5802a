package org.jstilt.transport.met;

import java.time.Instant;
import org.jstilt.met.MetDataset;
import org.jstilt.met.MetVariableException;
import org.jstilt.met.arl.ArlGrid;
import org.jstilt.met.arl.VerticalCoordinate;
import org.jstilt.transport.physics.Atmosphere;
import org.jstilt.transport.physics.BoundaryLayer;

/**
 * Builds a {@link MetPeriod} from one period of an ARL dataset: HYSPLIT's PRFSIG/PRFPRS profile
 * construction, STBANL's stability and mixed-layer depth and STBSND's σw/T_L (TRANSPORT.md §3.2, §5).
 *
 * <p>Per column: data-level heights by hypsometric integration from the ground
 * ({@code Δz = ln(p_bot/p_top)·Rd·T̄/g}), then every internal level is linearly interpolated in height
 * between the bracketing data levels (pressure log-linearly); above the data top T, u, v stay constant, p
 * decays hydrostatically and the vertical velocity halves per level.
 */
public final class MetPeriodBuilder {
  private final MetDataset met;
  private final InternalLevels levels;
  private final GridGeometry geometry;
  private final int kmixd;
  private final double kmix0M;
  private final int verticalMotion;

  /**
   * @param kmixd mixed-layer method: 0 met PBLH, 3 bulk Richardson, ≥ 10 constant depth in metres
   * @param kmix0M floor of the mixed-layer depth (m); its absolute value is used as in HYSPLIT
   * @param verticalMotion CONTROL {@code w_option}: 0 data vertical velocity (only 0 and 4 isosigma, i.e. W = 0, are supported)
   */
  public MetPeriodBuilder(
      MetDataset met, InternalLevels levels, GridGeometry geometry, int kmixd, double kmix0M, int verticalMotion) {
    this.met = met;
    this.levels = levels;
    this.geometry = geometry;
    this.kmixd = kmixd;
    this.kmix0M = Math.abs(kmix0M);
    this.verticalMotion = verticalMotion;
  }

  /** Builds period {@code index} of the dataset; {@code ziScale} multiplies the mixed-layer depth (ZICONTROL). */
  public MetPeriod build(int index, double ziScale) {
    return build(index, ziScale, GridWindow.full(met.grid().nx(), met.grid().ny()));
  }

  /**
   * Builds period {@code index} for the columns of {@code w} only (every column's profile depends on that column
   * alone, so a window's values equal the whole grid's there). Only the window's part of each record is decoded.
   */
  public MetPeriod build(int index, double ziScale, GridWindow w) {
    ArlGrid grid = met.grid();
    boolean ghost = geometry.cyclicX() && w.i0() == 1 && w.nx() == grid.nx() + 1;
    if ((!ghost && w.i0() + w.nx() - 1 > grid.nx()) || w.j0() + w.ny() - 1 > grid.ny()) {
      throw new IllegalArgumentException("window " + w + " exceeds the " + grid.nx() + "x" + grid.ny() + " grid");
    }
    int nx = w.nx();
    int ny = w.ny();
    int nl = levels.count();
    Instant time = met.times().get(index);
    MetPeriod mp = new MetPeriod(time, w, nl);
    int nd = grid.nz() - 1;
    VerticalCoordinate vc = grid.verticalCoordinate();
    double topOffset = grid.map().toArray()[11];

    double[] shgt = optional(index, 0, "SHGT", w, 0.0);
    double[] prss = optional(index, 0, "PRSS", w, Double.NaN);
    double[] t02m = optional(index, 0, "T02M", w, Double.NaN);
    double[] u10m = optional(index, 0, "U10M", w, Double.NaN);
    double[] v10m = optional(index, 0, "V10M", w, Double.NaN);
    double[] ustr = optional(index, 0, "USTR", w, Double.NaN);
    double[] shtf = optional(index, 0, "SHTF", w, 0.0);
    double[] lhtf = optional(index, 0, "LHTF", w, 0.0);
    double[] rghs = optional(index, 0, "RGHS", w, 0.1);
    double[] pblh = optional(index, 0, "PBLH", w, Double.NaN);
    double[] tcld = optional(index, 0, "TCLD", w, 0.0);
    // hycs_std writes lcld = -99 (missing) where the met has no LCLD (HRRR, measured)
    double[] lcld = optional(index, 0, "LCLD", w, -99.0);
    double[] dswf = optional(index, 0, "DSWF", w, 0.0);
    double[] rain = precipitation(index, w);
    if (pblh == null || Double.isNaN(pblh[0])) {
      double[] alt = optional(index, 0, "HPBL", w, Double.NaN);
      if (!Double.isNaN(alt[0])) {
        pblh = alt;
      } else {
        pblh = optional(index, 0, "MXHT", w, Double.NaN);
      }
    }

    double[][] tData = new double[nd][];
    double[][] uData = new double[nd][];
    double[][] vData = new double[nd][];
    double[][] wData = new double[nd][];
    double[][] qData = new double[nd][];
    double[][] pData = new double[nd][];
    double[][] hData = new double[nd][];
    boolean dzdt = false;
    boolean relh = false;
    for (int l = 1; l <= nd; l++) {
      tData[l - 1] = required(index, l, "TEMP", w);
      uData[l - 1] = required(index, l, "UWND", w);
      vData[l - 1] = required(index, l, "VWND", w);
      if (grid.has(l, "WWND")) {
        wData[l - 1] = read(index, l, "WWND", w);
      } else if (grid.has(l, "DZDT")) {
        wData[l - 1] = read(index, l, "DZDT", w);
        dzdt = true;
      }
      if (wData[l - 1] != null && grid.has(l, "DIFW")) {
        // DIFW holds what the packing of the vertical velocity lost; hycs_std adds it back (its W input to
        // prfsig_ equals WWND + DIFW to the last bit in gdb). Without it small W read as 0 or off by whole
        // packing steps (2.1e-4 hPa/s in HRRR), which is what shifted the near-ground W by period.
        double[] dif = read(index, l, "DIFW", w);
        double[] wSum = wData[l - 1].clone();
        for (int c = 0; c < wSum.length; c++) {
          wSum[c] += dif[c];
        }
        wData[l - 1] = wSum;
      }
      if (grid.has(l, "SPHU")) {
        qData[l - 1] = read(index, l, "SPHU", w);
      } else if (grid.has(l, "RELH")) {
        qData[l - 1] = read(index, l, "RELH", w);
        relh = true;
      }
      if (grid.has(l, "PRES")) {
        pData[l - 1] = read(index, l, "PRES", w);
      }
      if (grid.has(l, "HGTS")) {
        hData[l - 1] = read(index, l, "HGTS", w);
      }
    }
    if (vc == VerticalCoordinate.PRESSURE && hData[0] == null) {
      throw new MetVariableException("Pressure-level met has no HGTS field", met.fileOf(index).path(), time, "HGTS", 1,
          "Use ARL files with geopotential heights on pressure levels");
    }
    if (Double.isNaN(prss[0]) && vc != VerticalCoordinate.PRESSURE && pData[0] == null) {
      throw new MetVariableException("Met has neither surface pressure (PRSS) nor level pressure (PRES)",
          met.fileOf(index).path(), time, "PRSS", 0, "Use ARL files with PRSS");
    }

    // work arrays for one column
    double[] zd = new double[nd + 1];
    double[] pd = new double[nd + 1];
    double[] td = new double[nd + 1];
    // virtual temperature of the data levels for the hypsometric heights; hycs_std v5.1.0 integrates with Tv where
    // the met carries specific humidity (gdb on prfsig_ at evening_west's receptor: with T the internal-level
    // winds and θ were off by up to 0.01 m/s and 0.01 K from 500 m up, the data levels ≈ 0.4 % too low; with Tv they
    // match to 1e-6), and with plain T where it carries relative humidity
    double[] tvd = new double[nd + 1];
    double[] ud = new double[nd + 1];
    double[] vd = new double[nd + 1];
    double[] wd = new double[nd + 1];
    double[] qd = new double[nd + 1];
    // relative humidity (fraction) of the data levels: PRFSIG converts each level's specific humidity with its own
    // T and p and interpolates RH, not q (the surface value uses level 1's q and T with the surface pressure)
    double[] rhd = new double[nd + 1];
    double[] zl = new double[nl];
    double[] th = new double[nl];
    double[] um = new double[nl];
    double[] vm = new double[nl];
    double[] dn = new double[nl];
    double zTop = levels.zTopM();
    int ksfc = levels.surfaceLayerTop();

    for (int j = 1; j <= ny; j++) {
      for (int i = 1; i <= nx; i++) {
        int c = (j - 1) * nx + (i - 1);
        double zsfc = shgt[c];
        mp.zsfc[c] = zsfc;
        // data levels with the surface as level 0
        int first = 1;
        if (vc == VerticalCoordinate.PRESSURE) {
          // pressure levels: keep those above ground, heights above ground from HGTS
          double psfc = Double.isNaN(prss[c]) ? 1013.0 * Math.exp(-zsfc * Atmosphere.G / (Atmosphere.RD * 288.0)) : prss[c];
          pd[0] = psfc;
          td[0] = Double.isNaN(t02m[c]) ? tData[0][c] : t02m[c];
          zd[0] = 0;
          int n = 1;
          for (int l = 1; l <= nd; l++) {
            double h = hData[l - 1][c] - zsfc;
            if (h <= zd[n - 1]) {
              continue;
            }
            zd[n] = h;
            pd[n] = grid.levels().get(l).value();
            td[n] = tData[l - 1][c];
            ud[n] = uData[l - 1][c];
            vd[n] = vData[l - 1][c];
            wd[n] = wData[l - 1] == null ? 0 : wData[l - 1][c];
            qd[n] = qData[l - 1] == null ? 0 : qData[l - 1][c];
            n++;
          }
          first = n;
        } else {
          double psfc = prss[c];
          if (Double.isNaN(psfc)) {
            psfc = pData[0][c] / Math.max(1e-6, grid.levels().get(1).value());
          }
          pd[0] = psfc;
          double t1 = tData[0][c];
          double p1 = pData[0] != null ? pData[0][c] : vc.pressureHPa(grid.levels().get(1).value(), psfc, topOffset);
          td[0] = Double.isNaN(t02m[c]) ? t1 * Math.pow(psfc / p1, Atmosphere.KAPPA) : t02m[c];
          zd[0] = 0;
          // Tv with the level's specific humidity, derived from RH where the met carries RELH (hycs_std does so
          // too: on synthetic sigma/RELH and pressure/RELH met its zi and σw match only with Tv, README)
          boolean virtual = qData[0] != null;
          double q1 = !virtual ? 0 : relh ? sphuFromRelh(qData[0][c], tData[0][c], p1) : qData[0][c];
          tvd[0] = td[0] * (1.0 + 0.61 * q1);
          for (int l = 1; l <= nd; l++) {
            double p = pData[l - 1] != null ? pData[l - 1][c] : vc.pressureHPa(grid.levels().get(l).value(), psfc, topOffset);
            pd[l] = p;
            td[l] = tData[l - 1][c];
            ud[l] = uData[l - 1][c];
            vd[l] = vData[l - 1][c];
            wd[l] = wData[l - 1] == null ? 0 : wData[l - 1][c];
            qd[l] = qData[l - 1] == null ? 0 : qData[l - 1][c];
            double ql = !virtual ? 0 : relh ? sphuFromRelh(qd[l], td[l], p) : qd[l];
            tvd[l] = td[l] * (1.0 + 0.61 * ql);
            zd[l] = zd[l - 1] + Math.log(pd[l - 1] / p) * Atmosphere.RD * 0.5 * (tvd[l - 1] + tvd[l]) / Atmosphere.G;
          }
          first = nd + 1;
        }
        int nData = first; // levels 0..nData-1 valid
        // surface values for interpolation below the first data level: winds decay to zero, w zero
        // the surface as level 0: 10-m wind where the met has it (K10M=1), else the level-1 wind; no vertical motion
        ud[0] = Double.isNaN(u10m[c]) ? ud[1] : u10m[c];
        vd[0] = Double.isNaN(v10m[c]) ? vd[1] : v10m[c];
        wd[0] = 0;
        qd[0] = nData > 1 ? qd[1] : 0;
        for (int l = 1; l < nData; l++) {
          rhd[l] = relh ? qd[l] / 100.0 : Atmosphere.relativeHumidity(qd[l], td[l], pd[l]);
        }
        rhd[0] = nData > 1 ? (relh ? qd[1] / 100.0 : Atmosphere.relativeHumidity(qd[1], td[1], pd[0])) : 0;
        // map factors by the full-grid column
        int cf = (w.j0() + j - 2) * grid.nx() + (w.i0() + i - 2) % grid.nx();
        double gx = geometry.gx(cf);
        double gy = geometry.gy(cf);
        int base = c * nl;
        double terrainFactor = (zTop - zsfc) / zTop;
        int nInside = 0;
        int lo = 0;
        double wAbove = 0;
        for (int k = 1; k <= nl; k++) {
          double z = levels.height(k) * terrainFactor;
          zl[k - 1] = z;
          double t;
          double p;
          double uu;
          double vv;
          double ww;
          double q;
          double rhInterp;
          if (z <= zd[nData - 1]) {
            while (lo < nData - 2 && zd[lo + 1] < z) {
              lo++;
            }
            double f = (z - zd[lo]) / (zd[lo + 1] - zd[lo]);
            t = td[lo] + f * (td[lo + 1] - td[lo]);
            p = Math.exp(Math.log(pd[lo]) + f * (Math.log(pd[lo + 1]) - Math.log(pd[lo])));
            // below the first data level too: linear from the surface values (hycs_std, measured with gdb at the
            // evening_west receptor: holding the level-1 values gave W 7.5 % and u 4 % too large at 01 UTC)
            uu = ud[lo] + f * (ud[lo + 1] - ud[lo]);
            vv = vd[lo] + f * (vd[lo + 1] - vd[lo]);
            ww = wd[lo] + f * (wd[lo + 1] - wd[lo]);
            q = qd[lo] + f * (qd[lo + 1] - qd[lo]);
            rhInterp = rhd[lo] + f * (rhd[lo + 1] - rhd[lo]);
            nInside = k;
            wAbove = ww;
          } else {
            int top = nData - 1;
            t = td[top];
            p = pd[top] * Math.exp(-(z - zd[top]) * Atmosphere.G / (Atmosphere.RD * t));
            uu = ud[top];
            vv = vd[top];
            wAbove *= 0.5;
            ww = wAbove;
            q = qd[top];
            rhInterp = rhd[top];
          }
          int idx = base + k - 1;
          double rh;
          double sq;
          rh = rhInterp;
          sq = relh ? 0.622 * rh * Atmosphere.saturationVapourHysplit(t) / p : q;
          // the profile density p/(Rd·Tv) (Tv where the met has specific humidity), as prfsig_ gives it to STBANL
          // and to the ω conversion (gdb), and the dry-air density PARDSP derives from it for the foot integral,
          // the Thomson density ratios and the dens column (disassembly: README)
          double rhoProfile = Atmosphere.density(t * (1.0 + 0.61 * sq), p);
          double theta = Atmosphere.theta(t, p);
          double rho = Atmosphere.dryDensityPardsp(rhoProfile, theta, rh);
          mp.temp[idx] = t;
          mp.pres[idx] = p;
          mp.theta[idx] = theta;
          mp.dens[idx] = rho;
          mp.densNext[idx] = Atmosphere.dryDensityPardsp(rho, t, rh);
          mp.rhfr[idx] = rh;
          mp.sphu[idx] = sq;
          um[k - 1] = uu;
          vm[k - 1] = vv;
          // STBANL is given p/(Rd·Tv) (gdb on its DEN argument; θ* = −H/(ρ·cp·u*) takes it at KSFC)
          dn[k - 1] = rhoProfile;
          th[k - 1] = mp.theta[idx];
          mp.u[idx] = uu * 60.0 / gx;
          mp.v[idx] = vv * 60.0 / gy;
          double wsig;
          if (verticalMotion != 0) {
            wsig = 0.0;
          } else if (dzdt) {
            wsig = -ww / (zTop - zsfc);
          } else {
            // ω → σ/s with the profile density p/(Rd·Tv), not the dry density of the dens column (gdb on prfsig_'s
            // WW output at evening_wbb's receptor: with the dry density W was 0.6 % too large at every level)
            wsig = 100.0 * ww / (dn[k - 1] * Atmosphere.G * (zTop - zsfc));
          }
          mp.w[idx] = wsig * 60.0;
        }
        // stability, mixed layer, turbulence
        // STBANL's surface layer is read at its top, level KSFC (density for θ*, θ for z/L and w*)
        int ks = Math.min(ksfc, nl);
        BoundaryLayer.Stability st = BoundaryLayer.stability(ustr[c], shtf[c], dn[ks - 1], th[ks - 1], zl[ks - 1]);
        double zi;
        if (kmixd >= 10) {
          zi = kmixd;
        } else if (kmixd == 0 && !Double.isNaN(pblh[c])) {
          zi = pblh[c];
        } else {
          zi = BoundaryLayer.bulkRichardsonDepth(zl, th, um, vm, dn, st, ks, Math.max(3, nInside));
        }
        zi *= ziScale;
        zi = Math.max(zi, Math.max(kmix0M, zl[0] + (zl[1] - zl[0]) / 1000.0));
        double wstar = BoundaryLayer.wstar(st, zi, th[ks - 1]);
        mp.zi[c] = zi;
        mp.ustar[c] = st.ustar();
        mp.zol[c] = st.zOverL();
        mp.wstar[c] = wstar;
        mp.shtf[c] = shtf[c];
        mp.lhtf[c] = lhtf[c];
        mp.tcld[c] = tcld[c];
        mp.lcld[c] = lcld[c];
        mp.dswf[c] = dswf[c];
        mp.rain[c] = rain[c];
        double z0 = Double.isNaN(rghs[c]) ? 0.1 : rghs[c];
        for (int k = 1; k <= nl; k++) {
          int idx = base + k - 1;
          double z = zl[k - 1];
          double sw;
          double tl;
          if (z <= zi || k == 1) {
            sw = BoundaryLayer.sigmaWPbl(z, zi, st, wstar);
            tl = BoundaryLayer.tlPbl(z, zi, sw, st, z0);
          } else {
            double dz = zl[k - 1] - zl[k - 2];
            double du = um[k - 1] - um[k - 2];
            double dv = vm[k - 1] - vm[k - 2];
            double kz = BoundaryLayer.freeTroposphereK(z, dz, th[k - 2], th[k - 1] - th[k - 2], du * du + dv * dv);
            tl = BoundaryLayer.TL_FREE;
            sw = Math.sqrt(kz / tl);
          }
          // STBSND: the time scale of the free troposphere applies only where nint(z) > nint(zi)
          if (z > zi && Math.rint(z) <= Math.rint(zi)) {
            tl = BoundaryLayer.tlPbl(z, zi, sw, st, z0);
          }
          if (!(sw > 0)) {
            sw = 0.001;
          }
          if (!(tl > 0)) {
            tl = 100.0;
          }
          mp.sigw[idx] = sw;
          mp.tl[idx] = tl;
          // KDEF=0 in hycs_std (stbhan_, read from the binary): u'² = v'² = σw²/2 at every level, in and above
          // the mixed layer (not Hanna's σu, σv; stbhor_'s deformation closure is not called)
          mp.hvar[idx] = 0.5 * sw * sw;
        }
      }
    }
    return mp;
  }

  private double[] precipitation(int index, GridWindow w) {
    ArlGrid grid = met.grid();
    String[] names = {"TPP1", "TPP3", "TPP6", "TPPA"};
    double[] hours = {1, 3, 6, 1};
    for (int n = 0; n < names.length; n++) {
      if (grid.has(0, names[n])) {
        double[] f = read(index, 0, names[n], w);
        for (int c = 0; c < f.length; c++) {
          f[c] = f[c] / (hours[n] * 60.0);
        }
        return f;
      }
    }
    return new double[w.nx() * w.ny()];
  }

  private double[] optional(int index, int level, String name, GridWindow w, double fallback) {
    ArlGrid grid = met.grid();
    if (grid.has(level, name)) {
      return read(index, level, name, w);
    }
    double[] f = new double[w.nx() * w.ny()];
    java.util.Arrays.fill(f, fallback);
    return f;
  }

  private double[] required(int index, int level, String name, GridWindow w) {
    if (!met.grid().has(level, name)) {
      throw new MetVariableException(
          "Met level " + level + " has no " + name + " field, which the transport engine needs",
          met.fileOf(index).path(), met.times().get(index), name, level,
          "Use ARL files with TEMP, UWND and VWND on every upper level");
    }
    return read(index, level, name, w);
  }

  /** Specific humidity (kg/kg) from RELH (%), as PRFSIG converts: 0.622·RH·e_s(T)/p with e_s = exp(21.4 − 5351/T). */
  private static double sphuFromRelh(double relhPercent, double tempK, double presHPa) {
    return 0.622 * relhPercent / 100.0 * Atmosphere.saturationVapourHysplit(tempK) / presHPa;
  }

  /** One field decoded for the window only (the whole grid when the window is the grid). */
  private double[] read(int index, int level, String name, GridWindow w) {
    int gnx = met.grid().nx();
    if (w.nx() == gnx + 1) {
      // cyclic grid: every column of the window's rows, then column 1 again as the ghost column nx + 1
      double[] rows = met.readWindow(index, level, name, 0, w.j0() - 1, gnx, w.ny());
      double[] out = new double[w.nx() * w.ny()];
      for (int j = 0; j < w.ny(); j++) {
        System.arraycopy(rows, j * gnx, out, j * w.nx(), gnx);
        out[j * w.nx() + gnx] = rows[j * gnx];
      }
      return out;
    }
    if (w.nx() == gnx && w.ny() == met.grid().ny()) {
      return met.read(index, level, name);
    }
    return met.readWindow(index, level, name, w.i0() - 1, w.j0() - 1, w.nx(), w.ny());
  }
}
