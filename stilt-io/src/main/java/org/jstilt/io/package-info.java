/** File formats at the edge: Parquet, NetCDF, CSV, YAML. */
package org.jstilt.io;
