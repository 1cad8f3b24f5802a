package org.jstilt.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jstilt.core.StiltException;
import org.jstilt.core.receptor.AltitudeReference;
import org.jstilt.core.receptor.MultiPointReceptor;
import org.jstilt.core.receptor.PointReceptor;
import org.jstilt.core.receptor.ReleasePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdTest {
  private static final Instant T = Instant.parse("2023-01-01T12:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"hrrr", "nam12", "gfs0p25", "0"})
  void validMetNames(String name) {
    assertThat(MetId.parse(name).toString()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HRRR", "hrrr_v4", "hrrr-v4", "", " hrrr", "hrrr.v1"})
  void invalidMetNamesSayWhatIsAllowed(String name) {
    assertThatThrownBy(() -> MetId.parse(name)).isInstanceOf(StiltException.class)
        .hasMessageContaining("lower-case letters and digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-111.85_40.77_5", "-111.85_40.77_X", "multi_0123456789", "1e-05_0_10000000000000000",
      "inf_nan_5", " 1_2_3"})
  void locationIdsPystiltAccepts(String text) {
    assertThat(LocationId.parse(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-111.85_40.77", "a_b_c", "1_2_x", "multi_ABCDEF0123", "multi_0123", "1_2_3_4", "1__2_3"})
  void locationIdsPystiltRejects(String text) {
    assertThatThrownBy(() -> LocationId.parse(text)).isInstanceOf(StiltException.class)
        .hasMessageContaining("lon_lat_alt");
  }

  @Test
  void receptorIdTimeMustBeARealMinute() {
    assertThatThrownBy(() -> ReceptorId.parse("202313011200_-111.85_40.77_5"))
        .isInstanceOf(StiltException.class).hasMessageContaining("invalid time '202313011200'");
    assertThatThrownBy(() -> ReceptorId.parse("20230101120_-111.85_40.77_5"))
        .hasMessageContaining("{YYYYMMDDHHMM}_{location}");
    assertThatThrownBy(() -> new ReceptorId(Instant.parse("2023-01-01T12:00:30Z"), LocationId.parse("1_2_3")))
        .hasMessageContaining("whole minutes");
  }

  @Test
  void simulationIdSplitsAtTheFirstUnderscore() {
    SimulationId id = SimulationId.parse("hrrr_202301011200_-111.85_40.77_5");
    assertThat(id.met()).isEqualTo(new MetId("hrrr"));
    assertThat(id.receptor().time()).isEqualTo(T);
    assertThat(id.receptor().location().value()).isEqualTo("-111.85_40.77_5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HRRR_202301011200_-111.85_40.77_5", "hrrr_2023010112_-111.85_40.77_5",
      "hrrr202301011200_1_2_3", "hrrr_202301011200_", "hrrr_202301011200_1_2", ""})
  void badSimulationIdsShowTheExpectedForm(String text) {
    assertThatThrownBy(() -> SimulationId.parse(text)).isInstanceOf(StiltException.class)
        .hasMessageContaining("hrrr_202301011200_-111.85_40.77_5");
  }

  @Test
  void idsSortAsTheirStrings() {
    List<SimulationId> ids = new ArrayList<>(List.of(
        SimulationId.parse("nam12_202301011200_1_2_3"),
        SimulationId.parse("hrrr_202301011300_1_2_3"),
        SimulationId.parse("hrrr_202301011200_1_2_3")));
    ids.sort(null);
    assertThat(ids).extracting(SimulationId::toString).containsExactly(
        "hrrr_202301011200_1_2_3", "hrrr_202301011300_1_2_3", "nam12_202301011200_1_2_3");
  }

  @Test
  void secondsCollideAsInPystilt() {
    PointReceptor a = PointReceptor.agl(T, -111.85, 40.77, 5);
    PointReceptor b = PointReceptor.agl(T.plusSeconds(59), -111.85, 40.77, 5);
    assertThat(a).isNotEqualTo(b);
    assertThat(ReceptorId.of(a)).isEqualTo(ReceptorId.of(b));
  }

  @Test
  void multipointHashDependsOnRoundedValuesOnly() {
    MultiPointReceptor a = new MultiPointReceptor(T, List.of(new ReleasePoint(-112, 40.5, 0),
        new ReleasePoint(-111.5, 41, 500.7)), AltitudeReference.AGL);
    MultiPointReceptor b = new MultiPointReceptor(T, List.of(new ReleasePoint(-111.500001, 41.000004, 500.2),
        new ReleasePoint(-112, 40.5, 0.9)), AltitudeReference.AGL);
    MultiPointReceptor c = new MultiPointReceptor(T, List.of(new ReleasePoint(-112, 40.5, 0),
        new ReleasePoint(-111.5, 41, 501)), AltitudeReference.AGL);
    assertThat(LocationId.of(a)).isEqualTo(LocationId.of(b));
    assertThat(LocationId.of(a)).isNotEqualTo(LocationId.of(c));
    // The altitude reference is not part of the location id (PYSTILT hashes the coordinates only).
    MultiPointReceptor msl = new MultiPointReceptor(T, a.points(), AltitudeReference.MSL);
    assertThat(LocationId.of(msl)).isEqualTo(LocationId.of(a));
  }
}
