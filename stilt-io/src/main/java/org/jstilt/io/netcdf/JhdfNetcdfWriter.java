package org.jstilt.io.netcdf;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableNode;
import java.nio.file.Path;
import java.util.Map;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.footprint.FootprintGrid;
import org.jstilt.io.AtomicFile;

/**
 * Writes footprint NetCDF-4 files in pure Java with jhdf: the fallback when the netCDF-C library is not
 * installed. Same variables, values, chunking (1, ny, nx), shuffle and deflate 4 as the JNA writer.
 *
 * <p>jhdf cannot write HDF5 object references, so the {@code DIMENSION_LIST} links netCDF-C normally uses
 * to tie a variable to its dimensions are missing. Instead the coordinate variables carry
 * {@code CLASS="DIMENSION_SCALE"}, {@code NAME} and {@code _Netcdf4Dimid}, and {@code foot} carries
 * {@code _Netcdf4Coordinates} (its dimension ids), which netCDF-C 4.9 honours even when dimension lengths
 * coincide (a square grid, or as many layers as rows). Readers that bypass netCDF-C and need
 * {@code DIMENSION_LIST} (h5netcdf) see {@code foot} with anonymous dimensions. jhdf also adds a global
 * attribute {@code _jHDF}, and the file has no {@code _NCProperties}.
 */
final class JhdfNetcdfWriter implements FootprintNetcdfWriter {
  private static final int DEFLATE_LEVEL = 4;

  @Override
  public String description() {
    return "jhdf (pure Java)";
  }

  @Override
  public void write(Path target, FootprintGrid footprint, FootprintMetadata metadata) {
    FootprintLayout l = FootprintLayout.of(footprint, metadata);
    if (l.nt() == 0 || l.ny() == 0 || l.nx() == 0) {
      throw new StiltException(ErrorCode.STORAGE, "cannot write " + target + ": the pure-Java NetCDF writer (jhdf) cannot "
          + "store a zero-length dimension (" + l.nt() + " layers of " + l.ny() + " x " + l.nx() + " cells); "
          + "install libnetcdf (Debian: apt-get install libnetcdf19)");
    }
    AtomicFile.write(target, tmp -> {
      try (WritableHdfFile f = HdfFile.write(tmp)) {
        int[] dimIds = new int[3];
        for (int d = 0; d < 3; d++) {
          FootprintLayout.Coordinate c = l.coordinates.get(d);
          WritableDataset ds = f.putDataset(c.name(), c.values());
          ds.putAttribute("CLASS", "DIMENSION_SCALE");
          ds.putAttribute("NAME", c.name());
          ds.putAttribute("_Netcdf4Dimid", d);
          dimIds[d] = d;
          put(ds, c.attributes());
        }
        WritableDataset crs = f.putDataset(FootprintLayout.CRS, 0);
        put(crs, l.crsAttributes);

        Object data = footData(l);
        WritableDataset foot = l.nt() > 0 && l.ny() > 0 && l.nx() > 0
            ? f.putDataset(FootprintLayout.FOOT, data,
                DatasetCreationOptions.builder().chunkDimensions(1, l.ny(), l.nx()).shuffle().deflate(DEFLATE_LEVEL).build())
            : f.putDataset(FootprintLayout.FOOT, data);
        foot.putAttribute("_Netcdf4Coordinates", dimIds);
        put(foot, l.footAttributes);
        put(f, l.globalAttributes);
      }
    });
  }

  private static Object footData(FootprintLayout l) {
    int nt = l.nt();
    int ny = l.ny();
    int nx = l.nx();
    if (l.precision == FootprintPrecision.FLOAT64) {
      double[][][] a = new double[nt][ny][nx];
      for (int t = 0; t < nt; t++) {
        double[] layer = l.grid.layer(t);
        for (int j = 0; j < ny; j++) {
          System.arraycopy(layer, j * nx, a[t][j], 0, nx);
        }
      }
      return a;
    }
    float[][][] a = new float[nt][ny][nx];
    for (int t = 0; t < nt; t++) {
      double[] layer = l.grid.layer(t);
      for (int j = 0; j < ny; j++) {
        float[] row = a[t][j];
        for (int i = 0; i < nx; i++) {
          row[i] = (float) layer[j * nx + i];
        }
      }
    }
    return a;
  }

  private static void put(WritableNode node, Map<String, Object> attributes) {
    attributes.forEach(node::putAttribute);
  }
}
