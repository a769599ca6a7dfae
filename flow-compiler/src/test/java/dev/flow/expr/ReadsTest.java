package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The field paths an expression reads. */
class ReadsTest {
  private static Set<String> reads(String source) throws ExpressionException {
    Expression e = Expression.compile(source);
    return e.reads().stream()
        .map(Object::toString)
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  @Test
  void selectChainsBecomePaths() throws Exception {
    assertThat(reads("amount > 10 && country == 'DE'")).containsExactly("amount", "country");
    assertThat(reads("customer.address.city == 'Berlin'")).containsExactly("customer.address.city");
    assertThat(reads("has(customer.address)")).containsExactly("customer.address");
    assertThat(reads("customer.?address.?zip.orValue('')")).containsExactly("customer.address.zip");
  }

  @Test
  void recordPrefixIsDropped() throws Exception {
    assertThat(reads("record.x + record['a-b']")).containsExactly("x", "a-b");
    assertThat(reads("has(record.y)")).containsExactly("y");
    assertThat(reads("customer['first.name']")).containsExactly("customer.first\\.name");
  }

  @Test
  void chainsStopAtIndexesAndCalls() throws Exception {
    assertThat(reads("items[0].price")).containsExactly("items");
    assertThat(reads("name.upperAscii().size()")).containsExactly("name");
    assertThat(reads("customer.tags.exists(t, t.code == 'vip')")).containsExactly("customer.tags");
    assertThat(reads("lists.range(3).size() + qty")).containsExactly("qty");
  }

  @Test
  void coveredPathsAreLeftOut() throws Exception {
    assertThat(reads("customer.name + customer.address.city + string(size(customer))"))
        .containsExactly("customer");
  }

  @Test
  void comprehensionVariablesAndMetaAreNotFields() throws Exception {
    assertThat(reads("[1, 2].all(x, x > limit)")).containsExactly("limit");
    assertThat(reads("meta.key + meta.topic")).isEmpty();
    assertThat(Expression.compile("meta.key").readsMeta()).isTrue();
    assertThat(reads("cel.bind(v, a.b, v + c)")).containsExactly("a.b", "c");
  }

  @Test
  void wholeRecordUse() throws Exception {
    assertThat(Expression.compile("size(record)").readsWholeRecord()).isTrue();
    assertThat(Expression.compile("record.x").readsWholeRecord()).isFalse();
    assertThat(reads("size(record) > 1")).isEmpty();
  }
}
