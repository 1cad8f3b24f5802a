package org.jstilt.io.netcdf;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jstilt.core.footprint.FootprintGrid;

/**
 * A footprint NetCDF file read back.
 *
 * @param footprint the grid, values as stored (float32 files widened to double)
 * @param globalAttributes every global attribute: {@code String}, {@code Double}, {@code Long} or
 *     {@code double[]}/{@code long[]} for arrays
 * @param storedAsFloat64 whether {@code foot} is stored as float64
 */
public record FootprintFile(FootprintGrid footprint, Map<String, Object> globalAttributes, boolean storedAsFloat64) {
  public FootprintFile {
    Objects.requireNonNull(footprint, "footprint");
    globalAttributes = Map.copyOf(globalAttributes);
  }

  /** A global attribute as text, when present. */
  public Optional<String> text(String name) {
    Object v = globalAttributes.get(name);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  /** A numeric global attribute, when present and numeric. */
  public Optional<Double> number(String name) {
    return globalAttributes.get(name) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
  }
}
