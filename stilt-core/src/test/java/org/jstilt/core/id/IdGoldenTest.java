package org.jstilt.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.Receptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.jstilt.core.receptor.ReleasePoint;
import org.jstilt.core.text.PyJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the language-neutral golden cases in {@code id-cases.json} (JTS test-XML style): each case builds a
 * receptor and checks every identity string and the receptor JSON against PYSTILT's.
 */
class IdGoldenTest {
  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = IdGoldenTest.class.getResourceAsStream("id-cases.json")) {
      Map<?, ?> root = (Map<?, ?>) PyJson.loads(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return ((List<?>) root.get("cases")).stream().map(c -> Arguments.of(((Map<?, ?>) c).get("name"), c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void identityStringsMatchPystilt(String name, Map<String, Object> c) {
    Receptor r = receptorOf(c);
    LocationId loc = LocationId.of(r);
    ReceptorId rid = ReceptorId.of(r);
    SimulationId sid = SimulationId.of((String) c.get("met"), r);

    assertThat(loc.value()).isEqualTo(c.get("location_id"));
    assertThat(rid.toString()).isEqualTo(c.get("receptor_id"));
    assertThat(sid.toString()).isEqualTo(c.get("sim_id"));
    assertThat(ReceptorJson.toJson(r)).isEqualTo(c.get("receptor_json"));
    if (c.containsKey("canonical")) {
      assertThat(r).isInstanceOf(MultiPointReceptor.class);
      assertThat(LocationId.multipointCanonicalJson(r.releasePoints())).isEqualTo(c.get("canonical"));
    }

    // Every canonical string parses back to the same value, and the JSON back to the same receptor.
    assertThat(LocationId.parse(loc.value())).isEqualTo(loc);
    assertThat(ReceptorId.parse(rid.toString())).isEqualTo(rid);
    assertThat(SimulationId.parse(sid.toString())).isEqualTo(sid);
    assertThat(SimulationId.parse(sid.toString()).toString()).isEqualTo(c.get("sim_id"));
    assertThat(ReceptorJson.fromJson((String) c.get("receptor_json"))).isEqualTo(r);
  }

  private static Receptor receptorOf(Map<String, Object> c) {
    Instant time = Instant.parse(c.get("time") + "Z");
    List<ReleasePoint> points = new ArrayList<>();
    for (Object p : (List<?>) c.get("points")) {
      List<?> xyz = (List<?>) p;
      points.add(new ReleasePoint(num(xyz.get(0)), num(xyz.get(1)), num(xyz.get(2))));
    }
    return Receptor.fromPoints(time, points, AltitudeReference.parse((String) c.get("altitude_ref")));
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }
}
