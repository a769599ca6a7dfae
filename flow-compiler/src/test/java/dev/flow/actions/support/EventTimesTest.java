package dev.flow.actions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static long parse(String text) {
    return EventTimes.parse("at", NODES.textNode(text));
  }

  @Test
  void utcTextIsReadWithoutAFormatterAsInstantReadsIt() {
    List<String> times =
        List.of(
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00.050Z",
            "2026-12-31T23:59:59.999Z",
            "2024-02-29T12:34:56.7Z",
            "1969-12-31T23:59:59.999Z",
            "1900-03-01T01:02:03.04Z",
            "2026-06-15T08:09:10.123456Z",
            "2026-06-15T08:09:10.123456789Z",
            "0001-01-01T00:00:00Z");
    for (String t : times) {
      assertThat(EventTimes.utcMillis(t)).as(t).isEqualTo(Instant.parse(t).toEpochMilli());
      assertThat(parse(t)).as(t).isEqualTo(Instant.parse(t).toEpochMilli());
    }
  }

  @Test
  void otherFormsGoToTheFullParsers() {
    for (String t :
        List.of(
            "2026-01-01t00:00:00z",
            "2026-01-01T00:00:00+02:00",
            "2026-01-01T00:00Z",
            "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00.1234567890Z",
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:60:00Z",
            "2026-01-01T00:00:60Z",
            "2026-01-01T00:00:0xZ")) {
      assertThat(EventTimes.utcMillis(t)).as(t).isEqualTo(Long.MIN_VALUE);
    }
    assertThat(parse("2026-01-01t00:00:00z"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThat(parse("2026-01-01T02:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> parse("2026-02-30T00:00:00Z"))
        .hasMessage(
            "time field 'at' must be epoch milliseconds or an ISO-8601 time, found"
                + " \"2026-02-30T00:00:00Z\"");
  }
}
