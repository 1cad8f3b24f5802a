package org.jstilt.core.receptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceptorTimeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "202301011200|2023-01-01T12:00:00Z",
      "2023-01-01 12:00:00|2023-01-01T12:00:00Z",
      "2023-01-01T12:00:00|2023-01-01T12:00:00Z",
      "2023-01-01T12:00|2023-01-01T12:00:00Z",
      "2023-01-01|2023-01-01T00:00:00Z",
      "2023/1/2 3:04:05|2023-01-02T03:04:05Z",
      "2023-01-01T12:00:00Z|2023-01-01T12:00:00Z",
      "2023-01-01 05:00:00-07:00|2023-01-01T12:00:00Z",
      "2023-01-01T17:30:00+0530|2023-01-01T12:00:00Z",
      "2023-01-01T14:00:00+02|2023-01-01T12:00:00Z",
      "2023-01-01 12:00:00 UTC|2023-01-01T12:00:00Z",
      "2023-01-01 12:00:00.5|2023-01-01T12:00:00.500Z",
      "  2023-01-01 12:00:00  |2023-01-01T12:00:00Z"})
  void acceptedForms(String text, String expected) {
    assertThat(ReceptorTime.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1672574400", "20230101", "2023.5", "1.6e9"})
  void numbersAreRejected(String text) {
    assertThatThrownBy(() -> ReceptorTime.parse(text)).isInstanceOf(StiltException.class)
        .hasMessageContaining("numeric receptor time").hasMessageContaining("2023-01-01 12:00:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Jan 1 2023", "01/02/2023", "2023-01-01 25:00", "2023-02-30", "202302301200", "", "# comment"})
  void otherTextIsRejectedWithTheAcceptedForms(String text) {
    assertThatThrownBy(() -> ReceptorTime.parse(text)).isInstanceOf(StiltException.class)
        .hasMessageContaining("receptor time");
  }

  @Test
  void isoformatIsPythons() {
    assertThat(ReceptorTime.isoformat(Instant.parse("2023-01-01T12:00:00Z"))).isEqualTo("2023-01-01T12:00:00");
    assertThat(ReceptorTime.isoformat(Instant.parse("2023-01-01T12:00:00.5Z"))).isEqualTo("2023-01-01T12:00:00.500000");
    assertThat(ReceptorTime.isoformat(Instant.parse("2023-01-01T12:00:00.000001Z"), ' '))
        .isEqualTo("2023-01-01 12:00:00.000001");
  }
}
