package org.jstilt.io.netcdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a NetCDF file with xarray (default decoding) and reports what it sees, as JSON. */
final class XarrayProbe {
  private static final String SCRIPT = String.join("\n",
      "import json, sys, numpy as np, xarray as xr",
      "ds = xr.open_dataset(sys.argv[1])",
      "def plain(v):",
      "    if isinstance(v, np.ndarray): return [plain(x) for x in v.tolist()]",
      "    if isinstance(v, (np.integer,)): return int(v)",
      "    if isinstance(v, (np.floating,)): return float(v)",
      "    return v",
      "f = ds['foot']",
      "out = {",
      "  'foot_dims': list(f.dims),",
      "  'foot_dtype': str(f.dtype),",
      "  'foot': [float(x) for x in f.values.ravel().tolist()],",
      "  'foot_attrs': {k: plain(v) for k, v in f.attrs.items()},",
      "  'foot_encoding': {k: plain(v) for k, v in f.encoding.items() if k in ('zlib', 'shuffle', 'complevel', 'chunksizes', 'dtype')},",
      "  'coords': {c: [float(x) for x in ds[c].values.tolist()] for c in f.dims if c != 'time'},",
      "  'time': [str(t)[:19] for t in np.datetime_as_string(ds['time'].values, unit='s')],",
      "  'time_dtype': str(ds['time'].dtype),",
      "  'crs': {k: plain(v) for k, v in ds['crs'].attrs.items()},",
      "  'attrs': {k: plain(v) for k, v in ds.attrs.items()},",
      "}",
      "out['foot_encoding'] = {k: (str(v) if k == 'dtype' else v) for k, v in out['foot_encoding'].items()}",
      "print(json.dumps(out))");

  private XarrayProbe() {}

  static JsonNode probe(Path file) throws IOException {
    return new ObjectMapper().readTree(ExternalTools.output(ExternalTools.PYTHON, "-c", SCRIPT, file.toString()));
  }
}
