package org.jstilt.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseMapTest {
  @Test
  void shippedNaturalEarthHasEveryKind() {
    BaseMap map = BaseMap.naturalEarth50m();
    Map<BaseMap.Kind, Integer> counts = new EnumMap<>(BaseMap.Kind.class);
    long points = 0;
    for (BaseMap.Line l : map.lines()) {
      counts.merge(l.kind(), 1, Integer::sum);
      points += l.lonDeg().length;
      assertThat(l.lonMinDeg()).isBetween(-180.0, 180.0);
      assertThat(l.latMaxDeg()).isBetween(-90.0, 90.0);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(BaseMap.Kind.values());
    assertThat(counts.get(BaseMap.Kind.COASTLINE)).isGreaterThan(1000);
    assertThat(points).as("about 92 000 points at 1:50m").isBetween(80_000L, 120_000L);
  }

  @Test
  void greatSaltLakeAndTheUtahIdahoBorderAreThere() {
    BaseMap map = BaseMap.naturalEarth50m();
    // The Great Salt Lake lies within -113.1 .. -111.9, 40.6 .. 41.7.
    List<BaseMap.Line> lake = map.within(-113.2, -111.8, 40.5, 41.8).stream()
        .filter(l -> l.kind() == BaseMap.Kind.LAKE).toList();
    assertThat(lake).isNotEmpty();
    // Utah-Idaho state line: 42 N between -114.04 and -111.05.
    boolean border42 = map.within(-113, -112, 41.9, 42.1).stream()
        .filter(l -> l.kind() == BaseMap.Kind.STATE)
        .anyMatch(l -> {
          for (int i = 0; i < l.latDeg().length; i++) {
            if (Math.abs(l.latDeg()[i] - 42.0) < 0.01 && l.lonDeg()[i] > -114.1 && l.lonDeg()[i] < -111) {
              return true;
            }
          }
          return false;
        });
    assertThat(border42).isTrue();
  }

  @Test
  void readsLineStringsMultiLinesAndPolygonRingsAndSkipsUnknownKinds() throws IOException {
    String json = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4,99]]},"properties":{"kind":"coastline"}},
         {"type":"Feature","properties":{"kind":"border","name":"x"},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[5,5],[6,6],[7,5]]]}},
         {"type":"Feature","properties":{"kind":"lake"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}},
         {"type":"Feature","properties":{"kind":"river"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
         {"type":"Feature","properties":{"kind":"state"},"geometry":null}
        ]}""";
    BaseMap map = BaseMap.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(map.lines()).hasSize(4);
    BaseMap.Line first = map.lines().get(0);
    assertThat(first.kind()).isEqualTo(BaseMap.Kind.COASTLINE);
    assertThat(first.lonDeg()).containsExactly(1, 3);
    assertThat(first.latDeg()).containsExactly(2, 4);
    assertThat(map.lines().get(2).lonDeg()).containsExactly(5, 6, 7);
    assertThat(map.lines().get(2).latMinDeg()).isEqualTo(5);
    assertThat(map.lines().get(2).latMaxDeg()).isEqualTo(6);
    assertThat(map.lines().get(3).kind()).isEqualTo(BaseMap.Kind.LAKE);
    assertThat(map.lines().get(3).lonDeg()).hasSize(4);
    assertThat(map.within(4.5, 8, 4, 7)).containsExactly(map.lines().get(2));
  }
}
