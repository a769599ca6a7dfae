package dev.flow.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.connectors.file.WriteFileOptions.PartitionTime;
import dev.flow.record.FlowRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class PartitionTemplateTest {
  private static final long TRIGGER = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final long EVENT = 1_767_312_000_000L; // 2026-01-02T00:00:00Z
  private static final long NOW = 1_767_398_400_000L; // 2026-01-03T00:00:00Z

  private static FlowRecord record(String json) {
    return FlowRecord.parseJson(json.getBytes(StandardCharsets.UTF_8)).triggerTime(TRIGGER);
  }

  private static String render(String template, PartitionTime time, String zone, FlowRecord r)
      throws Exception {
    PartitionTemplate t = PartitionTemplate.parse(template, time, zone, null);
    return InstantiationUtil.clone(t, PartitionTemplateTest.class.getClassLoader()).render(r, NOW);
  }

  @Test
  void fieldsAndDatesFillTheTemplate() throws Exception {
    FlowRecord r = record("{\"country\":\"DE\",\"c\":{\"id\":7}}").eventTime(EVENT);
    assertThat(
            render(
                "dt={time:yyyy-MM-dd}/country={country}/c={c.id}", PartitionTime.EVENT, "UTC", r))
        .isEqualTo("dt=2026-01-02/country=DE/c=7");
  }

  @Test
  void eventTimeFallsBackToTriggerTime() throws Exception {
    assertThat(render("{time:yyyy/MM/dd/HH}", PartitionTime.EVENT, "UTC", record("{}")))
        .isEqualTo("2026/01/01/00");
  }

  @Test
  void triggerAndProcessingTimeAndZones() throws Exception {
    FlowRecord r = record("{}").eventTime(EVENT);
    assertThat(render("{time:yyyy-MM-dd}", PartitionTime.TRIGGER, "UTC", r))
        .isEqualTo("2026-01-01");
    assertThat(render("{time:yyyy-MM-dd}", PartitionTime.PROCESSING, "UTC", r))
        .isEqualTo("2026-01-03");
    assertThat(render("{time:yyyy-MM-dd HH}", PartitionTime.TRIGGER, "America/New_York", r))
        .isEqualTo("2025-12-31 19");
  }

  @Test
  void missingNullAndEmptyValuesUseTheDefault() throws Exception {
    FlowRecord r = record("{\"a\":null,\"b\":\"\"}");
    assertThat(render("{a}/{b}/{c}", null, null, r)).isEqualTo("__null__/__null__/__null__");
    PartitionTemplate t = PartitionTemplate.parse("x={a}", null, null, "none");
    assertThat(t.render(r, NOW)).isEqualTo("x=none");
  }

  @Test
  void valuesCannotEscapeTheBaseDirectory() throws Exception {
    FlowRecord r =
        record("{\"a\":\"../../etc\",\"b\":\"..\",\"c\":\"x/y z\",\"d\":\"Köln\",\"e\":[1]}");
    assertThat(render("{a}/{b}/{c}/{d}/{e}", null, null, r))
        .isEqualTo("..%2F..%2Fetc/%2E%2E/x%2Fy%20z/K%C3%B6ln/%5B1%5D");
  }

  @Test
  void noTemplateMeansTheBaseDirectory() throws Exception {
    assertThat(render(null, null, null, record("{}"))).isEmpty();
  }

  @Test
  void badTemplatesSayWhere() {
    assertThatThrownBy(() -> PartitionTemplate.parse("dt={time:yyyy", null, null, null))
        .hasMessage("partitionBy 'dt={time:yyyy' at column 4: a '{' without '}'");
    assertThatThrownBy(() -> PartitionTemplate.parse("a}b", null, null, null))
        .hasMessage("partitionBy 'a}b' at column 2: a '}' without '{'");
    assertThatThrownBy(() -> PartitionTemplate.parse("x/{a..b}", null, null, null))
        .hasMessage("partitionBy 'x/{a..b}' at column 3: field path 'a..b' has an empty segment");
    assertThatThrownBy(() -> PartitionTemplate.parse("{time:yyyy-qqqqqq}", null, null, null))
        .hasMessageStartingWith("partitionBy '{time:yyyy-qqqqqq}' at column 1: bad date pattern");
    assertThatThrownBy(() -> PartitionTemplate.parse("../{a}", null, null, null))
        .hasMessage(
            "partitionBy '../{a}' at column 1: '.' and '..' are not allowed as directory names");
    assertThatThrownBy(() -> PartitionTemplate.parse("/abs", null, null, null))
        .hasMessage(
            "partitionBy '/abs' at column 1: the partition must be relative to path (no leading '/')");
    assertThatThrownBy(() -> PartitionTemplate.parse("{a}", null, "Mars/Base", null))
        .hasMessage("unknown time zone 'Mars/Base'");
  }
}
