package org.jstilt.io.netcdf;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;

/**
 * The few functions of the netCDF-C library JSTILT calls, bound with JNA. {@code size_t} is mapped to
 * Java {@code long}, which is right on every 64-bit platform JSTILT runs on.
 *
 * <p>netCDF-C is not thread-safe: every call must hold {@link #LOCK}.
 */
interface LibNetcdf extends Library {
  int NC_NOERR = 0;
  int NC_NOWRITE = 0;
  int NC_CLOBBER = 0;
  int NC_NETCDF4 = 0x1000;
  int NC_GLOBAL = -1;
  int NC_CHUNKED = 0;
  int NC_NOFILL = 0x100;
  int NC_CHAR = 2;
  int NC_INT = 4;
  int NC_FLOAT = 5;
  int NC_DOUBLE = 6;

  /** One process-wide lock for the (global, non-thread-safe) library. */
  Object LOCK = new Object();

  int nc_create(String path, int cmode, IntByReference ncidp);

  int nc_open(String path, int mode, IntByReference ncidp);

  int nc_def_dim(int ncid, String name, long len, IntByReference idp);

  int nc_def_var(int ncid, String name, int xtype, int ndims, int[] dimidsp, IntByReference varidp);

  int nc_def_var_chunking(int ncid, int varid, int storage, long[] chunksizesp);

  int nc_def_var_deflate(int ncid, int varid, int shuffle, int deflate, int deflateLevel);

  int nc_def_var_fill(int ncid, int varid, int noFill, Pointer fillValue);

  int nc_put_att_text(int ncid, int varid, String name, long len, byte[] op);

  int nc_put_att_double(int ncid, int varid, String name, int xtype, long len, double[] op);

  int nc_put_att_int(int ncid, int varid, String name, int xtype, long len, int[] op);

  int nc_enddef(int ncid);

  int nc_put_var_double(int ncid, int varid, double[] op);

  int nc_put_var_int(int ncid, int varid, int[] op);

  int nc_put_vara_float(int ncid, int varid, long[] startp, long[] countp, float[] op);

  int nc_put_vara_double(int ncid, int varid, long[] startp, long[] countp, double[] op);

  int nc_close(int ncid);

  String nc_strerror(int ncerr);

  String nc_inq_libvers();

  /** The library, or empty (with the reason) when it cannot be loaded. */
  static Optional<LibNetcdf> load() {
    return Holder.LIB;
  }

  /** Why {@link #load()} is empty. */
  static String loadFailure() {
    return Holder.FAILURE;
  }

  /** Loads the library once, on first use. */
  final class Holder {
    private static final Optional<LibNetcdf> LIB;
    private static final String FAILURE;

    static {
      LibNetcdf lib = null;
      String failure = "";
      try {
        lib = Native.load("netcdf", LibNetcdf.class);
        lib.nc_inq_libvers();
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
        lib = null;
        failure = e.getMessage();
      }
      LIB = Optional.ofNullable(lib);
      FAILURE = failure;
    }

    private Holder() {}
  }
}
