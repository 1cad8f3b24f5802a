package org.jstilt.core.particle;

import java.util.Arrays;

/**
 * Dense integer ids for the distinct values of a {@code double} column, in order of first appearance:
 * the grouping key behind "per particle" ({@code indx}) and "per release time" ({@code rtime}) work.
 *
 * <p>Values are compared as R's {@code unique()} and dplyr's {@code group_by()} compare them: exactly, bit
 * for bit, except that {@code -0.0} and {@code 0.0} are the same value. NaN is not a valid key (callers
 * validate their columns first). An open-addressing hash table keeps this O(rows) without boxing, which
 * matters for tables of millions of rows.
 */
public final class DistinctValues {
  private final int[] idOfRow;
  private final double[] valueOfId;

  private DistinctValues(int[] idOfRow, double[] valueOfId) {
    this.idOfRow = idOfRow;
    this.valueOfId = valueOfId;
  }

  /**
   * Assigns ids 0, 1, ... to the distinct values of {@code values} in order of first appearance.
   *
   * @throws IllegalArgumentException if a value is NaN
   */
  public static DistinctValues of(double[] values) {
    int n = values.length;
    int capacity = 16;
    long[] keys = new long[capacity];
    int[] slots = new int[capacity];
    Arrays.fill(slots, -1);
    double[] distinct = new double[Math.min(Math.max(n, 1), 1024)];
    int count = 0;
    int[] ids = new int[n];
    long prevBits = 0;
    int prevId = -1;
    for (int r = 0; r < n; r++) {
      double v = values[r];
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("NaN key at row " + r);
      }
      long bits = Double.doubleToRawLongBits(v + 0.0); // -0.0 + 0.0 == +0.0
      if (prevId >= 0 && bits == prevBits) {
        ids[r] = prevId; // runs of equal keys (time-major tables) skip the hash table
        continue;
      }
      int mask = keys.length - 1;
      int h = mix(bits) & mask;
      while (slots[h] >= 0 && keys[h] != bits) {
        h = (h + 1) & mask;
      }
      if (slots[h] < 0) {
        if (count == distinct.length) {
          distinct = Arrays.copyOf(distinct, count * 2);
        }
        distinct[count] = v + 0.0;
        keys[h] = bits;
        slots[h] = count++;
        ids[r] = slots[h];
        if (count * 2 > keys.length) {
          // Grow and rehash: keep the load factor at or below one half.
          long[] oldKeys = keys;
          int[] oldSlots = slots;
          keys = new long[oldKeys.length * 2];
          slots = new int[oldKeys.length * 2];
          Arrays.fill(slots, -1);
          int m = keys.length - 1;
          for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[i] >= 0) {
              int g = mix(oldKeys[i]) & m;
              while (slots[g] >= 0) {
                g = (g + 1) & m;
              }
              keys[g] = oldKeys[i];
              slots[g] = oldSlots[i];
            }
          }
        }
      } else {
        ids[r] = slots[h];
      }
      prevBits = bits;
      prevId = ids[r];
    }
    return new DistinctValues(ids, Arrays.copyOf(distinct, count));
  }

  private static int mix(long bits) {
    // A 64-bit finaliser (MurmurHash3's) so that keys differing only in low or high bits spread well.
    long z = bits;
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return (int) (z ^ (z >>> 33));
  }

  /** Number of distinct values. */
  public int count() {
    return valueOfId.length;
  }

  /** Number of rows the ids were assigned for. */
  public int rows() {
    return idOfRow.length;
  }

  /** The id of row {@code row}'s value. */
  public int id(int row) {
    return idOfRow[row];
  }

  /** A copy of the per-row ids. */
  public int[] ids() {
    return idOfRow.clone();
  }

  /** The value with id {@code id} ({@code +0.0} for a zero). */
  public double value(int id) {
    return valueOfId[id];
  }
}
