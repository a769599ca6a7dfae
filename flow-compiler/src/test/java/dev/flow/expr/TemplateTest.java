package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.expr.ExpressionException.ExprError;
import dev.flow.record.FlowRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates: rendering, literal braces and located errors. */
class TemplateTest {
  private static final FlowRecord R =
      Records.of(
          "{'id': 42, 'name': 'Ann Lee', 'price': 2.5, 'ok': true, 'n': null,"
              + " 'tags': ['a', 'b'], 'obj': {'k': 'v'}}");

  private static List<ExprError> errors(String source) {
    try {
      Template.compile(source);
    } catch (ExpressionException e) {
      return e.errors();
    }
    throw new AssertionError("expected a compile error for: " + source);
  }

  @Test
  void rendersValuesAsText() throws Exception {
    Template t = Template.compile("https://api/customers/{id}?q={name}&p={price}&ok={ok}");
    assertThat(t.render(R)).isEqualTo("https://api/customers/42?q=Ann Lee&p=2.5&ok=true");
    assertThat(t.isConstant()).isFalse();
    assertThat(t.reads()).extracting(Object::toString).containsExactly("id", "name", "price", "ok");
    assertThat(Template.compile("[{n}] {tags} {obj}").render(R))
        .isEqualTo("[] [\"a\",\"b\"] {\"k\":\"v\"}");
    assertThat(Template.compile("{id * 2}{name.upperAscii()}").render(R)).isEqualTo("84ANN LEE");
  }

  @Test
  void doubledBracesAreLiteral() throws Exception {
    Template t = Template.compile("{{\"id\": {id}}}");
    assertThat(t.render(R)).isEqualTo("{\"id\": 42}");
    Template c = Template.compile("plain {{text}}");
    assertThat(c.isConstant()).isTrue();
    assertThat(c.render(R)).isEqualTo("plain {text}");
    assertThat(Template.compile("").render(R)).isEmpty();
  }

  /** The JSON body of the README's HTTP example renders as JSON. */
  @Test
  void aJsonBodyDoublesItsBracesAndQuotesItsText() throws Exception {
    Template t = Template.compile("{{\"id\": {id}, \"email\": \"{name}\", \"tags\": {tags}}}");
    assertThat(t.render(R))
        .isEqualTo("{\"id\": 42, \"email\": \"Ann Lee\", \"tags\": [\"a\",\"b\"]}");
  }

  @Test
  void bracesAndQuotesInsideExpressions() throws Exception {
    assertThat(Template.compile("{ {'a': 'x}'}['a'] }!").render(R)).isEqualTo("x}!");
  }

  @Test
  void errorsAreLocatedInTheTemplate() {
    assertThat(errors("https://x/{id +}/y"))
        .extracting(ExprError::line, ExprError::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 16));
    assertThat(errors("ab\ncd {1 + 'x'}"))
        .containsExactly(new ExprError(2, 7, "operator '+' cannot be applied to (int, string)"));
    assertThat(errors("a } b"))
        .containsExactly(new ExprError(1, 3, "unmatched '}'; write '}}' for a literal brace"));
    assertThat(errors("a {id"))
        .containsExactly(new ExprError(1, 3, "unclosed '{'; write '{{' for a literal brace"));
    assertThat(errors("x{ }"))
        .containsExactly(
            new ExprError(1, 2, "empty expression '{}'; write '{{}}' for literal braces"));
  }
}
