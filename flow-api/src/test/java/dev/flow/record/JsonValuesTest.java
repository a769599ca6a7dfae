package dev.flow.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  private static JsonNode parse(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return JsonValues.parse(b, 0, b.length);
  }

  @Test
  void shortDecimalsDecodeToTheDoubleJacksonGives() throws Exception {
    Random rnd = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      int intDigits = 1 + rnd.nextInt(10);
      int fraction = 1 + rnd.nextInt(15 - Math.min(intDigits, 14));
      StringBuilder s = new StringBuilder();
      if (rnd.nextBoolean()) {
        s.append('-');
      }
      s.append(rnd.nextInt(10) == 0 ? "0" : Long.toString(1 + (long) (rnd.nextDouble() * 9e9)));
      s.setLength(Math.min(s.length(), intDigits + (s.charAt(0) == '-' ? 1 : 0)));
      s.append('.');
      for (int k = 0; k < fraction; k++) {
        s.append((char) ('0' + rnd.nextInt(10)));
      }
      String text = s.toString();
      JsonNode v = parse(text);
      JsonNode expected = Json.MAPPER.readTree(text);
      if (!v.equals(expected) || !v.isDouble()) {
        assertThat(v).as(text).isEqualTo(expected);
      }
    }
  }

  @Test
  void edgeDecimals() throws Exception {
    for (String text :
        new String[] {
          "0.0",
          "-0.0",
          "0.1",
          "0.3",
          "99.99",
          "-1.5",
          "123456789012345.0",
          "0.000000000000001",
          "999999999999999.9",
          "1.7976931348623157",
          "4.35",
          "1.0e2",
          "12345678901234567.5"
        }) {
      JsonNode v = parse(text);
      assertThat(v).as(text).isEqualTo(Json.MAPPER.readTree(text));
      assertThat(Double.doubleToRawLongBits(v.doubleValue()))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }
}
