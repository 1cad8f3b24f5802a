package org.jstilt.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.jstilt.core.id.SimulationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite, plus what only a file database has: several processes, WAL, damaged files. */
class SqliteRegistryTest extends RegistryContractTest {

  @TempDir Path dir;

  Path dbFile() {
    return dir.resolve("out").resolve(SqliteRegistry.DEFAULT_PATH);
  }

  @Override
  Registry openOnSameStorage(QueuePolicy p, Clock c) {
    return SqliteRegistry.open(dbFile(), p, c);
  }

  @Test
  void livesInTheOutputRootInWalMode() throws Exception {
    try (SqliteRegistry r = SqliteRegistry.forOutputRoot(dir.resolve("out"))) {
      assertThat(r.file()).isEqualTo(dbFile().toAbsolutePath());
      r.register(specs(1), RegisterMode.KEEP);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void aFileThatIsNotADatabaseGetsAClearError() throws IOException {
    Path f = dir.resolve("junk.db");
    Files.writeString(f, "this is not sqlite, just text that is long enough to have a header............");
    assertThatThrownBy(() -> SqliteRegistry.open(f, policy, clock))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY))
        .hasMessageContaining(f.toAbsolutePath().toString())
        .hasMessageContaining("stilt rebuild");
  }

  @Test
  void aSchemaNewerThanThisCodeIsRefused() throws Exception {
    registry.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile()); Statement st = c.createStatement()) {
      st.execute("INSERT INTO schema_history VALUES (99, 'future', 'x', 0, 'test')");
    }
    assertThatThrownBy(() -> SqliteRegistry.open(dbFile(), policy, clock))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer JSTILT");
  }

  @Test
  void aChangedMigrationIsRefused() throws Exception {
    registry.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile()); Statement st = c.createStatement()) {
      st.execute("UPDATE schema_history SET checksum = 'abc' WHERE version = 1");
    }
    assertThatThrownBy(() -> SqliteRegistry.open(dbFile(), policy, clock))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("migration V1")
        .hasMessageContaining("different SQL");
  }

  @Test
  void anOlderSchemaIsUpgradedOnOpen() throws Exception {
    // A database at version 1 meets code that knows a version 2: the missing script runs, once.
    registry.close();
    List<Migrations.Migration> known = new ArrayList<>(Migrations.builtIn("sqlite"));
    known.add(Migrations.parse("V2__add_note", "ALTER TABLE simulation ADD COLUMN note TEXT;\nCREATE INDEX simulation_note ON simulation (note);"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile())) {
      String exists = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
      assertThat(Migrations.needsMigration(Migrations.applied(c, exists), known, "test")).isTrue();
      assertThat(Migrations.migrate(c, known, exists, "test", 0, "test")).isEqualTo(2);
      assertThat(Migrations.needsMigration(Migrations.applied(c, exists), known, "test")).isFalse();
      assertThat(Migrations.migrate(c, known, exists, "test", 0, "test")).isEqualTo(2);
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_history")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void migrationScriptsSplitIntoStatements() {
    assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT,\n  y INT);\n\nCREATE INDEX i ON a (x);\n"))
        .containsExactly("CREATE TABLE a (x INT,\n  y INT)", "CREATE INDEX i ON a (x)");
    assertThat(Migrations.statements(Migrations.builtIn("sqlite").get(0).sql())).hasSize(4);
  }

  @Test
  void twoProcessesAndThisOneNeverClaimTheSameSimulation() throws Exception {
    int n = 300;
    registry.register(specs(n, "f"), RegisterMode.KEEP);
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      children.add(ClaimWorkerMain.start(dbFile(), "drain"));
    }
    Set<String> mine = new HashSet<>();
    WorkerIdentity me = WorkerIdentity.current();
    // This process must live on the children's clock: leases taken at the test clock's T0 (months in
    // the past) would look long expired to them, and they would rightly sweep them back to pending.
    try (Registry onWallClock = openOnSameStorage(QueuePolicy.DEFAULT.withLeaseDuration(Duration.ofHours(1)), Clock.systemUTC())) {
      while (true) {
        var c = onWallClock.claimOne(me);
        if (c.isEmpty()) {
          break;
        }
        mine.add(c.get().id().toString());
        onWallClock.complete(c.get(), written("f"));
      }
    }
    List<String> all = new ArrayList<>(mine);
    for (Process p : children) {
      List<String> lines = ClaimWorkerMain.readAll(p);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as("child stderr: %s", new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
      all.addAll(lines);
    }
    assertThat(all).doesNotHaveDuplicates().hasSize(n);
    assertThat(registry.counts()).isEqualTo(new StateCounts(n, 0, 0, n, 0, 0, 0));
  }

  @Test
  void workOfAKilledProcessIsPickedUpByTheNextRunOnTheSameHost() throws Exception {
    registry.register(specs(5, "f"), RegisterMode.KEEP);
    Process child = ClaimWorkerMain.start(dbFile(), "claim3-and-hang");
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> held = new ArrayList<>();
    for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
      held.add(line);
    }
    assertThat(held).hasSize(3);
    assertThat(registry.counts().running()).isEqualTo(3);
    // SIGKILL: no shutdown hook, no release; the leases (one hour) are still valid.
    child.destroyForcibly();
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

    String host = WorkerIdentity.current().host();
    assertThat(registry.releaseDeadLocalWorkers(host)).isEqualTo(new LeaseSweep(3, 0));
    for (String id : held) {
      SimulationRecord r = get(SimulationId.parse(id));
      assertThat(r.state()).isEqualTo(SimulationState.PENDING);
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.lastFailure().category()).isEqualTo(Failure.WORKER_LOST);
    }
    // Run again: everything completes exactly once.
    int completed = 0;
    for (Claim c : registry.claim(WorkerIdentity.current(), 10)) {
      registry.complete(c, Map.of("f", FootprintOutcome.written()));
      completed++;
    }
    assertThat(completed).isEqualTo(5);
    assertThat(registry.counts()).isEqualTo(new StateCounts(5, 0, 0, 5, 0, 0, 0));
  }

  @Test
  void aWriterWaitsForAnotherProcessesTransactionInsteadOfFailing() throws Exception {
    registry.register(specs(2, "f"), RegisterMode.KEEP);
    // Hold the write lock from a plain connection for a moment, as another process would.
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dbFile()); Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(300);
          st.execute("COMMIT");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      releaser.start();
      assertThat(registry.claimOne(W1)).isPresent();
      releaser.join();
    }
    // With a tiny busy timeout the same situation gives a clear error instead.
    try (Registry impatient = SqliteRegistry.open(dbFile(), policy, clock, Duration.ofMillis(50));
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
        Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> impatient.claimOne(W1))
          .isInstanceOf(StiltException.class)
          .hasMessageContaining("write lock");
      st.execute("ROLLBACK");
    }
  }
}
