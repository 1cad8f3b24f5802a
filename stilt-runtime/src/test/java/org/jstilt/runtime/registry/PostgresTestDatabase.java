package org.jstilt.runtime.registry;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use: {@code JSTILT_TEST_POSTGRES_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres} (CI and this machine run one there).
 *
 * <p>If it cannot be reached the tests fail, saying how to start it; a developer without PostgreSQL sets
 * {@code JSTILT_SKIP_POSTGRES_TESTS=1} to skip them explicitly.
 */
final class PostgresTestDatabase {
  static final String URL = System.getenv().getOrDefault(
      "JSTILT_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private PostgresTestDatabase() {}

  /** Skips the calling test if asked to by the environment, else checks that the server answers. */
  static void requireServer() {
    assumeFalse("1".equals(System.getenv("JSTILT_SKIP_POSTGRES_TESTS")), "JSTILT_SKIP_POSTGRES_TESTS=1: PostgreSQL tests skipped");
    try (Connection c = connect()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "). Start it"
              + " (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), point"
              + " JSTILT_TEST_POSTGRES_URL at another server, or set JSTILT_SKIP_POSTGRES_TESTS=1 to skip these tests.",
          e);
    }
  }

  /** A schema name no other test run uses. */
  static String freshSchemaName() {
    return "jstilt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  static void dropSchema(String schema) {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("could not drop test schema " + schema + ": " + e.getMessage(), e);
    }
  }

  static Connection connect() throws SQLException {
    PostgresUrl u = PostgresUrl.parse(URL);
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }
}
