package org.jstilt.met.arl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jstilt.met.projection.MapProjection;

/**
 * What every period of an ARL file shares: the data source, the horizontal grid and its map, the vertical
 * coordinate and the levels with the variables stored at each.
 *
 * @param model the 4-character model id of the index header ({@code HRRR}, {@code NAM}, {@code GFS}, ...)
 * @param nx points west to east
 * @param ny points south to north
 * @param map the twelve map parameters of the index header
 * @param verticalCoordinate the coordinate of levels 1..nz-1
 * @param levels level 0 (surface) first; {@code nz = levels.size()}
 */
public record ArlGrid(
    String model, int nx, int ny, ArlGridDefinition map, VerticalCoordinate verticalCoordinate, List<ArlLevel> levels) {

  /** Model ids whose files pack two bytes per point (HYSPLIT {@code METSET}). */
  private static final Set<String> SIXTEEN_BIT_MODELS = Set.of("RAMS", "DWRF", "NWRF", "DGEO");

  public ArlGrid {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(verticalCoordinate, "verticalCoordinate");
    if (model.isEmpty() || model.length() > 4) {
      throw new IllegalArgumentException("model id must have 1 to 4 characters, got '" + model + "'");
    }
    if (nx < 1 || ny < 1 || nx > 99_999 || ny > 99_999) {
      throw new IllegalArgumentException("grid dimensions must be 1..99999, got " + nx + " x " + ny);
    }
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("an ARL grid needs at least the surface level");
    }
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).index() != i) {
        throw new IllegalArgumentException("level " + i + " has index " + levels.get(i).index());
      }
    }
  }

  /** Levels including the surface (index header {@code NZ}). */
  public int nz() {
    return levels.size();
  }

  /** True when this model's files store two bytes per grid point. */
  public boolean sixteenBit() {
    return isSixteenBitModel(model);
  }

  static boolean isSixteenBitModel(String model) {
    return SIXTEEN_BIT_MODELS.contains(model) || model.startsWith("ECX");
  }

  /** Bytes of packed data per record ({@code nx·ny}, doubled for 16-bit models). */
  public int dataBytes() {
    return nx * ny * (sixteenBit() ? 2 : 1);
  }

  /** The map projection of this grid. */
  public MapProjection projection() {
    return map.projection(nx, ny);
  }

  /** Records (level, variable) per period, not counting the index record(s). */
  public int dataRecordsPerPeriod() {
    int n = 0;
    for (ArlLevel l : levels) {
      n += l.variables().size();
    }
    return n;
  }

  /** Whether {@code variable} is stored at {@code level}. */
  public boolean has(int level, String variable) {
    return level >= 0 && level < levels.size() && levels.get(level).has(variable);
  }

  /** The same grid with a different map, size and levels (for subsetting). */
  public ArlGrid with(int newNx, int newNy, ArlGridDefinition newMap, List<ArlLevel> newLevels) {
    return new ArlGrid(model, newNx, newNy, newMap, verticalCoordinate, newLevels);
  }

  /** The levels 0..count-1. */
  public List<ArlLevel> lowestLevels(int count) {
    return new ArrayList<>(levels.subList(0, Math.min(count, levels.size())));
  }
}
