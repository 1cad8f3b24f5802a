package org.jstilt.met.arl;

/** Supplies the fields of one period to {@link ArlWriter#writePeriod}. */
@FunctionalInterface
public interface FieldSource {

  /** The field of {@code variable} at {@code level} as {@code double[j*nx + i]}. */
  double[] field(int level, String variable);

  /**
   * The smallest packing exponent to use for this field, or {@link Integer#MIN_VALUE} to let the packer
   * choose. Passing the exponent a field was read with reproduces it exactly (see {@link ArlPacking#pack}).
   */
  default int packingExponentHint(int level, String variable) {
    return Integer.MIN_VALUE;
  }
}
