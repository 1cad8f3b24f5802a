package org.jstilt.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.jstilt.core.ErrorCode;
import org.jstilt.core.StiltException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL, each test in a fresh schema; plus schema isolation and connection errors. */
class PostgresRegistryTest extends RegistryContractTest {

  String schema;

  @Override
  @BeforeEach
  void openRegistry() {
    PostgresTestDatabase.requireServer();
    schema = PostgresTestDatabase.freshSchemaName();
    super.openRegistry();
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      closeAll();
      opened.clear();
      PostgresTestDatabase.dropSchema(schema);
    }
  }

  @Override
  Registry openOnSameStorage(QueuePolicy p, Clock c) {
    return PostgresRegistry.open(PostgresTestDatabase.URL, schema, p, c);
  }

  @Test
  void schemasAreSeparateRegistries() {
    registry.register(specs(3), RegisterMode.KEEP);
    String other = PostgresTestDatabase.freshSchemaName();
    try (Registry r = PostgresRegistry.open(PostgresTestDatabase.URL, other, policy, clock)) {
      assertThat(r.counts()).isEqualTo(StateCounts.ZERO);
      assertThat(r.location()).contains("schema " + other);
    } finally {
      PostgresTestDatabase.dropSchema(other);
    }
    assertThat(registry.counts().total()).isEqualTo(3);
  }

  @Test
  void tablesAreInTheGivenSchemaWithCCollationIds() throws Exception {
    try (Connection c = PostgresTestDatabase.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT collation_name FROM information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = 'simulation' AND column_name = 'id'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("C");
    }
  }

  @Test
  void anUnreachableServerGivesAClearError() {
    assertThatThrownBy(() -> PostgresRegistry.open("postgresql://nobody:secret@127.0.0.1:1/none", "x", policy, clock))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY))
        .hasMessageContaining("cannot connect to the PostgreSQL registry at jdbc:postgresql://127.0.0.1:1/none")
        .hasMessageNotContaining("secret");
  }

  @Test
  void badSchemaNamesAreRejectedBeforeConnecting() {
    assertThatThrownBy(() -> PostgresRegistry.open(PostgresTestDatabase.URL, "Robert'); DROP", policy, clock))
        .isInstanceOfSatisfying(StiltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG))
        .hasMessageContaining("[a-z_][a-z0-9_]*");
  }
}
