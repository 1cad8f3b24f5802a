package org.jstilt.core.particle;

/**
 * Stable row orderings over a {@code double} key, as dplyr's {@code arrange(-key)} produces them: rows with
 * equal keys keep their relative order, and {@code -0.0} ties with {@code 0.0}.
 *
 * <p>Particle tables are nearly always already ordered by time, so each sort first checks for that and
 * returns without moving anything; otherwise a merge sort over primitive indices does the work.
 */
public final class RowOrder {
  private RowOrder() {}

  /**
   * The permutation that orders rows by descending {@code key}, stably: element {@code i} of the result is
   * the original row that goes to position {@code i}. Keys must not be NaN.
   */
  public static int[] descending(double[] key) {
    int[] idx = new int[key.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    sortDescending(key, idx, 0, idx.length);
    return idx;
  }

  /**
   * Stably reorders {@code idx[from, to)} (row numbers into {@code key}) by descending key, in place.
   */
  public static void sortDescending(double[] key, int[] idx, int from, int to) {
    boolean sorted = true;
    for (int i = from + 1; i < to; i++) {
      if (key[idx[i]] > key[idx[i - 1]]) {
        sorted = false;
        break;
      }
    }
    if (sorted) {
      return;
    }
    boolean ascending = true;
    for (int i = from + 1; i < to; i++) {
      if (key[idx[i]] <= key[idx[i - 1]]) {
        ascending = false;
        break;
      }
    }
    if (ascending) {
      // Strictly ascending (no ties), so reversing is the stable descending order.
      for (int i = from, j = to - 1; i < j; i++, j--) {
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
      return;
    }
    int[] buf = new int[to - from];
    mergeSort(key, idx, buf, from, to);
  }

  /** True when {@code a[i] == i} for every i. */
  public static boolean isIdentity(int[] order) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static void mergeSort(double[] key, int[] idx, int[] buf, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    if (n <= 24) {
      // Insertion sort: stable because it only moves an element past strictly smaller keys.
      for (int i = from + 1; i < to; i++) {
        int v = idx[i];
        double k = key[v];
        int j = i - 1;
        while (j >= from && key[idx[j]] < k) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(key, idx, buf, from, mid);
    mergeSort(key, idx, buf, mid, to);
    if (key[idx[mid - 1]] >= key[idx[mid]]) {
      return; // halves already in order
    }
    System.arraycopy(idx, from, buf, 0, n);
    int i = 0;
    int iEnd = mid - from;
    int j = iEnd;
    int out = from;
    while (i < iEnd && j < n) {
      // Take from the right half only when its key is strictly larger: ties keep left-first order.
      if (key[buf[j]] > key[buf[i]]) {
        idx[out++] = buf[j++];
      } else {
        idx[out++] = buf[i++];
      }
    }
    while (i < iEnd) {
      idx[out++] = buf[i++];
    }
    while (j < n) {
      idx[out++] = buf[j++];
    }
  }
}
