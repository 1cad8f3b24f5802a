package org.jstilt.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.ColumnReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.ReceptorJson;
import org.junit.jupiter.api.Test;

class ReceptorMarksTest {
  static final Instant T = Instant.parse("2019-05-30T03:00:00Z");

  @Test
  void pointAndColumnReceptorsAsPystiltWritesThem() {
    List<double[]> point = ReceptorMarks.fromJson(ReceptorJson.toJson(PointReceptor.agl(T, -111.85, 40.77, 5)));
    assertThat(point).hasSize(1);
    assertThat(point.get(0)).containsExactly(-111.85, 40.77);
    List<double[]> column = ReceptorMarks.fromJson(
        ReceptorJson.toJson(new ColumnReceptor(T, -112.2, 40.7, 0, 2000, AltitudeReference.AGL)));
    assertThat(column).hasSize(1);
    assertThat(column.get(0)).containsExactly(-112.2, 40.7);
  }

  @Test
  void multipointGivesOneMarkPerDistinctPosition() {
    String json = "{\"type\": \"MultiPointReceptor\", \"longitudes\": [-111.0, -111.5, -111.0],"
        + " \"latitudes\": [40.0, 40.5, 40.0], \"altitudes\": [5.0, 5.0, 50.0]}";
    List<double[]> marks = ReceptorMarks.fromJson(json);
    assertThat(marks).hasSize(2);
    assertThat(marks.get(1)).containsExactly(-111.5, 40.5);
  }

  @Test
  void noPositionMeansNoMarkRatherThanAnError() {
    assertThat(ReceptorMarks.fromJson(null)).isEmpty();
    assertThat(ReceptorMarks.fromJson("")).isEmpty();
    assertThat(ReceptorMarks.fromJson("{\"time\": \"2019-05-30T03:00:00Z\"}")).isEmpty();
    assertThat(ReceptorMarks.fromJson("not json")).isEmpty();
    assertThat(ReceptorMarks.fromJson("{\"longitude\": -111.85, \"latitude\": 95}")).isEmpty();
  }
}
