package org.jstilt.core.id;

import java.util.regex.Pattern;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;

/**
 * The name of a meteorology stream ({@code mets:} key in config.yaml), the first part of a simulation id.
 * Lower-case letters and digits only: {@code _} separates id parts, and PYSTILT's simulation id pattern
 * allows nothing else (PYSTILT itself accepts upper case in config and then fails later; we reject it at
 * once).
 */
public record MetId(String name) implements Comparable<MetId> {
  private static final Pattern VALID = Pattern.compile("[a-z0-9]+");

  public MetId {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new StiltException(ErrorCode.INPUT, "met name '" + name
          + "' must be lower-case letters and digits only (e.g. hrrr, nam12); '_' separates simulation id parts");
    }
  }

  /** The same as the constructor; named for symmetry with the other ids. */
  public static MetId parse(String text) {
    return new MetId(text);
  }

  /** True when {@code text} is a valid met name. */
  public static boolean isValid(String text) {
    return text != null && VALID.matcher(text).matches();
  }

  @Override
  public int compareTo(MetId o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
