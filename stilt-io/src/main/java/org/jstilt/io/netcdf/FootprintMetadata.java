package org.jstilt.io.netcdf;

import java.time.Instant;
import java.util.Objects;

/**
 * What a footprint file says about itself besides the grid, as PYSTILT's global attributes: the values
 * come from the caller (the simulation), the grid bounds and the empty-footprint marker from the
 * {@link org.jstilt.core.footprint.FootprintGrid}.
 *
 * @param name the footprint's name in the configuration ({@code ""} for an unnamed one)
 * @param receptorJson the receptor as a JSON object, stored verbatim ({@code "{}"} when unknown)
 * @param smoothFactor the kernel-bandwidth multiplier the footprint was computed with
 * @param timeIntegrate whether the layers were summed into one
 * @param transformsJson the particle transforms applied, as a JSON list ({@code "[]"} for none)
 * @param timeCreated when the footprint was computed (written as naive UTC ISO text)
 * @param source the program that wrote the file, e.g. {@code "JSTILT 0.1.0"}
 * @param precision how values are stored
 */
public record FootprintMetadata(
    String name,
    String receptorJson,
    double smoothFactor,
    boolean timeIntegrate,
    String transformsJson,
    Instant timeCreated,
    String source,
    FootprintPrecision precision) {
  public FootprintMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(receptorJson, "receptorJson");
    Objects.requireNonNull(transformsJson, "transformsJson");
    Objects.requireNonNull(timeCreated, "timeCreated");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(precision, "precision");
    if (!Double.isFinite(smoothFactor) || smoothFactor < 0) {
      throw new IllegalArgumentException("smoothFactor must be finite and >= 0, was " + smoothFactor);
    }
  }

  /** Metadata with the defaults: unnamed, no receptor, no transforms, float32. */
  public static FootprintMetadata of(double smoothFactor, boolean timeIntegrate, Instant timeCreated) {
    return new FootprintMetadata("", "{}", smoothFactor, timeIntegrate, "[]", timeCreated, "JSTILT", FootprintPrecision.FLOAT32);
  }

  public FootprintMetadata withName(String newName) {
    return new FootprintMetadata(newName, receptorJson, smoothFactor, timeIntegrate, transformsJson, timeCreated, source, precision);
  }

  public FootprintMetadata withReceptorJson(String json) {
    return new FootprintMetadata(name, json, smoothFactor, timeIntegrate, transformsJson, timeCreated, source, precision);
  }

  public FootprintMetadata withTransformsJson(String json) {
    return new FootprintMetadata(name, receptorJson, smoothFactor, timeIntegrate, json, timeCreated, source, precision);
  }

  public FootprintMetadata withSource(String newSource) {
    return new FootprintMetadata(name, receptorJson, smoothFactor, timeIntegrate, transformsJson, timeCreated, newSource, precision);
  }

  public FootprintMetadata withPrecision(FootprintPrecision p) {
    return new FootprintMetadata(name, receptorJson, smoothFactor, timeIntegrate, transformsJson, timeCreated, source, p);
  }
}
