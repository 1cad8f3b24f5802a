package org.jstilt.core.receptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden strings are in {@code org/jstilt/core/id/id-cases.json}; these are the reading rules. */
class ReceptorJsonTest {
  private static final Instant T = Instant.parse("2023-01-01T12:00:00Z");

  @Test
  void fromDictAcceptsIntegersOtherTimeFormsAndDefaultsToAgl() {
    Receptor r = ReceptorJson.fromJson(
        "{\"type\": \"PointReceptor\", \"time\": \"202301011200\", \"longitude\": -112, \"latitude\": 40.5, \"altitude\": 5}");
    assertThat(r).isEqualTo(PointReceptor.agl(T, -112, 40.5, 5));
    Receptor msl = ReceptorJson.fromJson("{\"type\": \"ColumnReceptor\", \"time\": \"2023-01-01T05:00:00-07:00\","
        + " \"longitude\": -112, \"latitude\": 40.5, \"bottom\": 0, \"top\": 100.5, \"altitude_ref\": \"MSL\"}");
    assertThat(msl).isEqualTo(new ColumnReceptor(T, -112, 40.5, 0, 100.5, AltitudeReference.MSL));
  }

  @Test
  void microsecondsSurviveTheRoundTrip() {
    Receptor r = new MultiPointReceptor(Instant.parse("2023-01-01T12:00:00.250Z"),
        List.of(new ReleasePoint(1, 2, 3), new ReleasePoint(4, 5, 6)), AltitudeReference.AGL);
    String json = ReceptorJson.toJson(r);
    assertThat(json).contains("\"time\": \"2023-01-01T12:00:00.250000\"");
    assertThat(ReceptorJson.fromJson(json)).isEqualTo(r);
  }

  @Test
  void errorsNameTheProblem() {
    assertThatThrownBy(() -> ReceptorJson.fromJson("{\"time\": \"202301011200\"}")).hasMessageContaining("'type' key");
    assertThatThrownBy(() -> ReceptorJson.fromJson("{\"type\": \"SlantReceptor\"}")).hasMessageContaining("unknown receptor type 'SlantReceptor'");
    assertThatThrownBy(() -> ReceptorJson.fromJson("{\"type\": \"PointReceptor\", \"time\": \"202301011200\", \"longitude\": 1,"
        + " \"latitude\": 2, \"altitude\": 3, \"height\": 4}")).hasMessageContaining("unknown keys [height]");
    assertThatThrownBy(() -> ReceptorJson.fromJson("{\"type\": \"PointReceptor\", \"time\": \"202301011200\", \"longitude\": 1,"
        + " \"latitude\": 2}")).hasMessageContaining("missing 'altitude'");
    assertThatThrownBy(() -> ReceptorJson.fromJson("{\"type\": \"MultiPointReceptor\", \"time\": \"202301011200\","
        + " \"longitudes\": [1, 2], \"latitudes\": [1], \"altitudes\": [1, 2]}")).hasMessageContaining("same length");
    assertThatThrownBy(() -> ReceptorJson.fromJson("[1]")).hasMessageContaining("must be an object");
    assertThatThrownBy(() -> ReceptorJson.fromJson("{")).hasMessageContaining("not valid JSON");
  }
}
