package dev.flow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FieldPath;
import org.junit.jupiter.api.Test;

class NamedQueryTest {

  @Test
  void namedParametersBecomeQuestionMarksInOrder() {
    NamedQuery q =
        NamedQuery.parse(
            "select a::text, ':not' from t -- :nor\n where x = :customer.domain and y = :id.");
    assertThat(q.sql()).isEqualTo("select a::text, ':not' from t -- :nor\n where x = ? and y = ?.");
    assertThat(q.params())
        .containsExactly(FieldPath.parse("customer.domain"), FieldPath.parse("id"));
  }
}
