package dev.flow.actions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flow.record.FlowRecord;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

class IndexedSourceTest {
  private static IndexedSource source(long count) {
    return IndexedSource.builder(i -> FlowRecord.empty()).count(count).build();
  }

  @Test
  void splitsTheRangeIntoContiguousParts() {
    assertThat(source(10).split(3).toString())
        .isEqualTo(
            "[NumberSequenceSplit [0, 2] (0), NumberSequenceSplit [3, 5] (1),"
                + " NumberSequenceSplit [6, 9] (2)]");
    assertThat(source(2).split(4).toString())
        .isEqualTo("[NumberSequenceSplit [0, 0] (0), NumberSequenceSplit [1, 1] (1)]");
    assertThat(source(0).split(2)).isEmpty();
  }

  @Test
  void boundedWithACountUnboundedWithout() {
    assertThat(source(5).getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    assertThat(IndexedSource.builder(i -> FlowRecord.empty()).build().getBoundedness())
        .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
  }

  @Test
  void rejectsBadSettingsEagerly() {
    assertThatThrownBy(() -> IndexedSource.builder(i -> FlowRecord.empty()).count(-1))
        .hasMessage("count must not be negative, got -1");
    assertThatThrownBy(() -> IndexedSource.builder(i -> FlowRecord.empty()).ratePerSecond(-2))
        .hasMessage("rate must be 0 or positive, got -2.0");
    assertThatThrownBy(() -> IndexedSource.builder(null))
        .hasMessage("a generator function is required");
  }
}
