package dev.flow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.FlowCompiler;
import dev.flow.model.Problem;
import dev.flow.parse.FlowParser;
import dev.flow.validate.FlowValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Database Poll props through the real validator: each mistake is located at its prop. */
class DatabasePollValidationTest {

  static List<String> problems(String props) {
    String yaml =
        "name: poll\n"
            + "stages:\n"
            + "  - name: changes\n"
            + "    action: Database Poll\n"
            + "    props:\n"
            + props
            + "    out: [out]\n"
            + "  - name: out\n"
            + "    action: Log\n"
            + "    props: {}\n"
            + "    out: []\n";
    return new FlowValidator(FlowCompiler.registry())
            .validate(new FlowParser(FlowParser.Options.defaults()).parse(yaml, "poll.yaml"))
            .problems()
            .stream()
            .map(Problem::format)
            .toList();
  }

  @Test
  void aValidPollHasNoProblems() {
    assertThat(
            problems(
                "      url: jdbc:postgresql://localhost/shop\n"
                    + "      table: signups\n"
                    + "      positionColumn: updated_at\n"
                    + "      keyColumn: id\n"
                    + "      delay: 2s\n"))
        .isEmpty();
  }

  @Test
  void aMissingPositionColumnIsLocatedAtTheStage() {
    assertThat(problems("      url: jdbc:postgresql://localhost/shop\n      table: signups\n"))
        .containsExactly(
            "poll.yaml:6:7: error: stage \"changes\" (Database Poll): missing required prop"
                + " 'positionColumn'");
  }

  @Test
  void badValuesAreReportedAtTheirProps() {
    assertThat(
            problems(
                "      url: postgresql://localhost/shop\n"
                    + "      table: signups\n"
                    + "      query: select 1\n"
                    + "      positionColumn: updated at\n"
                    + "      keyColumn: id\n"))
        .containsExactly(
            "poll.yaml:6:7: error: stage \"changes\" (Database Poll): a JDBC URL starts with"
                + " 'jdbc:', e.g. jdbc:postgresql://host:5432/db",
            "poll.yaml:8:7: error: stage \"changes\" (Database Poll): give either a table or a"
                + " query, e.g. table: signups",
            "poll.yaml:9:7: error: stage \"changes\" (Database Poll): 'updated at' is not a plain"
                + " column name");
  }

  @Test
  void valuesOutOfTheirLimitsAreReportedAtTheValue() {
    assertThat(
            problems(
                "      url: jdbc:postgresql://localhost/shop\n"
                    + "      table: signups\n"
                    + "      positionColumn: id\n"
                    + "      interval: 0s\n"
                    + "      batchSize: 0\n"
                    + "      retries: -1\n"
                    + "      backoff: 0ms\n"))
        .containsExactly(
            "poll.yaml:9:17: error: stage \"changes\" (Database Poll): prop 'interval' must be 1ms"
                + " or more, found 0s",
            "poll.yaml:10:18: error: stage \"changes\" (Database Poll): prop 'batchSize' must be 1"
                + " or more, found 0",
            "poll.yaml:11:16: error: stage \"changes\" (Database Poll): prop 'retries' must be 0"
                + " or more, found -1",
            "poll.yaml:12:16: error: stage \"changes\" (Database Poll): prop 'backoff' must be 1ms"
                + " or more, found 0s");
  }

  @Test
  void neitherTableNorQueryIsAnError() {
    assertThat(problems("      url: jdbc:postgresql://localhost/shop\n      positionColumn: id\n"))
        .containsExactly(
            "poll.yaml:6:7: error: stage \"changes\" (Database Poll): give either a table or a"
                + " query, e.g. table: signups");
  }
}
