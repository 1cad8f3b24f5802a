package org.jstilt.core.receptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceptorTest {
  private static final Instant T = Instant.parse("2023-01-01T12:00:00Z");
  private static final AltitudeReference AGL = AltitudeReference.AGL;

  @Test
  void fromPointsChoosesTheType() {
    assertThat(Receptor.fromPoints(T, List.of(new ReleasePoint(-112, 40.5, 5)), AGL))
        .isEqualTo(new PointReceptor(T, -112, 40.5, 5, AGL));
    assertThat(Receptor.fromPoints(T, List.of(new ReleasePoint(-112, 40.5, 1000), new ReleasePoint(-112, 40.5, 0)), AGL))
        .isEqualTo(new ColumnReceptor(T, -112, 40.5, 0, 1000, AGL));
    Receptor slant = Receptor.fromPoints(T, List.of(new ReleasePoint(-112, 40.5, 0), new ReleasePoint(-112, 40.6, 0)), AGL);
    assertThat(slant).isInstanceOf(MultiPointReceptor.class);
    assertThat(slant.releasePoints()).extracting(ReleasePoint::latDeg).containsExactly(40.5, 40.6);
    assertThat(Receptor.fromPoints(T, List.of(new ReleasePoint(1, 2, 3), new ReleasePoint(1, 2, 4),
        new ReleasePoint(1, 2, 5)), AGL)).isInstanceOf(MultiPointReceptor.class);
  }

  @Test
  void twoIdenticalPointsAreAnEmptyColumn() {
    assertThatThrownBy(() -> Receptor.fromPoints(T, List.of(new ReleasePoint(-112, 40.5, 5), new ReleasePoint(-112, 40.5, 5)), AGL))
        .isInstanceOf(StiltException.class).hasMessageContaining("bottom must be below its top");
    assertThatThrownBy(() -> Receptor.fromPoints(T, List.of(), AGL)).hasMessageContaining("at least one");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "lon too large|180.5|40|5|agl|longitude must be within [-180, 180], got 180.5",
      "lon NaN|NaN|40|5|agl|longitude must be within [-180, 180], got NaN",
      "lat too small|-112|-90.01|5|agl|latitude must be within [-90, 90], got -90.01",
      "negative AGL|-112|40|-1|agl|altitude above ground level must be >= 0, got -1.0",
      "infinite altitude|-112|40|Infinity|msl|altitude must be a finite number of metres"})
  void pointValidation(String name, double lon, double lat, double alt, String ref, String message) {
    assertThatThrownBy(() -> new PointReceptor(T, lon, lat, alt, AltitudeReference.parse(ref)))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((StiltException) e).code()).isEqualTo(ErrorCode.INPUT);
  }

  @Test
  void boundsAreInclusiveAndMslMayBeNegative() {
    assertThat(new PointReceptor(T, -180, 90, 0, AGL).lonDeg()).isEqualTo(-180);
    assertThat(new PointReceptor(T, 180, -90, -400, AltitudeReference.MSL).altitudeM()).isEqualTo(-400);
  }

  @Test
  void columnValidation() {
    assertThatThrownBy(() -> new ColumnReceptor(T, -112, 40, 100, 100, AGL)).hasMessageContaining("bottom must be below");
    assertThatThrownBy(() -> new ColumnReceptor(T, -112, 40, 500, 100, AGL)).hasMessageContaining("bottom must be below");
    assertThatThrownBy(() -> new ColumnReceptor(T, -112, 40, -5, 100, AGL)).hasMessageContaining("column bottom above ground");
    assertThat(new ColumnReceptor(T, -112, 40, -5, 100, AltitudeReference.MSL).releasePoints())
        .containsExactly(new ReleasePoint(-112, 40, -5), new ReleasePoint(-112, 40, 100));
  }

  @Test
  void multipointValidation() {
    assertThatThrownBy(() -> MultiPointReceptor.of(T, new double[] {1, 2}, new double[] {1}, new double[] {1, 2}, AGL))
        .hasMessageContaining("same length, got 2, 1 and 2");
    assertThatThrownBy(() -> new MultiPointReceptor(T, List.of(), AGL)).hasMessageContaining("at least one point");
    assertThatThrownBy(() -> new MultiPointReceptor(T, List.of(new ReleasePoint(1, 2, 3), new ReleasePoint(1, 95, 3)), AGL))
        .hasMessageContaining("point 2: latitude must be within [-90, 90], got 95.0");
  }

  @Test
  void timeKeepsMicrosecondsAtMost() {
    Instant t = Instant.parse("2023-01-01T12:00:00.123456789Z");
    assertThat(PointReceptor.agl(t, 1, 2, 3).time()).isEqualTo(Instant.parse("2023-01-01T12:00:00.123456Z"));
    assertThatThrownBy(() -> PointReceptor.agl(Instant.parse("0999-12-31T23:59:59Z"), 1, 2, 3))
        .hasMessageContaining("outside years 1000..9999");
    assertThatThrownBy(() -> PointReceptor.agl(null, 1, 2, 3)).hasMessageContaining("time is missing");
  }

  @Test
  void altitudeReferenceParsing() {
    assertThat(AltitudeReference.parse("MSL")).isEqualTo(AltitudeReference.MSL);
    assertThat(AltitudeReference.parse(" agl ")).isEqualTo(AltitudeReference.AGL);
    assertThat(AltitudeReference.MSL.kmsl()).isEqualTo(1);
    assertThatThrownBy(() -> AltitudeReference.parse("asl")).hasMessageContaining("'agl' or 'msl', got 'asl'");
  }
}
