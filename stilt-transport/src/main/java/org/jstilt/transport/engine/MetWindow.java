package org.jstilt.transport.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.jstilt.met.MetDataset;
import org.jstilt.transport.met.GridWindow;
import org.jstilt.transport.met.MetPeriod;
import org.jstilt.transport.met.MetPeriodBuilder;

/**
 * The met periods a run needs around the current time, built on demand and dropped when the run has moved
 * past them (at most a few periods are held, whatever the run length).
 */
public final class MetWindow {
  private final MetDataset met;
  private final MetPeriodBuilder builder;
  private final IntToDoubleFunction ziScaleOfPeriod;
  private final Map<Integer, MetPeriod> loaded = new HashMap<>();
  private GridWindow window;
  private int rebuilds;

  /** A bracket resolved to periods: value = a + tf·(b − a). */
  public record Pair(MetPeriod a, MetPeriod b, double tf, int ia, int ib) {}

  public MetWindow(MetDataset met, MetPeriodBuilder builder, IntToDoubleFunction ziScaleOfPeriod) {
    this.met = met;
    this.builder = builder;
    this.ziScaleOfPeriod = ziScaleOfPeriod;
    this.window = GridWindow.full(met.grid().nx(), met.grid().ny());
  }

  /** The part of the grid the periods are built for. */
  public GridWindow window() {
    return window;
  }

  /** How many times the window moved or grew (and the held periods were rebuilt). */
  public int rebuilds() {
    return rebuilds;
  }

  /**
   * Makes the periods cover another window: the held ones are dropped and rebuilt on demand (every period held at
   * a time shares one window, so a step can index both of its periods alike).
   */
  public void moveTo(GridWindow w) {
    if (!w.equals(window)) {
      window = w;
      loaded.clear();
      rebuilds++;
    }
  }

  /** The periods around {@code time}, loading them if needed. */
  public Pair at(Instant time) {
    MetDataset.Bracket br = met.bracket(time);
    MetPeriod a = get(br.before());
    MetPeriod b = br.after() == br.before() ? a : get(br.after());
    return new Pair(a, b, br.fraction(), br.before(), br.after());
  }

  /** Drops periods not among the given indexes. */
  public void retainOnly(int... keep) {
    loaded.keySet().removeIf(k -> {
      for (int x : keep) {
        if (x == k) {
          return false;
        }
      }
      return true;
    });
  }

  private MetPeriod get(int index) {
    return loaded.computeIfAbsent(index, i -> builder.build(i, ziScaleOfPeriod.applyAsDouble(i), window));
  }

  /** The met interval, or one hour for single-period data. */
  public Duration interval() {
    return met.interval() == null ? Duration.ofHours(1) : met.interval();
  }
}
