package dev.flow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.expr.Condition;
import dev.flow.expr.Template;
import dev.flow.model.Location;
import dev.flow.model.Node;
import dev.flow.model.Problem;
import dev.flow.parse.YamlReader;
import dev.flow.spi.Prop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding of expression props. The location mapping is tested now; the tests that compile real
 * expressions are disabled until {@code dev.flow.expr} is implemented.
 */
class ExpressionBindingTest {

  record Filter(
      @Prop(description = "Records that match pass.", required = true) Condition where,
      @Prop(description = "A URL with fields.") Template url) {}

  private final List<Problem> problems = new ArrayList<>();

  private Filter bind(String yaml) {
    Node.MapNode map =
        (Node.MapNode) new YamlReader(YamlReader.Limits.defaults()).read(yaml, "e.yaml").root();
    return new OptionsBinder("prop", "f", "Filter", problems).bind(Filter.class, map);
  }

  @Test
  void errorColumnsMapIntoTheFile() {
    Location at = new Location("e.yaml", 3, 10);
    assertThat(ExpressionBinder.locate(scalar(at, Node.ScalarNode.Style.PLAIN), 1, 5))
        .isEqualTo(new Location("e.yaml", 3, 14));
    assertThat(ExpressionBinder.locate(scalar(at, Node.ScalarNode.Style.DOUBLE_QUOTED), 1, 5))
        .isEqualTo(new Location("e.yaml", 3, 15));
    assertThat(ExpressionBinder.locate(scalar(at, Node.ScalarNode.Style.LITERAL), 2, 5))
        .isEqualTo(new Location("e.yaml", 5, 10));
    assertThat(ExpressionBinder.locate(scalar(at, Node.ScalarNode.Style.SYNTHETIC), 1, 5))
        .isEqualTo(at);
  }

  private static Node.ScalarNode scalar(Location at, Node.ScalarNode.Style style) {
    return new Node.ScalarNode("a > 1", at, style, false);
  }

  @Test
  void aMissingExpressionIsReportedLikeAnyProp() {
    assertThat(bind("url: [1]\n")).isNull();
    assertThat(problems)
        .extracting(Problem::format)
        .containsExactly(
            "e.yaml:1:1: error: stage \"f\" (Filter): missing required prop 'where'",
            "e.yaml:1:6: error: stage \"f\" (Filter): prop 'url' must be an expression (a string),"
                + " found a list");
  }

  @Test
  void validExpressionsCompile() {
    Filter f = bind("where: amount > 100\nurl: 'https://api/{id}'\n");
    assertThat(problems).isEmpty();
    assertThat(f.where().source()).isEqualTo("amount > 100");
    assertThat(f.url().source()).isEqualTo("https://api/{id}");
  }

  @Test
  void compileErrorsAreLocatedInTheFile() {
    assertThat(bind("where: amount >\n")).isNull();
    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.location().line()).isEqualTo(1);
    assertThat(p.location().column()).isGreaterThan(7);
    assertThat(p.format())
        .startsWith(
            "e.yaml:1:"
                + p.location().column()
                + ": error: stage \"f\" (Filter): prop"
                + " 'where' is not a valid condition: ");
  }
}
