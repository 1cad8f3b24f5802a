package org.jstilt.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jstilt.core.StiltException;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void libpqUrlsBecomeJdbcUrlsWithUserAndPassword() {
    PostgresUrl u = PostgresUrl.parse("postgresql://stilt:p%40ss%2Fw@db.example.org:6543/runs?sslmode=require");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/runs?sslmode=require");
    assertThat(u.user()).isEqualTo("stilt");
    assertThat(u.password()).isEqualTo("p@ss/w");
    assertThat(u.redacted()).isEqualTo("jdbc:postgresql://db.example.org:6543/runs?sslmode=require (user stilt)");

    PostgresUrl plain = PostgresUrl.parse("postgres://db/runs");
    assertThat(plain.jdbcUrl()).isEqualTo("jdbc:postgresql://db/runs");
    assertThat(plain.user()).isNull();
    assertThat(plain.password()).isNull();

    assertThat(PostgresUrl.parse("postgresql:///runs").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/runs");
    assertThat(PostgresUrl.parse("postgresql://u@h/d").user()).isEqualTo("u");
  }

  @Test
  void jdbcUrlsPassThroughAndPasswordsAreRedacted() {
    PostgresUrl u = PostgresUrl.parse("jdbc:postgresql://h:5432/d?user=a&password=topsecret&ssl=true");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?user=a&password=topsecret&ssl=true");
    assertThat(u.redacted()).isEqualTo("jdbc:postgresql://h:5432/d?user=a&password=***&ssl=true");
    assertThat(PostgresUrl.redact("postgresql://a:topsecret@h/d")).isEqualTo("postgresql://a:***@h/d");
  }

  @Test
  void otherUrlsAreRejectedWithoutShowingThePassword() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://a:topsecret@h/d"))
        .isInstanceOf(StiltException.class)
        .hasMessageContaining("not a PostgreSQL URL")
        .hasMessageNotContaining("topsecret");
  }
}
