package org.jstilt.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jstilt.core.StiltException;
import org.jstilt.core.particle.ParticleColumns;
import org.jstilt.core.particle.ParticleEnsemble;
import org.jstilt.core.testing.SharedData;
import org.jstilt.io.InputFileException;
import org.jstilt.io.particles.ParticleCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes trajectory Parquet and reads it back with DuckDB, an independent Parquet implementation. */
class TrajectoryParquetTest {
  private static final Instant RECEPTOR_TIME = Instant.parse("2019-05-30T11:00:00Z");

  @TempDir Path dir;

  private static Map<String, String> metadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TrajectoryMetadata.RECEPTOR, "{\"time\": \"2019-05-30 11:00:00\", \"longitude\": -111.85, \"latitude\": 40.77, \"altitude\": 5.0}");
    m.put(TrajectoryMetadata.PARAMS, "{\"numpar\": 1000, \"hnf_plume\": true, \"note\": \"ünïcødé\"}");
    m.put(TrajectoryMetadata.MET_FILES, "[\"/met/hrrr/20190530_06\", \"/met/hrrr/20190530_00\"]");
    m.put(TrajectoryMetadata.IS_ERROR, "false");
    return m;
  }

  /** Columns as a test table: xhgt deliberately in the middle, to see it moved behind the varsiwant ones. */
  private static ParticleEnsemble synthetic() {
    int n = 1000;
    Map<String, double[]> c = new LinkedHashMap<>();
    double[] time = new double[n];
    double[] indx = new double[n];
    double[] lon = new double[n];
    double[] lat = new double[n];
    double[] xhgt = new double[n];
    double[] foot = new double[n];
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = -(i / 10 + 1);
      indx[i] = i % 10 + 1;
      lon[i] = -111.85 - 0.001 * i;
      lat[i] = 40.77 + 0.0005 * i;
      xhgt[i] = 100 * (i % 10);
      foot[i] = 0.01 / (1 + i);
      raw[i] = 0.002;
    }
    c.put("time", time);
    c.put("indx", indx);
    c.put("xhgt", xhgt);
    c.put("long", lon);
    c.put("lati", lat);
    c.put("foot_no_hnf_dilution", raw);
    c.put("foot", foot);
    return ParticleEnsemble.of(c);
  }

  private static Connection duck() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  @Test
  void duckDbReadsColumnsTypesValuesAndMetadata() throws Exception {
    ParticleEnsemble p = synthetic();
    Path file = dir.resolve("sim_traj.parquet");
    TrajectoryParquetWriter.write(file, p, RECEPTOR_TIME, metadata());

    try (Connection c = duck(); Statement s = c.createStatement()) {
      String src = "read_parquet('" + file + "')";
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + src)) {
        while (rs.next()) {
          names.add(rs.getString("column_name"));
          types.add(rs.getString("column_type"));
        }
      }
      assertThat(names).containsExactly("time", "indx", "long", "lati", "foot", "xhgt", "foot_no_hnf_dilution", "datetime");
      assertThat(types).containsExactly("DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "TIMESTAMP");

      try (ResultSet rs = s.executeQuery(
          "SELECT count(*), sum(foot), sum(long), min(datetime)::VARCHAR, max(datetime)::VARCHAR, "
              + "sum(CASE WHEN datetime = TIMESTAMP '2019-05-30 11:00:00' + to_minutes(time::BIGINT) THEN 1 ELSE 0 END) FROM " + src)) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(p.size());
        assertThat(rs.getDouble(2)).isCloseTo(sum(p.column("foot")), org.assertj.core.data.Percentage.withPercentage(1e-12));
        assertThat(rs.getDouble(3)).isCloseTo(sum(p.column("long")), org.assertj.core.data.Percentage.withPercentage(1e-12));
        assertThat(rs.getString(4)).isEqualTo("2019-05-30 09:20:00");
        assertThat(rs.getString(5)).isEqualTo("2019-05-30 10:59:00");
        assertThat(rs.getLong(6)).isEqualTo(p.size());
      }
      // Row order and exact values survive.
      try (ResultSet rs = s.executeQuery("SELECT foot, xhgt FROM " + src)) {
        double[] foot = p.column("foot");
        double[] xhgt = p.column("xhgt");
        int i = 0;
        while (rs.next()) {
          assertThat(rs.getDouble(1)).isEqualTo(foot[i]);
          assertThat(rs.getDouble(2)).isEqualTo(xhgt[i]);
          i++;
        }
        assertThat(i).isEqualTo(p.size());
      }
      Map<String, String> kv = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT key, value FROM parquet_kv_metadata('" + file + "')")) {
        while (rs.next()) {
          kv.put(new String(rs.getBytes(1), StandardCharsets.UTF_8), new String(rs.getBytes(2), StandardCharsets.UTF_8));
        }
      }
      assertThat(kv).containsAllEntriesOf(metadata());
      try (ResultSet rs = s.executeQuery(
          "SELECT DISTINCT compression FROM parquet_metadata('" + file + "')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualToIgnoringCase("ZSTD");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  /** Several row groups (3 rows each here; ~1.2 M rows each in practice): every row, in order, for us and DuckDB. */
  @Test
  void manyRowGroupsKeepEveryRowInOrder() throws Exception {
    ParticleEnsemble p = synthetic();
    Path file = dir.resolve("groups_traj.parquet");
    TrajectoryParquetWriter.write(file, p, RECEPTOR_TIME, metadata(), 3);
    ParticleEnsemble back = TrajectoryParquetReader.read(file).particles();
    for (String col : p.columnNames()) {
      assertThat(back.column(col)).as(col).containsExactly(p.column(col));
    }
    try (Connection c = duck(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT row_group_id) FROM parquet_metadata('" + file
            + "')")) {
      rs.next();
      assertThat(rs.getLong(2)).isEqualTo((p.size() + 2) / 3);
    }
  }

  @Test
  void roundTripsRStiltColumnTrajectoryExactly() throws IOException {
    ParticleEnsemble p =
        ParticleCsvReader.read(SharedData.reference().resolve("hysplit/night_column/particles.csv.gz"));
    Path file = dir.resolve("col_traj.parquet");
    TrajectoryParquetWriter.write(file, p, RECEPTOR_TIME, metadata());
    TrajectoryTable t = TrajectoryParquetReader.read(file);
    assertThat(t.particles().columnNames()).isEqualTo(p.columnNames());
    for (String c : p.columnNames()) {
      assertThat(t.particles().column(c)).as(c).isEqualTo(p.column(c));
    }
    assertThat(t.metadata()).isEqualTo(metadata());
    int last = p.size() - 1;
    assertThat(t.datetime(last)).hasValue(RECEPTOR_TIME.plusSeconds(60L * (long) p.get("time", last)));
  }

  /** A file from another writer (DuckDB; int indx, nanosecond timestamps as pyarrow writes) reads too. */
  @Test
  void readsFilesFromOtherWriters() throws Exception {
    Path file = dir.resolve("duck.parquet");
    try (Connection c = duck(); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT (-1 - i // 4)::DOUBLE AS time, (i % 4 + 1)::INTEGER AS indx, -111.0 - i / 100 AS long, "
          + "40.0 + i / 1000 AS lati, CASE WHEN i = 3 THEN NULL ELSE 0.5 END AS foot, "
          + "(TIMESTAMP '2019-05-30 11:00:00' - to_minutes(1 + i // 4))::TIMESTAMP_NS AS datetime "
          + "FROM range(10) t(i)) TO '" + file + "' (FORMAT parquet, KV_METADATA {'stilt:is_error': 'true'})");
    }
    TrajectoryTable t = TrajectoryParquetReader.read(file);
    assertThat(t.particles().columnNames()).containsExactly("time", "indx", "long", "lati", "foot");
    assertThat(t.particles().column("indx")).containsExactly(1, 2, 3, 4, 1, 2, 3, 4, 1, 2);
    assertThat(t.particles().get("foot", 3)).isNaN();
    assertThat(t.particles().get("lati", 9)).isEqualTo(40.009);
    assertThat(t.datetime(9)).hasValue(Instant.parse("2019-05-30T10:57:00Z"));
    assertThat(t.metadata(TrajectoryMetadata.IS_ERROR)).hasValue("true");
  }

  @Test
  void emptyTableWritesAValidFile() throws Exception {
    ParticleEnsemble empty = ParticleEnsemble.empty(ParticleColumns.FOOTPRINT_INPUT);
    Path file = dir.resolve("empty_traj.parquet");
    TrajectoryParquetWriter.write(file, empty, RECEPTOR_TIME, Map.of());
    try (Connection c = duck(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
    TrajectoryTable t = TrajectoryParquetReader.read(file);
    assertThat(t.particles().isEmpty()).isTrue();
    assertThat(t.particles().columnNames()).isEqualTo(ParticleColumns.FOOTPRINT_INPUT);
  }

  @Test
  void failuresLeaveNoFile() throws IOException {
    Path file = dir.resolve("bad_traj.parquet");
    ParticleEnsemble noTime = synthetic().select(List.of("indx", "long", "lati"));
    assertThatThrownBy(() -> TrajectoryParquetWriter.write(file, noTime, RECEPTOR_TIME, Map.of()))
        .isInstanceOf(StiltException.class).hasMessageContaining("time");
    ParticleEnsemble nanTime = synthetic().withColumn("time", new double[1000]).withColumn("time", nanAt(1000, 7));
    assertThatThrownBy(() -> TrajectoryParquetWriter.write(file, nanTime, RECEPTOR_TIME, Map.of()))
        .isInstanceOf(StiltException.class).hasMessageContaining("row 7");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void notParquetIsAClearError() throws IOException {
    Path file = dir.resolve("x.parquet");
    Files.writeString(file, "time,indx\n1,2\n");
    assertThatThrownBy(() -> TrajectoryParquetReader.read(file))
        .isInstanceOf(InputFileException.class).hasMessageContaining("x.parquet").hasMessageContaining("not a readable Parquet file");
  }

  private static double[] nanAt(int n, int at) {
    double[] a = new double[n];
    a[at] = Double.NaN;
    return a;
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
