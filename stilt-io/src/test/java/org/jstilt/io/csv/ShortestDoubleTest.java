package org.jstilt.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.jstilt.io.netcdf.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortestDoubleTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.1|0.1", "150|150.0", "-1|-1.0", "1.4514199999999999e-05|1.4514199999999999e-05", "1.45142e-05|1.45142e-05", "1e16|1e+16", "1e-5|1e-05",
        "0.0001|0.0001", "123456789012345.6|123456789012345.6", "2e23|2e+23", "1e23|1e+23",
        "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308", "40.770200000000003|40.7702",
        "0.30000000000000004|0.30000000000000004", "9007199254740993|9007199254740992.0",
        "2.2250738585072014E-308|2.2250738585072014e-308", "1234.5|1234.5", "-111.85|-111.85"
      })
  void knownValues(String in, String out) {
    assertThat(ShortestDouble.format(Double.parseDouble(in))).isEqualTo(out);
  }

  @Test
  void specialValues() {
    assertThat(ShortestDouble.format(0.0)).isEqualTo("0.0");
    assertThat(ShortestDouble.format(-0.0)).isEqualTo("-0.0");
    assertThat(ShortestDouble.format(Double.NaN)).isEqualTo("NaN");
    assertThat(ShortestDouble.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  /**
   * Java 17's {@code Double.toString} is not always shortest (it prints 2e23 as 1.9999999999999998E23);
   * ours round-trips and is never longer, on random bit patterns and on such known cases.
   */
  @Test
  void roundTripsAndIsNeverLongerThanDoubleToString() {
    assertThat(ShortestDouble.format(2e23)).isEqualTo("2e+23");
    assertThat(ShortestDouble.format(5.999394213159394e16)).isEqualTo("5.999394213159394e+16");
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
    for (int i = 0; i < 200_000; i++) {
      double x = Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL);
      String ours = ShortestDouble.format(x);
      assertThat(Double.parseDouble(ours)).isEqualTo(x);
      assertThat(significantDigits(ours)).as(ours).isLessThanOrEqualTo(significantDigits(Double.toString(x)));
    }
  }

  /** Python's repr is Gay's shortest round-trip, closest-decimal algorithm: the oracle. */
  @Test
  void matchesPythonReprOnRandomDoubles() throws IOException {
    assumeTrue(Files.isExecutable(Path.of(ExternalTools.PYTHON)), "python3 not available");
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(20190530);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      double x = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL) * (rng.nextBoolean() ? 1 : -1);
        case 1 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-12, 12));
        case 2 -> Math.round(rng.nextDouble() * 1e6) / 1e4 - 120;
        default -> (float) rng.nextDouble() * Math.pow(2, rng.nextInt(-30, 30));
      };
      values.add(x);
    }
    Path in = dir.resolve("bits.txt");
    StringBuilder sb = new StringBuilder();
    for (double x : values) {
      sb.append(Long.toHexString(Double.doubleToRawLongBits(x))).append('\n');
    }
    Files.writeString(in, sb);
    String script = "import struct,sys\n"
        + "for line in open(sys.argv[1]):\n"
        + "    print(repr(struct.unpack('>d', bytes.fromhex(line.strip().rjust(16, '0')))[0]))\n";
    List<String> expected = ExternalTools.output(ExternalTools.PYTHON, "-c", script, in.toString()).lines().toList();
    assertThat(expected).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      String py = expected.get(i);
      assertThat(ShortestDouble.format(values.get(i))).as("bits %s", Long.toHexString(Double.doubleToRawLongBits(values.get(i))))
          .isEqualTo(py);
    }
  }

  private static int significantDigits(String s) {
    String m = s.replace("-", "").split("[eE]")[0].replace(".", "").replaceFirst("^0+", "");
    return m.replaceFirst("0+$", "").length();
  }
}
