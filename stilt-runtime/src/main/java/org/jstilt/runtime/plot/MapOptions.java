package org.jstilt.runtime.plot;

import java.util.List;
import java.util.Objects;

/**
 * What every map shares: size, the box shown, receptor marks, whether to draw the base map, and a title.
 *
 * @param widthPx width of the PNG in pixels; the height follows from the extent's aspect
 * @param extent the box shown, or null for the data's own box
 * @param receptors {lon, lat} positions to mark (may be empty)
 * @param baseMap the base map to draw, or null for none
 * @param title the title, or null for one made from the data
 */
public record MapOptions(int widthPx, MapExtent extent, List<double[]> receptors, BaseMap baseMap, String title) {
  public static final int DEFAULT_WIDTH_PX = 1000;

  public MapOptions {
    if (widthPx < 300 || widthPx > 10_000) {
      throw new IllegalArgumentException("map width must be 300 .. 10000 pixels, was " + widthPx);
    }
    receptors = List.copyOf(Objects.requireNonNull(receptors, "receptors"));
  }

  /** 1000 px wide, the data's box, no receptor, the shipped Natural Earth base map, a made-up title. */
  public static MapOptions defaults() {
    return new MapOptions(DEFAULT_WIDTH_PX, null, List.of(), BaseMap.naturalEarth50m(), null);
  }

  public MapOptions withWidthPx(int px) {
    return new MapOptions(px, extent, receptors, baseMap, title);
  }

  public MapOptions withExtent(MapExtent e) {
    return new MapOptions(widthPx, e, receptors, baseMap, title);
  }

  public MapOptions withReceptors(List<double[]> r) {
    return new MapOptions(widthPx, extent, r, baseMap, title);
  }

  public MapOptions withBaseMap(BaseMap b) {
    return new MapOptions(widthPx, extent, receptors, b, title);
  }

  public MapOptions withTitle(String t) {
    return new MapOptions(widthPx, extent, receptors, baseMap, t);
  }
}
