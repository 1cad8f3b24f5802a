package org.jstilt.io.netcdf;

import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.io.AtomicFile;

/**
 * Writes footprint NetCDF-4 files through the system's netCDF-C library (JNA): HDF5 storage, one chunk
 * per time layer {@code (1, ny, nx)}, shuffle and deflate level 4. The primary writer.
 */
final class JnaNetcdfWriter implements FootprintNetcdfWriter {
  private static final int DEFLATE_LEVEL = 4;

  private final LibNetcdf nc;

  JnaNetcdfWriter(LibNetcdf nc) {
    this.nc = nc;
  }

  @Override
  public String description() {
    String v = nc.nc_inq_libvers();
    return "netCDF-C " + (v == null ? "" : v.split(" ")[0]) + " via JNA";
  }

  @Override
  public void write(Path target, FootprintGrid footprint, FootprintMetadata metadata) {
    FootprintLayout layout = FootprintLayout.of(footprint, metadata);
    AtomicFile.write(target, tmp -> writeFile(tmp, layout));
  }

  private void writeFile(Path file, FootprintLayout l) throws IOException {
    synchronized (LibNetcdf.LOCK) {
      IntByReference ref = new IntByReference();
      check(nc.nc_create(file.toString(), LibNetcdf.NC_NETCDF4 | LibNetcdf.NC_CLOBBER, ref), "create", file);
      int ncid = ref.getValue();
      boolean open = true;
      try {
        int[] dimIds = new int[3];
        int[] coordIds = new int[3];
        for (int d = 0; d < 3; d++) {
          FootprintLayout.Coordinate c = l.coordinates.get(d);
          check(nc.nc_def_dim(ncid, c.name(), c.values().length, ref), "define dimension " + c.name(), file);
          dimIds[d] = ref.getValue();
        }
        for (int d = 0; d < 3; d++) {
          FootprintLayout.Coordinate c = l.coordinates.get(d);
          check(nc.nc_def_var(ncid, c.name(), LibNetcdf.NC_DOUBLE, 1, new int[] {dimIds[d]}, ref), "define " + c.name(), file);
          coordIds[d] = ref.getValue();
          check(nc.nc_def_var_fill(ncid, coordIds[d], 1, null), "set no-fill", file);
          putAttributes(ncid, coordIds[d], c.attributes(), file);
        }
        check(nc.nc_def_var(ncid, FootprintLayout.CRS, LibNetcdf.NC_INT, 0, new int[0], ref), "define crs", file);
        int crsId = ref.getValue();
        putAttributes(ncid, crsId, l.crsAttributes, file);

        int type = l.precision == FootprintPrecision.FLOAT64 ? LibNetcdf.NC_DOUBLE : LibNetcdf.NC_FLOAT;
        check(nc.nc_def_var(ncid, FootprintLayout.FOOT, type, 3, dimIds, ref), "define foot", file);
        int footId = ref.getValue();
        if (l.nt() > 0 && l.ny() > 0 && l.nx() > 0) {
          check(nc.nc_def_var_chunking(ncid, footId, LibNetcdf.NC_CHUNKED, new long[] {1, l.ny(), l.nx()}), "chunk foot", file);
          check(nc.nc_def_var_deflate(ncid, footId, 1, 1, DEFLATE_LEVEL), "compress foot", file);
        }
        check(nc.nc_def_var_fill(ncid, footId, 1, null), "set no-fill", file);
        putAttributes(ncid, footId, l.footAttributes, file);
        putAttributes(ncid, LibNetcdf.NC_GLOBAL, l.globalAttributes, file);
        check(nc.nc_enddef(ncid), "end definitions", file);

        for (int d = 0; d < 3; d++) {
          double[] v = l.coordinates.get(d).values();
          if (v.length > 0) {
            check(nc.nc_put_var_double(ncid, coordIds[d], v), "write " + l.coordinates.get(d).name(), file);
          }
        }
        check(nc.nc_put_var_int(ncid, crsId, new int[] {0}), "write crs", file);
        long[] count = {1, l.ny(), l.nx()};
        for (int t = 0; t < l.nt() && l.ny() * l.nx() > 0; t++) {
          long[] start = {t, 0, 0};
          double[] layer = l.grid.layer(t);
          if (type == LibNetcdf.NC_FLOAT) {
            float[] f = new float[layer.length];
            for (int k = 0; k < f.length; k++) {
              f[k] = (float) layer[k];
            }
            check(nc.nc_put_vara_float(ncid, footId, start, count, f), "write foot layer " + t, file);
          } else {
            check(nc.nc_put_vara_double(ncid, footId, start, count, layer), "write foot layer " + t, file);
          }
        }
        open = false;
        check(nc.nc_close(ncid), "close", file);
      } finally {
        if (open) {
          nc.nc_close(ncid);
        }
      }
    }
  }

  private void putAttributes(int ncid, int varid, Map<String, Object> attributes, Path file) {
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      String name = e.getKey();
      Object v = e.getValue();
      int rc;
      if (v instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        rc = nc.nc_put_att_text(ncid, varid, name, b.length, b);
      } else if (v instanceof Double d) {
        rc = nc.nc_put_att_double(ncid, varid, name, LibNetcdf.NC_DOUBLE, 1, new double[] {d});
      } else if (v instanceof Integer i) {
        rc = nc.nc_put_att_int(ncid, varid, name, LibNetcdf.NC_INT, 1, new int[] {i});
      } else if (v instanceof double[] a) {
        rc = nc.nc_put_att_double(ncid, varid, name, LibNetcdf.NC_DOUBLE, a.length, a);
      } else {
        throw new IllegalArgumentException("attribute " + name + " has unsupported type " + v.getClass());
      }
      check(rc, "write attribute " + name, file);
    }
  }

  private void check(int status, String what, Path file) {
    if (status != LibNetcdf.NC_NOERR) {
      throw new StiltException(
          ErrorCode.STORAGE, "netCDF could not " + what + " in " + file + ": " + nc.nc_strerror(status) + " (code " + status + ")");
    }
  }
}
