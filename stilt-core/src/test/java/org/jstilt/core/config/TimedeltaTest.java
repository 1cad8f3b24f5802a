package org.jstilt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pandas.Timedelta(text) for each accepted form. */
class TimedeltaTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1h|PT1H", "6h|PT6H", "6H|PT6H", "1D|PT24H", "1d|PT24H", "30min|PT30M", "30T|PT30M", "15m|PT15M",
      "90s|PT1M30S", "1h30min|PT1H30M", "1 day|PT24H", "2 days|PT48H", "1 days 06:00:00|PT30H",
      "06:00:00|PT6H", "01:00:00|PT1H", "1 days|PT24H", "0.5h|PT30M", "1.5h|PT1H30M", "1W|PT168H", "3 hours|PT3H", "500ms|PT0.5S", "00:00:01.5|PT1.5S"})
  void parses(String text, String iso) {
    assertThat(Timedelta.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1M|ambiguous", "6x|unknown unit 'x'", "six hours|not a time span", "''|empty", "0h|positive",
      "6|not a time span", "h|not a time span", "6 parsecs|unknown unit 'parsecs'",
      "often|not a time span"})
  void rejects(String text, String message) {
    assertThatThrownBy(() -> Timedelta.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {"PT6H|6h", "PT24H|1D", "PT30M|30min", "PT1H30M|1h30min", "PT90S|1min30s",
      "PT0.5S|500ms", "PT25H|1D1h"})
  void formatsAndReadsBack(String iso, String text) {
    Duration d = Duration.parse(iso);
    assertThat(Timedelta.format(d)).isEqualTo(text);
    assertThat(Timedelta.parse(text)).isEqualTo(d);
  }
}
