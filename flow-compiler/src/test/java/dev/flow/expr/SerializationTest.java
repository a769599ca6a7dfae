package dev.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flow.record.FlowRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compiled expressions survive Java serialization and recompile on first use. */
class SerializationTest {
  private static final FlowRecord R = Records.of("{'price': 2.5, 'qty': 4, 'name': 'x'}");

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void expressionRecompilesAfterDeserialization() throws Exception {
    Expression e = roundTrip(Expression.compile("price * double(qty) + bonus", Set.of("bonus")));
    assertThat(e.evaluate(R, Map.of("bonus", 1.0))).isEqualTo(11.0);
    assertThat(e.reads()).extracting(Object::toString).containsExactly("price", "qty");
    assertThat(e.source()).isEqualTo("price * double(qty) + bonus");
  }

  @Test
  void firstUseAfterDeserializationIsThreadSafe() throws Exception {
    Expression e = roundTrip(Expression.compile("price * double(qty)"));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> e.evaluate(R)));
      }
      for (java.util.concurrent.Future<Object> f : results) {
        assertThat(f.get()).isEqualTo(10.0);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void conditionAndTemplateSurviveSerialization() throws Exception {
    Condition c = roundTrip(Condition.compile("qty > 3"));
    assertThat(c.test(R)).isTrue();
    Template t = roundTrip(Template.compile("{name}-{qty}"));
    assertThat(t.render(R)).isEqualTo("x-4");
  }
}
