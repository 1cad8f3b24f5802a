package org.jstilt.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class PyFloatTest {
  @ParameterizedTest(name = "repr({0}) = {1}")
  @CsvFileSource(resources = "pyfloat-repr.csv", delimiter = '|')
  void reprMatchesPython(String input, String expected) {
    assertThat(PyFloat.repr(Double.parseDouble(input))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "round({0}, {1}) = {2}")
  @CsvFileSource(resources = "pyfloat-round.csv", delimiter = '|')
  void roundMatchesPython(String input, int ndigits, String expected) {
    assertThat(PyFloat.repr(PyFloat.round(Double.parseDouble(input), ndigits))).isEqualTo(expected);
  }

  @Test
  void nonFiniteValues() {
    assertThat(PyFloat.repr(Double.NaN)).isEqualTo("nan");
    assertThat(PyFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(PyFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThatThrownBy(() -> PyFloat.formatCoordinate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "_format_coord({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "-112|-112", "5.0|5", "-0.0|0", "40.77|40.77", "1e16|10000000000000000",
      "1e20|100000000000000000000", "-1e300|-10000000000000000525047602552044202487044685811081591549158"
          + "5411551180245798890819578637137508044786404370444383288387817694252323536043057564479218478670698284"
          + "8387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788"
          + "820056842838115669472196386865459400540160", "0.5|0.5", "1e-05|1e-05", "4503599627370495.5|4503599627370495.5"})
  void formatCoordinate(String input, String expected) {
    assertThat(PyFloat.formatCoordinate(Double.parseDouble(input))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1|1.0", " 2.5 |2.5", "-.5|-0.5", "5.|5.0", "5.e3|5000.0", "1_000.5|1000.5", "1e-05|1e-05", "+7|7.0",
      "inf|inf", "-Infinity|-inf", "NaN|nan"})
  void parseAcceptsPythonFloatSyntax(String text, String reprOfValue) {
    assertThat(PyFloat.repr(PyFloat.parse(text))).isEqualTo(reprOfValue);
  }

  @ParameterizedTest
  @CsvSource({"1d", "0x1p3", "1__0", "_1", "1_", "'1,5'", "X", "''", "1e", "."})
  void parseRejectsWhatPythonRejects(String text) {
    assertThatThrownBy(() -> PyFloat.parse(text)).isInstanceOf(NumberFormatException.class);
    assertThat(PyFloat.isFloat(text)).isFalse();
  }

  /**
   * The defining properties of the shortest round-trip form, on random bit patterns and on numbers of the
   * kinds STILT writes: (1) it reads back as the same double; (2) no decimal with fewer significant digits
   * does (the two neighbours of the value at one digit less both miss); (3) no other decimal of the same
   * length that reads back is closer to the exact value.
   */
  @Test
  void shortestRoundTripProperties() {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(4511638L);
    for (int i = 0; i < 40_000; i++) {
      double x = sample(rng, i);
      if (x == 0 || !Double.isFinite(x)) {
        continue;
      }
      String r = PyFloat.repr(x);
      assertThat(Double.parseDouble(r)).as(r).isEqualTo(x);
      double a = Math.abs(x);
      PyFloat.Digits d = PyFloat.shortestDigits(a);
      int p = d.digits().length();
      BigDecimal exact = new BigDecimal(a);
      if (p > 1) {
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
          BigDecimal shorter = exact.round(new MathContext(p - 1, mode));
          assertThat(Double.parseDouble(shorter.toString())).as("%s shorter %s", r, shorter).isNotEqualTo(a);
        }
      }
      BigDecimal ours = new BigDecimal("0." + d.digits() + "E" + d.decimalExponent());
      BigDecimal ulp = BigDecimal.ONE.scaleByPowerOfTen(d.decimalExponent() - p);
      for (BigDecimal other : List.of(ours.subtract(ulp), ours.add(ulp))) {
        if (other.signum() > 0 && Double.parseDouble(other.toString()) == a) {
          assertThat(other.subtract(exact).abs()).as("%s vs %s", r, other)
              .isGreaterThanOrEqualTo(ours.subtract(exact).abs());
        }
      }
    }
  }

  /** Java 17's Double.toString is sometimes longer than needed (JDK-4511638), never shorter. */
  @Test
  void neverLongerThanDoubleToString() {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(17L);
    for (int i = 0; i < 10_000; i++) {
      double x = Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL);
      if (x == 0) {
        continue;
      }
      int ours = PyFloat.shortestDigits(x).digits().length();
      String j = Double.toString(x).split("E")[0].replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
      assertThat(ours).as("%s", x).isLessThanOrEqualTo(Math.max(1, j.length()));
    }
  }

  /** CPython itself is the oracle when it is installed (python3 on PATH); skipped otherwise. */
  @Test
  void matchesCPythonOnRandomDoubles(@TempDir Path dir) throws IOException, InterruptedException {
    String python = findPython();
    assumeTrue(python != null, "python3 not on PATH");
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(20230101L);
    List<Double> values = new ArrayList<>();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      double x = sample(rng, i);
      int nd = rng.nextInt(0, 8);
      values.add(x);
      in.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ').append(nd).append('\n');
    }
    Path input = dir.resolve("in.txt");
    Files.writeString(input, in, StandardCharsets.US_ASCII);
    String script = "import struct,sys\n"
        + "for line in open(sys.argv[1]):\n"
        + "    h, nd = line.split()\n"
        + "    x = struct.unpack('>d', bytes.fromhex(h.rjust(16, '0')))[0]\n"
        + "    r = round(x, int(nd)) if x == x and abs(x) != float('inf') else x\n"
        + "    print(repr(x), repr(r), str(int(x)) if x == x and abs(x) != float('inf') and x == int(x) else str(x))\n";
    Process proc = new ProcessBuilder(python, "-c", script, input.toString()).redirectErrorStream(true).start();
    List<String> lines = new String(proc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(lines).hasSize(values.size());
    String[] rows = in.toString().split("\n");
    for (int i = 0; i < values.size(); i++) {
      double x = values.get(i);
      int nd = Integer.parseInt(rows[i].split(" ")[1]);
      String[] py = lines.get(i).split(" ");
      String what = "bits " + rows[i];
      assertThat(PyFloat.repr(x)).as(what).isEqualTo(py[0]);
      assertThat(PyFloat.repr(PyFloat.round(x, nd))).as(what).isEqualTo(py[1]);
      assertThat(PyFloat.formatCoordinate(x)).as(what).isEqualTo(py[2]);
    }
  }

  /** A mix of random bit patterns, random-magnitude decimals, coordinate-like values and float32 values. */
  private static double sample(RandomGenerator rng, int i) {
    return switch (i % 5) {
      case 0 -> Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL) * (rng.nextBoolean() ? 1 : -1);
      case 1 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-20, 20));
      case 2 -> Math.round(rng.nextDouble() * 1e8) / 1e6 - 180;
      case 3 -> Math.round(rng.nextDouble() * 1e5) / 100.0;
      default -> (float) rng.nextDouble() * Math.pow(2, rng.nextInt(-40, 40));
    };
  }

  private static String findPython() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "python3");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
